import Foundation
import RedFlagCore

/// Reads the EU Financial Sanctions Files XML v1.1 (`export` / `sanctionEntity`, list-formats.md §7).
///
/// `logicalId` is the id; the first `nameAlias` is the primary name (the EU has no primary flag),
/// the others are aliases that keep their original script (`Alias.script` from the text) and the
/// `nameLanguage`; `strong="false"` would make an alias weak (the 2024 file has none). Countries come
/// from `countryIso2Code` (`00` = unknown) with `countryDescription` kept as the raw text. Birth
/// dates combine the split attributes (`birthdate`, `year`/`monthOfYear`/`dayOfMonth`,
/// `yearRangeFrom`/`To`, `circa`); dates in a non-Gregorian calendar are kept but marked invalid,
/// since their years cannot be compared with Gregorian ones. `generationDate` is the publication date.
public enum EUXMLParser {
    public static func parse(_ url: URL) throws -> ParsedList {
        let r = try XMLStreamReader(url: url)
        var support = ListParsingSupport()
        support.startHashing(url)
        var entries: [ListEntry] = []
        var indexByID: [String: Int] = [:]
        var generated: String?
        var sawRoot = false
        while try r.read() {
            guard r.nodeType == .element else { continue }
            if r.depth == 0 {
                guard r.isNamed("export") else {
                    throw r.badData("not an EU sanctions file: root element is <\(r.localName)>, expected <export>")
                }
                sawRoot = true
                generated = r.nonEmptyAttribute("generationDate")
            } else if r.isNamed("sanctionEntity") {
                let entry = try readEntity(r, support: &support)
                // The same logicalId can appear twice (one party under an EU and a UN-derived
                // regulation: 3 times in the 2024-05-13 file). One party is one entry: merge.
                if let i = indexByID[entry.sourceID] {
                    entries[i].mergeRepeatedListing(entry)
                    support.warnings.add("duplicate id merged", record: entry.sourceID, field: "logicalId", value: entry.sourceID)
                } else {
                    indexByID[entry.sourceID] = entries.count
                    entries.append(entry)
                }
            }
        }
        guard sawRoot else { throw r.badData("no root element") }
        let iso = generated.flatMap { PartialDate.isoDay($0) }
        if let generated, iso == nil {
            support.warnings.add(ListParsingSupport.Kind.unparseableDate, record: "export", field: "generationDate", value: generated)
        }
        return try support.finish(url: url, source: .eu, format: .euXML, entries: entries, publicationDate: iso)
    }

