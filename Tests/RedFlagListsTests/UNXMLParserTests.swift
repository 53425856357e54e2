import Foundation
import Testing
@testable import RedFlagLists
import RedFlagCore

@Suite("UN XML parser")
struct UNXMLParserTests {
    @Test("fixture: positional names, original script, alias quality, partial dates")
    func fixture() throws {
        let list = try UNXMLParser.parse(ListTestFiles.fixture("un.xml"))
        #expect(list.source == .un && list.format == .unXML)
        #expect(list.entries.count == 6)
        #expect(list.publicationDate == "2026-03-01")
        #expect(list.entries.filter { $0.type == .person }.count == 4)

        let k = try #require(list.entries.first { $0.sourceID == "QDi.901" })
        #expect(k.id == "UN:QDi.901" && k.list == .un)
        #expect(k.name == "KHALID ABDUL RAHMAN AL-MUQRIN")
        #expect(k.programs == ["Al-Qaida"])
        #expect(k.aliases.count == 3)
        #expect(k.aliases.first?.script == "Arab")
        #expect(k.aliases.first { $0.name == "Abu Rahman" }?.strength == .weak)
        #expect(k.aliases.first { $0.name == "Khalid al-Muqrin" }?.strength == .strong)
        #expect(k.datesOfBirth.count == 1 && k.datesOfBirth[0].approximate && k.datesOfBirth[0].from.year == 1975)
        #expect(k.nationalities.first?.code == "SA")
        #expect(k.placesOfBirth == ["Buraydah, Saudi Arabia"])
        #expect(k.identityDocuments.first?.number == "F9900123" && k.identityDocuments.first?.country == "SA")
        #expect(k.listingDates.first?.from == PartialDate.Parts(year: 2011, month: 9, day: 13))
        #expect(k.titles == ["Sheikh"])
        #expect(k.remarks.contains("Address note: as of 2019"))

        let ri = try #require(list.entries.first { $0.sourceID == "KPi.901" })
        #expect(ri.aliases.first?.script == "Hang")
        #expect(ri.nationalities.first?.code == "KP")
        #expect(ri.datesOfBirth.map(\.from.year) == [1969, 1968])

        let m = try #require(list.entries.first { $0.sourceID == "IQi.901" })
        #expect(m.name == "MUSTAFA SALIH HASSAN AL-OBEIDI")
        #expect(m.datesOfBirth.count == 2)
        #expect(m.datesOfBirth[0].from.year == 1955 && m.datesOfBirth[0].to?.year == 1958)
        #expect(m.datesOfBirth[1].from == PartialDate.Parts(year: 1956, month: 11))

        let d = try #require(list.entries.first { $0.sourceID == "CFi.901" })
        #expect(d.aliases.first?.script == "Cyrl")
        #expect(d.nationalities == [CountryRef(code: nil, raw: "Atlantis")])
        #expect(list.warnings.counts == ["unknown country": 1])

        let e = try #require(list.entries.first { $0.sourceID == "KPe.901" })
        #expect(e.type == .entity)
        #expect(e.aliases.map(\.kind) == [.aka, .fka])
        #expect(e.addresses.map(\.country) == ["CN", "KP"])
        #expect(list.entries.first { $0.sourceID == "QDe.901" }?.aliases.isEmpty == true)
    }

    @Test("real UN list: 730 individuals + 273 entities, date, partial DOBs")
    func real() throws {
        guard let url = ListTestFiles.shared("un/consolidated.xml") else { return }
        let list = try UNXMLParser.parse(url)
        #expect(list.entries.count == 1_003)
        #expect(list.entries.filter { $0.type == .person }.count == 730)
        #expect(list.entries.filter { $0.type == .entity }.count == 273)
        #expect(list.publicationDate == "2026-02-27")
        #expect(Set(list.entries.map(\.id)).count == 1_003)
        let dobs = list.entries.flatMap(\.datesOfBirth)
        #expect(dobs.contains { $0.isValid && $0.from.month == nil && $0.from.year != nil })
        #expect(dobs.contains { $0.approximate })
        #expect(dobs.contains { $0.to != nil })
        let badge = try #require(list.entries.first { $0.sourceID == "CDi.001" })
        #expect(badge.name == "ERIC BADEGE")
        #expect(badge.datesOfBirth.first?.from == PartialDate.Parts(year: 1971))
        #expect(badge.nationalities.first?.code == "CD")
        let weak = list.entries.flatMap(\.aliases).filter { $0.strength == .weak }.count
        #expect(weak == 628)  // 615 fields; the packed ones list each of their names (`aliasNames`)
        print("un warnings: \(list.warnings.summary)")
    }

    @Test("an alias field holding several names lists each: semicolons, letters, a closing bracket in another script")
    func packedAliasNames() {
        #expect(UNXMLParser.aliasNames("Qasim Soleimani; Qasem Sulaimani; Kasim Sulaymani")
                == ["Qasim Soleimani", "Qasem Sulaimani", "Kasim Sulaymani"])
        #expect(UNXMLParser.aliasNames("Mohammed Sabet; Mohammad Sabet b) M. Javad Kareemi Sabet")
                == ["Mohammed Sabet", "Mohammad Sabet", "M. Javad Kareemi Sabet"])
        #expect(UNXMLParser.aliasNames("Jin Tiesan (金铁三)") == ["Jin Tiesan", "金铁三"])
        #expect(UNXMLParser.aliasNames("Amir Khazmat (original script: Амир Хазмат)") == ["Amir Khazmat", "Амир Хазмат"])
        #expect(UNXMLParser.aliasNames("حسن غول (Hassan Ghul; Hassan Gul; Hasan Gul)") == ["حسن غول", "Hassan Ghul", "Hassan Gul", "Hasan Gul"])
        #expect(UNXMLParser.aliasNames("Akhter Mohmad son of Noor Mohmad (اختر محمد ولد نور محمد ),")
                == ["Akhter Mohmad son of Noor Mohmad", "اختر محمد ولد نور محمد"])
        #expect(UNXMLParser.aliasNames("Hay’at Tahrir al-Sham (HTS) (هيئة تحرير الشام (original script); Hayat Tahrir al-Sham; Hay’at Tahrir al-Sham)")
                == ["Hay’at Tahrir al-Sham (HTS)", "هيئة تحرير الشام", "Hayat Tahrir al-Sham", "Hay’at Tahrir al-Sham"])
        // One bracketed item in the name's own script is part of the name: an acronym, a note, a former spelling.
        #expect(UNXMLParser.aliasNames("Lord’s Resistance Movement (LRM)") == ["Lord’s Resistance Movement (LRM)"])
        #expect(UNXMLParser.aliasNames("EL PARA (COMBAT NAME)") == ["EL PARA (COMBAT NAME)"])
        #expect(UNXMLParser.aliasNames("Lom-ali Butayev (Butaev)") == ["Lom-ali Butayev (Butaev)"])
        #expect(UNXMLParser.aliasNames("華信船務(香港)有限公司") == ["華信船務(香港)有限公司"])
        #expect(UNXMLParser.aliasNames("(Sheikh) Musa Hilal") == ["(Sheikh) Musa Hilal"])
    }

    @Test("real UN list: packed alias fields come out one name per alias")
    func realPackedAliases() throws {
        guard let url = ListTestFiles.shared("un/consolidated.xml") else { return }
        let list = try UNXMLParser.parse(url)
        let names = list.entries.flatMap(\.aliases).map(\.name)
        #expect(!names.contains { $0.contains(";") || $0.lowercased().contains("original script") })
        #expect(names.contains("هيئة تحرير الشام") && names.contains("Qasem Sulaymani"))
    }
}
