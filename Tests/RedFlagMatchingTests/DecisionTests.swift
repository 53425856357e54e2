import Foundation
import RedFlagCore
import Testing
@testable import RedFlagMatching
import RedFlagKit
import RedFlagLists

@Suite("Screening decision")
struct DecisionTests {
    @Test("a strong match on a barring list is a STOP")
    func stop() {
        let r = MatcherFixture.matcher().screen(ScreeningQuery(name: "Huawei Technologies Co Ltd"))
        #expect(r.decision == .stop)
        #expect(r.matches.first?.decision == .stop)
    }

    @Test("a strong match on a list that does not bar the deal (UVL) is a HOLD")
    func unverifiedHolds() {
        let r = MatcherFixture.matcher().screen(ScreeningQuery(name: "Shenzhen Bright Star Electronics Trading Co., Ltd."))
        #expect(r.matches.first?.list == .unverified)
        #expect(r.decision == .hold)
    }

    func decide(_ c: MatchConfiguration, _ score: Double, _ list: ListCode, _ basis: ScreeningMatch.Basis = .name,
                programs: [String] = [], strength: Alias.Strength = .strong, qualifiers: [Qualifier] = []) -> Decision? {
        c.policy.decide(score: score, list: list, programs: programs, basis: basis, aliasStrength: strength, qualifiers: qualifiers, thresholds: c)?.decision
    }

    @Test("a match between review and strong thresholds is a HOLD; below review is CLEAR")
    func thresholds() {
        let config = MatchConfiguration()
        #expect(decide(config, 0.95, .entityList) == .stop)
        #expect(decide(config, 0.85, .entityList) == .hold)
        #expect(decide(config, 0.70, .entityList) == nil)
        #expect(decide(config, 0.99, .entityList, .address) == .hold)
        #expect(decide(config, 0.99, .cmic) == .hold)
    }