    private static func readEntity(_ r: XMLStreamReader, support: inout ListParsingSupport) throws -> ListEntry {
        let line = r.line
        guard let id = r.nonEmptyAttribute("logicalId") else { throw r.badData("sanctionEntity without logicalId", line: line) }
        var remarks: [String] = []
        if let ref = r.nonEmptyAttribute("euReferenceNumber") { remarks.append("EU reference number: \(ref)") }
        if let un = r.nonEmptyAttribute("unitedNationId") { remarks.append("UN reference number: \(un)") }
        if let details = r.nonEmptyAttribute("designationDetails") { remarks.append(details) }
        var listing: [PartialDate] = []
        if let d = r.nonEmptyAttribute("designationDate") { listing.append(support.date(d, record: id, field: "designationDate")) }

        var type = PartyType.unknown
        var names: [Alias] = []
        var programs: [String] = []
        var legal = LegalInfo()
        var titles: [String] = []
        var gender: String?
        var addresses: [Address] = []
        var citizenships: [CountryRef] = []
        var documents: [IdentityDocument] = []
        var dobs: [PartialDate] = []
        var pobs: [String] = []
        try r.forEachChild {
            if r.isNamed("nameAlias") {
                guard let whole = r.nonEmptyAttribute("wholeName")?.collapsedWhitespace else { return }
                let strength: Alias.Strength = r.attribute("strong") == "false" ? .weak : .strong
                names.append(Alias(name: whole, strength: strength, kind: .aka, language: r.nonEmptyAttribute("nameLanguage")))
                for t in [r.nonEmptyAttribute("title"), r.nonEmptyAttribute("function")].compactMap({ $0 }) where !titles.contains(t) {
                    titles.append(t)
                }
                if gender == nil { gender = r.nonEmptyAttribute("gender") }
            } else if r.isNamed("subjectType") {
                let code = r.attribute("code") ?? ""
                type = PartyType(listValue: code)
                if type == .unknown { support.warnings.add(ListParsingSupport.Kind.unknownType, record: id, field: "subjectType", value: code) }
            } else if r.isNamed("regulation") {
                if let p = r.nonEmptyAttribute("programme"), !programs.contains(p) { programs.append(p) }
                if let n = r.nonEmptyAttribute("numberTitle") { legal.measures.append("Regulation \(n)") }
                try r.forEachChild {
                    if r.isNamed("publicationUrl"), legal.sourceInformationURL == nil { legal.sourceInformationURL = try r.readNonEmptyText() }
                }
            } else if r.isNamed("remark") {
                if let t = try r.readNonEmptyText() { remarks.append(t) }
            } else if r.isNamed("citizenship") {
                if let c = country(r, record: id, field: "citizenship", support: &support) { citizenships.append(c) }
            } else if r.isNamed("address") {
                addresses.append(try readAddress(r, record: id, remarks: &remarks, support: &support))
            } else if r.isNamed("birthdate") {
                let (dob, place) = readBirthdate(r, record: id, support: &support)
                if let dob { dobs.append(dob) }
                if let place, !pobs.contains(place) { pobs.append(place) }
            } else if r.isNamed("identification") {
                if let d = try readIdentification(r, record: id, remarks: &remarks, support: &support) { documents.append(d) }
            }
        }
        if let gender { remarks.append("Gender: \(gender)") }
        guard let primary = names.first else {
            support.warnings.add(ListParsingSupport.Kind.missingName, record: id, field: "nameAlias", value: "")
            return ListEntry(source: .eu, sourceID: id, list: .eu, type: type, name: "", programs: programs)
        }
        var seen: Set<String> = [primary.name]
        let aliases = names.dropFirst().filter { seen.insert($0.name).inserted }
        return ListEntry(source: .eu, sourceID: id, list: .eu, type: type, name: primary.name, programs: programs,
                         aliases: Array(aliases), addresses: addresses, citizenships: citizenships,
                         identityDocuments: documents, datesOfBirth: dobs, placesOfBirth: pobs, listingDates: listing,
                         remarks: remarks, titles: titles, legal: legal)
    }

    /// The country of the current element from `countryIso2Code` / `countryDescription`; nil when
    /// the EU marks it unknown (`00` / `UNKNOWN`) or gives none.
    private static func country(_ r: XMLStreamReader, record: String, field: String, support: inout ListParsingSupport) -> CountryRef? {
        let code = r.nonEmptyAttribute("countryIso2Code")
        let description = r.nonEmptyAttribute("countryDescription")
        if code == nil || code == "00" {
            guard let description, description.uppercased() != "UNKNOWN" else { return nil }
            return support.country(description, record: record, field: field)
        }
        let raw = description ?? code!
        if let code, support.table.contains(code: code) { return CountryRef(code: code.uppercased(), raw: raw) }
        return support.country(raw, record: record, field: field)
    }

    private static func readAddress(_ r: XMLStreamReader, record: String, remarks: inout [String],
                                     support: inout ListParsingSupport) throws -> Address {
        var a = Address()
        a.lines = [r.nonEmptyAttribute("street"), r.nonEmptyAttribute("poBox").map { "PO Box \($0)" }, r.nonEmptyAttribute("place")]
            .compactMap { $0?.collapsedWhitespace }
        a.city = r.nonEmptyAttribute("city")
        a.region = r.nonEmptyAttribute("region")
        a.postalCode = r.nonEmptyAttribute("zipCode")
        if let c = country(r, record: record, field: "address", support: &support) {
            a.country = c.code
            a.countryRaw = c.raw
        }
        try r.forEachChild {
            if r.isNamed("contactInfo"), let key = r.nonEmptyAttribute("key"), let value = r.nonEmptyAttribute("value") {
                remarks.append("\(key.capitalized): \(value)")
            }
        }
        return a
    }

