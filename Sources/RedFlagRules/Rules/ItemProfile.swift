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
    public var tpp: Double?
    public var dramBandwidth: Double?

    /// ECCNs that pick up 3A090 / 4A090 parameters (bis-rules.md §5.1).
    static let zECCNs: Set<String> = ["3A001.Z", "4A003.Z", "4A004.Z", "4A005.Z", "5A002.Z", "5A004.Z", "5A992.Z", "5D002.Z", "5D992.Z"]

    public init(line: OrderLine) {
        let eccn = line.text(.eccn)?.uppercased().filter { $0 != " " }
        self.eccn = eccn
        tpp = line.number(.itemTPP)
        dramBandwidth = line.number(.itemDRAMBandwidth)
        let description = (line.text(.itemDescription) ?? "").lowercased()
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
        if !server {
            server = TextSearch.first(in: description, of: ["server", "hgx", "dgx", "8-gpu", "8 gpu", "nvl72", "rack", "system"]) != nil
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
        return String(format: "%.2f", v)
    }
}
