/// The outcome of screening a party or checking an order line, in increasing severity.
///
/// STOP means do not proceed and report (15 CFR 732 Supp. 3: "stop and report"); HOLD means a
/// person must resolve the alert before the deal goes on; CLEAR means nothing was found.
public enum Decision: String, Codable, Sendable, Comparable, CaseIterable {
    case clear = "CLEAR"
    case hold = "HOLD"
    case stop = "STOP"

    private var rank: Int {
        switch self {
        case .clear: return 0
        case .hold: return 1
        case .stop: return 2
        }
    }

    public static func < (a: Decision, b: Decision) -> Bool { a.rank < b.rank }

    /// The process exit code for a run whose worst outcome is this decision.
    public var exitCode: Int32 {
        switch self {
        case .clear: return ExitCode.clear
        case .hold: return ExitCode.hold
        case .stop: return ExitCode.stop
        }
    }
}
