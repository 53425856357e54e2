import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RedFlagCore
import RedFlagLists

/// Shows what `lists update` is doing, per source, on stderr: connecting, bytes received (of the
/// total when the server says it), retries, parsing, done or failed.
///
/// On a terminal it is one live line, redrawn at most every `interval` seconds, with a plain line
/// above it for each source that finishes; into a pipe or a log file it is plain lines only (no
/// carriage returns): one per step, and for the body one at every tenth of the announced size or,
/// when the size is unknown, at most one every `interval` × 20 seconds. `--quiet` turns it off.
/// Called from the download threads; a lock keeps the lines whole.
public final class DownloadProgressDisplay: @unchecked Sendable {
    /// How progress is shown.
    public enum Mode: Sendable, Equatable {
        /// A live line redrawn in place (stderr is a terminal).
        case live
        /// Plain lines (stderr is a pipe or a file).
        case lines
        /// Nothing (`--quiet`).
        case off
    }

    /// One source's state, for the live line.
    private struct State {
        var text: String
        var finished = false
        /// Plain-lines mode: the tenth (0…10) of the body last reported, and when.
        var reportedTenth = 0
        var reportedAt = Date.distantPast
    }

    public let mode: Mode
    private let interval: TimeInterval
    private let order: [ListSource]
    private let write: (String) -> Void
    private let lock = NSLock()
    private var states: [ListSource: State] = [:]
    private var lastDraw = Date.distantPast
    private var lineShown = false

    /// - Parameters:
    ///   - sources: the sources being updated, in the order the live line shows them.
    ///   - mode: nil picks `.live` when stderr is a terminal, else `.lines`.
    ///   - write: where the text goes (stderr by default; tests capture it).
    public init(sources: [ListSource], mode: Mode? = nil, interval: TimeInterval = 0.25,
                write: @escaping (String) -> Void = { Console.writeError($0) }) {
        self.mode = mode ?? (isatty(STDERR_FILENO) == 1 ? .live : .lines)
        self.interval = interval
        self.order = sources
        self.write = write
        for source in sources { states[source] = State(text: "waiting") }
    }

    /// The standard choice for a command: off with `--quiet`, else live on a terminal, lines elsewhere.
    public static func forCommand(sources: [ListSource], quiet: Bool) -> DownloadProgressDisplay {
        DownloadProgressDisplay(sources: sources, mode: quiet ? .off : nil)
    }

    /// Records one event of `source` and shows it as the mode says.
    public func report(_ source: ListSource, _ event: ListDownloader.Event, now: Date = Date()) {
        guard mode != .off else { return }
        lock.lock()
        defer { lock.unlock() }
        var state = states[source] ?? State(text: "")
        let name = source.rawValue
        var line: String?
        var redraw = true
        switch event {
        case .transfer(.connecting(let url, let attempt)):
            state.text = "connecting"
            state.reportedTenth = 0
            line = "\(name): connecting to \(url)" + (attempt > 1 ? " (attempt \(attempt))" : "")
        case .transfer(.received(let bytes, let total)):
            state.text = Self.amount(bytes, total)
            redraw = now.timeIntervalSince(lastDraw) >= interval
            if let total, total > 0 {
                let tenth = Int(min(10, bytes * 10 / total))
                if tenth > state.reportedTenth, tenth < 10 {
                    state.reportedTenth = tenth
                    line = "\(name): \(state.text)"
                }
            } else if bytes > 0, now.timeIntervalSince(state.reportedAt) >= interval * 20 {
                state.reportedAt = now
                line = "\(name): \(state.text)"
            }
        case .transfer(.retrying(let reason, let delay)):
            state.text = "retrying"
            line = "\(name): \(reason); retrying in \(Self.seconds(delay))"
        case .parsing(let bytes):
            state.text = "parsing"
            line = "\(name): downloaded \(ByteCount.text(bytes)), parsing"
        case .done(let bytes, let seconds):
            state.text = "done"
            state.finished = true
            line = "\(name): done (\(ByteCount.text(bytes)) in \(Self.seconds(seconds)))"
        case .failed(let reason):
            state.text = "failed"
            state.finished = true
            line = "\(name): failed: \(reason)"
        }
        states[source] = state

        switch mode {
        case .lines:
            if let line { write(TerminalText.escape(line) + "\n") }
        case .live:
            // Only finished sources leave a line behind; the others live in the redrawn line.
            if state.finished, let line {
                write("\r\u{1B}[K" + TerminalText.escape(line) + "\n")
                lineShown = false
                redraw = true
            }
            if redraw { drawLiveLine(now: now) }
        case .off:
            break
        }
    }

    /// Clears the live line so the summary starts on a clean line.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard mode == .live, lineShown else { return }
        write("\r\u{1B}[K")
        lineShown = false
    }

    /// `CSL 1.2 MB of 3.4 MB (35%) · UN connecting`: the sources still running.
    private func drawLiveLine(now: Date) {
        lastDraw = now
        let running = order.compactMap { source -> String? in
            guard let state = states[source], !state.finished else { return nil }
            return "\(source.rawValue) \(state.text)"
        }
        guard !running.isEmpty else {
            if lineShown { write("\r\u{1B}[K") }
            lineShown = false
            return
        }
        var text = TerminalText.escape(running.joined(separator: " · "))
        if let columns = TextTable.terminalColumns(), columns > 1 {
            text = TerminalText.truncate(text, toWidth: columns - 1)
        }
        write("\r\u{1B}[K" + text)
        lineShown = true
    }

    /// `1.2 MB of 3.4 MB (35%)`, or `1.2 MB` when the total is unknown.
    static func amount(_ bytes: Int64, _ total: Int64?) -> String {
        guard let total, total > 0 else { return ByteCount.text(bytes) }
        return "\(ByteCount.text(bytes)) of \(ByteCount.text(total)) (\(min(100, bytes * 100 / total))%)"
    }

    /// `0.5 s`, `12 s`.
    static func seconds(_ value: Double) -> String {
        value < 10 ? "\((value * 10).rounded() / 10) s" : "\(Int(value.rounded())) s"
    }
}
