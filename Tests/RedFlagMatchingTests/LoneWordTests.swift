import Foundation
import RedFlagCore
import Testing
@testable import RedFlagMatching

/// False alarms on organisations (issue 11): a name that matches on one word alone, spelt
/// otherwise than the listed word, is no match without corroboration (`LoneApproximateWord`,
/// the policy's `loneApproximateWord`); a listed street address stands for each of its numbers
/// once. Each case it fixes is paired with a look-alike that must still match. Every listed name
/// here is invented.
@Suite("One approximate word and other organisation look-alikes")
struct LoneWordTests {
    static let entries: [ListEntry] = {
        func entity(_ id: String, _ name: String, country: String = "RU", addresses: [Address] = []) -> ListEntry {
            ListEntry(source: .ofacSDN, sourceID: id, list: .ofacSDN, type: .entity, name: name, programs: ["RUSSIA-EO14024"],
                      addresses: addresses.isEmpty ? [Address(country: country)] : addresses)
        }
        func person(_ id: String, _ name: String, born: Int) -> ListEntry {
            ListEntry(source: .ofacSDN, sourceID: id, list: .ofacSDN, type: .person, name: name, programs: ["SDGT"],
                      nationalities: [CountryRef(code: "RU", raw: "Russia")], datesOfBirth: [PartialDate(year: born)])
        }
        return MatcherFixture.entries + [
            entity("950", "VORTEL"),
            entity("951", "BELOMORSKAYA VERFOVAYA"),
            entity("952", "KIRSAN TRADING"),
            entity("953", "DRAVEK"),
            person("954", "SAKEV, Pavel", born: 1960),
            entity("955", "MELVARO", addresses: [Address(lines: ["8 Marta Street, 10/1"], city: "Moscow", postalCode: "127083", country: "RU")]),
        ]
    }()
    static let index = try! MatchIndex(entries: entries)
    let matcher = Matcher(index: LoneWordTests.index)

    private func result(_ name: String, country: String? = nil, address: String? = nil, dob: String? = nil) -> ScreeningResult {
        matcher.screen(ScreeningQuery(name: name, address: address, country: country, dateOfBirth: dob))
    }

    private func match(_ r: ScreeningResult, _ id: String) -> ScreeningMatch? { r.matches.first { $0.id == "OFAC-SDN:\(id)" } }

    private func describe(_ r: ScreeningResult) -> String {
        r.matches.map { "\($0.id) \($0.matchedName) \($0.score) \($0.decision): \($0.explanation.summary)" }.joined(separator: " | ")
    }

    @Test("one short word a letter from a listed one-word name is no match; the name as listed still STOPs")
    func shortWordOneEditApart() {
        let other = result("Vortex Corporation")
        #expect(match(other, "950") == nil, "\(describe(other))")
        #expect(other.decision == .clear)
        #expect(match(result("Vortel Corporation"), "950")?.decision == .stop)
        #expect(match(result("VORTEL"), "950")?.decision == .stop)
    }

    @Test("a corroborating country lifts the rule to HOLD at most, named in the explanation")
    func corroborated() throws {
        let r = result("Vortex Corporation", country: "RU")
        let m = try #require(match(r, "950"), "\(describe(r))")
        #expect(m.decision == .hold)
        #expect(m.explanation.qualifiers.contains { $0.name == "lone_approximate_word" && $0.detail.contains("'vortex'~'vortel'") }, "\(describe(r))")
        // A contradicting country is no corroboration.
        #expect(match(result("Vortex Corporation", country: "FR"), "950") == nil)
    }

    @Test("an acronym is not a person's name with its consonants; the person is still found by name")
    func acronymAgainstWord() {
        let r = result("SKF AB")
        #expect(match(r, "954") == nil, "\(describe(r))")
        #expect(match(result("Pavel Sakev"), "954")?.decision == .stop)
        // One typo in a person's surname with a second name in common stays a match.
        #expect(match(result("Pavel Sakkev"), "954") != nil)
    }

