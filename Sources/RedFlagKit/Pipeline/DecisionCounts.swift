import RedFlagCore

/// How many records of a run ended in each decision, plus those that could not be processed
/// (bad rows reported as error records).
public struct DecisionCounts: Codable, Hashable, Sendable {
    public var clear = 0
    public var hold = 0
    public var stop = 0
    public var errors = 0

    public init(clear: Int = 0, hold: Int = 0, stop: Int = 0, errors: Int = 0) {
        self.clear = clear
        self.hold = hold
        self.stop = stop
        self.errors = errors
    }

    public var total: Int { clear + hold + stop + errors }

    /// Counts one record: a decision, or nil for an error record.
    public mutating func add(_ decision: Decision?) {
        switch decision {
        case .clear: clear += 1
        case .hold: hold += 1
        case .stop: stop += 1
        case nil: errors += 1
        }
    }

    public static func + (a: DecisionCounts, b: DecisionCounts) -> DecisionCounts {
        DecisionCounts(clear: a.clear + b.clear, hold: a.hold + b.hold, stop: a.stop + b.stop, errors: a.errors + b.errors)
    }

    /// The worst decision seen (CLEAR for an empty run).
    public var worst: Decision { stop > 0 ? .stop : hold > 0 ? .hold : .clear }

    /// `CLEAR 998,000 · HOLD 1,900 · STOP 100` (errors only when there were some).
    public var summary: String {
        var parts = ["CLEAR \(Self.grouped(clear))", "HOLD \(Self.grouped(hold))", "STOP \(Self.grouped(stop))"]
        if errors > 0 { parts.append("errors \(Self.grouped(errors))") }
        return parts.joined(separator: " · ")
    }

    /// 1234567 → `1,234,567` (fixed, locale-independent: output is read by scripts too).
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }
}
