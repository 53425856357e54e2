import Foundation

/// The progress line a long batch shows on stderr: rows done, rows/s, ETA, decisions so far.
///
/// Shown only when stderr is a terminal (a pipe or a log file must not fill with carriage
/// returns) and not `--quiet`; redrawn at most every `interval` seconds so it costs nothing
/// measurable in a loop of millions of rows.
public final class ProgressReporter: @unchecked Sendable {
    public let isEnabled: Bool
    private let interval: TimeInterval
    private let start: Date
    private var lastDraw: Date = .distantPast
    private var drewSomething = false
    private let write: (String) -> Void

    /// - Parameters:
    ///   - enabled: nil decides from `isatty(stderr)`; pass false for `--quiet`.
    ///   - write: where the text goes (stderr by default; tests capture it).
    public init(enabled: Bool? = nil, interval: TimeInterval = 0.25, start: Date = Date(),
                write: @escaping (String) -> Void = { Console.writeError($0) }) {
        self.isEnabled = enabled ?? (isatty(STDERR_FILENO) == 1)
        self.interval = interval
        self.start = start
        self.write = write
    }

    /// Standard choice for a command: off with `--quiet`, else on when stderr is a terminal.
    public static func forCommand(quiet: Bool) -> ProgressReporter {
        ProgressReporter(enabled: quiet ? false : nil)
    }

    /// Redraws the line when due. `fraction` (0…1, e.g. bytes read / file size) gives the ETA; nil
    /// when the input length is unknown (stdin).
    public func update(counts: DecisionCounts, fraction: Double? = nil, now: Date = Date()) {
        guard isEnabled, now.timeIntervalSince(lastDraw) >= interval else { return }
        lastDraw = now
        drewSomething = true
        write("\r\u{1B}[K" + Self.line(counts: counts, elapsed: now.timeIntervalSince(start), fraction: fraction))
    }

    /// Clears the progress line so the summary (or an error) starts on a clean line.
    public func finish() {
        guard isEnabled, drewSomething else { return }
        write("\r\u{1B}[K")
        drewSomething = false
    }

    /// `12,345 rows · 4,321/s · 38% · ETA 0:07 · CLEAR 12,000 · HOLD 300 · STOP 45`.
    public static func line(counts: DecisionCounts, elapsed: TimeInterval, fraction: Double?) -> String {
        let rate = elapsed > 0 ? Double(counts.total) / elapsed : 0
        var parts = ["\(DecisionCounts.grouped(counts.total)) rows", "\(DecisionCounts.grouped(Int(rate)))/s"]
        if let fraction, fraction > 0 {
            let clamped = min(fraction, 1)
            parts.append("\(Int(clamped * 100))%")
            parts.append("ETA " + duration(elapsed * (1 - clamped) / clamped))
        }
        parts.append(counts.summary)
        return parts.joined(separator: " · ")
    }

    /// `1:05:03`, `4:07`, `0:09`.
    static func duration(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds.rounded()))
        let (h, m, sec) = (s / 3600, (s % 3600) / 60, s % 60)
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(sec))" : "\(m):\(two(sec))"
    }
}
