import Foundation
import Testing
@testable import RedFlagLists
import RedFlagCore

/// No real FCDO XML exists in shared/lists, so only the hand-made fixture (written from the
/// secondary-source description) is tested.
@Suite("FCDO UK Sanctions List XML parser")
struct FCDOXMLParserTests {
    @Test("fixture: names and alias strength, non-Latin names, details, sanctions imposed")
    func fixture() throws {
        let list = try FCDOXMLParser.parse(ListTestFiles.fixture("uk-fcdo.xml"))
        #expect(list.source == .uk && list.format == .fcdoXML)
        #expect(list.entries.count == 4)
        #expect(list.publicationDate == "2026-02-13")

        let p = try #require(list.entries.first { $0.sourceID == "RUS9901" })
        #expect(p.id == "UK:RUS9901" && p.list == .uk)
        #expect(p.type == .person)
        #expect(p.name == "Pavel Andreyevich GRIGORYEV")
        #expect(p.programs == ["Russia"])
        #expect(p.aliases.first { $0.name == "Pavel Andreevich GRIGORIEV" }?.kind == .variation)
        #expect(p.aliases.first { $0.name == "PASHA GRIG" }?.strength == .weak)
        #expect(p.aliases.first { $0.name == "Paul GREGORY" }?.strength == .strong)
        let cyr = try #require(p.aliases.first { $0.script == "Cyrl" })
        #expect(cyr.name == "Павел Андреевич Григорьев" && cyr.language == "Russian")
        #expect(p.legal.measures == ["Asset freeze", "Travel Ban", "Director Disqualification Sanction"])
        #expect(p.datesOfBirth.map(\.from) == [PartialDate.Parts(year: 1966), PartialDate.Parts(year: 1967, month: 7, day: 4)])
        #expect(p.nationalities.map(\.code) == ["RU"])
        #expect(p.placesOfBirth == ["Samara, Russia"])
        #expect(p.titles == ["Mr", "Director General of an invented defence supplier"])
        #expect(p.identityDocuments.first?.number == "750000333" && p.identityDocuments.first?.type == "Passport")
        #expect(p.remarks.contains("UK Statement of Reasons: Invented statement: a director of an invented defence supplier."))
        #expect(p.remarks.contains("Gender: Male"))
        #expect(p.addresses.first?.country == "RU" && p.addresses.first?.postalCode == "101000")
        #expect(p.listingDates.first?.from == PartialDate.Parts(year: 2022, month: 3, day: 15))

        let e = try #require(list.entries.first { $0.sourceID == "RUS9902" })
        #expect(e.type == .entity)
        #expect(e.identityDocuments.first?.number == "1021600000001")
        #expect(e.remarks.contains("TypeOfEntity: Joint Stock Company"))
        #expect(e.remarks.contains("ParentCompany: INVENTED STATE HOLDING"))
        #expect(e.remarks.contains("Email: info@viiz.example"))

        let s = try #require(list.entries.first { $0.sourceID == "RUS9903" })
        #expect(s.type == .vessel)
        #expect(s.identityDocuments.first?.type == "IMO number" && s.identityDocuments.first?.number == "9999995")
        #expect(s.remarks.contains("CurrentBelievedFlagOfShip: Gabon"))

        let q = try #require(list.entries.first { $0.sourceID == "AQD9904" })
        #expect(q.datesOfBirth.first?.from == PartialDate.Parts(year: 1975))
        #expect(q.aliases.first { $0.script == "Arab" } != nil)
        #expect(q.nationalities.map(\.raw) == ["Saudi Arabia", "Ruritania"])
        #expect(q.remarks.contains("UN reference number: QDi.901"))
        #expect(list.warnings.counts == ["unknown country": 1])
    }

    @Test("another root element is refused with the file named")
    func wrongRoot() throws {
        let url = try ListTestFiles.temporary("<sdnList/>")
        #expect(throws: RedFlagError.self) { _ = try FCDOXMLParser.parse(url) }
    }
}
