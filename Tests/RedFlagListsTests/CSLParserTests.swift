import Foundation
import Testing
@testable import RedFlagLists
import RedFlagCore

@Suite("CSL CSV and JSON parsers")
struct CSLParserTests {
    @Test func fixture2022Style() throws {
        let list = try CSLCSVParser.parse(ListTestFiles.fixture("csl.csv"))
        #expect(list.source == .csl)
        #expect(list.format == .cslCSV)
        #expect(list.entries.count == 8)
        #expect(Set(list.entries.map(\.list)) == [.entityList, .deniedPersons, .unverified, .militaryEndUser, .sdn, .isn])
        // Newest start_date stands in for the publication date the CSL does not carry.
        #expect(list.publicationDate == "2024-03-15")
        #expect(list.sha256.count == 64)

        let el = try #require(list.entries.first { $0.name == "Shenzhen Velocity Compute Technology Co., Ltd." })
        #expect(el.id == "CSL:c0ffee01a1b2c3d4e5f60718293a4b5c")
        #expect(el.type == .unknown)
        #expect(el.aliases.map(\.name) == ["Velocity Compute HK Limited", "SVCT"])
        #expect(el.aliases.allSatisfy { $0.strength == .unknown })
        #expect(el.addresses.count == 2)
        #expect(el.addresses.map(\.country) == ["CN", "HK"])
        #expect(el.addresses[0].postalCode == "518057")
        #expect(el.addresses[0].lines.first == "Room 1203")
        #expect(el.addresses[1].full?.hasPrefix("Unit 5, 18/F") == true)
        #expect(el.legal.federalRegisterNotices == ["89 FR 12345", "90 FR 23456"])
        #expect(el.legal.licensePolicy == "Presumption of denial.")
        #expect(el.legal.licenseRequirement?.hasPrefix("For all items subject to the EAR") == true)
        #expect(el.legal.sourceInformationURL != nil)
        #expect(el.listingDates.map(\.description) == ["2024-03-15"])

        let dpl = try #require(list.entries.first { $0.list == .deniedPersons })
        #expect(dpl.name == "Arktos Freight Forwarding LLC")
        #expect(dpl.addresses.first?.country == "AE")
        #expect(dpl.legal.endDate == "2033-06-01")
        #expect(dpl.legal.standardOrder == "Y")

        // A name with padding and an embedded newline is normalised.
        let uvl = try #require(list.entries.first { $0.list == .unverified })
        #expect(uvl.name == "Sunrise Horizon Electronics Trading FZE")
        #expect(uvl.addresses.first?.country == "AE")
        #expect(uvl.addresses.first?.lines == ["Warehouse 14", "Jebel Ali Free Zone South", "Dubai"])

        let meu = try #require(list.entries.first { $0.list == .militaryEndUser })
        #expect(meu.name == "Novosibirsk Aviation Instruments JSC")
        #expect(meu.addresses.first?.country == "RU")
        #expect(meu.aliases.map(\.name) == ["NAI JSC", "Novosibirskiye Aviapribory"])
    }

