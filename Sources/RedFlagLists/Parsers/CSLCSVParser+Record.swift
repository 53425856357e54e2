import Foundation
import RedFlagCore

/// One CSL party with its multi-valued fields already split: what the CSV and the JSON download
/// both reduce to before it becomes a `ListEntry`, so the two formats cannot drift apart.
struct CSLRecord {
    var id = ""
    var source = ""
    var entityNumber: String?
    var type: String?
    var programs: [String] = []
    var name = ""
    var title: String?
    var addresses: [Address] = []
    var federalRegisterNotices: [String] = []
    var startDates: [String] = []
    var endDate: String?
    var standardOrder: String?
    var licenseRequirement: String?
    var licensePolicy: String?
    /// Vessel particulars (`Call sign: …`), kept as remark lines.
    var vesselFacts: [String] = []
    var remarks: String?
    var sourceListURL: String?
    var altNames: [String] = []
    var citizenships: [String] = []
    var datesOfBirth: [String] = []
    var nationalities: [String] = []
    var placesOfBirth: [String] = []
    var sourceInformationURL: String?
    var ids: [IdentityDocument] = []
    /// Where the record is, for warnings (`line 12`, `results[3]`).
    var location = ""

    /// The vessel columns and the label each gets in the remarks.
    static let vesselColumns: [(column: String, label: String)] = [
        ("call_sign", "Call sign"), ("vessel_type", "Vessel type"), ("gross_tonnage", "Gross tonnage"),
        ("gross_registered_tonnage", "Gross registered tonnage"), ("vessel_flag", "Vessel flag"),
        ("vessel_owner", "Vessel owner"),
    ]

    /// The list code from a `source` value: the parenthesised code (`Entity List (EL) - Bureau…` → `EL`,
    /// `Non-SDN Menu-Based Sanctions List (NS-MBS List) - …` → `NS-MBS`), never the full string,
    /// which the publisher edits over the years.
    static func listCode(fromSource source: String) -> ListCode? {
        guard let open = source.firstIndex(of: "("), let close = source[open...].firstIndex(of: ")") else { return nil }
        var c = source[source.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
        guard !c.isEmpty else { return nil }
        if c.hasSuffix(" List") { c.removeLast(5) }
        return ListCode(c.uppercased())
    }

    /// Builds the entry; bad dates, unknown countries and unknown sources are kept and counted.
    func entry(warnings: inout ParseWarnings) -> ListEntry {
        var sourceID = id
        if sourceID.isEmpty, let n = entityNumber { sourceID = n }
        if sourceID.isEmpty {
            sourceID = location.replacingOccurrences(of: " ", with: "-")
            warnings.add("missing id", record: location, field: "_id", value: "")
        }
        let recordName = sourceID
        let list: ListCode
        if let code = Self.listCode(fromSource: source) {
            list = code
            if !ListCode.known.contains(code) { warnings.add("unknown list", record: recordName, field: "source", value: source) }
        } else {
            list = ListCode(source.isEmpty ? "CSL" : source)
            warnings.add("unknown list", record: recordName, field: "source", value: source)
        }
        if name.isEmpty { warnings.add("missing name", record: recordName, field: "name", value: "") }

        var aliases: [Alias] = []
        var seen: Set<String> = [name.lowercased()]
        for alt in altNames where seen.insert(alt.lowercased()).inserted {
            aliases.append(Alias(name: alt, strength: .unknown, kind: .aka))
        }
        var dobs: [PartialDate] = []
        for d in datesOfBirth {
            dobs.append(FieldSplitter.date(d, record: recordName, field: "dates_of_birth", warnings: &warnings))
        }
        var listed: [PartialDate] = []
        for d in startDates {
            listed.append(FieldSplitter.date(d, record: recordName, field: "start_date", warnings: &warnings))
        }
        let citizens = citizenships.map { FieldSplitter.country($0, record: recordName, field: "citizenships", warnings: &warnings) }
        let nationals = nationalities.map { FieldSplitter.country($0, record: recordName, field: "nationalities", warnings: &warnings) }
        for a in addresses where a.countryRaw != nil && a.country == nil {
            warnings.add("unknown country", record: recordName, field: "addresses", value: a.countryRaw ?? "")
        }
        var remarkLines = vesselFacts
        if let remarks { remarkLines.append(remarks) }
        let legal = LegalInfo(federalRegisterNotices: federalRegisterNotices, licenseRequirement: licenseRequirement,
                              licensePolicy: licensePolicy, sourceURL: sourceListURL,
                              sourceInformationURL: sourceInformationURL, endDate: endDate, standardOrder: standardOrder)
        return ListEntry(source: .csl, sourceID: sourceID, list: list, type: PartyType(listValue: type ?? ""),
                         name: name, programs: programs, aliases: aliases, addresses: addresses,
                         nationalities: nationals, citizenships: citizens, identityDocuments: ids,
                         datesOfBirth: dobs, placesOfBirth: placesOfBirth, listingDates: listed,
                         remarks: remarkLines, titles: title.map { [$0] } ?? [], legal: legal)
    }

    /// Makes entry ids unique: the CSL lists some OFAC parties on two lists (SDN and CAP, SDN and
    /// SSI) under the same `_id`. Every entry whose `_id` occurs more than once gets the list code
    /// appended (`CSL:34616#CAP`), and a repeat on the same list its ordinal (`#2`), so ids stay
    /// unique; `sourceID` keeps the `_id`.
    static func disambiguateIDs(_ entries: inout [ListEntry]) {
        var counts: [String: Int] = [:]
        for e in entries { counts[e.id, default: 0] += 1 }
        for i in entries.indices where counts[entries[i].id, default: 0] > 1 {
            entries[i].id += "#\(entries[i].list.rawValue)"
        }
        // The same party twice on one list: number the repeats in file order.
        var seen: [String: Int] = [:]
        for i in entries.indices {
            let n = seen[entries[i].id, default: 0] + 1
            seen[entries[i].id] = n
            if n > 1 { entries[i].id += "#\(n)" }
        }
    }

    /// Reads one CSL address, `street, city, state, postal_code, CC` with empty parts left out.
    ///
    /// Because empty parts are dropped, only the ends are certain: the last part is the country
    /// when it is an ISO code (or a country name), and the part before it is taken as the postal
    /// code when it looks like one. Everything else stays, in order, in `lines`; `full` keeps the
    /// text as published.
    static func address(_ raw: String, table: CountryTable = .shared) -> Address {
        let full = FieldSplitter.clean(raw)
        var parts = FieldSplitter.split(full, on: ",").map { FieldSplitter.trimSpaces($0) }.filter { !$0.isEmpty }
        var address = Address(full: full)
        if let last = parts.last {
            let isCode = last.count == 2 && last.allSatisfy { $0.isASCII && $0.isUppercase }
            if isCode || (parts.count > 1 && table.code(for: last) != nil) {
                address.countryRaw = last
                address.country = table.code(for: last)
                parts.removeLast()
            }
        }
        if parts.count > 1, let last = parts.last, Self.looksLikePostalCode(last) {
            address.postalCode = last
            parts.removeLast()
        }
        address.lines = parts
        return address
    }

    private static func looksLikePostalCode(_ s: String) -> Bool {
        guard s.count <= 10, s.contains(where: \.isNumber) else { return false }
        return s.allSatisfy { $0.isNumber || ($0.isASCII && $0.isLetter) || $0 == "-" || $0 == " " }
            && s.filter(\.isNumber).count >= 3
    }
}

/// How the CSL `ids` tuples are ordered in a file: 2022 `number, type`; 2025 `type, number[, country]`.
enum CSLIDOrder: Sendable {
    case numberFirst, typeFirst

