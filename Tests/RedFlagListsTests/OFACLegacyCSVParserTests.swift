import Foundation
import Testing
@testable import RedFlagLists
import RedFlagCore

@Suite("OFAC legacy CSV parser")
struct OFACLegacyCSVParserTests {
    static func fixtureSet() throws -> ParsedList {
        try OFACLegacyCSVParser.parse(sdn: ListTestFiles.fixture("ofac-csv/sdn.csv"), add: ListTestFiles.fixture("ofac-csv/add.csv"),
                                      alt: ListTestFiles.fixture("ofac-csv/alt.csv"),
                                      comments: ListTestFiles.fixture("ofac-csv/sdn_comments.csv"))
    }

    @Test func fixtureSetJoinsTheFourFiles() throws {
        let list = try Self.fixtureSet()
        #expect(list.source == .ofacSDN)
        #expect(list.format == .ofacCSV)
        #expect(list.publicationDate == nil)
        #expect(list.entries.count == 4)
        #expect(list.entries.allSatisfy { $0.list == .ofacSDN && $0.id.hasPrefix("OFAC-SDN:") })
        #expect(list.files.map(\.lastPathComponent) == ["sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"])

        let nwt = try #require(list.entries.first { $0.sourceID == "90001" })
        #expect(nwt.type == .entity)  // `-0-` type means entity
        #expect(nwt.programs == ["SDGT", "IRGC"])
        #expect(nwt.addresses.count == 2)
        #expect(nwt.addresses[0].lines == ["Office 12, Invented Tower"])
        #expect(nwt.addresses[0].city == "Dubai")
        #expect(nwt.addresses.allSatisfy { $0.country == "AE" })
        #expect(nwt.remarks.contains("Address note: Branch office"))
        // alt.csv aliases are strong, the quoted a.k.a. in the remarks is weak.
        #expect(nwt.aliases.map(\.name) == ["NORTH WIND TRADING", "NWT GENERAL TRADING LLC", "NWT"])
        #expect(nwt.aliases.map(\.strength) == [.strong, .strong, .weak])
        #expect(nwt.aliases.map(\.kind) == [.aka, .fka, .aka])

        let vessel = try #require(list.entries.first { $0.sourceID == "90003" })
        #expect(vessel.type == .vessel)
        #expect(vessel.remarks.contains("Call sign: HMAB7"))
        #expect(vessel.remarks.contains("Vessel flag: Korea, North"))
        #expect(vessel.aliases.isEmpty && vessel.addresses.isEmpty)
    }

    @Test func remarksContinueInComments() throws {
        let list = try Self.fixtureSet()
        let rahimi = try #require(list.entries.first { $0.sourceID == "90002" })
        #expect(rahimi.type == .person)
        #expect(rahimi.titles == ["Director"])
        let remark = try #require(rahimi.remarks.first)
        // sdn.csv holds exactly the first 1,000 characters; sdn_comments.csv the rest, joined directly.
        #expect(remark.count > 1_000)
        #expect(remark.contains("Linked To: INVENTED FRONT COMPANY NUMBER 39"))
        #expect(remark.contains("INVENTED FRONT COMPANY NUMBER 2"))
        #expect(rahimi.datesOfBirth.map(\.description) == ["1961-03-12", "1962"])
        #expect(rahimi.placesOfBirth == ["Invented City, Iran"])
        #expect(rahimi.nationalities.map(\.code) == ["IR"])
        #expect(rahimi.citizenships.map(\.code) == ["IR"])
        #expect(rahimi.aliases.contains(Alias(name: "THE FALCON", strength: .weak, kind: .aka)))
    }

    @Test func aliasKindsAndWeakMarking() throws {
        let list = try Self.fixtureSet()
        let korvin = try #require(list.entries.first { $0.sourceID == "90004" })
        let byName = Dictionary(uniqueKeysWithValues: korvin.aliases.map { ($0.name, $0) })
        #expect(byName["KORVIN-GRAY, Alexei"]?.kind == .nka)
        #expect(byName["KORVIN-GRAY, Alexei"]?.strength == .strong)
        // Listed in alt.csv and as a quoted a.k.a. in the remarks: weak.
        #expect(byName["KORVIN, Alex"]?.strength == .weak)
        #expect(byName["KORVINOV"] == Alias(name: "KORVINOV", strength: .weak, kind: .fka))
        #expect(korvin.aliases.count == 3)
        // The unknown country is kept raw and counted.
        #expect(korvin.addresses.first?.countryRaw == "Atlantis")
        #expect(korvin.addresses.first?.country == nil)
        #expect(list.warnings.counts["unknown country"] == 1)
        #expect(list.warnings.total == 1)
    }

