import Foundation
import RedFlagCore

/// The one place where a match becomes a decision and a set of matches an overall verdict, for
/// every front end (`screen`, `check`, `rescreen`, a service): the same name gets the same
/// verdict wherever it is screened.
///
/// The policy is data (`Lists/decision-policy.json`, each line with its reason and source),
/// overridable through the `decisionPolicy` key of a `--config` file and shown by
/// `redflag policy`:
/// - which list codes (and, within a list, which programs) STOP on a confirmed match and which
///   HOLD; lists it does not name get `otherLists`;
/// - a match only through an alias the publisher marks weak is capped (HOLD) unless a date of
///   birth, nationality or address corroborates it (OFAC: weak aliases are broad and prone to
///   false hits, to be weighed with other identifying information);
/// - a match on the address alone is capped (HOLD): a shared address is a question, not the party;
/// - a stated country that contradicts every listed country (`countryContradicted`) is evidence
///   against identity: a name found exactly as listed is capped (HOLD: a person rules, never an
///   automatic STOP), and a name found only approximately (a misspelling, a variant) is no match
///   at all unless a date of birth or an address corroborates it, then capped likewise.
///
/// A match below the strong threshold of its list but at or above review is always HOLD: it
/// is a potential match a person must rule on, whatever the list.
public struct DecisionPolicy: Codable, Hashable, Sendable {
    /// What a confirmed match on one list (optionally: entries carrying one of `programs`) decides.
    public struct ListRule: Codable, Hashable, Sendable {
        /// List code as the index reports it (`SDN`, `OFAC-CONS`, `UN`…).
        public var list: String
        /// Program prefixes (`CMIC` covers `CMIC-EO13959`); nil or empty: every entry of the list.
        public var programs: [String]?
        public var decision: Decision
        public var reason: String
        public var source: String

        public init(list: String, programs: [String]? = nil, decision: Decision, reason: String, source: String) {
            self.list = list
            self.programs = programs
            self.decision = decision
            self.reason = reason
            self.source = source
        }

        /// `code` is already known to be this rule's list (the policy's index is keyed by it).
        func covers(list code: String, programs entryPrograms: [String]) -> Bool {
            guard let programs, !programs.isEmpty else { return true }
            return entryPrograms.contains { p in
                let up = p.uppercased()
                return programs.contains { up.hasPrefix($0.uppercased()) }
            }
        }
    }

    /// The decision for lists no rule names, and why.
    public struct Fallback: Codable, Hashable, Sendable {
        public var decision: Decision
        public var reason: String
    }

    /// A ceiling on what one kind of evidence can decide alone.
    public struct Cap: Codable, Hashable, Sendable {
        public var cap: Decision
        public var reason: String
        public var source: String
        /// Weak aliases only: qualifier names (`date_of_birth`, `country`, `address`) whose positive
        /// effect corroborates the match and lifts the cap.
        public var corroborating: [String]?
        /// Weak aliases only: what a match without corroboration through a short weak alias (at
        /// most `shortLetters` letters in its words, legal forms aside: "CAE", "JSC NEC") decides.
        /// CLEAR: no match at all (OFAC FAQ 122 and 124: weak AKAs include unusually common
        /// acronyms; they are not expected to be screened, only to help confirm a hit arising from
        /// other information); nil (a file written before it): `cap`.
        public var uncorroborated: Decision?
        /// See `uncorroborated`; nil: no alias is short.
        public var shortLetters: Int?
    }

    public var lists: [ListRule] { didSet { index = Self.index(lists) } }
    /// Rules by upper-cased list code, program rules first: a match is decided without comparing
    /// strings case-insensitively through Foundation for every rule (it is on the matcher's hot path).
    private var index: [String: [ListRule]] = [:]
    public var otherLists: Fallback
    public var weakAlias: Cap
    public var addressOnly: Cap
    /// What a contradicted country allows (see the type's comment). `corroborating`: the
    /// qualifiers that keep an approximate name under review despite the country.
    public var countryContradicted: Cap
    /// What a match resting on one approximately matched word allows (`LoneApproximateWord`).
    public var loneApproximateWord: LoneWordRule
    /// Where the policy came from: the bundled file, a configuration file, or the fail-safe.
    public var identity: String

