import Foundation
import Testing
@testable import RedFlagLists
import RedFlagCore

@Suite("OFAC classic XML parser")
struct OFACXMLParserTests {
    @Test("fixture: names, aliases, documents, dates, countries and warnings")
    func fixture() throws {
        let list = try OFACXMLParser.parse(ListTestFiles.fixture("ofac-sdn.xml"))
        #expect(list.source == .ofacSDN)
        #expect(list.format == .ofacXML)
        #expect(list.entries.count == 8)
        #expect(list.publicationDate == "2026-03-14")
        #expect(list.files == [ListTestFiles.fixture("ofac-sdn.xml")])
        #expect(list.sha256 == (try SHA256.hex(ofFile: ListTestFiles.fixture("ofac-sdn.xml"))))

        let z = try #require(list.entries.first { $0.sourceID == "900101" })
        #expect(z.id == "OFAC-SDN:900101")
        #expect(z.list == .ofacSDN)
        #expect(z.name == "Zhongshan Everlight Microelectronics Co., Ltd.")
        #expect(z.type == .entity)
        #expect(z.programs == ["NPWMD"])
        #expect(z.addresses.first?.country == "CN")
        #expect(z.addresses.first?.lines.count == 2)
        #expect(z.addresses.first?.region == "Guangdong")
        #expect(z.identityDocuments.map(\.type) == ["Unified Social Credit Code (USCC)"])
        #expect(z.remarks.contains("Website: www.everlight-micro.example"))
        #expect(z.aliases.map(\.kind) == [.aka, .fka])

        let p = try #require(list.entries.first { $0.sourceID == "900102" })
        #expect(p.name == "PETROV, Ivan Sergeyevich")
        #expect(p.type == .person)
        #expect(p.titles == ["Deputy Director General"])
        #expect(p.datesOfBirth == [PartialDate(year: 1971, month: 3, day: 12, raw: "12 Mar 1971")])
        #expect(p.nationalities.map(\.code) == ["RU"])
        #expect(p.citizenships.map(\.code) == ["RU"])
        #expect(p.placesOfBirth == ["Tula, Russia"])
        let vanya = try #require(p.aliases.first { $0.name == "Vanya" })
        #expect(vanya.strength == .weak)
        #expect(p.aliases.first { $0.name == "PETROFF, Ivan" }?.strength == .strong)
        let passport = try #require(p.identityDocuments.first)
        #expect(passport.type == "Passport" && passport.number == "7112345678" && passport.country == "RU")
        #expect(p.remarks == ["Gender: Male"])

        let k = try #require(list.entries.first { $0.sourceID == "900103" })
        #expect(k.datesOfBirth.count == 2)
        #expect(k.datesOfBirth[0].approximate && k.datesOfBirth[0].from.year == 1968)
        #expect(k.datesOfBirth[1].to?.year == 1969)
        #expect(k.remarks == ["(Linked To: NORTHERN CRESCENT TRADING LLC)"])

        let vessel = try #require(list.entries.first { $0.sourceID == "900105" })
        #expect(vessel.type == .vessel)
        #expect(vessel.remarks.contains("Vessel flag: Palau"))
        #expect(list.entries.first { $0.sourceID == "900106" }?.type == .aircraft)
        #expect(list.entries.first { $0.sourceID == "900107" }?.nationalities.first?.code == "KP")
        #expect(list.entries.first { $0.sourceID == "900107" }?.aliases.first?.kind == .nka)

        // Unknown country and unreadable date: record kept, raw value kept, counted.
        let m = try #require(list.entries.first { $0.sourceID == "900108" })
        #expect(m.nationalities == [CountryRef(code: nil, raw: "Freedonia")])
        #expect(m.datesOfBirth.count == 2 && !m.datesOfBirth[1].isValid && m.datesOfBirth[1].raw == "sometime in the eighties")
        #expect(list.warnings.counts["unknown country"] == 1)
        #expect(list.warnings.counts["unparseable date"] == 1)
    }

    @Test("fixture: old namespace, non-SDN list decided from content")
    func oldNamespaceConsolidated() throws {
        let list = try OFACXMLParser.parse(ListTestFiles.fixture("ofac-cons-oldns.xml"))
        #expect(list.entries.count == 6)
        #expect(list.source == .ofacConsolidated)
        #expect(list.entries.allSatisfy { $0.list == .ofacConsolidated && $0.id.hasPrefix("OFAC-CONS:") })
        #expect(list.publicationDate == "2020-04-22")
        #expect(list.entries.first { $0.sourceID == "910003" }?.aliases.first?.strength == .weak)
        #expect(list.entries.first { $0.sourceID == "910003" }?.addresses.first?.country == "PS")
        #expect(list.warnings.isEmpty, "\(list.warnings.summary)")
    }

    @Test("SDN vs non-SDN rule")
    func contentRule() {
        #expect(OFACXMLParser.isConsolidatedList([["NS-PLC"], ["FSE-SY"], ["SDGT"]]))
        #expect(!OFACXMLParser.isConsolidatedList([["NS-PLC"], ["SDGT"], ["SDGT", "UKRAINE-EO13662"]]))
        #expect(!OFACXMLParser.isConsolidatedList([]))
    }

    @Test("real sdn.xml: counts, date, types, weak alias 6915")
    func realSDN() throws {
        guard let url = ListTestFiles.shared("ofac/sdn.xml") else { return }
        let list = try OFACXMLParser.parse(url)
        #expect(list.source == .ofacSDN)
        #expect(list.entries.count == 14_966)
        #expect(list.publicationDate == "2024-05-07")
        var types: [PartyType: Int] = [:]
        for e in list.entries { types[e.type, default: 0] += 1 }
        #expect(types == [.person: 6_855, .entity: 6_884, .vessel: 851, .aircraft: 376])
        let e = try #require(list.entries.first { $0.sourceID == "6915" })
        #expect(e.name == "ABDULLAH, Abdullah Ahmed")
        #expect(e.aliases.first { $0.name == "ABU MARIAM" }?.strength == .weak)
        #expect(e.datesOfBirth.first?.from.year == 1963)
        #expect(e.citizenships.first?.code == "EG")
        #expect(Set(list.entries.map(\.id)).count == 14_966)
        let weak = list.entries.reduce(0) { $0 + $1.aliases.filter { $0.strength == .weak }.count }
        let strong = list.entries.reduce(0) { $0 + $1.aliases.filter { $0.strength == .strong }.count }
        print("sdn.xml warnings: \(list.warnings.summary); aliases strong \(strong) weak \(weak)")
        #expect(weak > 3_000 && strong > 15_000)
    }

    @Test("real consolidated.xml (2025, new namespace) and 2020 (old namespace, wrong Record_Count)")
    func realConsolidated() throws {
        if let url = ListTestFiles.shared("ofac/consolidated.xml") {
            let list = try OFACXMLParser.parse(url)
            #expect(list.source == .ofacConsolidated)
            #expect(list.entries.count == 443)
            #expect(list.publicationDate == "2025-03-28")
        }
        if let url = ListTestFiles.shared("ofac/consolidated-20200422.xml") {
            let list = try OFACXMLParser.parse(url)
            #expect(list.source == .ofacConsolidated)
            #expect(list.entries.count == 375)
            // The file is named for its 2020-04-22 download; its own Publish_Date is 03/17/2020.
            #expect(list.publicationDate == "2020-03-17")
        }
    }
}
