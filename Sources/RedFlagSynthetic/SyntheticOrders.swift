import Foundation
import RedFlagCore
import RedFlagRules

/// Writes a synthetic order export for benchmarks: every canonical column, a realistic mix of
/// customers (repeat buyers with history, first-time buyers, risky ones), items (H100, H200,
/// B200, servers, EAR99 parts) and destinations. Deterministic for a given seed.
///
/// Parties repeat as in a real export: the lines are drawn from a customer master of
/// `customerCount(rows:)` customers (rows / 10, at most 10,000) with a skewed distribution
/// (customer index = ⌊N·u²⌋ for uniform u: the top 1 % of customers place 10 % of the lines,
/// the top 10 % place 32 %), and each customer always names the same end user, ship-to and
/// address; names are `SyntheticNames` companies (mostly distinct, no serial numbers).
///
/// The `heavy` mix is the export a screening team dreads: 60 % of the customers carry the name of a
/// listed entry (half exactly, half with a typo or a dropped word), so well over half the lines
/// are HOLD or STOP with list matches in their records, the audit trail's worst case.
public struct SyntheticOrders: Sendable {
    public var rows: Int
    public var seed: UInt64
    public var mix: Mix
    /// Names of listed entries the heavy mix gives its customers.
    public var listedNames: [String]

    /// Which customers the export holds.
    public enum Mix: String, Sendable, CaseIterable {
        /// 47 % CLEAR, 29 % HOLD, 24 % STOP, few list matches: red flags of the order itself.
        case standard
        /// As `standard`, with 60 % of the customers named after listed entries.
        case heavy
    }

    public init(rows: Int, seed: UInt64 = 42, mix: Mix = .standard, listedNames: [String] = []) {
        self.rows = rows
        self.seed = seed
        self.mix = mix
        self.listedNames = listedNames.filter { $0.contains(where: \.isLetter) }
    }

    /// A listed name as a customer would write it: as listed, or with two letters swapped or a word dropped.
    static func listedCustomerName(_ listed: String, _ r: inout Rng) -> String {
        var tokens = listed.split(separator: " ").map(String.init)
        switch r.int(4) {
        case 0 where tokens.count > 2:
            tokens.remove(at: 1 + r.int(tokens.count - 1))
        case 1 where !tokens.isEmpty:
            let i = r.int(tokens.count)
            if tokens[i].count > 4 {
                var t = Array(tokens[i])
                t.swapAt(1, 2)
                tokens[i] = String(t)
            }
        default:
            break
        }
        return tokens.joined(separator: " ")
    }

    typealias Rng = SyntheticNames.Rng

    /// Size of the customer master for an export of `rows` lines.
    public static func customerCount(rows: Int) -> Int { max(1, min(10_000, rows / 10)) }

    static let countries = ["US", "US", "US", "DE", "GB", "FR", "JP", "KR", "SG", "NL", "CA", "AU", "IN", "AE", "VN", "MY", "TH", "BR", "HK", "CN", "TR", "IL", "KZ"]
    /// International calling code of each of `countries`, so a customer's phone number matches its
    /// country (a mismatch is a red flag, FC23N-05: only some risky customers have one).
    static let callingCodes: [String: String] = [
        "US": "1", "CA": "1", "DE": "49", "GB": "44", "FR": "33", "JP": "81", "KR": "82", "SG": "65", "NL": "31", "AU": "61",
        "IN": "91", "AE": "971", "VN": "84", "MY": "60", "TH": "66", "BR": "55", "HK": "852", "CN": "86", "TR": "90",
        "IL": "972", "KZ": "7",
    ]
    static let items: [(String, String, String, String, String, Int)] = [
        ("NV-H100-SXM5-80", "NVIDIA H100 SXM5 80GB", "3A090.a", "15830", "3350", 29500),
        ("NV-H200-SXM-141", "NVIDIA H200 SXM 141GB", "3A090.a", "15830", "4800", 32000),
        ("NV-B200-SXM-192", "NVIDIA B200 SXM 192GB", "3A090.a", "36000", "8000", 41000),
        ("SMC-HGX-H100-8", "Supermicro HGX H100 8-GPU server", "4A090.a", "126640", "26800", 285000),
        ("RR-2U-KIT", "2U sliding rack rail kit", "EAR99", "", "", 120),
    ]
    static let types = ["data_center", "cloud", "enterprise", "research", "university", "reseller", "distributor", "manufacturer"]

