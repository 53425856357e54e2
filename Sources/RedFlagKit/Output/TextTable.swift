import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain text table with aligned columns, for terminal output.
///
/// Cells are escaped (`TerminalText.escape`) and measured in terminal columns, so wide CJK
/// characters and combining accents keep the columns aligned. On a terminal the table fits its
/// width: the widest columns give way first (cut with an ellipsis), never below
/// `Column.minWidth`; without a width (a file, a pipe) nothing is cut. The JSON formats carry the
/// full values either way.
public struct TextTable {
    public struct Column {
        public var title: String
        /// The narrowest the column is cut to when the table must shrink to fit the terminal.
        public var minWidth: Int
        public var alignRight: Bool

        /// `maxWidth` is the column's width floor when shrinking (a short column such as a score
        /// is never cut; a long one such as a name is cut no shorter than 12 columns).
        public init(_ title: String, maxWidth: Int = 40, alignRight: Bool = false) {
            self.title = title
            self.minWidth = min(maxWidth, 12)
            self.alignRight = alignRight
        }
    }

    public var columns: [Column]
    public var rows: [[String]] = []

    public init(columns: [Column]) { self.columns = columns }

    public mutating func add(_ row: [String]) { rows.append(row) }

    /// The table as lines (header, rule, rows), each indented by `indent`, at most `width`
    /// terminal columns wide when `width` is given (default: the terminal's, nil off a terminal).
    public func render(indent: String = "", width: Int? = TextTable.terminalColumns()) -> String {
        var cells = rows.map { row in
            columns.indices.map { i in TerminalText.escape(i < row.count ? row[i] : "") }
        }
        var widths = columns.map { TerminalText.width($0.title) }
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], TerminalText.width(c)) } }
        if let width {
            let fixed = TerminalText.width(indent) + 2 * max(0, columns.count - 1)
            var excess = fixed + widths.reduce(0, +) - width
            // Take one column at a time from the widest column that can still give way.
            while excess > 0 {
                guard let i = widths.indices.filter({ widths[$0] > max(columns[$0].minWidth, 1) })
                    .max(by: { widths[$0] < widths[$1] }) else { break }
                widths[i] -= 1
                excess -= 1
            }
            cells = cells.map { row in row.enumerated().map { i, c in TerminalText.truncate(c, toWidth: widths[i]) } }
        }
        let titles = columns.enumerated().map { i, c in TerminalText.truncate(c.title, toWidth: widths[i]) }
        func line(_ values: [String]) -> String {
            var out = indent
            for (i, v) in values.enumerated() {
                let last = i == values.count - 1
                out += columns[i].alignRight || !last ? TerminalText.pad(v, to: widths[i], right: columns[i].alignRight) : v
                if !last { out += "  " }
            }
            while out.hasSuffix(" ") { out.removeLast() }
            return out + "\n"
        }
        var out = line(titles)
        out += indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { out += line(row) }
        return out
    }

    /// The width of the terminal on standard output, or nil when stdout is not a terminal.
    /// `$COLUMNS` wins when set (a user narrowing output, or a test).
    public static func terminalColumns(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        if let s = environment["COLUMNS"], let n = Int(s), n > 0 { return n }
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        #if canImport(Glibc)
        let request = UInt(TIOCGWINSZ)
        #else
        let request = TIOCGWINSZ
        #endif
        if ioctl(STDOUT_FILENO, request, &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
