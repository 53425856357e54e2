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
    /// NOTE flags HUB-01 does not raise on its own (`HUB-01` term list `not_raised`: AC-01, a
    /// first-time buyer, is about the customer's history, not the route).
    private let hubNotRaised: Set<String>
    /// The license-requirement flag (`LIC-01`) and the documentation flags it scales: on a line that
    /// needs no license (EAR99 included) they are NOTEs.
    private let licenseFlag: FlagDefinition?
    private let documentationFlags: Set<String>
    /// Flags that restate the line's license requirement; COMBO-01 never counts them.
    static let licenseRequirementFlags: Set<String> = ["REG-D5MO-DEST", "REG-HQ-D5MO", "REG-D1D4-LIC", "REG-CN-CBC", "LIC-01"]
    /// Known products, for what an export leaves out (`Lists/item-catalog.json`).
    public let items: ItemCatalog
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
    public init(catalog: RedFlagCatalog, groups: CountryGroups, items: ItemCatalog = .bundled) throws {
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
        hubNotRaised = Set(catalog["HUB-01"]?.termList("not_raised").map { $0.uppercased() } ?? [])
        licenseFlag = catalog[Self.licenseFlagID].flatMap { $0.enabled ? $0 : nil }
        documentationFlags = Set(catalog[Self.licenseFlagID]?.termList("documentation_flags").map { $0.uppercased() } ?? [])
        self.items = items
        textLibrary = try TextLibrary(patterns: TextPatterns.bundled(), catalog: catalog)
    }

    /// The flag raised when the line needs a license and carries none (`license_number`,
    /// `license_exception`): STOP for presumption of denial, HOLD otherwise.
    public static let licenseFlagID = "LIC-01"

    /// Checks one line. `parties` nil means no lists were loaded.
    public func check(_ line: OrderLine, history: HistorySummary, parties: [PartyScreening]?) -> OrderCheck {
        check(line, item: ItemProfile(line: line, items: items), history: history, parties: parties)
    }

    /// Checks one line whose item profile (`ItemProfile(line:items:)` with this engine's
    /// `items`) the caller already made, for its history summary.
    public func check(_ line: OrderLine, item: ItemProfile, history: HistorySummary, parties: [PartyScreening]?) -> OrderCheck {
        let ctx = RuleContext(line: line, item: item, groups: groups, catalog: catalog, history: history, parties: parties,
                              text: LineText(line: line, library: textLibrary))
        let license = LicenseRules.determine(ctx, flags: licenseFlags)
        let licensed = license.authorization != nil
        // Documentation flags scale with the item: an item outside the advanced-computing controls
        // (EAR99 or another ECCN) that needs no license gets NOTEs; advanced ICs keep the
        // diligence the BIS diversion guidance asks for whatever the destination.
        let documentationCap: FlagSeverity? = license.status == .notRequired && !item.isAdvanced ? .note : nil
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
            var severity = hit.severity ?? (hit.strong ? (a.def.strongSeverity ?? a.def.severity) : a.def.severity)
            if let cap = hit.cap, severity > cap { severity = cap }
            var facts = hit.facts
            if hit.recordOnly {
                severity = .note
                recordOnly.insert(a.def.id)
            }
            if let cap = documentationCap, severity > cap, documentationFlags.contains(a.def.id) {
                severity = cap
                facts.append("NOTE, not \(a.def.severity.rawValue): documentation flag on a line that needs no license (\(license.status.rawValue))")
            }
            // A license requirement the line already meets is shown, not held.
            if licensed, Self.licenseRequirementFlags.contains(a.def.id), severity > .note {
                severity = .note
                facts.append("requirement met on the line: \(license.authorization!)")
            }
            findings.append(Finding(id: a.def.id, title: a.def.title, severity: severity, facts: facts,
                                    citation: a.citation, nextStep: a.nextSteps[FlagSeverity.allCases.firstIndex(of: severity)!]))
        }
        if let lic = licenseFlag, let f = licenseFinding(license, findings: findings, item: item, flag: lic) { findings.append(f) }
        var raisedByHub: Set<String> = []
        if hubRaisesNotes, let hub = findings.first(where: { $0.id == "HUB-01" }) {
            for i in findings.indices where findings[i].severity == .note && findings[i].id != hub.id && !recordOnly.contains(findings[i].id)
                && !hubNotRaised.contains(findings[i].id) && !Self.licenseRequirementFlags.contains(findings[i].id) {
                raisedByHub.insert(findings[i].id)
                findings[i].severity = .hold
                findings[i].facts.append("raised from NOTE to HOLD by HUB-01 (routing or payment through a transshipment hub)")
                findings[i].nextStep = NextStep.text(for: .hold, questions: catalog[findings[i].id]?.questions ?? [])
            }
        }
        if let combination, let combined = combine(findings, rule: combination, excluded: raisedByHub) { findings.append(combined) }
        findings.sort { $0.severity > $1.severity }
        let decision = findings.map(\.severity.decision).max() ?? .clear
        return OrderCheck(orderID: line.orderID, line: line.line, customerID: line.customerID, decision: decision, findings: findings,
                          license: license, notEvaluated: notEvaluated, parties: parties ?? [], passthrough: line.passthrough)
    }

    /// The `COMBO-01` finding when HOLD flags of at least `min_concerns` different concerns fired
    /// (after HUB-01 raised NOTEs), listing them by concern; nil otherwise. Flags of one concern
    /// count once, so near-duplicates (AC-07 and KYC-09 for the same forwarder) never combine.
    /// Counts suspicion only: not a NOTE, not a flag that restates the license requirement (AC-09
    /// for a destination that merely needs a license, the license flags), not a flag HUB-01 lifted.
    private func combine(_ findings: [Finding], rule: Combination, excluded: Set<String>) -> Finding? {
        var byConcern: [FlagConcern: [String]] = [:]
        for f in findings where f.severity == .hold && !excluded.contains(f.id) && !Self.licenseRequirementFlags.contains(f.id) {
            guard let concern = concerns[f.id], concern.combines else { continue }
            if f.id == "AC-09", !f.facts.contains(where: { $0.contains(DiversionRules.d5Marker) }) { continue }
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

    /// `LIC-01` when the line needs a license and shows none, unless a flag of at least that
    /// severity already says so (the embargo, destination, headquarters or GP10 flags).
    private func licenseFinding(_ license: LicenseDetermination, findings: [Finding], item: ItemProfile, flag: FlagDefinition) -> Finding? {
        guard license.authorization == nil else { return nil }
        let severity: FlagSeverity
        switch license.status {
        case .presumptionOfDenial: severity = flag.strongSeverity ?? .stop
        case .caseByCase, .presumptionOfApproval: severity = flag.severity
        case .notDetermined:
            // Unknown classification is reported as not evaluated; an advanced item whose
            // destination or headquarters is unknown is a license question to answer first.
            guard item.isAdvanced else { return nil }
            severity = flag.severity
        case .notRequired: return nil
        }
        let covering = Self.licenseRequirementFlags.union(["REG-EMBARGO", "REG-GP10-PRCIC"])
        if findings.contains(where: { covering.contains($0.id) && $0.severity >= severity }) { return nil }
        var facts = ["license status: \(license.status.rawValue)"] + license.basis
        if !license.missing.isEmpty { facts.append("missing: " + license.missing.joined(separator: ", ")) }
        facts.append("no license_number or license_exception on the line")
        return Finding(id: flag.id, title: flag.title, severity: severity, facts: facts, citation: flag.source.citation,
                       nextStep: NextStep.text(for: severity, questions: flag.questions))
    }
}
