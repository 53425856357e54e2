import Foundation
import RedFlagCore

/// Reads the FCDO UK Sanctions List CSV (`UK-Sanctions-List.csv`), the single official UK source
/// since 28 January 2026.
///
/// Line 1 is the `Report Date: dd-Mon-yyyy` preamble (the publication date), line 2 the header.
/// Every row is one name; rows are grouped by `Unique ID` (`RUS0251`) into one entry. `Name type`
/// tells the primary name (`Primary Name`) from variations and aliases, `Alias strength` marks
/// low-quality (weak) aliases, `Sanctions Imposed` is `|`-separated.
///
/// No real copy of this file could be obtained: the layout follows list-formats.md §8.2 (a
/// secondary source), and the reader looks columns up by name so a reordered file still loads.
public enum FCDOCSVParser {
    static let requiredColumns = ["Unique ID", "Name 6", "Name type", "Designation Type", "Regime Name"]

    /// Columns kept as labelled remark lines.
    static let factColumns = [
        "UN Reference Number", "OFSI Group ID", "Designation source", "Gender", "Type of entity", "Subsidiaries",
        "Parent company", "Phone number", "Website", "Email address", "Current owner/operator (s)",
        "Previous owner/operator (s)", "Current believed flag of ship", "Previous flags", "Type of ship",
        "Tonnage of ship", "Length of ship", "Year Built",
    ]

    public static func parse(_ url: URL) throws -> ParsedList {
        let content = try TextFileContent(url: url)
        let reader = content.reader(url)
        guard let preamble = try reader.next(), !preamble.isBlank else {
            throw RedFlagError.badData(path: url.path, location: "line 1", message: "empty file: no `Report Date:` line")
        }
        let first = preamble.fields.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        guard first.lowercased().hasPrefix("report date") else {
            throw RedFlagError.badData(path: url.path, location: "line \(preamble.line)",
                                       message: "not a UK Sanctions List CSV: line 1 should be `Report Date: dd-Mon-yyyy`")
        }
        var dateText = String(first.dropFirst("report date".count))
        dateText = dateText.trimmingCharacters(in: CharacterSet(charactersIn: ": ,"))
        guard let header = try reader.next() else {
            throw RedFlagError.badData(path: url.path, location: "line 2", message: "no header after the `Report Date:` line")
        }
        let c = CSVColumns(header: header, path: url.path)
        try c.require(requiredColumns, format: "UK Sanctions List CSV")
        var warnings = ParseWarnings()
        let publication = reportDate(dateText)
        if publication == nil {
            warnings.add("unparseable date", record: "line \(preamble.line)", field: "Report Date", value: dateText)
        }
        var groups = UKGroups()
        while let row = try reader.next() {
            if row.isBlank { continue }
            c.checkWidth(row, warnings: &warnings)
            guard let id = c.value(row, "Unique ID") else {
                throw RedFlagError.badData(path: url.path, location: "line \(row.line)", message: "row has no Unique ID")
            }
            groups.withGroup(id: id, line: row.line) { g in add(row, columns: c, to: &g, warnings: &warnings) }
        }
        let entries = groups.groups.map { $0.entry(warnings: &warnings) }
        return ParsedList(source: .uk, format: .fcdoCSV, entries: entries, publicationDate: publication,
                          files: [url], sha256: content.sha256, warnings: warnings)
    }

    /// `13-Feb-2026` (also `13/02/2026`) as `2026-02-13`.
    static func reportDate(_ text: String) -> String? {
        let spaced = text.contains(where: \.isLetter) ? text.replacingOccurrences(of: "-", with: " ") : text
        return PartialDate.isoDay(spaced, slashOrder: .dayFirst)
    }

    private static func add(_ row: CSVRecord, columns c: CSVColumns, to g: inout UKGroup, warnings: inout ParseWarnings) {
        if let t = UKGroup.partyType(c.value(row, "Designation Type"), record: g.id, warnings: &warnings), g.type == .unknown {
            g.type = t
        }
        let name = UKGroup.name(parts: ["Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6"].map { c.value(row, $0) })
        let nameType = (c.value(row, "Name type") ?? "").lowercased()
        let strengthText = (c.value(row, "Alias strength") ?? "").lowercased()
        let strength: Alias.Strength = strengthText.hasPrefix("low") ? .weak : strengthText.hasPrefix("good") ? .strong : .unknown
        switch nameType {
        case "primary name":
            g.addName(name, primary: true, kind: .aka, strength: .strong)
        case "primary name variation":
            g.addName(name, primary: false, kind: .variation, strength: strength == .unknown ? .strong : strength)
        case "alias", "aka":
            g.addName(name, primary: false, kind: .aka, strength: strength)
        default:
            warnings.add("unknown name type", record: g.id, field: "Name type", value: nameType)
            g.addName(name, primary: false, kind: .unknown, strength: strength)
        }
        if let nonLatin = c.value(row, "Name non-latin script") {
            g.addName(nonLatin, primary: false, kind: .variation, strength: .strong,
                      language: c.value(row, "Non-latin script language"))
        }
        g.add(c.value(row, "Title"), to: \.titles)
        g.add(c.value(row, "Position"), to: \.titles)
        g.add(c.value(row, "Regime Name"), to: \.programs)
        for measure in FieldSplitter.list(c.value(row, "Sanctions Imposed"), separator: "|") {
            FieldSplitter.appendUnique(measure, to: &g.measures)
        }
        g.add(c.value(row, "Other Information"), to: \.remarks)
        g.add(c.value(row, "UK Statement of Reasons").map { "UK Statement of Reasons: \($0)" }, to: \.remarks)
        for column in factColumns {
            g.add(c.value(row, column).map { "\(column): \($0)" }, to: \.remarks)
        }
        g.addAddress(lines: (1...6).map { c.value(row, "Address Line \($0)") }, postalCode: c.value(row, "Address Postal Code"),
                     country: c.value(row, "Address Country"), warnings: &warnings)
        g.addDates(c.value(row, "Date Designated"), to: \.listingDates, field: "Date Designated", warnings: &warnings)
        g.addDates(c.value(row, "D.O.B"), to: \.datesOfBirth, field: "D.O.B", warnings: &warnings)
        g.addNationalities(c.value(row, "Nationality(/ies)"), field: "Nationality(/ies)", warnings: &warnings)
        g.addDocument(type: "National ID", number: c.value(row, "National Identifier number"),
                      note: c.value(row, "National Identifier additional information"))
        g.addDocument(type: "Passport", number: c.value(row, "Passport number"), note: c.value(row, "Passport additional information"))
        g.addDocument(type: "Business Registration", number: c.value(row, "Business registration number (s)"), note: nil)
        g.addDocument(type: "IMO", number: c.value(row, "IMO number"), note: nil)
        g.addDocument(type: "HIN", number: c.value(row, "Hull identification number (HIN)"), note: nil)
        let birthPlace = [c.value(row, "Town of birth"), c.value(row, "Country of birth")].compactMap { $0 }
        if !birthPlace.isEmpty { g.add(birthPlace.joined(separator: ", "), to: \.placesOfBirth) }
    }
}
