import Foundation
import Testing
@testable import RedFlagLists
import RedFlagCore

@Suite("EU XML parser")
struct EUXMLParserTests {
    @Test("fixture: primary name, scripts and languages, countries, birth dates")
    func fixture() throws {
        let list = try EUXMLParser.parse(ListTestFiles.fixture("eu.xml"))
        #expect(list.source == .eu && list.format == .euXML)
        #expect(list.entries.count == 6)
        #expect(list.publicationDate == "2026-03-10")

        let sv = try #require(list.entries.first { $0.sourceID == "990101" })
        #expect(sv.id == "EU:990101" && sv.list == .eu)
        #expect(sv.name == "Obschestvo s ogranichennoy otvetstvennostyu Severny Veter")
        #expect(sv.type == .entity)
        #expect(sv.programs == ["UKR"])
        let cyr = try #require(sv.aliases.first { $0.name == "ООО Северный Ветер" })
        #expect(cyr.script == "Cyrl" && cyr.language == "RU" && cyr.strength == .strong)
        #expect(sv.addresses.first?.country == "RU")
        #expect(sv.addresses.first?.countryRaw == "RUSSIAN FEDERATION")
        #expect(sv.addresses.first?.postalCode == "190000")
        #expect(sv.remarks.contains("Web: www.severny-veter.example"))
        #expect(sv.identityDocuments.first?.number == "7800000000001")
        #expect(sv.legal.measures == ["Regulation 2022/581 (OJ L110)"])
        #expect(sv.listingDates.first?.from == PartialDate.Parts(year: 2022, month: 4, day: 8))

        let k = try #require(list.entries.first { $0.sourceID == "990201" })
        #expect(k.type == .person)
        #expect(k.name == "Andrei Viktorovich Korolenko")
        #expect(k.aliases.count == 3, "the duplicate EN spelling of the primary name is dropped")
        #expect(k.aliases.first { $0.language == "EL" }?.script == "Grek")
        #expect(k.datesOfBirth == [PartialDate(year: 1965, month: 11, day: 23, raw: "1965-11-23")])
        #expect(k.placesOfBirth == ["Kursk, RUSSIAN FEDERATION"])
        #expect(k.citizenships == [CountryRef(code: "RU", raw: "RUSSIAN FEDERATION")])
        #expect(k.titles == ["Chairman of the Board of an invented bank"])
        #expect(k.identityDocuments.first?.note == "internal passport")

        let q = try #require(list.entries.first { $0.sourceID == "990301" })
        #expect(q.citizenships.isEmpty, "00 / UNKNOWN is no information")
        #expect(q.aliases.first { $0.name == "Abu Rahman" }?.strength == .weak)
        #expect(q.aliases.first { $0.language == "AR" }?.script == "Arab")
        #expect(q.datesOfBirth.count == 2)
        #expect(q.datesOfBirth[0].approximate && q.datesOfBirth[0].from.year == 1973 && q.datesOfBirth[0].to?.year == 1976)
        #expect(!q.datesOfBirth[1].isValid && q.datesOfBirth[1].raw.contains("ISLAMIC"))
        #expect(q.remarks.contains("UN reference number: QDi.901"))
        #expect(q.identityDocuments.first?.note == "known expired")

        let c = try #require(list.entries.first { $0.sourceID == "990401" })
        #expect(c.aliases.first?.script == "Hani")
        #expect(c.addresses.count == 2)
        #expect(c.addresses[1].country == nil && c.addresses[1].countryRaw == "NEVERLAND")

        let z = try #require(list.entries.first { $0.sourceID == "990601" })
        #expect(z.datesOfBirth[0] == PartialDate(year: 1970))
        #expect(z.datesOfBirth[1].approximate && z.datesOfBirth[1].from == PartialDate.Parts(year: 1971, month: 5))
        #expect(list.warnings.counts == ["unknown country": 1, "non-Gregorian date": 1])
    }

    @Test("real EU file: 4,811 sanctionEntity records = 4,808 parties (3 listed twice), 3,753 persons, date, original scripts kept")
    func real() throws {
        guard let url = ListTestFiles.shared("eu/fsf-full-1_1-20240513.xml") else { return }
        let list = try EUXMLParser.parse(url)
        // 4,811 sanctionEntity elements; three logicalIds occur twice and are merged into one party.
        #expect(list.entries.count == 4_808)
        #expect(list.warnings.counts["duplicate id merged"] == 3)
        #expect(Set(list.entries.map(\.id)).count == list.entries.count)
        let persons = list.entries.filter { $0.type == .person }.count
        let enterprises = list.entries.filter { $0.type == .entity }.count
        #expect(persons + enterprises == 4_808)
        #expect(persons == 3_753, "3,755 person records, two of them listed twice")
        #expect(list.publicationDate == "2024-05-13")
        let merged = try #require(list.entries.first { $0.sourceID == "120128" })
        #expect(merged.programs == ["TAQA", "UNLI"])
        let aliases = list.entries.flatMap(\.aliases)
        #expect(aliases.contains { $0.script == "Cyrl" && $0.language == "RU" })
        #expect(aliases.contains { $0.script == "Grek" })
        let aziz = try #require(list.entries.first { $0.sourceID == "83" })
        #expect(aziz.name == "Tariq Mikhail Aziz")
        #expect(aziz.datesOfBirth.first?.from == PartialDate.Parts(year: 1936, month: 7, day: 1))
        #expect(aziz.citizenships.first?.code == "IQ")
        #expect(list.entries.flatMap(\.datesOfBirth).contains { $0.approximate && $0.to != nil })
        print("eu warnings: \(list.warnings.summary) names \(list.nameCount) persons \(persons)")
    }
}
