import RedFlagCore

/// Everything a rule may read about one order line.
public struct RuleContext: Sendable {
    public let line: OrderLine
    public let item: ItemProfile
    public let groups: CountryGroups
    /// The catalog in force (rules that defer to another flag look it up here).
    public let catalog: RedFlagCatalog
    public let history: HistorySummary
    /// Screening results per party; nil when no lists are loaded (list rules are then reported
    /// as not evaluated).
    public let parties: [PartyScreening]?
    /// The line's embargoed countries as facts, worked out once: the embargo rule and the license
    /// determination both start from them.
    public let embargoFacts: [String]
    /// The line's notes and end-use statement read against the free-text patterns, once.
    public let text: LineText
    /// Every party's matches not suppressed by the allow-list, each with its party, gathered
    /// once: nine screening rules read them, and copying the matches per rule cost more than
    /// the rules themselves on a HOLD/STOP-heavy export.
    let liveMatches: [(PartyScreening, ScreeningMatch)]

    public init(line: OrderLine, item: ItemProfile, groups: CountryGroups, catalog: RedFlagCatalog, history: HistorySummary,
                parties: [PartyScreening]?, text: LineText = .none) {
        self.line = line
        self.item = item
        self.groups = groups
        self.catalog = catalog
        self.history = history
        self.parties = parties
        embargoFacts = RegulatoryRules.embargoFacts(line, groups: groups)
        self.text = text
        liveMatches = (parties ?? []).flatMap { p in p.result.matches.filter { $0.suppressed == nil }.map { (p, $0) } }
    }

    public var day: CalendarDay { line.orderDate }

    /// quantity × unit price, when the price is given.
    public var orderValue: Double? { line.number(.unitPrice).map { $0 * line.quantity } }

    /// Destination countries: ship-to and end user (HK stays HK here; group lookups map it).
    public var destinations: [(OrderColumn, String)] {
        [OrderColumn.shipToCountry, .endUserCountry].compactMap { c in line.country(c).map { (c, $0) } }
    }

    /// "field = value" for a column.
    public func fact(_ c: OrderColumn) -> String { "\(c.rawValue) = \(line[c].map { $0.isEmpty ? "(empty)" : $0 } ?? "(absent)")" }

    /// The first word or phrase of the flag's term list `list` in column `c`, as whole words
    /// (`PhraseSet`), quoted with the words around it; nil without a match.
    public func quotedWord(in c: OrderColumn, _ def: FlagDefinition, _ list: String, negatable: Bool = false) -> String? {
        guard let library = text.library, let v = line.text(c) else { return nil }
        return library.quote(def.id, list, v, column: c, negatable: negatable)
    }

    /// The note evidence for the flag (see `LineText.hit`).
    public func textHit(_ def: FlagDefinition) -> Hit? { text.hit(for: def.id, self) }

    /// Whether a free-text column contains any of the terms (case-insensitive); the first hit.
    public func firstTerm(in c: OrderColumn, _ terms: [String]) -> String? {
        guard let v = line.text(c)?.lowercased() else { return nil }
        return TextSearch.first(in: v, of: terms)
    }
}

/// A flag that fired, before the catalog dresses it as a `Finding`.
public struct Hit: Sendable, Hashable {
    public var strong: Bool
    public var facts: [String]
    /// A severity decided elsewhere that the finding must carry (the decision policy's verdict on
    /// a list match, so `check` and `screen` agree), overriding the catalog's.
    public var severity: FlagSeverity?
    /// A ceiling on the catalog's severity (a documentation flag on an item that needs no license).
    public var cap: FlagSeverity?
    /// Evidence kept for the record only (a note that answers the flag's question): reported as a
    /// NOTE whatever the flag's severity, and never raised by HUB-01.
    public var recordOnly: Bool
    public init(strong: Bool = false, facts: [String], severity: FlagSeverity? = nil, cap: FlagSeverity? = nil, recordOnly: Bool = false) {
        self.strong = strong
        self.facts = facts
        self.severity = severity
        self.cap = cap
        self.recordOnly = recordOnly
    }

    /// Two pieces of evidence for one flag as one hit (nil when neither fired): facts of both,
    /// strong if either is, record-only only if both are.
    public static func merge(_ a: Hit?, _ b: Hit?) -> Hit? {
        guard let a else { return b }
        guard let b else { return a }
        if a.recordOnly != b.recordOnly {
            // A real finding leads; the answered question follows it as context.
            let (real, record) = a.recordOnly ? (b, a) : (a, b)
            return Hit(strong: real.strong, facts: real.facts + record.facts, severity: real.severity, cap: real.cap)
        }
        return Hit(strong: a.strong || b.strong, facts: a.facts + b.facts, severity: a.severity ?? b.severity,
                   cap: a.cap.flatMap { ac in b.cap.map { max(ac, $0) } }, recordOnly: a.recordOnly)
    }
}

/// One implemented red flag: its id, the thresholds and term lists it reads from the catalog,
/// and the check itself (nil = did not fire).
public struct FlagRule: Sendable {
    public var id: String
    public var thresholds: [String]
    public var terms: [String]
    /// Applies only to advanced-computing items (3A090 / 4A090 / .z).
    public var advancedOnly: Bool
    /// Reads the party screening (reported as not evaluated without lists).
    public var needsScreening: Bool
    public var evaluate: @Sendable (RuleContext, FlagDefinition) -> Hit?

    public init(_ id: String, thresholds: [String] = [], terms: [String] = [], advancedOnly: Bool = false,
                needsScreening: Bool = false, evaluate: @escaping @Sendable (RuleContext, FlagDefinition) -> Hit?) {
        self.id = id
        self.thresholds = thresholds
        self.terms = terms
        self.advancedOnly = advancedOnly
        self.needsScreening = needsScreening
        self.evaluate = evaluate
    }
}

extension FlagDefinition {
    /// A yyyymmdd threshold as a date (e.g. `controls_date` 20221007).
    func dateThreshold(_ name: String) -> CalendarDay {
        let v = Int(threshold(name))
        return CalendarDay(year: v / 10000, month: max(1, v / 100 % 100), day: max(1, v % 100))
    }
}
