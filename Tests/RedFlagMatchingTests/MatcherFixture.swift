import RedFlagCore
@testable import RedFlagMatching

/// A small hand-made list for matcher tests: distinctive and generic company names, persons with
/// birth dates, weak aliases, shared addresses, a non-barring list.
enum MatcherFixture {
    static let entries: [ListEntry] = {
        var out: [ListEntry] = []
        func entity(_ id: String, _ list: ListCode, _ name: String, aliases: [Alias] = [], country: String? = nil,
                    addresses: [Address] = []) -> ListEntry {
            ListEntry(source: .csl, sourceID: id, list: list, type: .entity, name: name, programs: ["EAR"], aliases: aliases,
                      addresses: addresses.isEmpty ? (country.map { [Address(country: $0)] } ?? []) : addresses)
        }
        out.append(entity("1", .entityList, "Huawei Technologies Co., Ltd.", aliases: [Alias(name: "华为技术有限公司", strength: .strong)],
                          country: "CN", addresses: [Address(lines: ["Bantian, Longgang District"], city: "Shenzhen", country: "CN")]))
        out.append(entity("2", .entityList, "Rosoboronexport JSC", aliases: [Alias(name: "АО Рособоронэкспорт", strength: .strong)], country: "RU"))
        out.append(entity("3", .unverified, "Shenzhen Bright Star Electronics Trading Co., Ltd.", country: "CN"))
        out.append(entity("4", .entityList, "Sky Rim Trading Limited", country: "HK",
                          addresses: [Address(lines: ["Room 1203, 12/F, Tower 2, Lippo Centre", "89 Queensway"], city: "Admiralty", country: "HK")]))
        out.append(entity("5", .entityList, "Golden Eagle International Trading Company Limited", country: "HK",
                          addresses: [Address(lines: ["Room 1203, 12/F, Tower 2, Lippo Centre", "89 Queensway"], city: "Admiralty", country: "HK")]))
        out.append(entity("6", .militaryEndUser, "Beijing Hua Wei Yuan Aviation Equipment Factory", country: "CN"))
        out.append(entity("7", .entityList, "Trading Company Limited", country: "AE"))
        out.append(ListEntry(source: .ofacSDN, sourceID: "100", list: .ofacSDN, type: .person, name: "ELASHI, Ihsan",
                             programs: ["SDGT"], aliases: [Alias(name: "ELASHI, Haydee", strength: .weak)],
                             nationalities: [CountryRef(code: "US", raw: "United States")],
                             datesOfBirth: [PartialDate(year: 1958)]))
        out.append(ListEntry(source: .ofacSDN, sourceID: "101", list: .ofacSDN, type: .person, name: "AL-RASHID, Mohammed Abdullah",
                             programs: ["SDGT"], datesOfBirth: [PartialDate(year: 1970, approximate: true)]))
        out.append(ListEntry(source: .ofacSDN, sourceID: "102", list: .ofacSDN, type: .vessel, name: "OCEAN STAR", programs: ["IRAN"]))
        // Filler so IDF has something to say: many generic business names.
        let generic = ["Trading", "Electronics", "International", "Industrial", "Technology", "Import Export", "Holding", "Group", "Shipping"]
        let places = ["Shenzhen", "Dubai", "Moscow", "Tehran", "Hong Kong", "Istanbul", "Minsk", "Karachi", "Almaty", "Yerevan",
                      "Tashkent", "Baku", "Tbilisi", "Riga", "Bishkek", "Muscat"]
        var n = 1000
        for p in places {
            for g in generic {
                out.append(entity(String(n), .entityList, "\(p) Unique\(n) \(g) Co., Ltd."))
                n += 1
            }
        }
        return out
    }()

    static let index: MatchIndex = try! MatchIndex(entries: entries)

    static func matcher(_ configuration: MatchConfiguration = .default) -> Matcher {
        Matcher(index: index, configuration: configuration)
    }
}
