import Foundation
import RedFlagCore

/// The worksheets of an XLSX workbook read as rows of text, the way a CSV export of the same sheet
/// would read: shared and inline strings resolved, numbers as written, date-formatted numbers as
/// `dd/mm/yyyy` (the day-first form OFSI's CSV uses), booleans as TRUE / FALSE.
///
/// Only what a list parser needs: no formulas are evaluated (their cached value is used), no
/// styles beyond "is this number a date". Every part is read with the hardened `XMLStreamReader`.
public struct XLSXWorkbook {
    /// The workbook file, for messages.
    public let path: String
    /// Sheet names in workbook order, each with its archive member.
    public let sheets: [(name: String, member: String)]
    private let archive: ZipArchive
    private let sharedStrings: [String]
    /// Indices into `cellXfs` whose number format shows a date.
    private let dateStyles: Set<Int>

    /// Opens the workbook at `url` and reads its sheet list, shared strings and date styles.
    public init(url: URL) throws {
        let archive = try ZipArchive(url: url)
        self.archive = archive
        let path = url.path
        self.path = path
        guard archive.member(named: "xl/workbook.xml") != nil else {
            throw RedFlagError.badData(path: path, location: nil, message: "a ZIP archive but not an XLSX workbook (no xl/workbook.xml)")
        }
        sheets = try Self.readSheets(archive, path: path)
        sharedStrings = try archive.member(named: "xl/sharedStrings.xml").map { try Self.readSharedStrings(archive.contents(of: $0), path: "\(path): xl/sharedStrings.xml") } ?? []
        dateStyles = try archive.member(named: "xl/styles.xml").map { try Self.readDateStyles(archive.contents(of: $0), path: "\(path): xl/styles.xml") } ?? []
    }

    /// Calls `body` with every row of the sheet called `name` (the first sheet when nil), in
    /// order. A record's `line` is the sheet's row number and its fields are the columns A, B, …
    /// up to the last cell the row holds ("" for cells that are absent).
    public func forEachRow(sheet name: String? = nil, _ body: (CSVRecord) throws -> Void) throws {
        guard let sheet = name.map({ n in sheets.first { $0.name == n } }) ?? sheets.first else {
            throw RedFlagError.badData(path: path, location: nil,
                                       message: name.map { "workbook has no sheet \"\($0)\" (sheets: \(sheets.map(\.name).joined(separator: ", ")))" } ?? "workbook has no sheet")
        }
        let reader = try XMLStreamReader(bytes: archive.contents(named: sheet.member), path: "\(path): \(sheet.member)")
        var fields: [String] = []
        var width = 0
        var row = 0
        while try reader.read() {
            if reader.nodeType == .element {
                if reader.isNamed("row") {
                    row = reader.attribute("r").flatMap { Int($0) } ?? row + 1
                    // The previous row went to `body`: a fresh buffer, sized like it, so the
                    // cells of this one append without growing it step by step.
                    fields = []
                    fields.reserveCapacity(width)
                    if reader.isEmptyElement { try body(CSVRecord(fields: [], line: row)) }
                } else if reader.isNamed("c") {
                    let column = reader.attribute("r").flatMap(Self.columnIndex) ?? fields.count
                    guard column < 16_384 else { throw reader.badData("cell reference beyond column XFD") }
                    let value = try cellValue(reader)
                    // Cells come in column order almost always: append (padding any gap) rather
                    // than build a padding array per cell.
                    while fields.count < column { fields.append("") }
                    if column == fields.count { fields.append(value) } else { fields[column] = value }
                    width = max(width, fields.count)
                }
            } else if reader.nodeType == .endElement, reader.isNamed("row") {
                try body(CSVRecord(fields: fields, line: row))
            }
        }
    }

    /// The text of the cell the reader is on, consuming it.
    private func cellValue(_ r: XMLStreamReader) throws -> String {
        let type = r.attribute("t") ?? "n"
        let style = r.attribute("s").flatMap { Int($0) }
        guard !r.isEmptyElement else { return "" }
        let depth = r.depth
        var value = ""
        var inline = ""
        while try r.read() {
            if r.nodeType == .element, r.isNamed("v") {
                value = try Self.rawText(r)
            } else if r.nodeType == .element, r.isNamed("t") {
                inline += try Self.rawText(r)
            } else if r.nodeType == .element, r.isNamed("rPh") {
                try Self.skip(r)
            } else if r.nodeType == .endElement, r.depth == depth {
                break
            }
        }
        switch type {
        case "s":
            // Plain digits almost always: Foundation's trimming only for the rest.
            guard let i = Int(value) ?? Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(i) else {
                throw r.badData("shared string index \(value) out of range (\(sharedStrings.count) strings)")
            }
            return sharedStrings[i]
        case "inlineStr":
            return inline
        case "b":
            return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
        case "n" where style.map(dateStyles.contains) == true:
            return Double(value).flatMap(Self.dayFirstDate) ?? value
        default:
            return value
        }
    }

    // MARK: - Workbook parts

