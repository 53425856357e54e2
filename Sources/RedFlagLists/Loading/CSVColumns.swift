import Foundation
import RedFlagCore

/// The columns of a CSV header row, looked up by name so a parser never depends on column
/// positions that a publisher may reorder or extend.
///
/// Names are compared lower-cased with whitespace collapsed (`Post/Zip Code` = `post/zip code`).
struct CSVColumns {
    let path: String
    /// 1-based line of the header row.
    let line: Int
    let count: Int
    private let index: [String: Int]
    /// Column of each name callers asked for, so a row costs one lookup per field read.
    private let memo = ColumnMemo()

    init(header: CSVRecord, path: String) {
        self.path = path
        self.line = header.line
        self.count = header.fields.count
        var index: [String: Int] = [:]
        for (i, name) in header.fields.enumerated() {
            let key = Self.key(name)
            if index[key] == nil { index[key] = i }
        }
        self.index = index
    }

    /// Throws `badData` naming the header line and every missing column when one of `names` is absent.
    func require(_ names: [String], format: String) throws {
        let missing = names.filter { index[Self.key($0)] == nil }
        guard !missing.isEmpty else { return }
        throw RedFlagError.badData(path: path, location: "line \(line)",
                                   message: "not a \(format) header: missing column(s) \(missing.joined(separator: ", "))")
    }

    func has(_ name: String) -> Bool { column(name) != nil }

    /// The raw value of column `name` in `record`, or "" when the file has no such column or the row is short.
    func raw(_ record: CSVRecord, _ name: String) -> String {
        guard let i = column(name) else { return "" }
        return record[i]
    }

    /// The index of column `name`, nil when the header lacks it (worked out once per name).
    private func column(_ name: String) -> Int? {
        if let known = memo.column(name) { return known }
        // Callers pass canonical names (single spaces, no padding): lower-casing is the whole key.
        let i = index[name.lowercased()] ?? index[Self.key(name)]
        memo.add(name, column: i)
        return i
    }

    /// The value with whitespace collapsed, nil when empty.
    func value(_ record: CSVRecord, _ name: String) -> String? {
        FieldSplitter.nonEmpty(raw(record, name))
    }

    /// Counts a row whose field count differs from the header's (the row is still used).
    func checkWidth(_ record: CSVRecord, warnings: inout ParseWarnings) {
        if record.fields.count < count {
            warnings.add("short row", record: "line \(record.line)", field: "row",
                         value: "\(record.fields.count) of \(count) fields")
        } else if record.fields.count > count {
            warnings.add("long row", record: "line \(record.line)", field: "row",
                         value: "\(record.fields.count) of \(count) fields")
        }
    }

    private static func key(_ s: String) -> String {
        TextFolding.collapseWhitespace(s).lowercased()
    }
}

extension CSVRecord {
    /// True for a blank line (one empty field) or an empty sheet row, which carry no record.
    var isBlank: Bool {
        fields.isEmpty || fields.count == 1 && fields[0].utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
    }
}

/// The column lookups one `CSVColumns` has made (it reads one file on one thread).
///
/// A parser asks for the same names in the same order on every row, so the memo first tries
/// the name after the one asked last: one string comparison (the same literal each time)
/// instead of hashing the name, which cost more than reading the field. The dictionary finds
/// the rest and puts the cursor back in step.
private final class ColumnMemo {
    private var names: [String] = []
    private var columns: [Int?] = []
    private var position: [String: Int] = [:]
    private var next = 0

    /// The column memoised for `name` (`.some(nil)`: the header lacks it), nil when not asked before.
    func column(_ name: String) -> Int?? {
        if next < names.count, names[next] == name {
            next += 1
            return .some(columns[next - 1])
        }
        guard let p = position[name] else { return nil }
        next = p + 1
        return .some(columns[p])
    }

    func add(_ name: String, column: Int?) {
        position[name] = names.count
        names.append(name)
        columns.append(column)
        next = names.count
    }
}
