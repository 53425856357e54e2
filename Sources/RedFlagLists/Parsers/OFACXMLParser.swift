import Foundation
import RedFlagCore

/// Reads OFAC's classic XML (`SDN.XML` and the non-SDN `CONSOLIDATED.XML`, both namespaces).
///
/// Mapping (list-formats.md §2): `uid` → sourceID; persons' names as OFAC writes them, `LAST, First`;
/// `akaList` → aliases (`category` weak/strong → strength, `type` a.k.a./f.k.a./n.k.a. → kind);
/// `idList` → identity documents, except the attribute "ids" (Gender, Website…) which go to remarks;
/// `Publish_Date` (MM/DD/YYYY) → publication date. `Record_Count` is ignored: entries are counted.
///
/// SDN or non-SDN is decided from the content, never from the file name (files get renamed):
/// see `isConsolidatedList`.
public enum OFACXMLParser {
    public static func parse(_ url: URL) throws -> ParsedList {
        let reader = try XMLStreamReader(url: url)
        var support = ListParsingSupport()
        support.startHashing(url)
        var raws: [RawEntry] = []
        var publishDate: String?
        var sawRoot = false
        while try reader.read() {
            guard reader.nodeType == .element else { continue }
            if reader.depth == 0 {
                guard reader.isNamed("sdnList") else {
                    throw reader.badData("not an OFAC classic XML list: root element is <\(reader.localName)>, expected <sdnList>")
                }
                sawRoot = true
            } else if reader.isNamed("Publish_Date") {
                publishDate = try reader.readNonEmptyText()
            } else if reader.isNamed("sdnEntry") {
                raws.append(try readEntry(reader, support: &support))
            }
        }
        guard sawRoot else { throw reader.badData("no root element") }

        let consolidated = isConsolidatedList(raws.map(\.programs))
        let source: ListSource = consolidated ? .ofacConsolidated : .ofacSDN
        let list: ListCode = consolidated ? .ofacConsolidated : .ofacSDN
        let entries = raws.map { $0.entry(source: source, list: list) }
        let iso = publishDate.flatMap { PartialDate.isoDay($0, slashOrder: .monthFirst) }
        if let publishDate, iso == nil {
            support.warnings.add(ListParsingSupport.Kind.unparseableDate, record: "publshInformation", field: "Publish_Date", value: publishDate)
        }
        return try support.finish(url: url, source: source, format: .ofacXML, entries: entries, publicationDate: iso)
    }

    /// Programs that occur only on OFAC's non-SDN Consolidated list (PLC, SSI, CMIC, FSE, CAPTA,
    /// non-SDN Iran sanctions). `FSE-` programs are matched by prefix.
    static let nonSDNPrograms: Set<String> = [
        "NS-PLC", "[NS-PLC]", "UKRAINE-EO13662", "SSI", "CMIC-EO13959", "NS-CMIC", "CAATSA - RUSSIA",
        "561-RELATED", "NS-ISA", "NS-MBS",
    ]

    /// The content rule for SDN vs non-SDN: an entry is "non-SDN only" when every one of its
    /// programs is a non-SDN program; the file is the Consolidated (non-SDN) list when more than
    /// half of its entries are. On the real files: SDN 2024 36 of 14,966; non-SDN 2025 355 of 443;
    /// non-SDN 2020 366 of 375. (A few SDN entries carry these programs too, hence the majority.)
    static func isConsolidatedList(_ programsPerEntry: [[String]]) -> Bool {
        guard !programsPerEntry.isEmpty else { return false }
        let nonSDN = programsPerEntry.filter { programs in
            !programs.isEmpty && programs.allSatisfy { p in
                let u = p.uppercased()
                return nonSDNPrograms.contains(u) || u.hasPrefix("FSE-")
            }
        }.count
        return nonSDN * 2 > programsPerEntry.count
    }

    /// An entry before the source is known (it is decided once the whole file has been read).
    private struct RawEntry {
        var uid = ""
        var firstName: String?
        var lastName: String?
        var type = PartyType.unknown
        var programs: [String] = []
        var aliases: [Alias] = []
        var addresses: [Address] = []
        var nationalities: [CountryRef] = []
        var citizenships: [CountryRef] = []
        var documents: [IdentityDocument] = []
        var datesOfBirth: [PartialDate] = []
        var placesOfBirth: [String] = []
        var remarks: [String] = []
        var titles: [String] = []

