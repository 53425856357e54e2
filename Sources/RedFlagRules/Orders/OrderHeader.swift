import RedFlagCore

/// The layout of one export: which field holds which canonical column, and the extra columns
/// passed through untouched.
public struct OrderHeader: Sendable {
    /// Field index per canonical column slot, nil when the export lacks the column.
    public let indices: [Int?]
    /// Extra (unknown) columns: header as written and field index, in file order.
    public let passthrough: [(name: String, index: Int)]
    /// The header cells as written.
    public let names: [String]

    /// Resolves a header row. Missing required columns and mapped headers that the file lacks
    /// are errors naming the file and line 1.
    public init(fields: [String], map: ColumnMap = ColumnMap(), path: String) throws {
        var byHeader: [String: OrderColumn] = [:]
        for (col, header) in map.headers { byHeader[header.lowercased()] = col }
        var indices = [Int?](repeating: nil, count: OrderColumn.allCases.count)
        var extra: [(String, Int)] = []
        for (i, raw) in fields.enumerated() {
            let h = raw.trimmingCharacters(in: .whitespaces)
            let key = h.lowercased()
            let column: OrderColumn?
            if let mapped = byHeader[key] {
                column = mapped
            } else if let own = OrderColumn(rawValue: key), map.headers[own] == nil {
                column = own
            } else {
                column = nil
            }
            if let column {
                if indices[column.slot] != nil {
                    throw RedFlagError.badData(path: path, location: "line 1", message: "column \(column.rawValue) appears twice (header '\(h)')")
                }
                indices[column.slot] = i
            } else {
                extra.append((h, i))
            }
        }
        for (col, header) in map.headers.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where indices[col.slot] == nil {
            throw RedFlagError.badData(path: path, location: "line 1", message: "the column map names header '\(header)' for \(col.rawValue), but the file has no such header")
        }
        let missing = OrderColumn.required.filter { indices[$0.slot] == nil }
        if !missing.isEmpty {
            throw RedFlagError.badData(path: path, location: "line 1",
                                       message: "missing required column(s) \(missing.map(\.rawValue).joined(separator: ", ")) (use --map column=HEADER)")
        }
        self.indices = indices
        self.passthrough = extra
        self.names = fields
    }

    /// Whether the export has the column at all.
    public func has(_ column: OrderColumn) -> Bool { indices[column.slot] != nil }
}
