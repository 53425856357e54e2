import Foundation
import RedFlagCore

/// Reads the trade.gov Consolidated Screening List CSV (`consolidated.csv`), both the 2022 style
/// (quotes only where needed, `ids` as `number, type`) and the 2025 style (every field quoted,
/// `ids` as `type, number[, country]`).
///
/// One row is one listed party on one of the thirteen CSL lists; the list code comes from the
/// parenthesised code in `source`. The CSL carries no publication date, so `publicationDate` is
/// the newest `start_date` in the file: a lower bound on when the file was made.
public enum CSLCSVParser {
    /// Columns without which the file is not a CSL CSV.
    static let requiredColumns = ["_id", "source", "type", "name", "alt_names", "addresses", "programs"]

    public static func parse(_ url: URL) throws -> ParsedList {
        let reader = try CSVReader(url: url)
        guard let header = try reader.next(), !header.isBlank else {
            throw RedFlagError.badData(path: url.path, location: "line 1", message: "empty file: no CSL header")
        }
        let columns = CSVColumns(header: header, path: url.path)
        try columns.require(requiredColumns, format: "CSL CSV")
        var warnings = ParseWarnings()
        var records: [CSLRecord] = []
        var rawIDs: [String] = []
        while let row = try reader.next() {
            if row.isBlank { continue }
            columns.checkWidth(row, warnings: &warnings)
            records.append(record(row, columns: columns))
            rawIDs.append(columns.raw(row, "ids"))
        }
        // The `ids` tuple order changed between the 2022 and 2025 files: decide once per file.
        let tuples = rawIDs.map(CSLIDOrder.tuples)
        let order = CSLIDOrder.detect(tuples.flatMap { $0 })
        var entries: [ListEntry] = []
        entries.reserveCapacity(records.count)
        for (i, var r) in records.enumerated() {
            r.ids = tuples[i].map { order.document($0) }
            entries.append(r.entry(warnings: &warnings))
        }
        CSLRecord.disambiguateIDs(&entries)
        return ParsedList(source: .csl, format: .cslCSV, entries: entries,
                          publicationDate: newestStartDate(entries), files: [url],
                          sha256: try SHA256.hex(ofFile: url), warnings: warnings)
    }

    /// The newest full `start_date` as `yyyy-mm-dd`, the best date the CSL offers.
    static func newestStartDate(_ entries: [ListEntry]) -> String? {
        var newest: String?
        for e in entries {
            for d in e.listingDates where d.isValid && d.to == nil && d.from.day != nil {
                let iso = d.from.iso
                if newest == nil || iso > newest! { newest = iso }
            }
        }
        return newest
    }

    private static func record(_ row: CSVRecord, columns c: CSVColumns) -> CSLRecord {
        var r = CSLRecord()
        r.location = "line \(row.line)"
        r.id = c.value(row, "_id") ?? ""
        r.source = c.value(row, "source") ?? ""
        r.entityNumber = c.value(row, "entity_number")
        r.type = c.value(row, "type")
        r.programs = FieldSplitter.semicolonList(c.raw(row, "programs"))
        r.name = FieldSplitter.clean(c.raw(row, "name"))
        r.title = c.value(row, "title")
        r.addresses = FieldSplitter.semicolonList(c.raw(row, "addresses")).map { CSLRecord.address($0) }
        r.federalRegisterNotices = FieldSplitter.semicolonList(c.raw(row, "federal_register_notice"))
        r.startDates = FieldSplitter.semicolonList(c.raw(row, "start_date"))
        r.endDate = c.value(row, "end_date")
        r.standardOrder = c.value(row, "standard_order")
        r.licenseRequirement = c.value(row, "license_requirement")
        r.licensePolicy = c.value(row, "license_policy")
        for (column, label) in CSLRecord.vesselColumns {
            if let v = c.value(row, column) { r.vesselFacts.append("\(label): \(v)") }
        }
        r.remarks = c.value(row, "remarks")
        r.sourceListURL = c.value(row, "source_list_url")
        r.altNames = FieldSplitter.semicolonList(c.raw(row, "alt_names"))
        r.citizenships = FieldSplitter.semicolonList(c.raw(row, "citizenships"))
        r.datesOfBirth = FieldSplitter.semicolonList(c.raw(row, "dates_of_birth"))
        r.nationalities = FieldSplitter.semicolonList(c.raw(row, "nationalities"))
        r.placesOfBirth = FieldSplitter.semicolonList(c.raw(row, "places_of_birth"))
        r.sourceInformationURL = c.value(row, "source_information_url")
        return r
    }
}
