/// A plain text table with aligned columns, for terminal output.
///
/// Cells longer than their column's limit are cut with an ellipsis so one long alias list cannot
/// push the table off the screen; the JSON formats carry the full values.
public struct TextTable {
    public struct Column {
        public var title: String
        public var maxWidth: Int
        public var alignRight: Bool

        public init(_ title: String, maxWidth: Int = 40, alignRight: Bool = false) {
            self.title = title
            self.maxWidth = maxWidth
            self.alignRight = alignRight
        }
    }

    public var columns: [Column]
    public var rows: [[String]] = []

    public init(columns: [Column]) { self.columns = columns }

    public mutating func add(_ row: [String]) { rows.append(row) }

    /// The table as lines (header, rule, rows), each indented by `indent`.
    public func render(indent: String = "") -> String {
        let cells = rows.map { row in columns.indices.map { i in Self.cut(i < row.count ? row[i] : "", columns[i].maxWidth) } }
        var widths = columns.map { min($0.title.count, $0.maxWidth) }
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ values: [String]) -> String {
            var out = indent
            for (i, v) in values.enumerated() {
                let pad = String(repeating: " ", count: max(0, widths[i] - v.count))
                out += columns[i].alignRight ? pad + v : v + (i == values.count - 1 ? "" : pad)
                if i < values.count - 1 { out += "  " }
            }
            while out.hasSuffix(" ") { out.removeLast() }
            return out + "\n"
        }
        var out = line(columns.map(\.title))
        out += indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { out += line(row) }
        return out
    }

    static func cut(_ s: String, _ width: Int) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ")
        guard flat.count > width, width > 1 else { return flat }
        return String(flat.prefix(width - 1)) + "…"
    }
}
