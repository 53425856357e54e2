import RedFlagCore
import RedFlagLists

/// One output record of `redflag screen`: the result for an input record, or the error that
/// kept it from being screened. Exactly one per input record, in input order.
public enum ScreeningOutputRecord: Sendable {
    case result(ScreeningResult, line: Int?)
    case error(InputRecordError)

    /// The decision this record contributes to the exit code (errors contribute none).
    public var decision: Decision? {
        if case .result(let r, _) = self { return r.decision }
        return nil
    }
}

/// Why one input record could not be screened, and what it held (echoed so it can be fixed).
public struct InputRecordError: Error, Sendable, Equatable {
    /// 1-based line where the record starts in the input.
    public var line: Int
    public var message: String
    /// The record's fields as read (`name`, `country`… for CSV and JSON Lines, `line` for text).
    public var input: [(key: String, value: String)]

    public init(line: Int, message: String, input: [(key: String, value: String)]) {
        self.line = line
        self.message = message
        self.input = input
    }

    public static func == (a: InputRecordError, b: InputRecordError) -> Bool {
        a.line == b.line && a.message == b.message && a.input.map(\.key) == b.input.map(\.key)
            && a.input.map(\.value) == b.input.map(\.value)
    }
}

/// Tallies the outcomes of a run and turns them into the exit code.
///
/// STOP (2) wins; otherwise a record that could not be screened makes the run a data error (65),
/// since an unscreened party may be a listed one; then HOLD (1); CLEAR (0) only when every record
/// was screened and cleared.
public struct ScreeningTally: Sendable {
    public private(set) var counts: [Decision: Int] = [:]
    public private(set) var errors = 0

    public init() {}

    public mutating func add(_ record: ScreeningOutputRecord) {
        if let d = record.decision { counts[d, default: 0] += 1 } else { errors += 1 }
    }

    public var total: Int { counts.values.reduce(0, +) + errors }

    public var exitCode: Int32 {
        if counts[.stop, default: 0] > 0 { return ExitCode.stop }
        if errors > 0 { return ExitCode.dataError }
        if counts[.hold, default: 0] > 0 { return ExitCode.hold }
        return ExitCode.clear
    }

    /// `3 records: 1 STOP, 1 HOLD, 1 CLEAR, 0 errors` for stderr.
    public var summary: String {
        "\(total) records: \(counts[.stop, default: 0]) STOP, \(counts[.hold, default: 0]) HOLD, "
            + "\(counts[.clear, default: 0]) CLEAR, \(errors) not screened"
    }
}
