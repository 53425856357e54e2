import Foundation

/// The line a batch run ends with on stderr: what was done, how fast, and how it ended.
public struct RunSummary: Sendable, Hashable {
    public var command: String
    public var counts: DecisionCounts
    public var seconds: Double
    /// The signal exit code when the run was stopped early (130, 143), nil when it ran to the end.
    public var interruptedExitCode: Int32?

    public init(command: String, counts: DecisionCounts, seconds: Double, interruptedExitCode: Int32? = nil) {
        self.command = command
        self.counts = counts
        self.seconds = seconds
        self.interruptedExitCode = interruptedExitCode
    }

    /// `redflag check: 1,000,000 rows in 52.1 s (19,193/s): CLEAR 998,000 · HOLD 1,900 · STOP 100`,
    /// prefixed with `interrupted after` when stopped early.
    public var line: String {
        let rate = seconds > 0 ? Int(Double(counts.total) / seconds) : counts.total
        let time = String(format: "%.1f", seconds)
        let what = interruptedExitCode == nil ? "" : "interrupted after "
        return "redflag \(command): \(what)\(DecisionCounts.grouped(counts.total)) rows in \(time) s "
            + "(\(DecisionCounts.grouped(rate))/s): \(counts.summary)"
    }
}
