import RedFlagCore

/// Runs every enabled rule of the catalog over one order line and returns its decision,
/// findings, license determination and the rules it could not evaluate.
///
/// Pure and thread-safe: the check pipeline calls it in parallel for the lines of a chunk.
public struct RuleEngine: Sendable {
    public let catalog: RedFlagCatalog
    public let groups: CountryGroups
    private let active: [(FlagRule, FlagDefinition)]

    /// Validates that the catalog has every flag and threshold the rules read.
    public init(catalog: RedFlagCatalog, groups: CountryGroups) throws {
        try catalog.validate(requirements: RuleSet.requirements)
        self.catalog = catalog
        self.groups = groups
        active = RuleSet.all.compactMap { rule in catalog[rule.id].flatMap { $0.enabled ? (rule, $0) : nil } }
    }

    /// Checks one line. `parties` nil means no lists were loaded.
    public func check(_ line: OrderLine, history: HistorySummary, parties: [PartyScreening]?) -> OrderCheck {
        let item = ItemProfile(line: line)
        let ctx = RuleContext(line: line, item: item, groups: groups, catalog: catalog, history: history, parties: parties)
        var findings: [Finding] = []
        var notEvaluated: [String] = []
        let itemUnknown = !item.isAdvanced && item.eccn == nil
        for (rule, def) in active {
            let missing = def.fields.filter { OrderColumn(rawValue: $0).map { !line.has($0) } ?? true }
            if !missing.isEmpty {
                notEvaluated.append("\(def.id): no \(missing.joined(separator: ", ")) column")
                continue
            }
            if rule.needsScreening && parties == nil {
                notEvaluated.append("\(def.id): no screening lists loaded")
                continue
            }
            if rule.advancedOnly && itemUnknown {
                notEvaluated.append("\(def.id): item classification unknown (no eccn, no item_tpp)")
                continue
            }
            if rule.advancedOnly && !item.isAdvanced { continue }
            guard let hit = rule.evaluate(ctx, def) else { continue }
            let severity = hit.strong ? (def.strongSeverity ?? def.severity) : def.severity
            findings.append(Finding(id: def.id, title: def.title, severity: severity, facts: hit.facts,
                                    citation: def.source.citation, nextStep: NextStep.text(for: severity, questions: def.questions)))
        }
        if let hub = findings.first(where: { $0.id == "HUB-01" }), (catalog["HUB-01"]?.threshold("raise_notes") ?? 0) > 0 {
            for i in findings.indices where findings[i].severity == .note && findings[i].id != hub.id {
                findings[i].severity = .hold
                findings[i].facts.append("raised from NOTE to HOLD by HUB-01 (routing or payment through a transshipment hub)")
                findings[i].nextStep = NextStep.text(for: .hold, questions: catalog[findings[i].id]?.questions ?? [])
            }
        }
        findings.sort { $0.severity > $1.severity }
        let decision = findings.map(\.severity.decision).max() ?? .clear
        let license = LicenseRules.determine(ctx, caseByCase: catalog["REG-CN-CBC"])
        return OrderCheck(orderID: line.orderID, line: line.line, customerID: line.customerID, decision: decision, findings: findings,
                          license: license, notEvaluated: notEvaluated, parties: parties ?? [], passthrough: line.passthrough)
    }
}
