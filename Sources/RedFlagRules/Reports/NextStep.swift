/// The next step printed with each finding (bis-rules.md §2.2, "stop and report").
public enum NextStep {
    /// BIS Export Enforcement contacts, as BIS's red-flag page gives them.
    public static let reportContacts = "report suspected evasion to BIS Export Enforcement: 24-hour hotline 1-800-424-2980 or the confidential online tip form (https://www.bis.gov/enforcement); if a violation may already have happened, consider a voluntary self-disclosure under 15 CFR 764.5"

    /// The STOP instruction.
    public static let stop = "STOP: do not ship, release, finance or service (install, support, upgrade) this order; escalate to compliance; either refrain or give BIS the facts (license application or guidance request) and wait; " + reportContacts + "."

    /// The next step for a finding of this severity with the flag's own questions.
    public static func text(for severity: FlagSeverity, questions: [String]) -> String {
        switch severity {
        case .stop:
            return stop
        case .hold:
            let q = questions.isEmpty ? "ask the customer to explain the facts above in writing" : questions.joined(separator: " ")
            return "HOLD: do not proceed until a documented inquiry resolves this; ask the customer: \(q) If the answers do not clear it, treat the order as STOP."
        case .note:
            return "NOTE: record it in the customer file; it raises the risk picture together with other flags."
        }
    }
}