        func entry(source: ListSource, list: ListCode) -> ListEntry {
            ListEntry(source: source, sourceID: uid, list: list, type: type,
                      name: OFACXMLParser.displayName(last: lastName, first: firstName),
                      programs: programs, aliases: aliases, addresses: addresses, nationalities: nationalities,
                      citizenships: citizenships, identityDocuments: documents, datesOfBirth: datesOfBirth,
                      placesOfBirth: placesOfBirth, remarks: remarks, titles: titles)
        }
    }

    /// `LAST, First` as OFAC lists persons; just the last name (the whole name) for entities.
    static func displayName(last: String?, first: String?) -> String {
        switch (last?.isEmpty == false ? last : nil, first?.isEmpty == false ? first : nil) {
        case let (l?, f?): return "\(l), \(f)"
        case let (l?, nil): return l
        case let (nil, f?): return f
        default: return ""
        }
    }

    private static func readEntry(_ r: XMLStreamReader, support: inout ListParsingSupport) throws -> RawEntry {
        var e = RawEntry()
        let line = r.line
        var vessel: [String] = []
        try r.forEachChild {
            if r.isNamed("uid") {
                e.uid = try r.readElementText()
            } else if r.isNamed("firstName") {
                e.firstName = try r.readNonEmptyText()?.collapsedWhitespace
            } else if r.isNamed("lastName") {
                e.lastName = try r.readNonEmptyText()?.collapsedWhitespace
            } else if r.isNamed("title") {
                if let t = try r.readNonEmptyText() { e.titles.append(t) }
            } else if r.isNamed("sdnType") {
                let raw = try r.readElementText()
                e.type = PartyType(listValue: raw)
                if e.type == .unknown { support.warnings.add(ListParsingSupport.Kind.unknownType, record: e.uid, field: "sdnType", value: raw) }
            } else if r.isNamed("programList") {
                try r.forEachChild { if r.isNamed("program"), let p = try r.readNonEmptyText() { e.programs.append(p) } }
            } else if r.isNamed("akaList") {
                try r.forEachChild { if r.isNamed("aka"), let a = try readAlias(r) { e.aliases.append(a) } }
            } else if r.isNamed("idList") {
                try r.forEachChild { if r.isNamed("id") { try readID(r, into: &e, support: &support) } }
            } else if r.isNamed("addressList") {
                try r.forEachChild { if r.isNamed("address") { e.addresses.append(try readAddress(r, uid: e.uid, support: &support)) } }
            } else if r.isNamed("nationalityList") {
                try readCountries(r, uid: e.uid, field: "nationality", support: &support) { e.nationalities.append($0) }
            } else if r.isNamed("citizenshipList") {
                try readCountries(r, uid: e.uid, field: "citizenship", support: &support) { e.citizenships.append($0) }
            } else if r.isNamed("dateOfBirthList") {
                try r.forEachChild {
                    try r.forEachChild {
                        if r.isNamed("dateOfBirth"), let raw = try r.readNonEmptyText() {
                            e.datesOfBirth.append(support.date(raw, record: e.uid, field: "dateOfBirth"))
                        }
                    }
                }
            } else if r.isNamed("placeOfBirthList") {
                try r.forEachChild {
                    try r.forEachChild {
                        if r.isNamed("placeOfBirth"), let p = try r.readNonEmptyText() { e.placesOfBirth.append(p.collapsedWhitespace) }
                    }
                }
            } else if r.isNamed("vesselInfo") {
                try r.forEachChild {
                    let label = vesselLabel(r)
                    if let v = try r.readNonEmptyText() { vessel.append("\(label): \(v)") }
                }
            } else if r.isNamed("remarks") {
                if let t = try r.readNonEmptyText() { e.remarks.append(t) }
            }
        }
        guard !e.uid.isEmpty else { throw r.badData("sdnEntry without uid", line: line) }
        if e.lastName == nil && e.firstName == nil {
            support.warnings.add(ListParsingSupport.Kind.missingName, record: e.uid, field: "lastName", value: "")
        }
        e.remarks.append(contentsOf: vessel)
        return e
    }

