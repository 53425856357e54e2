import RedFlagCore

/// Runs every enabled rule of the catalog over one order line and returns its decision,
/// findings, license determination and the rules it could not evaluate.
///
/// Pure and thread-safe: the check pipeline calls it in parallel for the lines of a chunk.
public struct RuleEngine: Sendable {
    public let catalog: RedFlagCatalog
    public let groups: CountryGroups
    private let active: [ActiveRule]
    /// The combination flag, when enabled, and each flag's concern, resolved once.
    private let combination: Combination?
    private let concerns: [String: FlagConcern]
    /// Definitions the per-line code reads beside the active rules, looked up once: a catalog
    /// lookup copies a definition, and every copy retains each of its fields (shared by all threads).
    private let licenseFlags: LicenseRules.Flags
    private let hubRaisesNotes: Bool
    /// The compiled free-text patterns and term lists.
    private let textLibrary: TextLibrary

    /// The flag that fires when HOLD flags of several concerns fire together (bis-rules.md §8).
    public static let combinationID = "COMBO-01"

    /// The combination flag's definition, boxed like `ActiveRule` so a line reads it in place.
    private final class Combination: Sendable {
        let def: FlagDefinition
        let minConcerns: Int
        init(_ def: FlagDefinition) {
            self.def = def
            minConcerns = max(2, Int(def.threshold("min_concerns")))
        }
    }

    /// A rule with its definition, boxed so the per-line loop does not copy the definition.
    private final class ActiveRule: Sendable {
        let rule: FlagRule
        let def: FlagDefinition
        /// The rule applied to its definition. The definition is captured, so the call borrows it:
        /// passing `def` from this class to `rule.evaluate` copied the whole definition per line.
        let evaluate: @Sendable (RuleContext) -> Hit?
        /// The catalog's `fields`, resolved once.
        let columns: [OrderColumn]
        /// The finding's citation and next step per severity, built once rather than per line.
        let citation: String
        let nextSteps: [String]
        init(_ rule: FlagRule, _ def: FlagDefinition) throws {
            self.rule = rule
            self.def = def
            let apply = rule.evaluate
            evaluate = { [def] ctx in apply(ctx, def) }
            citation = def.source.citation
            nextSteps = FlagSeverity.allCases.map { NextStep.text(for: $0, questions: def.questions) }
            columns = try def.fields.map { name in
                guard let c = OrderColumn(rawValue: name) else {
                    throw RedFlagError.projectDataMissing("redflags.json: flag \(def.id) reads unknown column \(name)")
                }
                return c
            }
        }
    }

    /// Validates that the catalog has every flag and threshold the rules read.
    public init(catalog: RedFlagCatalog, groups: CountryGroups) throws {
        try catalog.validate(requirements: RuleSet.requirements)
        self.catalog = catalog
        self.groups = groups
        active = try RuleSet.all.compactMap { rule in
            guard let def = catalog[rule.id], def.enabled else { return nil }
            return try ActiveRule(rule, def)
        }
        combination = catalog[Self.combinationID].flatMap { $0.enabled ? Combination($0) : nil }
        concerns = Dictionary(catalog.flags.map { ($0.id, $0.concern) }, uniquingKeysWith: { a, _ in a })
        licenseFlags = LicenseRules.Flags(catalog)
        hubRaisesNotes = (catalog["HUB-01"]?.threshold("raise_notes") ?? 0) > 0
        textLibrary = try TextLibrary(patterns: TextPatterns.bundled(), catalog: catalog)
    }

    /// Checks one line. `parties` nil means no lists were loaded.
    public func check(_ line: OrderLine, history: HistorySummary, parties: [PartyScreening]?) -> OrderCheck {
        let item = ItemProfile(line: line)
        let ctx = RuleContext(line: line, item: item, groups: groups, catalog: catalog, history: history, parties: parties,
                              text: LineText(line: line, library: textLibrary))
        var findings: [Finding] = []
        var recordOnly = Set<String>()
        var notEvaluated: [String] = []
        let itemUnknown = !item.isAdvanced && item.eccn == nil
        for a in active {
            if a.columns.contains(where: { !line.has($0) }) {
                let missing = a.columns.filter { !line.has($0) }.map(\.rawValue)
                notEvaluated.append("\(a.def.id): no \(missing.joined(separator: ", ")) column")
                continue
            }
            if a.rule.needsScreening && parties == nil {
                notEvaluated.append("\(a.def.id): no screening lists loaded")
                continue
            }
            if a.rule.advancedOnly && itemUnknown {
                notEvaluated.append("\(a.def.id): item classification unknown (no eccn, no item_tpp)")
                continue
            }
            if a.rule.advancedOnly && !item.isAdvanced { continue }
            guard let hit = a.evaluate(ctx) else { continue }
            var severity = hit.strong ? (a.def.strongSeverity ?? a.def.severity) : a.def.severity
            if hit.recordOnly {
                severity = .note
                recordOnly.insert(a.def.id)
            }
            findings.append(Finding(id: a.def.id, title: a.def.title, severity: severity, facts: hit.facts,
                                    citation: a.citation, nextStep: a.nextSteps[FlagSeverity.allCases.firstIndex(of: severity)!]))
        }
        if hubRaisesNotes, let hub = findings.first(where: { $0.id == "HUB-01" }) {
            for i in findings.indices where findings[i].severity == .note && findings[i].id != hub.id && !recordOnly.contains(findings[i].id) {
                findings[i].severity = .hold
                findings[i].facts.append("raised from NOTE to HOLD by HUB-01 (routing or payment through a transshipment hub)")
                findings[i].nextStep = NextStep.text(for: .hold, questions: catalog[findings[i].id]?.questions ?? [])
            }
        }
        if let combination, let combined = combine(findings, rule: combination) { findings.append(combined) }
        findings.sort { $0.severity > $1.severity }
        let decision = findings.map(\.severity.decision).max() ?? .clear
        let license = LicenseRules.determine(ctx, flags: licenseFlags)
        return OrderCheck(orderID: line.orderID, line: line.line, customerID: line.customerID, decision: decision, findings: findings,
                          license: license, notEvaluated: notEvaluated, parties: parties ?? [], passthrough: line.passthrough)
    }

    /// The `COMBO-01` finding when HOLD flags of at least `min_concerns` different concerns fired
    /// (after HUB-01 raised NOTEs), listing them by concern; nil otherwise. Flags of one concern
    /// count once, so near-duplicates (AC-07 and KYC-09 for the same forwarder) never combine.
    private func combine(_ findings: [Finding], rule: Combination) -> Finding? {
        var byConcern: [FlagConcern: [String]] = [:]
        for f in findings where f.severity == .hold {
            guard let concern = concerns[f.id], concern.combines else { continue }
            byConcern[concern, default: []].append(f.id)
        }
        let needed = rule.minConcerns
        guard byConcern.count >= needed else { return nil }
        let areas = byConcern.sorted { $0.key < $1.key }
        var facts = ["HOLD flags in \(areas.count) areas (\(needed) or more escalate): "
                     + areas.map { "\($0.key.label) (\($0.value.joined(separator: ", ")))" }.joined(separator: "; ")]
        facts.append("each must be resolved with documents before release; together they are the pattern of a diversion scheme")
        return Finding(id: rule.def.id, title: rule.def.title, severity: rule.def.severity, facts: facts,
                       citation: rule.def.source.citation, nextStep: NextStep.text(for: rule.def.severity, questions: rule.def.questions))
    }
}