    private static func readSheets(_ archive: ZipArchive, path: String) throws -> [(name: String, member: String)] {
        var targets: [String: String] = [:]
        if let rels = archive.member(named: "xl/_rels/workbook.xml.rels") {
            let r = try XMLStreamReader(bytes: archive.contents(of: rels), path: "\(path): xl/_rels/workbook.xml.rels")
            while try r.read() {
                guard r.nodeType == .element, r.isNamed("Relationship") else { continue }
                if let id = r.attribute("Id"), let target = r.attribute("Target") {
                    targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                }
            }
        }
        let r = try XMLStreamReader(bytes: archive.contents(named: "xl/workbook.xml"), path: "\(path): xl/workbook.xml")
        var sheets: [(name: String, member: String)] = []
        while try r.read() {
            guard r.nodeType == .element, r.isNamed("sheet") else { continue }
            let name = r.attribute("name") ?? "Sheet\(sheets.count + 1)"
            let member = r.attribute("r:id").flatMap { targets[$0] }
                ?? r.attribute("sheetId").map { "xl/worksheets/sheet\($0).xml" }
                ?? "xl/worksheets/sheet\(sheets.count + 1).xml"
            guard archive.member(named: member) != nil else {
                throw RedFlagError.badData(path: path, location: nil, message: "sheet \"\(name)\" points to \(member), which the archive lacks")
            }
            sheets.append((name, member))
        }
        return sheets
    }

    private static func readSharedStrings(_ bytes: [UInt8], path: String) throws -> [String] {
        let r = try XMLStreamReader(bytes: bytes, path: path)
        var strings: [String] = []
        var current = ""
        var inItem = false
        while try r.read() {
            switch r.nodeType {
            case .element where r.isNamed("si"):
                current = ""
                if r.isEmptyElement { strings.append("") } else { inItem = true }
            case .element where inItem && r.isNamed("t"):
                current += try rawText(r)
            case .element where inItem && r.isNamed("rPh"):
                try skip(r)
            case .endElement where r.isNamed("si"):
                strings.append(current)
                inItem = false
            default:
                break
            }
        }
        return strings
    }

    /// Built-in date formats (ECMA-376 §18.8.30) and custom codes that show a day, month or year.
    private static func readDateStyles(_ bytes: [UInt8], path: String) throws -> Set<Int> {
        let r = try XMLStreamReader(bytes: bytes, path: path)
        var custom: [Int: String] = [:]
        var formats: [Int] = []
        var inCellXfs = false
        while try r.read() {
            if r.nodeType == .element, r.isNamed("numFmt"), let id = r.attribute("numFmtId").flatMap({ Int($0) }) {
                custom[id] = r.attribute("formatCode") ?? ""
            } else if r.nodeType == .element, r.isNamed("cellXfs") {
                inCellXfs = !r.isEmptyElement
            } else if r.nodeType == .endElement, r.isNamed("cellXfs") {
                inCellXfs = false
            } else if inCellXfs, r.nodeType == .element, r.isNamed("xf") {
                formats.append(r.attribute("numFmtId").flatMap { Int($0) } ?? 0)
            }
        }
        var dates: Set<Int> = []
        for (i, id) in formats.enumerated() where (14...22).contains(id) || (45...47).contains(id) || custom[id].map(isDateCode) == true {
            dates.insert(i)
        }
        return dates
    }

    static func isDateCode(_ code: String) -> Bool {
        var inQuotes = false
        var previous: Character = " "
        for ch in code.lowercased() {
            if ch == "\"" { inQuotes.toggle() }
            // `[Red]`-style sections and escaped characters are not date parts.
            if !inQuotes, previous != "\\", "dmy".contains(ch) { return true }
            previous = ch
        }
        return false
    }

    // MARK: - Small readers

    /// The text of the element the reader is on, untrimmed (rich-text runs keep their spaces).
    private static func rawText(_ r: XMLStreamReader) throws -> String {
        guard !r.isEmptyElement else { return "" }
        let depth = r.depth
        var text = ""
        while try r.read() {
            if r.nodeType == .text {
                // Almost always one text node: take it as it is rather than append it to "".
                if text.isEmpty { text = r.textValue } else { text += r.textValue }
            } else if r.nodeType == .endElement, r.depth == depth {
                break
            }
        }
        return text
    }

    private static func skip(_ r: XMLStreamReader) throws {
        guard !r.isEmptyElement else { return }
        let depth = r.depth
        while try r.read() { if r.nodeType == .endElement, r.depth == depth { return } }
    }

    /// "AJ18798" → 35 (zero-based column); nil when the reference has no letters.
    static func columnIndex(_ reference: String) -> Int? {
        var column = 0
        var letters = 0
        for u in reference.utf8 {
            guard u >= UInt8(ascii: "A"), u <= UInt8(ascii: "Z") else { break }
            column = column * 26 + Int(u - UInt8(ascii: "A") + 1)
            letters += 1
        }
        return letters == 0 ? nil : column - 1
    }

    /// A spreadsheet serial day (1900 date system) as `dd/mm/yyyy`. Serial 60 is Excel's phantom
    /// 29 Feb 1900; from 61 on, day 0 is 1899-12-30.
    static func dayFirstDate(_ serial: Double) -> String? {
        guard serial >= 1, serial < 2_958_466 else { return nil }
        let days = Int(serial.rounded(.down)) - 25_569 + (serial < 60 ? 1 : 0)
        let (year, month, day) = CivilDate.fromDays(days)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(two(day))/\(two(month))/\(year)"
    }
}