    private static func vesselLabel(_ r: XMLStreamReader) -> String {
        if r.isNamed("callSign") { return "Vessel call sign" }
        if r.isNamed("vesselType") { return "Vessel type" }
        if r.isNamed("vesselFlag") { return "Vessel flag" }
        if r.isNamed("vesselOwner") { return "Vessel owner" }
        if r.isNamed("tonnage") { return "Vessel tonnage" }
        if r.isNamed("grossRegisteredTonnage") { return "Vessel gross registered tonnage" }
        return r.localName
    }

    private static func readAlias(_ r: XMLStreamReader) throws -> Alias? {
        var first: String?
        var last: String?
        var type = ""
        var category = ""
        try r.forEachChild {
            if r.isNamed("type") { type = try r.readElementText() }
            else if r.isNamed("category") { category = try r.readElementText() }
            else if r.isNamed("lastName") { last = try r.readNonEmptyText()?.collapsedWhitespace }
            else if r.isNamed("firstName") { first = try r.readNonEmptyText()?.collapsedWhitespace }
        }
        let name = displayName(last: last, first: first)
        guard !name.isEmpty else { return nil }
        return Alias(name: name, strength: strength(category), kind: aliasKind(type))
    }

    /// `strong` / `weak` (OFAC's alias category; Enhanced and Advanced use a low-quality flag).
    static func strength(_ category: String) -> Alias.Strength {
        switch category.lowercased() {
        case "strong": return .strong
        case "weak": return .weak
        default: return .unknown
        }
    }

    /// `a.k.a.` / `f.k.a.` / `n.k.a.` in any case and punctuation.
    static func aliasKind(_ type: String) -> Alias.Kind {
        switch type.lowercased().filter(\.isLetter) {
        case "aka": return .aka
        case "fka": return .fka
        case "nka": return .nka
        default: return .unknown
        }
    }

    private static func readID(_ r: XMLStreamReader, into e: inout RawEntry, support: inout ListParsingSupport) throws {
        var type = ""
        var number = ""
        var country: String?
        var issue: String?
        var expiry: String?
        try r.forEachChild {
            if r.isNamed("idType") { type = try r.readElementText() }
            else if r.isNamed("idNumber") { number = try r.readElementText() }
            else if r.isNamed("idCountry") { country = try r.readNonEmptyText() }
            else if r.isNamed("issueDate") { issue = try r.readNonEmptyText() }
            else if r.isNamed("expirationDate") { expiry = try r.readNonEmptyText() }
        }
        if OFACIDTypes.isAttribute(type) || number.isEmpty {
            e.remarks.append(OFACIDTypes.remark(type: type, value: number))
            return
        }
        let code = support.countryCode(country, record: e.uid, field: "idCountry")
        e.documents.append(IdentityDocument(type: type, number: number, country: code, countryRaw: country,
                                            issueDate: issue, expirationDate: expiry))
    }

    private static func readAddress(_ r: XMLStreamReader, uid: String, support: inout ListParsingSupport) throws -> Address {
        var a = Address()
        try r.forEachChild {
            if r.isNamed("address1") || r.isNamed("address2") || r.isNamed("address3") {
                if let l = try r.readNonEmptyText() { a.lines.append(l.collapsedWhitespace) }
            } else if r.isNamed("city") { a.city = try r.readNonEmptyText() }
            else if r.isNamed("stateOrProvince") { a.region = try r.readNonEmptyText() }
            else if r.isNamed("postalCode") { a.postalCode = try r.readNonEmptyText() }
            else if r.isNamed("country") { a.countryRaw = try r.readNonEmptyText() }
        }
        a.country = support.countryCode(a.countryRaw, record: uid, field: "address/country")
        return a
    }

    private static func readCountries(_ r: XMLStreamReader, uid: String, field: String, support: inout ListParsingSupport,
                                      _ add: (CountryRef) -> Void) throws {
        try r.forEachChild {
            try r.forEachChild {
                if r.isNamed("country"), let raw = try r.readNonEmptyText() {
                    add(support.country(raw, record: uid, field: field))
                }
            }
        }
    }
}
