/// What an order line's item is, as far as the advanced-computing rules care: whether it is a
/// 3A090 / 4A090 / related .z item, which paragraph, whether it is a server, and its TPP and DRAM
/// bandwidth per unit.
public struct ItemProfile: Sendable, Hashable {
    /// The ECCN as given, upper-cased ("3A090.A"), or nil.
    public var eccn: String?
    /// 3A090 / 4A090 (.a / .b) or a related .z ECCN, or TPP ≥ 4800 when no ECCN is given.
    public var isAdvanced: Bool
    /// Why `isAdvanced` holds ("eccn = 3A090.a", "item_tpp = 15830 ≥ 4800 with no eccn").
    public var advancedBasis: String?
    /// "a", "b", "c" for 3A090 / 4A090 paragraphs, nil for .z or unknown.
    public var paragraph: String?
    /// A server / board / system (4A090 or a description naming one), for the per-unit power and
    /// the "≥ 8 servers" first-order yardstick.
    public var isServer: Bool
    /// TPP of one unit as ordered: `item_tpp`, else the catalog's chip TPP × chips per unit.
    public var tpp: Double?
    /// DRAM bandwidth of one unit as ordered: `item_dram_bandwidth`, else from the catalog.
    public var dramBandwidth: Double?
    /// TPP and DRAM bandwidth of one chip: what the January 2026 case-by-case thresholds are read
    /// against (a server or rack of H200s qualifies by its H200s, not by the system's sum).
    public var chipTPP: Double?
    public var chipDRAMBandwidth: Double?
    /// Power of one unit (kW) from the item catalog (a GB200 NVL72 rack is one unit of ~120 kW).
    public var powerKW: Double?
    /// The catalog entry the SKU or description matched, if any.
    public var catalogEntry: ItemCatalog.Entry?
    /// Designed in China (the catalog says so): General Prohibition 10 applies to its 3A090 chips.
    public var prcDesigned: Bool
    /// What the catalog filled that the export left empty, as facts ("eccn (empty) = 3A090.a from …").
    public var filledFacts: [String]

    /// ECCNs that pick up 3A090 / 4A090 parameters (bis-rules.md §5.1).
    static let zECCNs: Set<String> = ["3A001.Z", "4A003.Z", "4A004.Z", "4A005.Z", "5A002.Z", "5A004.Z", "5A992.Z", "5D002.Z", "5D992.Z"]

    public init(line: OrderLine, items: ItemCatalog = .empty) {
        let description = (line.text(.itemDescription) ?? "").lowercased()
        let sku = (line.text(.itemSKU) ?? "").lowercased()
        let entry = (description.isEmpty && sku.isEmpty) ? nil : items.match([sku, description])
        catalogEntry = entry
        prcDesigned = entry?.designerCountry == "CN"
        var filled: [String] = []
        var eccn = line.text(.eccn)?.uppercased().filter { $0 != " " }
        if eccn == nil, let e = entry, let c = e.eccn {
            eccn = c.uppercased()
            filled.append("eccn (not in the export) = \(c) from \(e.citation)")
        }
        self.eccn = eccn
        let chips = entry?.chipsPerUnit ?? 1
        let lineTPP = line.number(.itemTPP), lineBW = line.number(.itemDRAMBandwidth)
        tpp = lineTPP ?? entry?.chipTPP.map { $0 * chips }
        dramBandwidth = lineBW ?? entry?.chipDRAMBandwidth.map { $0 * chips }
        // The export's figures, when given, describe what ships; the catalog fills the gaps.
        chipTPP = lineTPP.map { $0 / chips } ?? entry?.chipTPP
        chipDRAMBandwidth = lineBW.map { $0 / chips } ?? entry?.chipDRAMBandwidth
        if lineTPP == nil, let e = entry, let t = e.chipTPP {
            filled.append("item_tpp (not in the export) = \(Format.number(t * chips)) per unit from \(e.citation)")
        }
        if lineBW == nil, let e = entry, let b = e.chipDRAMBandwidth {
            filled.append("item_dram_bandwidth (not in the export) = \(Format.number(b)) GB/s per chip from \(e.product) (item catalog)")
        }
        powerKW = entry?.powerKWPerUnit
        filledFacts = filled
        var advanced = false
        var basis: String?
        var paragraph: String?
        var server = false
        if let eccn {
            if eccn.hasPrefix("3A090") || eccn.hasPrefix("4A090") {
                advanced = true
                basis = "eccn = \(eccn)"
                let rest = eccn.dropFirst(5)
                if rest.hasPrefix(".") { paragraph = rest.dropFirst().first.map { String($0).lowercased() } }
                server = eccn.hasPrefix("4A090")
            } else if ItemProfile.zECCNs.contains(eccn) {
                advanced = true
                basis = "eccn = \(eccn) (.z item meeting 3A090/4A090 parameters)"
            }
        } else if let tpp, tpp >= 4800 {
            advanced = true
            basis = "item_tpp = \(Format.number(tpp)) ≥ 4800 and no eccn given (3A090.a.1 parameter)"
            paragraph = "a"
        }
        if advanced, let b = basis, !filled.isEmpty { basis = b + " [" + filled.joined(separator: "; ") + "]" }
        if !server {
            server = (entry.map { $0.chipsPerUnit > 1 } ?? false)
                || TextSearch.first(in: description, of: ["server", "hgx", "dgx", "8-gpu", "8 gpu", "nvl72", "rack", "system"]) != nil
        }
        isAdvanced = advanced
        advancedBasis = basis
        self.paragraph = paragraph
        isServer = server
    }
}

/// Number formatting for facts: integers without ".0", others with up to two decimals.
enum Format {
    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return twoDecimals(v)
    }

    /// Exactly what `String(format: "%.2f", v)` writes, without Foundation's formatter: a
    /// HOLD/STOP-heavy check writes a score into every list fact of every line, and the
    /// formatter (an `NSString` per call) was half the cost of writing those facts.
    ///
    /// `%.2f` rounds the double's exact binary value to the nearest hundredth, ties to even.
    /// `v * 100` is rounded once; a fused multiply-add gives that rounding's exact error, which decides the
    /// only case it could change: a product that landed exactly on a half.
    static func twoDecimals(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 1e13 else { return String(format: "%.2f", v) }
        let magnitude = abs(v)
        let product = magnitude * 100
        let error = (-product).addingProduct(magnitude, 100)
        let floor = product.rounded(.down)
        let hundredths: Double
        if product - floor == 0.5 {
            hundredths = error > 0 ? floor + 1 : error < 0 ? floor
                : (floor.truncatingRemainder(dividingBy: 2) == 0 ? floor : floor + 1)
        } else {
            hundredths = product.rounded(.toNearestOrEven)
        }
        let whole = UInt64(hundredths)
        let cents = whole % 100
        let sign = v.sign == .minus ? "-" : ""
        return sign + String(whole / 100) + (cents < 10 ? ".0" : ".") + String(cents)
    }
}
