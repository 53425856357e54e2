import Foundation
import RedFlagCore

/// Reads the trade.gov Consolidated Screening List JSON download (`consolidated.json`):
/// `{"results": [...]}` with the CSV's field names (the id is `id`), real arrays for multi-valued
/// fields, `addresses` as objects `{address, city, state, postal_code, country}` and `ids` as
/// objects `{type, number, country, issue_date, expiration_date}`.
///
/// No real copy of this file could be obtained; the reader follows list-formats.md §1.2 and also
/// accepts the CSV's `; `-joined strings where an array is expected, so a field published either
/// way loads. As for the CSV, `publicationDate` is the newest `start_date`.
public enum CSLJSONParser {
    public static func parse(_ url: URL) throws -> ParsedList {
        guard FileManager.default.fileExists(atPath: url.path) else { throw RedFlagError.fileNotFound(path: url.path) }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RedFlagError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            throw RedFlagError.badData(path: url.path, location: nil, message: "invalid JSON: \(jsonErrorDetail(error))")
        }
        guard let object = root as? [String: Any], let results = object["results"] as? [Any] else {
            throw RedFlagError.badData(path: url.path, location: nil, message: "not a CSL JSON file: no \"results\" array")
        }
        var warnings = ParseWarnings()
        var entries: [ListEntry] = []
        entries.reserveCapacity(results.count)
        for (i, item) in results.enumerated() {
            guard let fields = item as? [String: Any] else {
                throw RedFlagError.badData(path: url.path, location: "results[\(i)]", message: "record is not a JSON object")
            }
            entries.append(record(fields, location: "results[\(i)]").entry(warnings: &warnings))
        }
        CSLRecord.disambiguateIDs(&entries)
        return ParsedList(source: .csl, format: .cslJSON, entries: entries,
                          publicationDate: CSLCSVParser.newestStartDate(entries), files: [url],
                          sha256: SHA256.hex(data), warnings: warnings)
    }

    private static func jsonErrorDetail(_ error: Error) -> String {
        let info = (error as NSError).userInfo
        return (info[NSDebugDescriptionErrorKey] as? String) ?? error.localizedDescription
    }

    private static func record(_ f: [String: Any], location: String) -> CSLRecord {
        var r = CSLRecord()
        r.location = location
        r.id = string(f["id"]) ?? string(f["_id"]) ?? ""
        r.source = string(f["source"]) ?? ""
        r.entityNumber = string(f["entity_number"])
        r.type = string(f["type"])
        r.programs = strings(f["programs"])
        r.name = FieldSplitter.clean(string(f["name"]) ?? "")
        r.title = string(f["title"])
        r.addresses = addresses(f["addresses"])
        r.federalRegisterNotices = strings(f["federal_register_notice"])
        r.startDates = strings(f["start_date"])
        r.endDate = string(f["end_date"])
        r.standardOrder = string(f["standard_order"])
        r.licenseRequirement = string(f["license_requirement"])
        r.licensePolicy = string(f["license_policy"])
        for (key, label) in CSLRecord.vesselColumns {
            if let v = string(f[key]) { r.vesselFacts.append("\(label): \(v)") }
        }
        r.remarks = string(f["remarks"])
        r.sourceListURL = string(f["source_list_url"])
        r.altNames = strings(f["alt_names"])
        r.citizenships = strings(f["citizenships"])
        r.datesOfBirth = strings(f["dates_of_birth"])
        r.nationalities = strings(f["nationalities"])
        r.placesOfBirth = strings(f["places_of_birth"])
        r.sourceInformationURL = string(f["source_information_url"])
        r.ids = documents(f["ids"])
        return r
    }

    /// A scalar as text (numbers included), nil for null or empty.
    private static func string(_ value: Any?) -> String? {
        switch value {
        case let s as String: return FieldSplitter.nonEmpty(s)
        case let n as NSNumber: return n.stringValue
        default: return nil
        }
    }

    /// A string array, or a `; `-joined string split like the CSV's.
    private static func strings(_ value: Any?) -> [String] {
        if let array = value as? [Any] {
            return array.compactMap { string($0) }.map { v in v.lowercased().hasPrefix("and ") ? String(v.dropFirst(4)) : v }
        }
        return FieldSplitter.semicolonList(string(value))
    }

    private static func addresses(_ value: Any?) -> [Address] {
        guard let array = value as? [Any] else { return strings(value).map { CSLRecord.address($0) } }
        return array.compactMap { item -> Address? in
            if let s = string(item) { return CSLRecord.address(s) }
            guard let o = item as? [String: Any] else { return nil }
            let street = string(o["address"])
            let countryRaw = string(o["country"])
            var a = Address(lines: street.map { [$0] } ?? [], city: string(o["city"]), region: string(o["state"]),
                            postalCode: string(o["postal_code"]), countryRaw: countryRaw)
            a.country = countryRaw.flatMap { CountryTable.shared.code(for: $0) }
            return a
        }
    }

    private static func documents(_ value: Any?) -> [IdentityDocument] {
        guard let array = value as? [Any] else {
            let tuples = CSLIDOrder.tuples(string(value))
            let order = CSLIDOrder.detect(tuples)
            return tuples.map { order.document($0) }
        }
        return array.compactMap { item -> IdentityDocument? in
            guard let o = item as? [String: Any] else { return nil }
            let countryRaw = string(o["country"])
            return IdentityDocument(type: string(o["type"]) ?? "unspecified", number: string(o["number"]) ?? "",
                                    country: countryRaw.flatMap { CountryTable.shared.code(for: $0) },
                                    countryRaw: countryRaw, issueDate: string(o["issue_date"]),
                                    expirationDate: string(o["expiration_date"]))
        }
    }
}
