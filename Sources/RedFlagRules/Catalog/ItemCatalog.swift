import Foundation
import RedFlagCore

/// Known products (`Lists/item-catalog.json`): SKU and description patterns → ECCN, per-chip TPP
/// and DRAM bandwidth, chips and power per unit, designer country, each with its source. Fills
/// what an order export leaves out (rack power for AC-06, the chip figures of the January 2026
/// case-by-case path, PRC-designed chips for General Prohibition 10).
public struct ItemCatalog: Sendable {
    /// Recent lookups: an export repeats a few SKUs over millions of lines.
    private final class Memo: @unchecked Sendable {
        let lock = NSLock()
        var found: [String: Int] = [:]
    }
    private let memo = Memo()

    public struct Entry: Codable, Hashable, Sendable {
        public var product: String
        public var patterns: [String]
        public var eccn: String?
        /// TPP of one chip (bis-rules.md §5.2), nil when not published.
        public var chipTPP: Double?
        /// Total DRAM bandwidth of one chip, GB/s.
        public var chipDRAMBandwidth: Double?
        public var chipsPerUnit: Double
        /// Power of one unit as sold (a chip, a server, a rack), kW.
        public var powerKWPerUnit: Double?
        /// ISO code of the country where the chip is designed (`CN` for the GP10 rule).
        public var designerCountry: String
        public var kind: String
        public var source: String
        public var note: String?

        enum CodingKeys: String, CodingKey {
            case product, patterns, eccn, note, kind, source
            case chipTPP = "chip_tpp", chipDRAMBandwidth = "chip_dram_bandwidth_gbps", chipsPerUnit = "chips_per_unit"
            case powerKWPerUnit = "power_kw_per_unit", designerCountry = "designer_country"
        }

        /// "NVIDIA H200 (item catalog: eccn 3A090.a, chip TPP 15832, …; source …)".
        public var citation: String {
            var parts: [String] = []
            if let eccn { parts.append("eccn \(eccn)") }
            if let chipTPP { parts.append("TPP \(Format.number(chipTPP)) per chip") }
            if let chipDRAMBandwidth { parts.append("DRAM \(Format.number(chipDRAMBandwidth)) GB/s per chip") }
            if chipsPerUnit > 1 { parts.append("\(Format.number(chipsPerUnit)) chips per unit") }
            if let powerKWPerUnit { parts.append("\(Format.number(powerKWPerUnit)) kW per unit") }
            if designerCountry != "US" { parts.append("designed in \(designerCountry)") }
            return "\(product) (item catalog: \(parts.joined(separator: ", ")); source: \(source))"
        }
    }

    public let entries: [Entry]
    /// Lower-cased patterns with their entry, in catalog order.
    private let patterns: [(pattern: String, entry: Int)]

    public init(entries: [Entry]) {
        self.entries = entries
        patterns = entries.enumerated().flatMap { i, e in e.patterns.map { (pattern: $0.lowercased(), entry: i) } }
    }

    public static let empty = ItemCatalog(entries: [])

    /// The bundled catalog; empty (nothing filled, said so nowhere) only when the file is missing,
    /// which `RuleEngine` callers see through `bundledError`.
    public static let bundled: ItemCatalog = (try? loadBundled()) ?? .empty

    /// Reads `Lists/item-catalog.json` (built in, or from the `--lists-data` folder).
    public static func loadBundled() throws -> ItemCatalog {
        let (data, path) = try ProjectData.contents("item-catalog.json")
        return try decode(data, path: path)
    }

    /// Reads a catalog file; errors name the file and the entry at fault.
    public static func load(url: URL) throws -> ItemCatalog {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw RedFlagError.fileNotFound(path: url.path) }
        return try decode(data, path: url.path)
    }

    static func decode(_ data: Data, path: String) throws -> ItemCatalog {
        struct File: Decodable { var items: [Entry] }
        let url = URL(fileURLWithPath: path)
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch {
            throw RedFlagError.badData(path: url.path, location: nil, message: "not an item catalog: \(error)")
        }
        for (i, e) in file.items.enumerated() {
            if e.patterns.isEmpty || e.patterns.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw RedFlagError.badData(path: url.path, location: "items[\(i)]", message: "\(e.product): empty pattern")
            }
            if e.chipsPerUnit < 1 { throw RedFlagError.badData(path: url.path, location: "items[\(i)]", message: "\(e.product): chips_per_unit < 1") }
        }
        return ItemCatalog(entries: file.items)
    }

    /// The first entry a pattern of which occurs as a whole word in one of `texts` (already lower-cased).
    public func match(_ texts: [String]) -> Entry? {
        guard !patterns.isEmpty else { return nil }
        let key = texts.joined(separator: "\u{1}")
        memo.lock.lock()
        let known = memo.found[key]
        memo.lock.unlock()
        if let known { return known < 0 ? nil : entries[known] }
        var hit = -1
        search: for (pattern, entry) in patterns {
            for t in texts where ItemCatalog.containsWord(t, pattern) { hit = entry; break search }
        }
        memo.lock.lock()
        if memo.found.count > 50_000 { memo.found.removeAll(keepingCapacity: true) }
        memo.found[key] = hit
        memo.lock.unlock()
        return hit < 0 ? nil : entries[hit]
    }

    /// Whether `needle` occurs in `haystack` with no ASCII letter or digit right before or after
    /// it ("h20" is not in "h200", "b200" not in "gb200"); other scripts delimit themselves.
    static func containsWord(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack, n = needle
        return h.withUTF8 { hb in
            n.withUTF8 { nb in
                guard !nb.isEmpty, nb.count <= hb.count else { return false }
                func alnum(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 97 && b <= 122) || (b >= 65 && b <= 90) }
                let first = nb[0], last = hb.count - nb.count
                var i = 0
                while i <= last {
                    if hb[i] == first {
                        var j = 1
                        while j < nb.count && hb[i + j] == nb[j] { j += 1 }
                        if j == nb.count && (i == 0 || !alnum(hb[i - 1]) || !alnum(nb[0]))
                            && (i + j == hb.count || !alnum(hb[i + j]) || !alnum(nb[nb.count - 1])) { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
