/// One red flag of the catalog (`Lists/redflags.json`): what it is, where it comes from, how
/// serious it is by default, which order columns it reads and its tunable thresholds.
///
/// The catalog is data so compliance can review and change it without touching code; a user
/// configuration (`--config`) overrides severities, thresholds and term lists per flag.
public struct FlagDefinition: Codable, Hashable, Sendable {
    public var id: String
    public var title: String
    /// Family for grouping and combination rules: list, regulatory, diversion, kyc, payment, routing.
    public var family: String
    /// The area of the order the flag is about, counted by the combination rule `COMBO-01`.
    public var concern: FlagConcern
    public var source: FlagSource
    /// Default severity when the flag fires.
    public var severity: FlagSeverity
    /// Severity of the flag's strong form (an exact list match, a misdeclaration request, a D:5
    /// tenant), when the flag has one.
    public var strongSeverity: FlagSeverity?
    /// Canonical order-export columns the rule reads; if one is absent the flag is reported as
    /// "not evaluated" for every order rather than passing silently.
    public var fields: [String]
    /// Numeric thresholds by name (project defaults; BIS publishes none).
    public var thresholds: [String: Double]
    /// Word and value lists by name (webmail domains, generic end uses, note phrases...).
    public var terms: [String: [String]] { didSet { prepare() } }
    /// The term lists lower-cased, prepared once for the per-line rules.
    private var lowered: [String: [String]] = [:]
    /// Term lists of `key=value` entries as dictionaries (calling codes), prepared once.
    private var keyed: [String: [String: String]] = [:]
    /// What the flag means and how the rule decides, in one or two sentences.
    public var description: String
    /// Questions to put to the customer when the flag is a HOLD.
    public var questions: [String]
    /// False for flags an order export alone cannot evaluate (listed so the gap is visible).
    public var evaluable: Bool
    /// For flags that are not evaluable: the data they would need.
    public var needs: String?
    /// Switched off by the configuration.
    public var enabled: Bool

    public init(id: String, title: String, family: String, concern: FlagConcern, source: FlagSource, severity: FlagSeverity,
                strongSeverity: FlagSeverity? = nil, fields: [String] = [], thresholds: [String: Double] = [:],
                terms: [String: [String]] = [:], description: String, questions: [String] = [],
                evaluable: Bool = true, needs: String? = nil, enabled: Bool = true) {
        self.id = id
        self.title = title
        self.family = family
        self.concern = concern
        self.source = source
        self.severity = severity
        self.strongSeverity = strongSeverity
        self.fields = fields
        self.thresholds = thresholds
        self.terms = terms
        self.description = description
        self.questions = questions
        self.evaluable = evaluable
        self.needs = needs
        self.enabled = enabled
        prepare()
    }

    private mutating func prepare() {
        lowered = terms.mapValues { $0.map { $0.lowercased() } }
        keyed = [:]
        for (name, list) in terms where !list.isEmpty && list.allSatisfy({ $0.contains("=") }) {
            var map: [String: String] = [:]
            for entry in list {
                let parts = entry.split(separator: "=", maxSplits: 1)
                if parts.count == 2 { map[String(parts[0])] = String(parts[1]) }
            }
            keyed[name] = map
        }
    }

    /// A `key=value` term list as a dictionary (e.g. calling code → countries).
    public func termMap(_ name: String) -> [String: String] { keyed[name] ?? [:] }

    enum CodingKeys: String, CodingKey {
        case id, title, family, concern, source, severity, strongSeverity, fields, thresholds, terms, description, questions
        case evaluable, needs, enabled
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        family = try c.decode(String.self, forKey: .family)
        concern = try c.decode(FlagConcern.self, forKey: .concern)
        source = try c.decode(FlagSource.self, forKey: .source)
        severity = try c.decode(FlagSeverity.self, forKey: .severity)
        strongSeverity = try c.decodeIfPresent(FlagSeverity.self, forKey: .strongSeverity)
        fields = try c.decodeIfPresent([String].self, forKey: .fields) ?? []
        thresholds = try c.decodeIfPresent([String: Double].self, forKey: .thresholds) ?? [:]
        terms = try c.decodeIfPresent([String: [String]].self, forKey: .terms) ?? [:]
        description = try c.decode(String.self, forKey: .description)
        questions = try c.decodeIfPresent([String].self, forKey: .questions) ?? []
        evaluable = try c.decodeIfPresent(Bool.self, forKey: .evaluable) ?? true
        needs = try c.decodeIfPresent(String.self, forKey: .needs)
        enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? true
        prepare()
    }

    /// A threshold by name; a missing one is a catalog defect, reported by `RedFlagCatalog.validate`.
    public func threshold(_ name: String) -> Double { thresholds[name] ?? 0 }

    /// A term list by name, folded to lower case for matching.
    public func termList(_ name: String) -> [String] { lowered[name] ?? [] }
}