    @Test func setHashIsTheHashOfTheFileHashes() throws {
        let list = try Self.fixtureSet()
        let hashes = try list.files.map { try SHA256.hex(ofFile: $0) }.joined()
        #expect(list.sha256 == SHA256.hex(Data(hashes.utf8)))
        let alone = try OFACLegacyCSVParser.parse(sdn: ListTestFiles.fixture("ofac-csv/sdn.csv"), add: nil, alt: nil, comments: nil)
        #expect(alone.sha256 == (try SHA256.hex(ofFile: ListTestFiles.fixture("ofac-csv/sdn.csv"))))
        #expect(alone.entries.count == 4)
        #expect(alone.entries.allSatisfy { $0.addresses.isEmpty })
    }

    @Test func firstRecordShapes() {
        #expect(OFACLegacyCSVParser.part(ofFirstRecord: ["36", "X", "-0- ", "CUBA", "", "", "", "", "", "", "", ""]) == .sdn)
        #expect(OFACLegacyCSVParser.part(ofFirstRecord: ["36", "25", "-0- ", "Havana", "Cuba", "-0- "]) == .add)
        #expect(OFACLegacyCSVParser.part(ofFirstRecord: ["36", "12", "aka", "AERO", "-0- "]) == .alt)
        #expect(OFACLegacyCSVParser.part(ofFirstRecord: ["12300", "Z S.A.S."]) == .comments)
        #expect(OFACLegacyCSVParser.part(ofFirstRecord: ["name", "x"]) == nil)
    }

    @Test func orphanRowsAreCountedNotLost() throws {
        let dir = try ListTestFiles.temporaryFolder()
        let sdn = dir.appendingPathComponent("sdn.csv"), add = dir.appendingPathComponent("add.csv")
        try Data("1,\"ONE CO\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u{1A}".utf8).write(to: sdn)
        try Data("2,9,\"Street 1\",\"Paris\",\"France\",-0- \r\n".utf8).write(to: add)
        let list = try OFACLegacyCSVParser.parse(sdn: sdn, add: add, alt: nil, comments: nil)
        #expect(list.entries.count == 1)
        #expect(list.warnings.counts["orphan row"] == 1)
        #expect(list.warnings.examples.first?.record == "2")
    }

    @Test func realSDNCSV2024() throws {
        guard let url = ListTestFiles.shared("ofac/sdn.csv") else { return }
        let list = try OFACLegacyCSVParser.parse(sdn: url, add: nil, alt: nil, comments: nil)
        #expect(list.source == .ofacSDN)
        #expect(list.entries.count == 14_965)
        var types: [PartyType: Int] = [:]
        for e in list.entries { types[e.type, default: 0] += 1 }
        #expect(types[.entity] == 6_884)
        #expect(list.entries.filter { $0.programs.count > 1 }.count == 1_685)
        let e6915 = try #require(list.entries.first { $0.sourceID == "6915" })
        #expect(e6915.aliases.contains(Alias(name: "ABU MARIAM", strength: .weak, kind: .aka)))
        #expect(e6915.datesOfBirth.first?.from.year == 1963)
        #expect(e6915.citizenships.first?.code == "EG")
        print("ofac/sdn.csv warnings: \(list.warnings.summary)")
    }

    @Test func realCSVSet2021() throws {
        guard let dir = ListTestFiles.shared("ofac/csv-2021-07") else { return }
        let list = try OFACLegacyCSVParser.parse(sdn: dir.appendingPathComponent("sdn.csv"), add: dir.appendingPathComponent("add.csv"),
                                                 alt: dir.appendingPathComponent("alt.csv"),
                                                 comments: dir.appendingPathComponent("sdn_comments.csv"))
        #expect(list.entries.count == 8_976)
        #expect(list.entries.reduce(0) { $0 + $1.addresses.count } == 13_837)
        // Every alt.csv row becomes an alias; the weak ones come on top, from the remarks.
        let strong = list.entries.reduce(0) { $0 + $1.aliases.filter { $0.strength == .strong }.count }
        let weak = list.entries.reduce(0) { $0 + $1.aliases.filter { $0.strength == .weak }.count }
        // 11,910 alt.csv rows: two repeat a name already on the same entry (counted as warnings).
        #expect(strong == 11_908)
        #expect(list.warnings.counts["duplicate alias"] == 2)
        #expect(weak > 1_000)
        #expect(list.warnings.counts["orphan row"] == nil)
        let e12300 = try #require(list.entries.first { $0.sourceID == "12300" })
        #expect(e12300.remarks.contains { $0.contains("PROMO RAIZ S.A.S.; Linked To: RED MUNDIAL") })
        print("ofac/csv-2021-07 warnings: \(list.warnings.summary)")
    }
}