    @Test func fixture2022PersonFields() throws {
        let list = try CSLCSVParser.parse(ListTestFiles.fixture("csl.csv"))
        let sdn = try #require(list.entries.first { $0.sourceID == "91001" })
        #expect(sdn.type == .person)
        #expect(sdn.programs == ["SDGT", "IRGC"])
        #expect(sdn.titles == ["Procurement Director"])
        #expect(sdn.datesOfBirth.count == 2)
        #expect(sdn.datesOfBirth[0].approximate)
        #expect(sdn.datesOfBirth[0].from.year == 1955)
        #expect(sdn.datesOfBirth[1].description == "1957-10-10")
        #expect(sdn.citizenships.map(\.code) == ["RU"])
        // An unknown country code is kept raw and counted, never dropped.
        #expect(sdn.nationalities.map(\.raw) == ["RU", "XQ"])
        #expect(sdn.nationalities.map(\.code) == ["RU", nil])
        #expect(sdn.placesOfBirth == ["Tula, Russia"])
        // 2022 ids are `number, type`.
        #expect(sdn.identityDocuments.contains(IdentityDocument(type: "Gender", number: "Male")))
        #expect(sdn.identityDocuments.contains(IdentityDocument(type: "Passport", number: "7701234567")))

        let vessel = try #require(list.entries.first { $0.sourceID == "91002" })
        #expect(vessel.type == .vessel)
        #expect(vessel.remarks.contains("Call sign: HPXY9"))
        #expect(vessel.identityDocuments == [IdentityDocument(type: "Vessel Registration Identification", number: "IMO 9123456")])

        // Bad fields are kept with their raw text and counted.
        let bad = try #require(list.entries.first { $0.name == "Marlow Isotope Trading" })
        #expect(bad.listingDates.first?.isValid == false)
        #expect(bad.listingDates.first?.raw == "sometime in 2020")
        #expect(bad.datesOfBirth.first?.raw == "not a date")
        #expect(list.warnings.counts["unparseable date"] == 2)
        #expect(list.warnings.counts["unknown country"] == 1)
        #expect(list.warnings.examples.contains { $0.value == "XQ" && $0.record == "91001" })
    }