    /// Identification types the CSL uses, to tell which end of a tuple holds the type.
    static let knownTypes: Set<String> = [
        "gender", "passport", "national id no.", "registration id", "swift/bic", "tax id no.", "cedula no.",
        "vessel registration identification", "email address", "website", "phone number", "identification number",
        "nit #", "aircraft construction number (also called l/n or s/n or f/n)", "aircraft manufacturer's serial number (msn)",
        "aircraft model", "aircraft operator", "aircraft manufacture date", "other vessel flag", "other vessel type",
        "vessel year of build", "digital currency address - xbt", "digital currency address - eth",
        "additional sanctions information -", "secondary sanctions risk:", "organization established date",
        "organization type:", "d-u-n-s number", "registration number", "business registration number",
        "driver's license no.", "curp #", "rfc", "ssn", "citizen's card number", "kenyan id no.",
        "transactions prohibited for persons owned or controlled by u.s. financial institutions:",
        "target type", "executive order 13846 information:", "executive order 13662 directive determination -",
        "legal entity number", "unknown", "identification type",
    ]

    /// Decides the order from the tuples of a whole file: which end holds known type names (or,
    /// for unknown types, which end is free of digits).
    static func detect(_ tuples: [[String]]) -> CSLIDOrder {
        var first = 0, last = 0
        for parts in tuples where parts.count >= 2 {
            let a = parts[0].lowercased(), z = parts[parts.count - 1].lowercased()
            if knownTypes.contains(a) { first += 2 } else if knownTypes.contains(z) { last += 2 }
            else if !a.contains(where: \.isNumber), z.contains(where: \.isNumber), parts.count == 2 { first += 1 }
            else if !z.contains(where: \.isNumber), a.contains(where: \.isNumber), parts.count == 2 { last += 1 }
        }
        return first > last ? .typeFirst : .numberFirst
    }

    /// The document one tuple denotes.
    func document(_ parts: [String], table: CountryTable = .shared) -> IdentityDocument {
        guard parts.count >= 2 else { return IdentityDocument(type: "unspecified", number: parts.first ?? "") }
        switch self {
        case .numberFirst:
            return IdentityDocument(type: parts[parts.count - 1], number: parts.dropLast().joined(separator: ", "))
        case .typeFirst:
            var rest = Array(parts.dropFirst())
            var country: String?
            var countryRaw: String?
            if rest.count >= 2, let last = rest.last, last.count == 2, last.allSatisfy({ $0.isASCII && $0.isUppercase }),
               table.contains(code: last) {
                country = last
                countryRaw = last
                rest.removeLast()
            }
            return IdentityDocument(type: parts[0], number: rest.joined(separator: ", "), country: country, countryRaw: countryRaw)
        }
    }

    /// Splits an `ids` cell into tuples of trimmed comma-separated parts.
    static func tuples(_ raw: String?) -> [[String]] {
        FieldSplitter.semicolonList(raw, stripLeadingAnd: false).map { item in
            item.split(separator: ",", omittingEmptySubsequences: false)
                .map { FieldSplitter.trimSpaces($0) }
        }.filter { !$0.allSatisfy(\.isEmpty) }
    }
}
