import Foundation
import RedFlagCore

/// Renames a real export's headers to the canonical columns: `--map customer_name=CUST_NAME,...`
/// or a map file with one `column=HEADER` per line (`#` starts a comment).
public struct ColumnMap: Sendable, Equatable {
    /// Canonical column → header as the export spells it (matched case-insensitively).
    public private(set) var headers: [OrderColumn: String]

    public init(headers: [OrderColumn: String] = [:]) { self.headers = headers }

    /// Parses `col=header` pairs, comma-separated. Unknown columns are usage errors (exit 64).
    public static func parse(option text: String) throws -> ColumnMap {
        try parse(pairs: text.split(separator: ",").map(String.init), origin: "--map")
    }

    /// Reads a map file (`column=HEADER` per line).
    public static func load(path: String) throws -> ColumnMap {
        guard FileManager.default.fileExists(atPath: path) else { throw RedFlagError.fileNotFound(path: path) }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw RedFlagError.unreadable(path: path, reason: error.localizedDescription)
        }
        var map = ColumnMap()
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            do {
                try map.add(pair: line)
            } catch let RedFlagError.usage(message) {
                throw RedFlagError.badData(path: path, location: "line \(n + 1)", message: message)
            }
        }
        return map
    }

    static func parse(pairs: [String], origin: String) throws -> ColumnMap {
        var map = ColumnMap()
        for p in pairs where !p.trimmingCharacters(in: .whitespaces).isEmpty {
            do { try map.add(pair: p) } catch let RedFlagError.usage(message) {
                throw RedFlagError.usage("\(origin): \(message)")
            }
        }
        return map
    }

    private mutating func add(pair: String) throws {
        guard let eq = pair.firstIndex(of: "=") else { throw RedFlagError.usage("'\(pair)' is not column=HEADER") }
        let col = pair[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
        let header = pair[pair.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        guard let column = OrderColumn(rawValue: col) else {
            throw RedFlagError.usage("unknown column '\(col)' (columns: \(OrderColumn.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard !header.isEmpty else { throw RedFlagError.usage("column '\(col)' is mapped to an empty header") }
        if headers[column] != nil { throw RedFlagError.usage("column '\(col)' is mapped twice") }
        headers[column] = header
    }

    /// Merges another map (the option wins over the file).
    public func merging(_ other: ColumnMap) -> ColumnMap {
        ColumnMap(headers: headers.merging(other.headers) { _, new in new })
    }
}
