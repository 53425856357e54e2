import Foundation
import Testing
@testable import RedFlagLists
import RedFlagCore

@Suite("OFAC Enhanced XML parser")
struct OFACEnhancedXMLParserTests {
    @Test("fixture: reference values, translations, low-quality aliases, features")
    func fixture() throws {
        let list = try OFACEnhancedXMLParser.parse(ListTestFiles.fixture("ofac-enhanced.xml"))
        #expect(list.source == .ofacSDN && list.format == .ofacEnhancedXML)
        #expect(list.entries.count == 5)
        #expect(list.publicationDate == "2026-03-12")

        let s = try #require(list.entries.first { $0.sourceID == "920001" })
        #expect(s.id == "OFAC-SDN:920001")
        #expect(s.type == .person)
        #expect(s.name == "SOKOLOV, Oleg Dmitrievich")
        let cyr = try #require(s.aliases.first { $0.script == "Cyrl" })
        #expect(cyr.name == "СОКОЛОВ, Олег Дмитриевич" && cyr.kind == .variation)
        let weak = try #require(s.aliases.first { $0.name == "Sokol" })
        #expect(weak.strength == .weak && weak.kind == .aka, "aliasType resolved from refId 1400")
        #expect(s.datesOfBirth == [PartialDate(year: 1969, month: 2, day: 14, raw: "14 Feb 1969")])
        #expect(s.placesOfBirth == ["Perm, Russia"])
        #expect(s.nationalities.map(\.code) == ["RU"], "feature type resolved from featureTypeId")
        #expect(s.remarks == ["Gender: Male"])
        #expect(s.identityDocuments.first?.country == "RU", "issuing country resolved from refId")

        let u = try #require(list.entries.first { $0.sourceID == "920002" })
        #expect(u.type == .entity, "entity type resolved from refId")
        #expect(u.programs == ["RUSSIA-EO14024"])
        #expect(u.aliases.map(\.kind) == [.variation, .fka])
        let a = try #require(u.addresses.first)
        #expect(a.lines == ["ul. Vymyshlennaya 12"] && a.city == "Yekaterinburg" && a.postalCode == "620000" && a.country == "RU")
        #expect(u.remarks.contains("Website: www.uralpribor.example"))
        #expect(u.remarks.contains("(Owned or Controlled By: SIBERIAN HOLDING GROUP)"))
        #expect(u.remarks.contains("Invented remark."))

        let h = try #require(list.entries.first { $0.sourceID == "920004" })
        #expect(h.datesOfBirth.count == 2)
        #expect(h.datesOfBirth[0].from == PartialDate.Parts(year: 1970) && h.datesOfBirth[0].to == PartialDate.Parts(year: 1974))
        #expect(h.datesOfBirth[1].approximate && h.datesOfBirth[1].from.year == 1971)
        #expect(h.citizenships.map(\.code) == ["LB"])
        #expect(list.entries.first { $0.sourceID == "920005" }?.type == .vessel)
        #expect(list.entries.first { $0.sourceID == "920005" }?.identityDocuments.first?.number == "IMO 9999993")
        #expect(list.warnings.isEmpty, "\(list.warnings.summary)")
    }

    @Test("real cons_enhanced.xml: 443 entities, non-SDN, date, original scripts")
    func real() throws {
        guard let url = ListTestFiles.shared("ofac/cons_enhanced.xml") else { return }
        let list = try OFACEnhancedXMLParser.parse(url)
        #expect(list.entries.count == 443)
        #expect(list.source == .ofacConsolidated)
        #expect(list.publicationDate == "2025-01-10")
        #expect(list.entries.allSatisfy { !$0.name.isEmpty })
        #expect(list.entries.flatMap(\.aliases).contains { $0.script == "Cyrl" })
        let e = try #require(list.entries.first { $0.sourceID == "9639" })
        #expect(e.name == "HANIYA, Ismail Abdul Salah")
        #expect(e.programs == ["NS-PLC"])
        #expect(e.type == .person)
        let veb = try #require(list.entries.first { $0.sourceID == "18273" })
        #expect(veb.addresses.first?.city == "Moscow" && veb.addresses.first?.country == "RU")
        #expect(veb.identityDocuments.contains { $0.number == "1112721010995" })
        // The classic non-SDN file of a later date has the same uids for the same parties.
        if let classicURL = ListTestFiles.shared("ofac/consolidated.xml") {
            let classic = try OFACXMLParser.parse(classicURL)
            let shared = Set(classic.entries.map(\.id)).intersection(list.entries.map(\.id))
            #expect(shared.count > 400)
        }
        print("enhanced warnings: \(list.warnings.summary)")
    }
}