    private static func readBirthdate(_ r: XMLStreamReader, record: String, support: inout ListParsingSupport) -> (PartialDate?, String?) {
        let circa = r.attribute("circa") == "true"
        let calendar = r.nonEmptyAttribute("calendarType") ?? "GREGORIAN"
        var date: PartialDate?
        if let from = r.nonEmptyAttribute("yearRangeFrom").flatMap(Int.init) {
            let to = r.nonEmptyAttribute("yearRangeTo").flatMap(Int.init)
            date = PartialDate(from: .init(year: from), to: to.map { .init(year: $0) }, approximate: circa,
                               raw: "\(from)-\(to.map(String.init) ?? "")")
        } else if let full = r.nonEmptyAttribute("birthdate") {
            date = support.date(full, record: record, field: "birthdate")
            date?.approximate = circa
        } else if let year = r.nonEmptyAttribute("year").flatMap(Int.init) {
            let month = r.nonEmptyAttribute("monthOfYear").flatMap(Int.init)
            let day = r.nonEmptyAttribute("dayOfMonth").flatMap(Int.init)
            date = PartialDate(year: year, month: month, day: month == nil ? nil : day, approximate: circa)
        } else if let month = r.nonEmptyAttribute("monthOfYear").flatMap(Int.init) {
            // Day and month without a year still narrow a match.
            date = PartialDate(year: nil, month: month, day: r.nonEmptyAttribute("dayOfMonth").flatMap(Int.init), approximate: circa)
        }
        if var d = date, calendar.uppercased() != "GREGORIAN" {
            d = .invalid("\(d.raw) (\(calendar) calendar)")
            support.warnings.add("non-Gregorian date", record: record, field: "birthdate", value: d.raw)
            date = d
        }
        var place = [r.nonEmptyAttribute("place"), r.nonEmptyAttribute("city"), r.nonEmptyAttribute("region")].compactMap { $0 }
        if let c = country(r, record: record, field: "birthdate/country", support: &support) { place.append(c.raw) }
        return (date, place.isEmpty ? nil : place.joined(separator: ", "))
    }

    private static func readIdentification(_ r: XMLStreamReader, record: String, remarks: inout [String], support: inout ListParsingSupport) throws -> IdentityDocument? {
        let number = r.nonEmptyAttribute("number") ?? r.nonEmptyAttribute("latinNumber")
        let type = r.nonEmptyAttribute("identificationTypeDescription") ?? r.nonEmptyAttribute("identificationTypeCode") ?? "Document"
        let c = country(r, record: record, field: "identification", support: &support)
        var notes: [String] = []
        if let latin = r.nonEmptyAttribute("latinNumber"), latin != number { notes.append("latin number \(latin)") }
        if let by = r.nonEmptyAttribute("issuedBy") { notes.append("issued by \(by)") }
        if let name = r.nonEmptyAttribute("nameOnDocument") { notes.append("name on document: \(name)") }
        let flags: [(StaticString, String)] = [("knownFalse", "known false"), ("knownExpired", "known expired"), ("reportedLost", "reported lost"),
                             ("revokedByIssuer", "revoked by issuer"), ("diplomatic", "diplomatic")]
        for (flag, text) in flags where r.attribute(flag) == "true" {
            notes.append(text)
        }
        let issue = r.nonEmptyAttribute("issueDate") ?? r.nonEmptyAttribute("validFrom")
        let expiry = r.nonEmptyAttribute("validTo")
        try r.forEachChild {
            if r.isNamed("remark"), let t = try r.readNonEmptyText() { notes.append(t) }
        }
        guard let number else {
            // A document the EU lists without a number is still a fact for the reviewer.
            remarks.append(([type, c?.raw] + notes).compactMap { $0 }.joined(separator: "; "))
            return nil
        }
        return IdentityDocument(type: type, number: number, country: c?.code, countryRaw: c?.raw, issueDate: issue,
                                expirationDate: expiry, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }
}

private extension ListEntry {
    /// Adds what `other` (the same party, listed again) knows and this entry lacks: its name and
    /// aliases as aliases, and every other value not already present.
    mutating func mergeRepeatedListing(_ other: ListEntry) {
        func union<T: Equatable>(_ a: inout [T], _ b: [T]) { for x in b where !a.contains(x) { a.append(x) } }
        if name.isEmpty { name = other.name }
        let names = Set([name] + aliases.map(\.name))
        var extra = other.aliases.filter { !names.contains($0.name) }
        if !other.name.isEmpty, !names.contains(other.name) { extra.insert(Alias(name: other.name, strength: .strong, kind: .aka), at: 0) }
        union(&aliases, extra)
        if type == .unknown { type = other.type }
        union(&programs, other.programs)
        union(&addresses, other.addresses)
        union(&nationalities, other.nationalities)
        union(&citizenships, other.citizenships)
        union(&identityDocuments, other.identityDocuments)
        union(&datesOfBirth, other.datesOfBirth)
        union(&placesOfBirth, other.placesOfBirth)
        union(&listingDates, other.listingDates)
        union(&remarks, other.remarks)
        union(&titles, other.titles)
        union(&legal.measures, other.legal.measures)
        if legal.sourceInformationURL == nil { legal.sourceInformationURL = other.legal.sourceInformationURL }
    }
}