    /// Writes the export to `url`; returns the number of data rows written.
    @discardableResult
    public func write(to url: URL) throws -> Int {
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let h = FileHandle(forWritingAtPath: url.path) else {
            throw RedFlagError.cannotWrite(path: url.path, reason: "cannot create the file")
        }
        defer { try? h.close() }
        if mix == .heavy && listedNames.isEmpty {
            throw RedFlagError.usage("the heavy mix names customers after listed entries: it needs lists (import some or pass --lists)")
        }
        var rng = Rng(seed: seed)
        var out = OrderColumn.allCases.map(\.rawValue).joined(separator: ",") + "\n"
        let customers = Self.customerCount(rows: rows)
        for i in 0..<rows {
            let u = rng.unit()
            let c = min(customers - 1, Int(Double(customers) * u * u))
            var r = Rng(seed: seed &+ UInt64(c) &* 7919)
            let country = r.pick(Self.countries)
            var name = SyntheticNames.company(&r)
            if mix == .heavy, r.int(10) < 6 {
                name = Self.listedCustomerName(listedNames[r.int(listedNames.count)], &r)
            }
            let domain = "c\(c).example"
            let risky = r.int(20) == 0
            let phoneCountry = risky && r.int(2) == 0 ? r.pick(Self.countries) : country
            let phone = "+\(Self.callingCodes[phoneCountry] ?? "1") \(100 + r.int(900)) \(1000 + r.int(9000))"
            let item = rng.pick(Self.items)
            let qty = item.2 == "EAR99" ? 10 + rng.int(90) : 1 + rng.int(risky ? 200 : 40)
            let month = 1 + rng.int(12), day = 1 + rng.int(28)
            let year = 2024 + rng.int(3)
            let ship = rng.int(10) == 0 ? rng.pick(Self.countries) : country
            let fields: [String] = [
                "SYN-\(i)", String(format: "%04d-%02d-%02d", year, month, day), "CUST-\(c)", name,
                "\(1 + r.int(900)) Main Street, City \(c)", country, risky ? "" : "https://\(domain)",
                risky ? "buyer\(c)@gmail.com" : "purchasing@\(domain)", phone, risky ? "2024-01-01" : "\(1990 + r.int(30))",
                risky ? "trading" : "518210", r.pick(Self.types), r.int(30) == 0 ? "CN" : country, "", "",
                risky ? "" : name, risky ? "" : ship, risky ? "general use" : "AI training and inference for our own products",
                name, "\(1 + r.int(900)) Dock Road, Port \(c)", ship, risky ? "residential" : "commercial",
                rng.int(15) == 0 ? "SG;\(ship)" : "", rng.int(25) == 0 ? "Third Party Payments Ltd" : "", rng.int(25) == 0 ? "HK" : "",
                risky ? "prepaid" : "net_terms", item.0, item.1, item.2, item.3, item.4, String(qty), String(item.5), "USD",
                risky ? "ASAP" : "2026-12-01", String(200 + r.int(5000)), risky ? "declined" : "accepted",
                risky ? "pending" : "received", "accepted", risky ? "asks to relabel as computer parts" : "",
            ]
            out += fields.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",") + "\n"
            if out.utf8.count > 1 << 20 {
                try h.write(contentsOf: Data(out.utf8))
                out.removeAll(keepingCapacity: true)
            }
        }
        try h.write(contentsOf: Data(out.utf8))
        return rows
    }
}
