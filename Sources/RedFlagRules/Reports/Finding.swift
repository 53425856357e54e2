/// One red flag that fired on an order line, with everything needed to act on it and defend the
/// decision: the facts that triggered it, the citation and the next step.
public struct Finding: Codable, Hashable, Sendable {
    public var id: String
    public var title: String
    public var severity: FlagSeverity
    /// "field = value" facts, or the list entry matched.
    public var facts: [String]
    public var citation: String
    /// What to do now: the questions for a HOLD, "do not ship…" and how to report for a STOP.
    public var nextStep: String

    public init(id: String, title: String, severity: FlagSeverity, facts: [String], citation: String, nextStep: String) {
        self.id = id
        self.title = title
        self.severity = severity
        self.facts = facts
        self.citation = citation
        self.nextStep = nextStep
    }

    enum CodingKeys: String, CodingKey { case id, title, severity, facts, citation, nextStep = "next_step" }
}
