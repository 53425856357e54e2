import Foundation
import Testing
@testable import RedFlagLists
import RedFlagCore

@Suite("UK CSV parsers (OFSI ConList, FCDO UK Sanctions List)")
struct UKCSVParserTests {
    @Test func ofsi2022Layout() throws {
        let list = try OFSICSVParser.parse(ListTestFiles.fixture("ofsi-conlist.csv"))
        #expect(list.source == .uk)
        #expect(list.format == .ofsiCSV)
        #expect(list.publicationDate == "2025-04-10")
        #expect(list.entries.count == 3)
        #expect(list.entries.allSatisfy { $0.list == .uk })

        let volkov = try #require(list.entries.first { $0.sourceID == "99101" })
        #expect(volkov.id == "UK:99101")
        #expect(volkov.type == .person)
        #expect(volkov.name == "Ivan Sergeyevich VOLKOV")
        #expect(volkov.aliases == [
            Alias(name: "Ivan Sergeevich VOLKOV", strength: .strong, kind: .variation),
            Alias(name: "Vanya VOLK", strength: .weak, kind: .aka),
        ])
        #expect(volkov.datesOfBirth.map(\.description) == ["1968"])
        #expect(volkov.nationalities.map(\.code) == ["RU", "CY"])
        #expect(volkov.placesOfBirth == ["Perm, Russia"])
        #expect(volkov.identityDocuments == [IdentityDocument(type: "Passport", number: "720012345", note: "Russian passport issued 2019")])
        #expect(volkov.titles == ["Mr", "Chief Executive of Invented Metals"])
        #expect(volkov.programs == ["Russia"])
        #expect(volkov.listingDates.map(\.description) == ["2022-03-15"])

        // Windows-1252 0x92 is a right single quote.
        let obrien = try #require(list.entries.first { $0.sourceID == "99102" })
        #expect(obrien.name == "O\u{2019}BRIEN HOLDINGS LIMITED")
        #expect(obrien.type == .entity)
        #expect(obrien.aliases.map(\.kind) == [.aka, .fka])
        #expect(obrien.aliases.map(\.strength) == [.strong, .unknown])
        #expect(obrien.addresses == [Address(lines: ["Suite 4", "12 Invented Quay", "Limassol"], postalCode: "3035",
                                             country: "CY", countryRaw: "Cyprus")])

        let ship = try #require(list.entries.first { $0.sourceID == "99103" })
        #expect(ship.type == .vessel)
        #expect(ship.addresses.first?.countryRaw == "Narnia")
        #expect(list.warnings.counts["unknown country"] == 1)
    }

    @Test func ofsi2020Layout() throws {
        let list = try OFSICSVParser.parse(ListTestFiles.fixture("ofsi-conlist-2020.csv"))
        #expect(list.publicationDate == "2020-04-27")
        #expect(list.entries.count == 2)
        let p = try #require(list.entries.first { $0.sourceID == "88001" })
        #expect(p.name == "Khalid Omar AL-INVENTI")
        #expect(p.aliases == [Alias(name: "Abu Omar AL-INVENTI", strength: .unknown, kind: .aka)])
        // `00/00/1975` is a year; a second row of the same target adds its other DOB.
        #expect(p.datesOfBirth.map(\.description) == ["1975", "1976"])
        #expect(p.nationalities.map(\.code) == ["YE", "SA"])
        #expect(p.identityDocuments.first?.type == "Passport")
        let e = try #require(list.entries.first { $0.sourceID == "88002" })
        #expect(e.addresses.first?.lines == ["PO Box 1234", "Sana\u{2019}a"])
        // The bad listing date is kept and counted.
        #expect(e.listingDates.first?.isValid == false)
        #expect(e.listingDates.first?.raw == "32/13/2015")
        #expect(list.warnings.counts["unparseable date"] == 1)
    }

    @Test func fcdoFixture() throws {
        let list = try FCDOCSVParser.parse(ListTestFiles.fixture("uk-fcdo.csv"))
        #expect(list.format == .fcdoCSV)
        #expect(list.source == .uk)
        #expect(list.publicationDate == "2026-02-13")
        #expect(list.entries.map(\.sourceID) == ["RUS9951", "RUS9952", "CYB9953"])
        let belov = list.entries[0]
        #expect(belov.type == .person)
        #expect(belov.name == "Grigory Pavlovich BELOV")
        #expect(belov.aliases.map(\.name) == ["Grigory Pavlovitch BELOV", "Grisha BELY", "Григорий Павлович БЕЛОВ"])
        #expect(belov.aliases.map(\.strength) == [.strong, .weak, .strong])
        #expect(belov.aliases[2].script == "Cyrl")
        #expect(belov.aliases[2].language == "Russian")
        #expect(belov.legal.measures == ["Asset freeze", "Travel Ban", "Director Disqualification Sanction"])
        #expect(belov.datesOfBirth.map(\.description) == ["1966"])
        #expect(belov.nationalities.map(\.code) == ["RU"])
        #expect(belov.addresses.first?.country == "RU")
        #expect(belov.remarks.contains("Gender: Male"))
        let ship = list.entries[1]
        #expect(ship.type == .vessel)
        #expect(ship.identityDocuments == [IdentityDocument(type: "IMO", number: "9712345")])
        #expect(ship.aliases == [Alias(name: "NORD VETER", strength: .strong, kind: .aka)])
        #expect(list.entries[2].addresses.first?.countryRaw == "Erewhon")
        #expect(list.warnings.counts["unknown country"] == 1)
    }

    @Test func fcdoReportDateShapes() {
        #expect(FCDOCSVParser.reportDate("13-Feb-2026") == "2026-02-13")
        #expect(FCDOCSVParser.reportDate("13/02/2026") == "2026-02-13")
        #expect(FCDOCSVParser.reportDate("soon") == nil)
    }

    @Test func numberedMultiValues() {
        #expect(FieldSplitter.numberedList("1) Saudi Arabia 2) Qatar") == ["Saudi Arabia", "Qatar"])
        #expect(FieldSplitter.numberedList("(1) Germany. (2) Morocco") == ["Germany", "Morocco"])
        #expect(FieldSplitter.numberedList("Passport No: 592667 (Qatari passport issued on 3 May 2007).")
                == ["Passport No: 592667 (Qatari passport issued on 3 May 2007)."])
        #expect(FieldSplitter.numberedList("(a) Malaysia (b) Indonesia") == ["Malaysia", "Indonesia"])
    }

    @Test func realOFSI2020() throws {
        guard let url = ListTestFiles.shared("uk/ofsi-conlist-20200427.csv") else { return }
        let list = try OFSICSVParser.parse(url)
        #expect(list.entries.count == 2_114)
        #expect(list.publicationDate == "2020-04-27")
        #expect(list.nameCount >= 2_114)
        #expect(list.entries.allSatisfy { !$0.name.isEmpty })
        var types: [PartyType: Int] = [:]
        for e in list.entries { types[e.type, default: 0] += 1 }
        #expect(types[.unknown] == nil)
        // Windows-1252 text decoded: no replacement characters anywhere.
        #expect(!list.entries.contains { e in e.remarks.contains { $0.contains("\u{FFFD}") } || e.name.contains("\u{FFFD}") })
        #expect(list.entries.contains { $0.remarks.contains { $0.contains("\u{2019}") } })
        print("ofsi-conlist-20200427.csv: \(list.nameCount) names; warnings: \(list.warnings.summary)")
    }
}

