import Foundation
import RedFlagCore

/// Reads OFSI's Consolidated List of Financial Sanctions Targets, `ConList.csv`, in both layouts:
/// the pre-2022 29-column file and the "2022 format" 36-column file (adds `Alias Quality`,
/// non-Latin script names, passport and national-ID numbers, the UK Sanctions List date).
///
/// Line 1 is the `Last Updated,dd/mm/yyyy` preamble (the publication date), line 2 the header.
/// Every row is one name of a target; rows are grouped by `Group ID` into one entry. The file is
/// Windows-1252 unless its bytes are valid UTF-8.
public enum OFSICSVParser {
    static let requiredColumns = ["Name 6", "Name 1", "Group ID", "Alias Type", "Group Type", "Regime"]

    public static func parse(_ url: URL) throws -> ParsedList {
        let content = try TextFileContent(url: url)
        let reader = content.reader(url)
        return try parse(rows: { try reader.next() }, path: url.path, kind: "CSV", unit: "line",
                         format: .ofsiCSV, files: [url], sha256: content.sha256)
    }

    /// The ConList layout from its rows, whatever the container: a CSV file or the `Data` sheet
    /// of the XLSX export (`unit` names a row in messages: "line" or "row").
    static func parse(rows next: () throws -> CSVRecord?, path: String, kind: String, unit: String,
                      format: ListFormat, files: [URL], sha256: String) throws -> ParsedList {
        guard let preamble = try next(), !preamble.isBlank else {
            throw RedFlagError.badData(path: path, location: "\(unit) 1", message: "empty file: no OFSI `Last Updated` \(unit)")
        }
        guard preamble[0].trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("last updated") else {
            throw RedFlagError.badData(path: path, location: "\(unit) \(preamble.line)",
                                       message: "not an OFSI ConList \(kind): \(unit) 1 should be `Last Updated`, dd/mm/yyyy")
        }
        let dateText = preamble.fields.count > 1 ? preamble[1] : String(preamble[0].dropFirst("last updated".count))
        guard let header = try next() else {
            throw RedFlagError.badData(path: path, location: "\(unit) 2", message: "no header after the `Last Updated` \(unit)")
        }
        let c = CSVColumns(header: header, path: path)
        try c.require(requiredColumns, format: "OFSI ConList \(kind)")
        var warnings = ParseWarnings()
        let publication = PartialDate.isoDay(dateText, slashOrder: .dayFirst)
        if publication == nil {
            warnings.add("unparseable date", record: "\(unit) \(preamble.line)", field: "Last Updated", value: dateText)
        }
        var groups = UKGroups()
        while let row = try next() {
            if row.isBlank { continue }
            c.checkWidth(row, warnings: &warnings)
            guard let id = c.value(row, "Group ID") else {
                throw RedFlagError.badData(path: path, location: "\(unit) \(row.line)", message: "row has no Group ID")
            }
            groups.withGroup(id: id, line: row.line) { g in add(row, columns: c, to: &g, warnings: &warnings) }
        }
        let entries = groups.groups.map { $0.entry(warnings: &warnings) }
        return ParsedList(source: .uk, format: format, entries: entries, publicationDate: publication,
                          files: files, sha256: sha256, warnings: warnings)
    }

    private static func add(_ row: CSVRecord, columns c: CSVColumns, to g: inout UKGroup, warnings: inout ParseWarnings) {
        if let t = UKGroup.partyType(c.value(row, "Group Type"), record: g.id, warnings: &warnings), g.type == .unknown {
            g.type = t
        }
        let name = UKGroup.name(parts: ["Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6"].map { c.value(row, $0) })
        let aliasType = (c.value(row, "Alias Type") ?? "").lowercased()
        let quality = (c.value(row, "Alias Quality") ?? "").lowercased()
        let strength: Alias.Strength = quality.hasPrefix("low") ? .weak : quality.hasPrefix("good") ? .strong : .unknown
        switch aliasType {
        case "prime alias", "primary name":
            g.addName(name, primary: true, kind: .aka, strength: .strong)
        case "primary name variation":
            g.addName(name, primary: false, kind: .variation, strength: strength == .unknown ? .strong : strength)
        case "fka":
            g.addName(name, primary: false, kind: .fka, strength: strength)
        case "aka":
            g.addName(name, primary: false, kind: .aka, strength: strength)
        default:
            warnings.add("unknown alias type", record: g.id, field: "Alias Type", value: aliasType)
            g.addName(name, primary: false, kind: .unknown, strength: strength)
        }
        if let nonLatin = c.value(row, "Name Non-Latin Script") {
            g.addName(nonLatin, primary: false, kind: .variation, strength: .strong,
                      language: c.value(row, "Non-Latin Script Language"))
        }
        g.add(c.value(row, "Title"), to: \.titles)
        g.add(c.value(row, "Position"), to: \.titles)
        g.addDates(c.value(row, "DOB"), to: \.datesOfBirth, field: "DOB", warnings: &warnings)
        let birthPlace = [c.value(row, "Town of Birth"), c.value(row, "Country of Birth")].compactMap { $0 }
        if !birthPlace.isEmpty { g.add(birthPlace.joined(separator: ", "), to: \.placesOfBirth) }
        g.addNationalities(c.value(row, "Nationality"), field: "Nationality", warnings: &warnings)
        g.addDocument(type: "Passport", number: c.value(row, "Passport Number"), note: c.value(row, "Passport Details"))
        g.addDocument(type: "National ID", number: c.value(row, "National Identification Number") ?? c.value(row, "NI Number"),
                      note: c.value(row, "National Identification Details"))
        g.addAddress(lines: ["Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6"].map { c.value(row, $0) },
                     postalCode: c.value(row, "Post/Zip Code"), country: c.value(row, "Country"), warnings: &warnings)
        g.add(c.value(row, "Other Information"), to: \.remarks)
        g.add(c.value(row, "Regime"), to: \.programs)
        g.addDates(c.value(row, "Listed On"), to: \.listingDates, field: "Listed On", warnings: &warnings)
        g.addDates(c.value(row, "UK Sanctions List Date Designated"), to: \.listingDates,
                   field: "UK Sanctions List Date Designated", warnings: &warnings)
    }
}
