import RedFlagCore

/// How serious a red flag is: STOP bars the deal, HOLD needs a documented inquiry first, NOTE is
/// recorded and raises the risk picture without blocking (bis-rules.md §8 severity key).
public enum FlagSeverity: String, Codable, Sendable, Comparable, CaseIterable {
    case note = "NOTE"
    case hold = "HOLD"
    case stop = "STOP"

    private var rank: Int {
        switch self {
        case .note: return 0
        case .hold: return 1
        case .stop: return 2
        }
    }

    public static func < (a: FlagSeverity, b: FlagSeverity) -> Bool { a.rank < b.rank }

    /// The line decision this severity forces on its own (a NOTE never blocks).
    public var decision: Decision {
        switch self {
        case .note: return .clear
        case .hold: return .hold
        case .stop: return .stop
        }
    }

    /// One step more serious (NOTE → HOLD → STOP), used where a signal raises another flag.
    public var raised: FlagSeverity {
        switch self {
        case .note: return .hold
        case .hold, .stop: return .stop
        }
    }
}