    @Test("one policy: an OFAC non-SDN entry gets its CSL list's verdict; UN, EU, UK and SDN STOP; unknown lists HOLD")
    func policyPerListAndProgram() {
        let c = MatchConfiguration()
        #expect(decide(c, 0.99, .ofacConsolidated, programs: ["CMIC-EO13959"]) == decide(c, 0.99, .cmic))
        #expect(decide(c, 0.99, .ofacConsolidated, programs: ["UKRAINE-EO13662", "RUSSIA-EO14024"]) == decide(c, 0.99, .ssi))
        #expect(decide(c, 0.99, .ofacConsolidated, programs: ["NS-PLC"]) == decide(c, 0.99, .plc))
        #expect(decide(c, 0.99, .ofacConsolidated, programs: ["SOMETHING-NEW"]) == .hold)
        for list in [ListCode.un, .eu, .uk, .sdn, .ofacSDN, .deniedPersons, .militaryEndUser] { #expect(decide(c, 0.99, list) == .stop, "\(list)") }
        #expect(decide(c, 0.99, ListCode("NEW-LIST")) == .hold)
        #expect(c.policy.rule(list: .ofacConsolidated, programs: ["CMIC-EO13959"])?.programs == ["CMIC"])
    }

    @Test("a weak alias alone is HOLD at most, saying so; a corroborating date of birth, nationality or address lifts the cap, a contradicting one drops the match")
    func weakAliasCap() {
        let c = MatchConfiguration()
        let capped = c.policy.decide(score: 0.95, list: .sdn, programs: [], basis: .name, aliasStrength: .weak, qualifiers: [], thresholds: c)
        #expect(capped?.decision == .hold)
        #expect(capped?.capped?.detail.contains("weak alias") == true)
        for q in ["date_of_birth", "country", "address"] {
            #expect(decide(c, 0.95, .sdn, strength: .weak, qualifiers: [Qualifier(name: q, effect: 0.03, detail: "")]) == .stop, "\(q)")
        }
        // A contradicting fact is no corroboration: with the weak alias, two discrepancies, no match ("Ricardo AG" is no
        // listed person's weak alias RICARDO); a corroborating fact beside it keeps the match.
        for q in ["country", "type", "date_of_birth"] {
            #expect(decide(c, 0.95, .sdn, strength: .weak, qualifiers: [Qualifier(name: q, effect: -0.05, detail: "")]) == nil, "\(q)")
        }
        #expect(decide(c, 0.95, .sdn, strength: .weak, qualifiers: [Qualifier(name: "legal_form", effect: -0.02, detail: "")]) == .hold)
        #expect(decide(c, 0.95, .sdn, strength: .weak, qualifiers: [Qualifier(name: "type", effect: -0.1, detail: ""),
                                                                     Qualifier(name: "date_of_birth", effect: 0.03, detail: "")]) == .stop)
        #expect(decide(c, 0.95, .sdn, strength: .strong) == .stop)
    }

    @Test("a contradicted country: an exact name is HOLD at most, an approximate one no match unless a date of birth or address corroborates it")
    func countryContradicted() {
        let c = MatchConfiguration()
        let against = Qualifier(name: "country", effect: -0.05, detail: "")
        let exact = c.policy.decide(score: 0.95, list: .sdn, programs: [], basis: .name, aliasStrength: .strong, qualifiers: [against], thresholds: c)
        #expect(exact?.decision == .hold)
        #expect(exact?.capped?.detail.contains("country") == true)
        #expect(decide(c, 0.85, .sdn, qualifiers: [against]) == .hold)
        #expect(c.policy.decide(score: 0.95, list: .sdn, programs: [], basis: .name, aliasStrength: .strong, qualifiers: [against], thresholds: c,
                                nameExact: false) == nil)
        let dob = Qualifier(name: "date_of_birth", effect: 0.05, detail: "")
        #expect(c.policy.decide(score: 0.95, list: .sdn, programs: [], basis: .name, aliasStrength: .strong, qualifiers: [against, dob], thresholds: c,
                                nameExact: false)?.decision == .hold)
        // A matching country changes nothing.
        #expect(decide(c, 0.95, .sdn, qualifiers: [Qualifier(name: "country", effect: 0.03, detail: "")]) == .stop)
        #expect(c.policy.render().contains("country contradicted"))
    }

    @Test("the weak-alias cap reaches the screening result and its explanation")
    func weakAliasInResult() {
        let r = MatcherFixture.matcher().screen(ScreeningQuery(name: "Haydee Elashi"))
        let m = r.matches.first { $0.id.hasSuffix(":100") }
        #expect(m?.aliasStrength == .weak)
        #expect(m?.decision == .hold)
        #expect(m?.explanation.qualifiers.contains { $0.name == "policy" } == true)
        #expect(r.decision == .hold)
        let corroborated = MatcherFixture.matcher().screen(ScreeningQuery(name: "Haydee Elashi", dateOfBirth: "1958"))
        #expect(corroborated.matches.first { $0.id.hasSuffix(":100") }?.decision == .stop)
    }

    @Test("--limit trims the display, never the verdict, and keeps the deciding match")
    func limitKeepsVerdict() {
        // Generic words alone match nothing ("Shenzhen Trading Company Limited" is not the listed
        // "Shenzhen Bright Star Electronics Trading", nor a name with words of its own the listed
        // "Trading Company Limited"): a name with the words of two listed names' own.
        let q = ScreeningQuery(name: "Zarvan Keltor Trading Company Limited")
        let all = Self.twoParties(MatchConfiguration(reviewThreshold: 0.3)).screen(q)
        let one = Self.twoParties(MatchConfiguration(reviewThreshold: 0.3, limit: 1)).screen(q)
        #expect(all.matches.count > 1)
        #expect(one.matches.count == 1)
        #expect(one.decision == all.decision)
        #expect(one.matches[0].decision == one.decision)
        // And as a pure function: a STOP ranked below the limit still decides and is shown.
        let p = DecisionPolicy.bundled
        func m(_ id: String, _ s: Double, _ d: Decision) -> ScreeningMatch {
            ScreeningMatch(score: s, id: id, source: .csl, list: .entityList, name: id, matchedName: id, aliasStrength: .strong, type: .entity,
                           programs: [], countries: [], decision: d, basis: .name, explanation: MatchExplanation(nameScore: s, tokens: [], qualifiers: [], summary: ""))
        }
        let r = p.result(q, matches: [m("a", 0.99, .hold), m("b", 0.98, .hold), m("c", 0.95, .stop)], limit: 2)
        #expect(r.decision == .stop)
        #expect(r.matches.map(\.id) == ["a", "c"])
        #expect(DecisionPolicy.decidingMatch(r)?.id == "c")
    }

    @Test("a configuration's decisionPolicy changes the policy; a CLEAR rule is refused")
    func policyOverride() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rf-policy-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(#"{"decisionPolicy": {"lists": [{"list": "CMIC", "decision": "STOP", "reason": "house policy", "source": "compliance memo"}]}}"#.utf8).write(to: url)
        let c = try MatchConfiguration.load(from: url)
        #expect(decide(c, 0.99, .cmic) == .stop)
        #expect(decide(c, 0.99, .ssi) == .hold)
        #expect(c.policy.identity.contains(url.path))
        #expect(try DecisionPolicy.load(configPath: url.path).confirmedDecision(list: .cmic, programs: []) == .stop)
        try Data(#"{"decisionPolicy": {"lists": [{"list": "SDN", "decision": "CLEAR", "reason": "x", "source": "y"}]}}"#.utf8).write(to: url)
        #expect(throws: RedFlagError.self) { try MatchConfiguration.load(from: url) }
    }

    @Test("per-list overrides change only their list")
    func perList() throws {
        let json = #"{"reviewThreshold": 0.8, "lists": {"UVL": {"reviewThreshold": 0.95, "strongThreshold": 0.99}}}"#
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rf-config-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let config = try MatchConfiguration.load(from: url)
        #expect(config.strongThreshold == 0.92)
        #expect(config.review(for: .unverified) == 0.95)
        #expect(decide(config, 0.9, .unverified) == nil)
        #expect(decide(config, 0.9, .entityList) == .hold)
        #expect(config.lowestReview == 0.8)
    }

    @Test("invalid configuration files are refused with the file named")
    func invalidConfig() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rf-config-\(UUID().uuidString).json")
        try Data(#"{"reviewThreshold": 0.95, "strongThreshold": 0.9}"#.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: RedFlagError.self) { try MatchConfiguration.load(from: url) }
        do { _ = try MatchConfiguration.load(from: url) } catch let e as RedFlagError {
            #expect(e.description.contains(url.path))
            #expect(e.exitCode == ExitCode.dataError)
        }
    }

    /// The fixture with two listed companies that share their own words: one query matches both.
    static func twoParties(_ configuration: MatchConfiguration) -> Matcher {
        let parties = [ListEntry(source: .csl, sourceID: "900", list: .entityList, type: .entity, name: "ZARVAN KELTOR TRADING LLC", programs: ["EAR"]),
                       ListEntry(source: .csl, sourceID: "901", list: .unverified, type: .entity, name: "ZARVAN KELTOR HOLDING", programs: ["EAR"])]
        return Matcher(index: try! MatchIndex(entries: MatcherFixture.entries + parties), configuration: configuration)
    }

    @Test("the limit caps the matches returned, best first")
    func limit() {
        let q = ScreeningQuery(name: "Zarvan Keltor Trading Company Limited")
        let all = Self.twoParties(MatchConfiguration(reviewThreshold: 0.3, strongThreshold: 0.95)).screen(q)
        let r = Self.twoParties(MatchConfiguration(reviewThreshold: 0.3, strongThreshold: 0.95, limit: 1)).screen(q)
        #expect(all.matches.count == 2)
        #expect(zip(all.matches, all.matches.dropFirst()).allSatisfy { $0.score >= $1.score })
        #expect(r.matches.count == 1)
        #expect(r.matches.first?.id == all.matches.first?.id)
    }
}

