/// Every implemented rule, in report order.
public enum RuleSet {
    static let all: [FlagRule] = ScreeningRules.all + RegulatoryRules.all + DiversionRules.all
        + KnowYourCustomerRules.all + PaymentRoutingRules.all

    /// Ids of the implemented flags.
    public static var implementedIDs: [String] { all.map(\.id) }

    /// What each rule reads from the catalog, for `RedFlagCatalog.validate`.
    public static var requirements: [String: (thresholds: [String], terms: [String])] {
        var r: [String: (thresholds: [String], terms: [String])] = [:]
        for rule in all { r[rule.id] = (rule.thresholds, rule.terms) }
        r["HUB-01"] = (["raise_notes"], ["not_raised"])
        r[RuleEngine.licenseFlagID] = ([], ["documentation_flags"])
        r[RuleEngine.combinationID] = (["min_concerns"], [])
        return r
    }
}
