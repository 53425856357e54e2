/// A user's change to one flag: switch it off, change its severity, thresholds or term lists.
public struct FlagOverride: Codable, Hashable, Sendable {
    public var enabled: Bool?
    public var severity: FlagSeverity?
    public var strongSeverity: FlagSeverity?
    public var thresholds: [String: Double]?
    public var terms: [String: [String]]?

    public init(enabled: Bool? = nil, severity: FlagSeverity? = nil, strongSeverity: FlagSeverity? = nil,
                thresholds: [String: Double]? = nil, terms: [String: [String]]? = nil) {
        self.enabled = enabled
        self.severity = severity
        self.strongSeverity = strongSeverity
        self.thresholds = thresholds
        self.terms = terms
    }
}