/// The weak-alias cap on the real OFAC SDN list (skips without ../shared/lists).
@Suite("Decision policy on the real SDN list")
struct RealWeakAliasTests {
    @Test("a listed party's weak alias alone is HOLD, saying so; its primary name STOPs",
          .enabled(if: SharedLists.available))
    func weakAliasAloneHolds() throws {
        let entries = try SharedLists.entries(["ofac/sdn.xml"])
        let engine = try ScreeningEngine(listSet: ListSet(entries: entries, snapshots: []), configuration: .default)
        // Entity entries whose weak alias is distinctive enough to match on its own.
        let candidates = entries.filter { $0.type == .entity }.compactMap { e -> (ListEntry, Alias)? in
            e.aliases.first { $0.strength == .weak && $0.name.split(separator: " ").count >= 2 }.map { (e, $0) }
        }.prefix(40)
        #expect(!candidates.isEmpty)
        var checked = 0
        for (entry, alias) in candidates {
            let r = engine.screen(ScreeningQuery(name: alias.name))
            guard let m = r.matches.first(where: { $0.id == entry.id && $0.matchedName == alias.name }) else { continue }
            checked += 1
            #expect(m.decision <= .hold, "\(alias.name): \(m.decision)")
            if m.score >= MatchConfiguration.default.strongThreshold {
                #expect(m.explanation.qualifiers.contains { $0.name == "policy" && $0.detail.contains("weak alias") }, "\(alias.name)")
            }
            let primary = engine.screen(ScreeningQuery(name: entry.name))
            #expect(primary.decision == .stop, "\(entry.name)")
        }
        #expect(checked >= 5, "only \(checked) weak aliases matched their own entry")
    }
}