    @Test func fixture2025Style() throws {
        let list = try CSLCSVParser.parse(ListTestFiles.fixture("csl-2025.csv"))
        #expect(list.entries.count == 3)
        let pak = try #require(list.entries.first { $0.sourceID == "92001" })
        // 2025 ids are `type, number[, country]`.
        #expect(pak.identityDocuments == [
            IdentityDocument(type: "Passport", number: "836299001", country: "KP", countryRaw: "KP"),
            IdentityDocument(type: "Gender", number: "Male"),
            IdentityDocument(type: "SWIFT/BIC", number: "INVTKPPY"),
        ])
        #expect(pak.datesOfBirth.first?.to?.year == 1975)
        let mbs = try #require(list.entries.first { $0.sourceID == "92002" })
        #expect(mbs.list == .nsMBS)
        #expect(mbs.type == .entity)
        #expect(mbs.identityDocuments.first?.country == "RU")
        let el = try #require(list.entries.first { $0.list == .entityList })
        #expect(el.addresses.first?.country == "IN")
        #expect(el.aliases.map(\.name) == ["Kestrel MWS", "Kestrel Microwave"])
        #expect(list.warnings.isEmpty)
    }

    @Test func listCodeComesFromTheParenthesisedCode() {
        #expect(CSLRecord.listCode(fromSource: "Military End User (MEU) List - Bureau of Industry and Security") == .militaryEndUser)
        #expect(CSLRecord.listCode(fromSource: "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department") == .nsMBS)
        #expect(CSLRecord.listCode(fromSource: "Capta List (CAP) - Treasury Department") == .capta)
        #expect(CSLRecord.listCode(fromSource: "A renamed list (XYZ)") == ListCode("XYZ"))
        #expect(CSLRecord.listCode(fromSource: "no code here") == nil)
    }

    @Test func jsonFixture() throws {
        let list = try CSLJSONParser.parse(ListTestFiles.fixture("csl.json"))
        #expect(list.format == .cslJSON)
        #expect(list.entries.count == 3)
        #expect(list.publicationDate == "2024-03-15")
        let el = try #require(list.entries.first)
        #expect(el.list == .entityList)
        #expect(el.type == .unknown)
        #expect(el.aliases.map(\.name) == ["Velocity Compute HK Limited", "SVCT"])
        #expect(el.addresses.map(\.country) == ["CN", "HK"])
        #expect(el.addresses[0].city == "Shenzhen")
        #expect(el.addresses[0].postalCode == "518057")
        let person = try #require(list.entries.first { $0.sourceID == "91001" })
        #expect(person.type == .person)
        #expect(person.programs == ["SDGT", "IRGC"])
        #expect(person.datesOfBirth.first?.approximate == true)
        #expect(person.identityDocuments.first == IdentityDocument(type: "Passport", number: "7701234567", country: "RU",
                                                                   countryRaw: "RU", issueDate: "2015-04-01"))
        let dpl = try #require(list.entries.first { $0.list == .deniedPersons })
        #expect(dpl.legal.standardOrder == "Y")
        #expect(dpl.addresses.first?.country == "AE")
    }

    @Test func jsonAndCSVAgreeOnTheSameParty() throws {
        let csv = try CSLCSVParser.parse(ListTestFiles.fixture("csl.csv"))
        let json = try CSLJSONParser.parse(ListTestFiles.fixture("csl.json"))
        let a = try #require(csv.entries.first { $0.sourceID == "c0ffee02a1b2c3d4e5f60718293a4b5c" })
        let b = try #require(json.entries.first { $0.sourceID == "c0ffee02a1b2c3d4e5f60718293a4b5c" })
        #expect(a.id == b.id && a.name == b.name && a.list == b.list && a.legal.federalRegisterNotices == b.legal.federalRegisterNotices)
    }

    @Test func realConsolidatedCSV() throws {
        guard let url = ListTestFiles.shared("csl/consolidated.csv") else { return }
        let list = try CSLCSVParser.parse(url)
        #expect(list.entries.count == 14_160)
        var perList: [ListCode: Int] = [:]
        for e in list.entries { perList[e.list, default: 0] += 1 }
        let expected: [ListCode: Int] = [
            .sdn: 10_026, .entityList: 2_001, .dtc: 727, .deniedPersons: 462, .ssi: 290, .unverified: 201, .isn: 163,
            .plc: 78, .militaryEndUser: 71, .cmic: 68, .capta: 53, .nsMBS: 17, .fse: 3,
        ]
        #expect(perList == expected)
        #expect(list.publicationDate == "2022-04-21")
        // 71 OFAC uids are on two lists (SDN and CAP, SDN and SSI…): ids stay unique all the same.
        #expect(Set(list.entries.map(\.id)).count == 14_160)
        #expect(list.entries.contains { $0.id == "CSL:34616#SDN" })
        // Every Entity List row with an address has its country resolved.
        let el = list.entries.filter { $0.list == .entityList && !$0.addresses.isEmpty }
        #expect(el.count > 1_900)
        let withCountry = el.filter { $0.addresses.allSatisfy { $0.country != nil } }.count
        #expect(withCountry * 100 >= el.count * 98)
        #expect(list.entries.filter { $0.type == .unknown }.count == 3_625)
        // `circa 1955` is approximate.
        let circa = list.entries.flatMap(\.datesOfBirth).filter { $0.raw.lowercased().hasPrefix("circa") }
        #expect(circa.count == 75)
        #expect(circa.allSatisfy { $0.approximate && $0.isValid })
        // 2022 ids are `number, type`: Gender is always the type.
        let genders = list.entries.flatMap(\.identityDocuments).filter { $0.number == "Male" || $0.number == "Female" }
        #expect(!genders.isEmpty && genders.allSatisfy { $0.type == "Gender" })
        #expect(list.entries.allSatisfy { !$0.name.isEmpty && !$0.name.contains("\n") && $0.name == $0.name.trimmingCharacters(in: .whitespaces) })
        print("csl/consolidated.csv warnings: \(list.warnings.summary) \(list.warnings.examples.map { "\($0.record) \($0.field)=\($0.value)" })")
    }

    @Test func realExcerpt2025() throws {
        guard let url = ListTestFiles.shared("csl/consolidated-excerpt-2025-06.csv") else { return }
        let list = try CSLCSVParser.parse(url)
        #expect(list.entries.count == 13)
        // 13 rows from 10 of the lists (3 SSI, 2 PLC).
        #expect(Set(list.entries.map(\.list)).count == 10)
        let docs = list.entries.flatMap(\.identityDocuments)
        #expect(docs.contains { $0.type == "Passport" && $0.number == "836238033" && $0.country == "KP" })
        #expect(docs.filter { $0.type == "Gender" }.allSatisfy { $0.number == "Male" || $0.number == "Female" })
    }
}
