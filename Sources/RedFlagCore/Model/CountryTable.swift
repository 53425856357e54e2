import Foundation

/// ISO 3166-1 alpha-2 codes and the English names (and list-specific variants) that denote them.
///
/// Loaded from `Lists/countries.tsv`, the project's reviewed table, so a new variant seen in a list
/// is a one-line data change. Lookups ignore case, accents, punctuation and a leading "the".
public final class CountryTable: Sendable {
    /// The table loaded from the project's `Lists/countries.tsv` (built in, or from the
    /// `--lists-data` folder; empty if that copy cannot be read).
    public static let shared: CountryTable = (try? CountryTable(text: String(decoding: ProjectData.data("countries.tsv"), as: UTF8.self))) ?? CountryTable(rows: [])

    /// English short name per code.
    public let names: [String: String]
    /// Code per folded name, built on the first look-up by name: folding a thousand names costs
    /// a fresh process about a millisecond, and screening one name without a country needs none.
    private let byFoldedName: FoldedNames
    private let lookups = CodeLookups()

    public init(rows: [(code: String, names: [String])]) {
        var names: [String: String] = [:]
        for row in rows { names[row.code] = row.names.first ?? row.code }
        self.names = names
        self.byFoldedName = FoldedNames(rows: rows)
    }

    public convenience init(contentsOf url: URL) throws {
        self.init(text: try String(contentsOf: url, encoding: .utf8))
    }

    /// The table from the text of a `countries.tsv` (code, name, `|`-separated variants).
    public convenience init(text: String) {
        // Split on the bytes of LF, TAB and `|` (none occurs inside a multi-byte sequence): the
        // same fields as splitting Characters, without breaking the table into graphemes at start.
        var rows: [(String, [String])] = []
        for line in text.utf8.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
            let cols = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard cols.count >= 2, cols[0].count == 2 else { continue }
            var names = [String(decoding: cols[1], as: UTF8.self)]
            if cols.count > 2 { names += cols[2].split(separator: UInt8(ascii: "|")).map { String(decoding: $0, as: UTF8.self) } }
            rows.append((String(decoding: cols[0], as: UTF8.self), names))
        }
        self.init(rows: rows)
    }

    /// The ISO code for a code or name (`IR`, `irn`, `Iran, Islamic Republic of`, `KOREA, NORTH`),
    /// or nil when unknown. Unknown / placeholder values (`00`, `UNKNOWN`) give nil.
    public func code(for value: String) -> String? {
        // Lists repeat a few hundred spellings thousands of times, and folding one is slow.
        if let known = lookups.get(value) { return known }
        let code = resolve(value)
        lookups.set(value, code)
        return code
    }

    private func resolve(_ value: String) -> String? {
        let t = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.count == 2, t.uppercased() != "00" {
            let up = t.uppercased()
            if names[up] != nil { return up }
        }
        return byFoldedName.code(forKey: Self.key(t))
    }

    /// The first word of every name and variant the table knows, folded as `code(for:)` folds
    /// (a leading "the" dropped): a phrase whose folded first word is not among them names no
    /// country, which spares a caller testing every run of a name's words the look-up of each.
    public func firstWordsOfNames() -> Set<String> {
        Set(byFoldedName.keys().compactMap { $0.split(separator: " ").first.map(String.init) })
    }

    /// English name of a code (`CN` → `China`), or the code itself when unknown.
    public func name(for code: String) -> String { names[code.uppercased()] ?? code }

    /// Whether the table knows `code`.
    public func contains(code: String) -> Bool { names[code.uppercased()] != nil }

    fileprivate static func key(_ s: String) -> String {
        var k = TextFolding.fold(s)
        if k.hasPrefix("the ") { k.removeFirst(4) }
        return k
    }
}

/// The code of each folded name and variant (the first row naming it wins), built on first use.
private final class FoldedNames: @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [(code: String, names: [String])]
    private var index: [String: String]?

    init(rows: [(code: String, names: [String])]) { self.rows = rows }

    func code(forKey key: String) -> String? {
        lock.lock(); defer { lock.unlock() }
        return built()[key]
    }

    /// Every folded name and variant.
    func keys() -> [String] {
        lock.lock(); defer { lock.unlock() }
        return Array(built().keys)
    }

    /// The index, built on first use (under `lock`).
    private func built() -> [String: String] {
        if index == nil {
            var built: [String: String] = [:]
            for row in rows {
                for n in row.names {
                    let key = CountryTable.key(n)
                    if built[key] == nil { built[key] = row.code }
                }
            }
            index = built
            rows = []
        }
        return index ?? [:]
    }
}

/// The codes `CountryTable.code(for:)` has resolved, by exact input (shared by parser threads;
/// cleared when it grows past 50,000 spellings).
private final class CodeLookups: @unchecked Sendable {
    private let lock = NSLock()
    private var codes: [String: String?] = [:]

    func get(_ value: String) -> String?? {
        lock.lock(); defer { lock.unlock() }
        return codes[value]
    }

    func set(_ value: String, _ code: String?) {
        lock.lock(); defer { lock.unlock() }
        if codes.count > 50_000 { codes.removeAll() }
        codes[value] = .some(code)
    }
}
