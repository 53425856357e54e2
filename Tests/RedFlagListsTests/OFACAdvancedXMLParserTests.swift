import Foundation
import Testing
@testable import RedFlagLists
import RedFlagCore

@Suite("OFAC Advanced XML parser")
struct OFACAdvancedXMLParserTests {
    @Test("fixture: reference values, name parts, locations, documents, sanctions entries, dangling refs")
    func fixture() throws {
        let list = try OFACAdvancedXMLParser.parse(ListTestFiles.fixture("ofac-advanced.xml"))
        #expect(list.source == .ofacSDN && list.format == .ofacAdvancedXML)
        #expect(list.entries.count == 4)
        #expect(list.publicationDate == "2026-03-09")

        let c = try #require(list.entries.first { $0.sourceID == "930001" })
        #expect(c.id == "OFAC-SDN:930001")
        #expect(c.type == .entity)
        #expect(c.name == "CARIBBEAN INVENTED TRADING S.A.")
        #expect(c.aliases.map(\.name) == ["CITSA"])
        #expect(c.programs == ["CUBA"])
        #expect(c.listingDates.first?.from == PartialDate.Parts(year: 2019, month: 4, day: 12))
        #expect(c.addresses.count == 1)
        #expect(c.addresses.first?.city == "Havana" && c.addresses.first?.country == "CU" && c.addresses.first?.lines == ["Calle Inventada 101"])

        let b = try #require(list.entries.first { $0.sourceID == "930002" })
        #expect(b.type == .person)
        #expect(b.name == "BELOVA, Marina Igorevna", "the Primary Latin rendering is the name")
        #expect(b.aliases.first { $0.name == "Белова, Марина" }?.script == "Cyrl")
        #expect(b.aliases.first { $0.name == "Белова, Марина" }?.kind == .variation)
        #expect(b.aliases.first { $0.name == "Masha" }?.strength == .weak)
        #expect(b.datesOfBirth == [PartialDate(year: 1974, raw: "1974")])
        #expect(b.placesOfBirth == ["Omsk, Russia"])
        #expect(b.nationalities == [CountryRef(code: "RU", raw: "Russia")])
        #expect(b.addresses.first?.city == "Novosibirsk")
        #expect(b.programs == ["RUSSIA-EO14024", "UKRAINE-EO13662"])
        #expect(b.remarks == ["Gender: Female"])
        let passport = try #require(b.identityDocuments.first)
        #expect(passport.number == "720000222" && passport.country == "RU" && passport.expirationDate == "2028-06-01")

        let h = try #require(list.entries.first { $0.sourceID == "930003" })
        #expect(h.aliases.first { $0.script == "Hani" }?.name == "华新虚构光电有限公司")
        #expect(h.aliases.first { $0.name == "HUAXIN PHOTONICS" }?.kind == .fka)

        let v = try #require(list.entries.first { $0.sourceID == "930004" })
        #expect(v.type == .vessel)
        #expect(v.identityDocuments.first?.number == "IMO 9999994")
        #expect(v.remarks == ["VESSEL TYPE: Bulk Carrier"])

        // One sanctions entry for an absent party, one location that does not exist.
        #expect(list.warnings.counts == ["dangling reference": 2])
    }

    @Test("real excerpt: 37 parties kept despite dangling references")
    func realExcerpt() throws {
        guard let url = ListTestFiles.shared("ofac/sdn_advanced-excerpt-20240223.xml") else { return }
        let list = try OFACAdvancedXMLParser.parse(url)
        #expect(list.entries.count == 37)
        #expect(list.source == .ofacSDN)
        #expect(list.publicationDate == "2024-02-23")
        #expect(list.entries.allSatisfy { !$0.name.isEmpty && $0.type != .unknown })
        #expect((list.warnings.counts["dangling reference"] ?? 0) > 0)
        let aero = try #require(list.entries.first { $0.sourceID == "36" })
        #expect(aero.name == "AEROCARIBBEAN AIRLINES")
        #expect(aero.type == .entity)
        #expect(aero.aliases.contains { $0.name == "AERO-CARIBBEAN" })
        #expect(aero.addresses.first?.city == "Havana" && aero.addresses.first?.country == "CU")
        let e = try #require(list.entries.first { $0.sourceID == "36381" })
        #expect(e.name == "Emelyanova, Svetlana Petrovna", "the Advanced XML keeps the case it publishes")
        #expect(e.aliases.contains { $0.script == "Cyrl" })
        #expect(e.type == .person)
        // The same uids as the classic SDN XML of a later date.
        if let classicURL = ListTestFiles.shared("ofac/sdn.xml") {
            let classic = try OFACXMLParser.parse(classicURL)
            let byID = Dictionary(uniqueKeysWithValues: classic.entries.map { ($0.id, $0) })
            let common = list.entries.filter { byID[$0.id] != nil }
            #expect(common.count > 30)
            #expect(common.allSatisfy { byID[$0.id]?.type == $0.type })
        }
        print("advanced warnings: \(list.warnings.summary)")
    }
}