@Suite("Field splitting fast paths")
struct FieldSplitterTests {
    /// The fast date reader must give exactly what `PartialDate.parse` gives, or defer to it.
    @Test(arguments: ["1957-10-10", "1963", "circa 1955", "00/00/1980", "25/03/1973", "03/25/1973", "12 Jan 1960", "Jan 1960",
                      "1 Feb 1970", "2023-02-30", "0097-06-30", "1957-13-01", "32/01/1990", "12 Foo 1960", "dd/mm/1968", "circa 12 Jan 1960"])
    func quickDateAgreesWithPartialDateParse(raw: String) {
        for order in [PartialDate.SlashOrder.dayFirst, .monthFirst] {
            if let quick = FieldSplitter.quickDate(raw, slashOrder: order) {
                #expect(quick == PartialDate.parse(raw, slashOrder: order), "\(raw)")
            }
        }
        #expect(FieldSplitter.quickDate("1957-10-10", slashOrder: .dayFirst) != nil)
        #expect(FieldSplitter.quickDate("12 Jan 1960", slashOrder: .dayFirst) != nil)
    }

    @Test(arguments: ["plain text", " padded ", "two  spaces", "new\nline", "tab\there", "", "   ", "Ünïcode  name", "\u{A0}nbsp", "a\r\n b ", "x\u{0B}\u{0C}y", "trailing "])
    func cleanAgreesWithCollapseWhitespace(text: String) {
        #expect(FieldSplitter.clean(text) == TextFolding.collapseWhitespace(text))
    }
}
