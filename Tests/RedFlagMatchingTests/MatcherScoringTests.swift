import RedFlagCore
import Testing
@testable import RedFlagMatching

@Suite("Matcher scoring")
struct MatcherScoringTests {
    let matcher = MatcherFixture.matcher()

    private func top(_ name: String, address: String? = nil, country: String? = nil, type: PartyType? = nil, dob: String? = nil) -> ScreeningMatch? {
        matcher.screen(ScreeningQuery(name: name, address: address, country: country, type: type, dateOfBirth: dob)).matches.first
    }

    @Test("the distinctive token carries the match across legal forms, abbreviations and generic words")
    func distinctiveToken() throws {
        for q in ["Huawei Technologies Co., Ltd.", "HUAWEI TECHNOLOGIES", "Huawei Tech Company Limited", "Huawei Technologies LLC", "Huawai Technologies"] {
            let m = try #require(top(q), "\(q) found nothing")
            #expect(m.id == "CSL:1", "\(q)")
            #expect(m.score >= 0.8, "\(q): \(m.explanation.summary)")
        }
    }

    @Test("names sharing only generic words stay below the review threshold", arguments: [
        "Everbright Trading Co., Ltd.", "Global Electronics International Trading Limited", "Bright Future Technology Holding",
        "Shenzhen Electronics Trading Co", "Star Shipping Group",
    ])
    func genericNegatives(name: String) {
        let result = matcher.screen(ScreeningQuery(name: name))
        #expect(result.decision == .clear, "\(name): \(result.matches.map { "\($0.matchedName) \($0.score): \($0.explanation.summary)" })")
    }

    @Test("person names match in any order and with initials")
    func personOrder() throws {
        #expect(try #require(top("Ihsan Elashi")).score >= 0.95)
        #expect(try #require(top("ELASHI Ihsan")).id == "OFAC-SDN:100")
        let initial = try #require(top("I. Elashi"))
        #expect(initial.id == "OFAC-SDN:100")
        #expect(initial.score >= 0.8)
        #expect(try #require(top("Muhammad Abdallah Al Rashid")).id == "OFAC-SDN:101")
    }

    @Test("joined and split tokens align")
    func joinedAndSplit() throws {
        let split = try #require(top("Hua Wei Technologies"))
        #expect(split.id == "CSL:1")
        #expect(split.score >= 0.8)
        let joined = try #require(top("Beijing Huawei Yuan Aviation Equipment Factory"))
        #expect(joined.id == "CSL:6")
        #expect(joined.score >= 0.8)
    }

    @Test("original-script names match their listed aliases and romanised names")
    func crossScript() throws {
        #expect(try #require(top("华为技术有限公司")).id == "CSL:1")
        #expect(try #require(top("Рособоронэкспорт")).id == "CSL:2")
    }

    @Test("weak aliases count less than strong names")
    func weakAlias() throws {
        let m = try #require(top("Haydee Elashi"))
        #expect(m.aliasStrength == .weak)
        #expect(m.explanation.qualifiers.contains { $0.name == "weak_alias" && $0.effect < 0 })
        #expect(m.score < 1)
    }

    @Test("country, birth year and type raise or lower the score and say so")
    func qualifiers() throws {
        let plain = try #require(top("Ihsan Elashi")).score
        let agree = try #require(top("Ihsan Elashi", country: "US", type: .person, dob: "1958"))
        #expect(agree.explanation.qualifiers.map(\.name).sorted() == ["country", "date_of_birth", "type"])
        #expect(agree.score >= plain)
        let disagree = top("Ihsan Elashi", country: "FR", type: .entity, dob: "1990")
        #expect(disagree == nil || disagree!.score < plain - 0.2)
        let approx = try #require(top("Mohammed Abdullah Al-Rashid", dob: "1971"))
        #expect(approx.explanation.qualifiers.contains { $0.name == "date_of_birth" && $0.effect > 0 })
    }

    @Test("a company legal form in the query lowers a listed person, saying why")
    func legalFormNamesCompany() throws {
        let person = try #require(top("Elashi Ihsan"))
        let asCompany = try #require(matcher.screen(ScreeningQuery(name: "Elashi Ihsan GmbH")).matches.first { $0.id == person.id })
        #expect(asCompany.score < person.score - 0.05)
        #expect(asCompany.explanation.qualifiers.contains { $0.name == "type" && $0.effect < 0 && $0.detail.contains("company") })
        // A listed company keeps its score.
        #expect(try #require(top("Huawei Technologies GmbH")).explanation.qualifiers.allSatisfy { $0.name != "type" })
    }

    @Test("every match carries its token alignment and a summary")
    func explanation() throws {
        let m = try #require(top("Huawei Technologies"))
        #expect(m.explanation.tokens.contains { $0.query == "huawei" && $0.matched == "huawei" && $0.similarity == 1 })
        let huawei = m.explanation.tokens.first { $0.query == "huawei" }!.weight
        let tech = m.explanation.tokens.first { $0.query == "technology" }!.weight
        #expect(huawei > tech * 3, "distinctive token must weigh far more than a generic one")
        #expect(m.explanation.summary.contains("'huawei'~'huawei'"))
    }

    @Test("an order address matching a listed address is reported although the names differ")
    func addressOnly() throws {
        let result = matcher.screen(ScreeningQuery(name: "Pacific Ocean Widgets", address: "Room 1203, 12/F Tower 2 Lippo Centre, 89 Queensway, Admiralty, Hong Kong"))
        let hits = result.matches.filter { $0.basis == .address }
        #expect(Set(hits.map(\.id)) == ["CSL:4", "CSL:5"])
        #expect(result.decision == .hold, "address-only matches never STOP")
        #expect(hits.allSatisfy { $0.decision == .hold && $0.explanation.matchedAddress != nil })
    }

    @Test("name and address together are reported as such")
    func nameAndAddress() throws {
        let m = try #require(top("Sky Rim Trading Ltd", address: "Room 1203, 12/F, Tower 2, Lippo Centre, 89 Queensway, Admiralty, Hong Kong"))
        #expect(m.basis == .nameAndAddress)
        #expect(m.explanation.addressScore ?? 0 >= 0.8)
    }
}
