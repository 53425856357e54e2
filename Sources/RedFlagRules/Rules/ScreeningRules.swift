import RedFlagCore

/// Flags raised by screening every party on the order against the lists (REG-LIST-*, AC-08,
/// KYC-00, KYC-29). A confirmed match on a list is a REG-LIST finding at the severity the decision
/// policy gave the match (the one `screen` shows); a potential name match is AC-08 and a shared
/// listed address KYC-00, both HOLD until a person rules on them.
enum ScreeningRules {
    static let all: [FlagRule] = [
        listRule("REG-LIST-DPL"), listRule("REG-LIST-SDN"), listRule("REG-LIST-EL"), listRule("REG-LIST-MEU"),
        listRule("REG-LIST-UVL"), listRule("REG-LIST-OTHER"), similarName, sharedAddress, listedOwner,
    ]

    /// The REG-LIST flag a list's strong match raises.
    static func flagID(for list: ListCode) -> String {
        switch list {
        case .deniedPersons: return "REG-LIST-DPL"
        case .sdn, .ofacSDN: return "REG-LIST-SDN"
        case .entityList: return "REG-LIST-EL"
        case .militaryEndUser: return "REG-LIST-MEU"
        case .unverified: return "REG-LIST-UVL"
        default: return "REG-LIST-OTHER"
        }
    }

    /// A confirmed match: one the decision policy calls a STOP, or a name match scoring at or
    /// above `strong_score` (on a list the policy holds, or capped to HOLD as a weak alias: the
    /// party is the listed one, the policy says how serious that is). Address-only matches never are.
    static func isStrong(_ m: ScreeningMatch, strongScore: Double) -> Bool {
        m.decision == .stop || (m.decision == .hold && m.basis != .address && m.score >= strongScore)
    }

    /// The finding's severity for these matches: the policy's decision, never the catalog's, so a
    /// party gets the same verdict in `check` as in `screen`.
    static func severity(_ matches: [ScreeningMatch]) -> FlagSeverity {
        matches.contains { $0.decision == .stop } ? .stop : .hold
    }

    static func describe(_ p: PartyScreening, _ m: ScreeningMatch) -> String {
        var s = "\(p.role.rawValue) '\(p.result.query.name)' matches \(m.list.rawValue) \(m.id) '\(m.name)'"
        if m.matchedName != m.name { s += " (as '\(m.matchedName)')" }
        s += ", score " + Format.twoDecimals(m.score) + ", basis " + m.basis.rawValue
        if !m.programs.isEmpty { s += ", programs \(m.programs.joined(separator: "/"))" }
        if let a = m.explanation.matchedAddress { s += ", listed address '\(a)'" }
        for q in m.explanation.qualifiers where q.name == "policy" { s += "; " + q.detail }
        return s
    }

    /// The matches the allow-list left, with their parties (gathered once per line).
    static func live(_ ctx: RuleContext) -> [(PartyScreening, ScreeningMatch)] { ctx.liveMatches }

    static func listRule(_ id: String) -> FlagRule {
        FlagRule(id, thresholds: ["strong_score"], needsScreening: true) { ctx, def in
            let hits = live(ctx).filter { flagID(for: $0.1.list) == id && isStrong($0.1, strongScore: def.threshold("strong_score")) }
            return hits.isEmpty ? nil : Hit(facts: hits.map { describe($0.0, $0.1) }, severity: severity(hits.map(\.1)))
        }
    }

    static func potential(_ ctx: RuleContext, addressBasis: Bool) -> [String] {
        let strong = ctx.catalog["REG-LIST-EL"]?.threshold("strong_score") ?? 1
        return live(ctx).filter { p, m in
            m.decision != .clear && !isStrong(m, strongScore: strong) && ((m.basis == .address) == addressBasis)
        }.map { describe($0.0, $0.1) }
    }

    static let similarName = FlagRule("AC-08", needsScreening: true) { ctx, _ in
        let facts = potential(ctx, addressBasis: false)
        return facts.isEmpty ? nil : Hit(facts: facts)
    }

    /// Address matches are the matcher's (its house-number and postcode rule); the decision
    /// policy caps them, and so does this flag: HOLD at most, whatever a configuration says.
    static let sharedAddress = FlagRule("KYC-00", needsScreening: true) { ctx, _ in
        let facts = potential(ctx, addressBasis: true)
        return facts.isEmpty ? nil : Hit(facts: facts, cap: .hold)
    }

    /// The ultimate parent is itself on the Entity List, MEU List or SDN list: the ownership
    /// percentage cannot be read from an order export, so RF 29's duty to find out applies.
    static let listedOwner = FlagRule("KYC-29", thresholds: ["strong_score"], needsScreening: true) { ctx, def in
        let facts = live(ctx).filter { p, m in
            p.role == .parent && [.entityList, .militaryEndUser, .sdn, .ofacSDN].contains(m.list)
                && (isStrong(m, strongScore: def.threshold("strong_score")) || m.decision == .hold)
        }.map { describe($0.0, $0.1) + "; ownership percentage unknown" }
        return facts.isEmpty ? nil : Hit(facts: facts)
    }
}
