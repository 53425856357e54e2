import Foundation
import RedFlagCore
import RedFlagRules

/// An order export written as JSON Lines, one object per order line
/// (`{"order_id": "SO-1", "customer_name": "…", "quantity": 8, "transit_countries": ["AE", "SG"]}`),
/// read as the records `OrderReader` takes: the first object's keys make the header (the
/// canonical columns in catalogue order, then the other keys sorted), every object a record.
///
/// Values: a string as it is, a number as its JSON text, true/false, null as an empty cell, an
/// array of strings joined with `;` (the list separator of `transit_countries`). Every record
/// carries the first record's keys or a subset of them (a missing key is an empty cell), so a
/// column is evaluated or not for the whole export as with CSV; a line with a key the first
/// lacks, a nested object, text that is not JSON or not UTF-8, or a line over the size limit is
/// an error row naming the line, and the run goes on.
public final class JSONLinesOrderRecords: OrderRecordSource {
    public let path: String
    public private(set) var lastRecordLine = 0
    private let lines: InputLineReader
    private let maxRecordBytes: Int
    private var header: [String]?
    private var column: [String: Int] = [:]
    /// The first object, read to make the header and returned as the first order record.
    private var pendingFirst: CSVRecord?

    public init(source: InputByteSource, maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes) {
        path = source.path
        self.maxRecordBytes = maxRecordBytes
        lines = InputLineReader(source: source, maxLineBytes: maxRecordBytes)
    }

    public func next() throws -> CSVRecord? {
        if let first = pendingFirst {
            pendingFirst = nil
            lastRecordLine = first.line
            return first
        }
        while let (bytes, line, tooLong) = try lines.next() {
            lastRecordLine = line
            if tooLong { throw bad(line, "line longer than \(maxRecordBytes) bytes (skipped)") }
            guard let text = String(validating: bytes, as: UTF8.self) else { throw bad(line, "text is not valid UTF-8") }
            if text.allSatisfy(\.isWhitespace) { continue }
            let object = try Self.object(text, line: line, path: path)
            guard let header else {
                let known = OrderColumn.allCases.map(\.rawValue).filter { object[$0] != nil }
                let names = known + object.keys.filter { !known.contains($0) }.sorted()
                self.header = names
                for (i, name) in names.enumerated() { column[name] = i }
                pendingFirst = try record(object, line: line)
                return CSVRecord(fields: names, line: line)
            }
            var fields = [String](repeating: "", count: header.count)
            for (key, value) in object {
                guard let i = column[key] else {
                    throw bad(line, "key \"\(key)\" is not in the first record (every record carries the first record's keys, null or absent for none)")
                }
                fields[i] = try Self.cell(value, key: key, line: line, path: path)
            }
            return CSVRecord(fields: fields, line: line)
        }
        return nil
    }

    private func record(_ object: [String: JSONCell], line: Int) throws -> CSVRecord {
        var fields = [String](repeating: "", count: column.count)
        for (key, value) in object { fields[column[key]!] = try Self.cell(value, key: key, line: line, path: path) }
        return CSVRecord(fields: fields, line: line)
    }

    private func bad(_ line: Int, _ message: String) -> RedFlagError {
        .badData(path: path, location: "line \(line)", message: message)
    }

    private static func object(_ text: String, line: Int, path: String) throws -> [String: JSONCell] {
        do {
            return try JSONDecoder().decode([String: JSONCell].self, from: Data(text.utf8))
        } catch {
            let message = text.trimmingCharacters(in: .whitespaces).hasPrefix("{")
                ? "invalid JSON" : "a JSON Lines order record must be an object"
            throw RedFlagError.badData(path: path, location: "line \(line)", message: message)
        }
    }

    private static func cell(_ value: JSONCell, key: String, line: Int, path: String) throws -> String {
        switch value {
        case .text(let s): return s
        case .null: return ""
        case .list(let items): return items.joined(separator: ";")
        case .unsupported:
            throw RedFlagError.badData(path: path, location: "line \(line)",
                                       message: "\"\(key)\" must be a string, number, boolean, null or array of strings")
        }
    }
}

/// One value of a JSON Lines order record, as the text of a cell.
enum JSONCell: Decodable {
    case text(String)
    case null
    case list([String])
    /// An object, or an array holding something other than strings.
    case unsupported

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let s = try? c.decode(String.self) { self = .text(s); return }
        if let b = try? c.decode(Bool.self) { self = .text(b ? "true" : "false"); return }
        if let i = try? c.decode(Int64.self) { self = .text(String(i)); return }
        if let d = try? c.decode(Double.self) { self = .text(d.isFinite && d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)); return }
        if let items = try? c.decode([String].self) { self = .list(items); return }
        self = .unsupported
    }
}