    @Test("long words within the typos their length allows are the listed word mistyped")
    func longWordTypo() {
        #expect(match(result("Belomorskya Verfovaya"), "951") != nil)
        // A long one-word name: "dravekk" is one edit from "dravek" but short, "dravec" another word.
        #expect(match(result("Dravec Ltd"), "953") == nil, "\(describe(result("Dravec Ltd")))")
        #expect(LoneApproximateWord.readAnotherWay("belomorskya", "belomorskaya", typoLength: 9, person: false))
        #expect(LoneApproximateWord.readAnotherWay("ibbrahim", "ibrahim", typoLength: 9, person: false))
        #expect(!LoneApproximateWord.readAnotherWay("intel", "inter", typoLength: 9, person: false))
        #expect(!LoneApproximateWord.readAnotherWay("walmart", "welmart", typoLength: 9, person: false))
        #expect(!LoneApproximateWord.readAnotherWay("konecranes", "comecarnes", typoLength: 9, person: false))
    }

    @Test("a word read another way is no look-alike: digits for letters, a glued legal form, a name variant")
    func readAnotherWay() {
        #expect(match(result("V0RTEL"), "950") != nil, "\(describe(result("V0RTEL")))")
        #expect(LoneApproximateWord.readAnotherWay("dest1ny", "destiny", typoLength: 9, person: false))
        #expect(LoneApproximateWord.readAnotherWay("raydayincompany", "raydayin", typoLength: 9, person: false))
        #expect(LoneApproximateWord.readAnotherWay("iuliia", "julia", typoLength: 9, person: true))
        #expect(!LoneApproximateWord.readAnotherWay("sysco", "sjsco", typoLength: 9, person: false), "a company's name is spelt one way")
        #expect(!LoneApproximateWord.readAnotherWay("moderna", "modern", typoLength: 9, person: false))
    }

    @Test("a second word in common lifts the rule: a typo in a two-word name still matches")
    func secondWord() {
        let r = result("Kirsen Trading")
        #expect(match(r, "952") != nil, "\(describe(r))")
        #expect(match(result("Kirsen Ltd"), "952") == nil)
    }

    @Test("a CLEAR result's nearest candidate says the rule stopped it")
    func nearestSaysWhy() throws {
        let q = ScreeningQuery(name: "Vortex Corporation")
        let near = try #require(matcher.nearest(q).first { $0.match.id == "OFAC-SDN:950" })
        #expect(near.shortfall.contains("lone_approximate_word"), "\(near.shortfall)")
        #expect(near.shortfall.contains("'vortex'~'vortel'"), "\(near.shortfall)")
    }

    @Test("the rule is policy data: shown by the policy, changed by a configuration, a CLEAR cap refused")
    func policyData() throws {
        let p = DecisionPolicy.bundled
        #expect(p.render().contains("one approximate word"))
        #expect(p.loneApproximateWord.corroborating.contains("country"))
        let c = MatchConfiguration()
        let lone = LoneApproximateWord(query: "vortex", listed: "vortel", similarity: 0.9)
        #expect(p.decide(score: 0.9, list: .sdn, programs: [], basis: .name, aliasStrength: .strong, qualifiers: [], thresholds: c,
                         loneWord: { lone }) == nil)
        let byDate = p.decide(score: 0.95, list: .sdn, programs: [], basis: .name, aliasStrength: .strong,
                              qualifiers: [Qualifier(name: "date_of_birth", effect: 0.05, detail: "")], thresholds: c, loneWord: { lone })
        #expect(byDate?.decision == .hold)
        #expect(byDate?.capped?.name == "lone_approximate_word")
        var o = DecisionPolicy.Override()
        o.loneApproximateWord = DecisionPolicy.LoneWordRule(cap: .stop, corroborating: ["address"], typoLength: 6, secondWordWeight: 0.3,
                                                            reason: "house rule", source: "memo")
        let changed = p.applying(o, identity: "test")
        #expect(changed.loneApproximateWord.typoLength == 6)
        #expect(changed.render().contains("house rule"))
        o.loneApproximateWord?.cap = .clear
        #expect(throws: RedFlagError.self) { try p.applying(o, identity: "test").validate(path: "test.json") }
    }

    @Test("each listed number stands for one number of the query address")
    func addressNumbersOnce() {
        let same = result("Pacific Widgets", address: "8 Marta Street, 10/1, Moscow, 127083")
        #expect(same.matches.contains { $0.id == "OFAC-SDN:955" && $0.basis == .address }, "\(describe(same))")
        let other = result("Pacific Widgets", address: "1 Marta Street, 10/1, Moscow, 127083")
        #expect(!other.matches.contains { $0.id == "OFAC-SDN:955" }, "\(describe(other))")
    }
}
