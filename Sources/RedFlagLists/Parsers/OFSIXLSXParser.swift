import Foundation
import RedFlagCore

/// Reads OFSI's Consolidated List as published in XLSX (`ConList.xlsx`, sheet `Data`): the same
/// rows as `ConList.csv` — `Last Updated` row, header row, one row per name — so the entries are
/// built by the CSV parser's row logic and the two exports of one day give the same entries.
public enum OFSIXLSXParser {
    public static func parse(_ url: URL) throws -> ParsedList {
        let workbook = try XLSXWorkbook(url: url)
        let sheet = workbook.sheets.first { $0.name.lowercased() == "data" }?.name ?? workbook.sheets.first?.name
        var rows: [CSVRecord] = []
        var width = 0
        try workbook.forEachRow(sheet: sheet) { row in
            // A sheet row stops at its last filled cell; pad to the header so short rows are not
            // reported as damaged the way a short CSV line would be.
            var row = row
            if width > 0, row.fields.count < width, !row.fields.isEmpty {
                row.fields += Array(repeating: "", count: width - row.fields.count)
            }
            rows.append(row)
            if rows.count == 2 { width = row.fields.count }
        }
        let sha256 = try SHA256.hex(ofFile: url)
        var iterator = rows.makeIterator()
        return try OFSICSVParser.parse(rows: { iterator.next() }, path: url.path, kind: "XLSX", unit: "row",
                                       format: .ofsiXLSX, files: [url], sha256: sha256)
    }
}