    public init(lists: [ListRule], otherLists: Fallback, weakAlias: Cap, addressOnly: Cap, countryContradicted: Cap = DecisionPolicy.defaultCountryContradicted,
                loneApproximateWord: LoneWordRule = DecisionPolicy.defaultLoneApproximateWord, identity: String) {
        self.lists = lists
        index = Self.index(lists)
        self.otherLists = otherLists
        self.weakAlias = weakAlias
        self.addressOnly = addressOnly
        self.countryContradicted = countryContradicted
        self.loneApproximateWord = loneApproximateWord
        self.identity = identity
    }

    /// The country rule of a policy file written before it existed (and of the fail-safe).
    public static let defaultCountryContradicted = Cap(cap: .hold, reason: "a stated country that contradicts every listed country is evidence against identity",
                                                       source: "", corroborating: ["date_of_birth", "address"])

    private enum CodingKeys: String, CodingKey { case lists, otherLists, weakAlias, addressOnly, countryContradicted, loneApproximateWord, identity }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lists = try c.decode([ListRule].self, forKey: .lists)
        index = Self.index(lists)
        otherLists = try c.decode(Fallback.self, forKey: .otherLists)
        weakAlias = try c.decode(Cap.self, forKey: .weakAlias)
        addressOnly = try c.decode(Cap.self, forKey: .addressOnly)
        countryContradicted = try c.decodeIfPresent(Cap.self, forKey: .countryContradicted) ?? Self.defaultCountryContradicted
        loneApproximateWord = try c.decodeIfPresent(LoneWordRule.self, forKey: .loneApproximateWord) ?? Self.defaultLoneApproximateWord
        identity = try c.decodeIfPresent(String.self, forKey: .identity) ?? "Lists/decision-policy.json"
    }

    /// The bundled policy (`Lists/decision-policy.json`). When the file cannot be read the
    /// fail-safe applies: every confirmed match STOPs, with the caps kept, and `identity` says so.
    public static let bundled: DecisionPolicy = {
        do { return try loadBundled() } catch {
            return DecisionPolicy(lists: [], otherLists: Fallback(decision: .stop, reason: "fail-safe: \(error)"),
                                  weakAlias: Cap(cap: .hold, reason: "fail-safe", source: "", corroborating: ["date_of_birth", "country", "address"]),
                                  addressOnly: Cap(cap: .hold, reason: "fail-safe", source: ""),
                                  identity: "fail-safe (Lists/decision-policy.json unreadable: every confirmed match STOPs)")
        }
    }()

    /// Reads `Lists/decision-policy.json`; errors name the file.
    public static func loadBundled() throws -> DecisionPolicy {
        let (data, path) = try ProjectData.contents("decision-policy.json")
        var p = try decode(data, path: path)
        p.identity = "Lists/decision-policy.json (sha256 \(SHA256.hex(data).prefix(12)))"
        return p
    }

    static func decode(_ data: Data, path: String) throws -> DecisionPolicy {
        let p: DecisionPolicy
        do { p = try JSONDecoder().decode(DecisionPolicy.self, from: data) } catch {
            throw RedFlagError.badData(path: path, location: nil, message: "invalid decision policy: \(error)")
        }
        try p.validate(path: path)
        return p
    }

    /// Rules decide STOP or HOLD (a listed party is never CLEAR); caps are HOLD or STOP.
    public func validate(path: String) throws {
        func bad(_ m: String) -> RedFlagError { .badData(path: path, location: nil, message: "decision policy: " + m) }
        for (i, r) in lists.enumerated() {
            if r.decision == .clear { throw bad("lists[\(i)] (\(r.list)): decision CLEAR would hide a listed party; use HOLD or STOP") }
            if r.list.trimmingCharacters(in: .whitespaces).isEmpty { throw bad("lists[\(i)]: empty list code") }
            if r.reason.isEmpty { throw bad("lists[\(i)] (\(r.list)): a reason is required") }
        }
        if otherLists.decision == .clear { throw bad("otherLists: decision CLEAR would hide a listed party") }
        if weakAlias.cap == .clear || addressOnly.cap == .clear || countryContradicted.cap == .clear || loneApproximateWord.cap == .clear {
            throw bad("a cap of CLEAR would hide a listed party")
        }
        if loneApproximateWord.typoLength < 1 { throw bad("loneApproximateWord.typoLength must be at least 1") }
        if !(0...1).contains(loneApproximateWord.secondWordWeight) { throw bad("loneApproximateWord.secondWordWeight must lie in 0...1") }
    }

    /// The override a `--config` file carries under `decisionPolicy`: rules replace the bundled
    /// rule for the same list and programs or come before the bundled ones; the other keys replace.
    public struct Override: Codable, Hashable, Sendable {
        public var lists: [ListRule]?
        public var otherLists: Fallback?
        public var weakAlias: Cap?
        public var addressOnly: Cap?
        public var countryContradicted: Cap?
        public var loneApproximateWord: LoneWordRule?
    }

    /// This policy with a configuration's override applied.
    public func applying(_ o: Override, identity configIdentity: String) -> DecisionPolicy {
        var p = self
        if let rules = o.lists {
            let keys = Set(rules.map { $0.list.uppercased() + "|" + ($0.programs ?? []).map { $0.uppercased() }.sorted().joined(separator: ",") })
            p.lists = rules + lists.filter { !keys.contains($0.list.uppercased() + "|" + ($0.programs ?? []).map { $0.uppercased() }.sorted().joined(separator: ",")) }
        }
        if let f = o.otherLists { p.otherLists = f }
        if let c = o.weakAlias { p.weakAlias = c }
        if let c = o.addressOnly { p.addressOnly = c }
        if let c = o.countryContradicted { p.countryContradicted = c }
        if let r = o.loneApproximateWord { p.loneApproximateWord = r }
        p.identity = identity + " + " + configIdentity
        return p
    }

    /// The bundled policy, changed by the `decisionPolicy` key of the configuration file at `path`
    /// (if any). Other keys of the file belong to the command's own configuration and are ignored.
    public static func load(configPath path: String?) throws -> DecisionPolicy {
        let base = bundled
        guard let path else { return base }
        let url = URL(fileURLWithPath: path)
        guard let data = try? Data(contentsOf: url) else { throw RedFlagError.fileNotFound(path: path) }
        struct File: Decodable { var decisionPolicy: Override? }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch {
            throw RedFlagError.badData(path: path, location: nil, message: "invalid decisionPolicy: \(error)")
        }
        guard let o = file.decisionPolicy else { return base }
        let p = base.applying(o, identity: "\(path) (sha256 \(SHA256.hex(data).prefix(12)))")
        try p.validate(path: path)
        return p
    }

    // MARK: deciding

    /// The rule that decides a confirmed match on `list` for an entry with `programs`: a rule
    /// naming one of the entry's programs first, then the list-wide rule; nil means `otherLists`.
    public func rule(list: ListCode, programs: [String]) -> ListRule? {
        guard let rules = index[list.rawValue.uppercased()] else { return nil }
        return rules.first { $0.covers(list: list.rawValue, programs: programs) }
    }

    static func index(_ lists: [ListRule]) -> [String: [ListRule]] {
        var out: [String: [ListRule]] = [:]
        for r in lists where !(r.programs ?? []).isEmpty { out[r.list.uppercased(), default: []].append(r) }
        for r in lists where (r.programs ?? []).isEmpty { out[r.list.uppercased(), default: []].append(r) }
        return out
    }

    /// What a confirmed (strong) match on `list` decides before caps.
    public func confirmedDecision(list: ListCode, programs: [String]) -> Decision {
        rule(list: list, programs: programs)?.decision ?? otherLists.decision
    }

    /// The decision for one match and, when a cap lowered it, the qualifier that says why (for
    /// the explanation). Nil when the match is below the review threshold, or when its country
    /// contradicts the listed ones and `nameExact` is false without corroboration.
    ///
    /// `nameExact`: every token of the query's name is a token of the listed name as written
    /// (listed parts may be missing: "Nicolas Maduro" for "MADURO MOROS, Nicolas").
    /// `loneWord`: the one approximately matched word the match rests on, if it does (asked only
    /// for a match at or above review): no match unless corroborated (`loneApproximateWord`).
    /// `weakAliasLetters`: the letters of the matched weak alias's words (asked only for a weak alias;
    /// `Int.max` for a bracketed acronym the index made a weak alias, which issue 11 item 1 lets match alone).
    public func decide(score: Double, list: ListCode, programs: [String], basis: ScreeningMatch.Basis, aliasStrength: Alias.Strength,
                       qualifiers: [Qualifier], thresholds: MatchConfiguration, nameExact: Bool = true,
                       loneWord: () -> LoneApproximateWord? = { nil }, weakAliasLetters: () -> Int = { .max }) -> (decision: Decision, capped: Qualifier?)? {
        if basis == .address {
            guard score >= thresholds.addressThreshold else { return nil }
            let full = confirmedDecision(list: list, programs: programs)
            guard full > addressOnly.cap else { return (full, nil) }
            return (addressOnly.cap, Qualifier(name: "policy", effect: 0, detail: "address-only match: \(addressOnly.cap.rawValue) at most (\(addressOnly.reason))"))
        }
        var decision: Decision
        var capped: Qualifier?
        if score >= thresholds.strong(for: list) { decision = confirmedDecision(list: list, programs: programs) }
        else if score >= thresholds.review(for: list) { decision = .hold }
        else { return nil }
        if qualifiers.contains(where: { $0.name == "country" && $0.effect < 0 }) {
            let corroborated = qualifiers.contains { Set(countryContradicted.corroborating ?? []).contains($0.name) && $0.effect > 0 }
            // Two discrepancies (the spelling and the country) outweigh a similar name.
            if !nameExact && !corroborated { return nil }
            if decision > countryContradicted.cap {
                decision = countryContradicted.cap
                capped = Qualifier(name: "policy", effect: 0,
                                   detail: "country contradicts every listed country: \(countryContradicted.cap.rawValue) at most (\(countryContradicted.reason))")
            }
        }
        if let lone = loneWord() {
            // One word spelt otherwise, nothing else in common: another party unless corroborated.
            guard corroboratesLoneWord(qualifiers) else { return nil }
            // Named in the explanation even when the decision was HOLD already (unless another cap said why).
            let lowered = decision > loneApproximateWord.cap
            if lowered { decision = loneApproximateWord.cap }
            if lowered || capped == nil {
                capped = Qualifier(name: lone.qualifierName, effect: 0,
                                   detail: "rests on \(lone.restsOn), corroborated: \(loneApproximateWord.cap.rawValue) at most (\(loneApproximateWord.reason))")
            }
        }
        if aliasStrength == .weak {
            let lifting = Set(weakAlias.corroborating ?? [])
            let corroborated = qualifiers.contains { lifting.contains($0.name) && $0.effect > 0 }
            // A short weak alias (an acronym) alone only helps confirm a hit that other information raised.
            if !corroborated && weakAlias.uncorroborated == .clear, let short = weakAlias.shortLetters, weakAliasLetters() <= short { return nil }
            // A weak alias and a stated fact that contradicts the party (its type, every listed country,
            // its birth year): two discrepancies, as a similar name in the wrong country
            // (above); the alias only confirms a hit other information raises ("Ricardo AG" is no listed
            // person's weak alias RICARDO).
            if !corroborated && weakAlias.uncorroborated == .clear
                && qualifiers.contains(where: { $0.effect < 0 && Self.contradictingFacts.contains($0.name) }) { return nil }
            if !corroborated && decision > weakAlias.cap {
                return (weakAlias.cap, Qualifier(name: "policy", effect: 0,
                                                 detail: "matched only through a weak alias: \(weakAlias.cap.rawValue) at most without a corroborating date of birth, nationality or address (\(weakAlias.reason))"))
            }
        }
        return (decision, capped)
    }

    /// Qualifiers that state a fact of the query contradicting the listed party's.
    /// A legal form is none: "Ltd" and "LLC" name the same kind of company as often as not.
    static let contradictingFacts: Set<String> = ["type", "country", "date_of_birth"]

    /// The overall verdict over every live (not allow-listed) match. The same for every policy:
    /// the policy decides each match; the verdict is the most severe of them.
    public static func overall(_ matches: [ScreeningMatch]) -> Decision {
        matches.lazy.filter { $0.suppressed == nil }.map(\.decision).max() ?? .clear
    }

    /// The match that decided the verdict: the best-scored live match whose decision equals it.
    public static func decidingMatch(_ result: ScreeningResult) -> ScreeningMatch? {
        result.matches.first { $0.suppressed == nil && $0.decision == result.decision } ?? result.matches.first
    }

    /// The result for `query`: the verdict over ALL `matches`, then the display trimmed to
    /// `limit`, keeping the deciding match (so `--limit` never changes the verdict or hides its reason).
    public func result(_ query: ScreeningQuery, matches all: [ScreeningMatch], limit: Int) -> ScreeningResult {
        var matches = all
        matches.sort { $0.score > $1.score || ($0.score == $1.score && $0.id < $1.id) }
        let decision = Self.overall(matches)
        if matches.count > limit {
            let deciding = matches.firstIndex { $0.suppressed == nil && $0.decision == decision }
            var shown = Array(matches.prefix(limit))
            if let d = deciding, d >= limit { shown[limit - 1] = matches[d] }
            matches = shown
        }
        return ScreeningResult(query: query, decision: decision, matches: matches)
    }

    // MARK: display

    /// The policy as a readable table (`redflag policy`).
    public func render() -> String {
        var s = "Decision policy: \(identity)\n\n"
        s += "A match at or above its list's strong threshold is confirmed and decides as below; a match between the\n"
        s += "review and strong thresholds is HOLD on every list (a person rules on it).\n\n"
        var rows: [[String]] = [["LIST", "PROGRAMS", "CONFIRMED MATCH", "REASON", "SOURCE"]]
        for r in lists { rows.append([r.list, (r.programs ?? []).joined(separator: ",").isEmpty ? "any" : (r.programs ?? []).joined(separator: ","), r.decision.rawValue, r.reason, r.source]) }
        rows.append(["(other lists)", "any", otherLists.decision.rawValue, otherLists.reason, ""])
        let widths = (0..<4).map { i in rows.map { min(60, $0[i].count) }.max() ?? 0 }
        for row in rows {
            var line = ""
            for i in 0..<4 {
                let cell = row[i].count > 60 ? String(row[i].prefix(59)) + "…" : row[i]
                line += cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) + "  "
            }
            s += line + row[4] + "\n"
        }
        s += "\nCaps:\n"
        let short = weakAlias.uncorroborated == .clear
            ? (weakAlias.shortLetters.map { "; one of \($0) letters or fewer is no match without it" } ?? "")
                + "; nor one the stated type, country or birth year contradicts"
            : ""
        s += "  weak alias only: \(weakAlias.cap.rawValue) at most unless corroborated by \((weakAlias.corroborating ?? []).joined(separator: ", "))\(short) — \(weakAlias.reason) [\(weakAlias.source)]\n"
        s += "  address only:    \(addressOnly.cap.rawValue) at most — \(addressOnly.reason) [\(addressOnly.source)]\n"
        s += "  country contradicted: \(countryContradicted.cap.rawValue) at most for a name found exactly as listed; an approximate name is no match unless "
            + "corroborated by \((countryContradicted.corroborating ?? []).joined(separator: ", ")) — \(countryContradicted.reason) [\(countryContradicted.source)]\n"
        s += loneWordLine
        return s
    }
}
