import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagRules

/// Writes a precision corpus: an order export of honest business only, to measure false alarms.
///
/// Long-standing customers (incorporated 1985–2015) in allied countries (A:5 destinations outside
/// every D group), each ordering its usual volume again and again over two years (±40 % around its
/// own base quantity, first orders below the first-order yardsticks), complete KYC data (website,
/// corporate e-mail, street address, matching phone code, industry, end use, signed end-use
/// statement), every item class (3A090 chips, 4A090 servers and NVL72 racks, .z items, other
/// ECCNs, EAR99 accessories), facilities with the power the order needs, and notes on about a
/// quarter of the lines written the way sales desks write them, some with negations ("no
/// re-export planned"). Deterministic for a seed. A good screener leaves nearly all of it CLEAR.
public struct HonestOrders: Sendable {
    public var rows: Int
    public var seed: UInt64

    public init(rows: Int = 1_200, seed: UInt64 = 7) {
        self.rows = rows
        self.seed = seed
    }

    static let columns = ["order_id", "order_date", "customer_id", "customer_name", "customer_address", "customer_country", "customer_website",
                          "customer_email", "customer_phone", "customer_incorporated", "customer_industry", "customer_type", "customer_hq_country",
                          "parent_name", "parent_country", "end_user_name", "end_user_country", "end_use", "ship_to_name", "ship_to_address",
                          "ship_to_country", "ship_to_type", "transit_countries", "payer_name", "payer_country", "payment_terms", "item_sku",
                          "item_description", "eccn", "item_tpp", "item_dram_bandwidth", "quantity", "unit_price", "currency", "delivery_date",
                          "facility_power_kw", "installation", "end_use_statement", "site_visit", "notes", "license_number", "license_exception"]

    /// Country, calling code, a city with a postcode and a street, a company suffix.
    static let places: [(String, String, String, String, String)] = [
        ("US", "1", "Austin, TX 78701", "400 Congress Avenue", "Inc."), ("US", "1", "Santa Clara, CA 95054", "2788 San Tomas Expressway", "LLC"),
        ("DE", "49", "80331 München", "Sendlinger Straße 12", "GmbH"), ("GB", "44", "Manchester M1 3BE", "55 Portland Street", "Ltd"),
        ("FR", "33", "75013 Paris", "34 Rue du Chevaleret", "SAS"), ("JP", "81", "Tokyo 105-0011", "1-9-1 Shibakoen, Minato-ku", "K.K."),
        ("KR", "82", "Seoul 06236", "152 Teheran-ro, Gangnam-gu", "Co., Ltd."), ("NL", "31", "1043 GR Amsterdam", "Hoogoorddreef 15", "B.V."),
        ("CA", "1", "Toronto, ON M5V 3L9", "200 Front Street West", "Inc."), ("AU", "61", "Sydney NSW 2000", "1 Macquarie Place", "Pty Ltd"),
        ("SE", "46", "164 40 Kista", "Kistagången 20", "AB"), ("FI", "358", "02150 Espoo", "Keilaranta 1", "Oy"),
        ("IE", "353", "Dublin D02 F205", "70 Sir John Rogerson's Quay", "Ltd"), ("IT", "39", "20121 Milano", "Via Dante 7", "S.p.A."),
        ("ES", "34", "28046 Madrid", "Paseo de la Castellana 95", "S.L."), ("NO", "47", "0250 Oslo", "Dronning Mauds gate 10", "AS"),
        ("DK", "45", "2100 København Ø", "Strandvejen 70", "A/S"), ("CH", "41", "8005 Zürich", "Hardturmstrasse 161", "AG"),
        ("BE", "32", "1000 Bruxelles", "Rue de la Loi 26", "SA"), ("AT", "43", "1030 Wien", "Landstraßer Hauptstraße 71", "GmbH"),
        ("NZ", "64", "Auckland 1010", "21 Queen Street", "Ltd"),
    ]
    static let stems = ["Aurora", "Meridian", "Northwind", "Bluefjord", "Kestrel", "Lumen", "Cobalt", "Harbourview", "Silverline", "Granite",
                        "Helix", "Orchard", "Summit", "Tidewater", "Vantage", "Beacon", "Cedar", "Polaris", "Riverbend", "Evergreen",
                        "Quantum Leaf", "Brightwater", "Ironbridge", "Skyward", "Westbrook", "Alder", "Foxglove", "Larkspur", "Marlowe", "Oakridge"]

    /// Kind of customer: type, NAICS, a business word for the name, end use, what it buys.
    struct Profile { var type: String; var naics: String; var word: String; var endUse: String; var items: [Int] }
    static let profiles: [Profile] = [
        Profile(type: "data_center", naics: "518210", word: "Data Centres", endUse: "AI model training and inference in our own data centre", items: [0, 1, 2, 3, 4, 5, 6, 9]),
        Profile(type: "cloud", naics: "518210", word: "Cloud", endUse: "GPU instances for our enterprise cloud customers, tenants screened under our KYC programme", items: [0, 1, 3, 4, 9]),
        Profile(type: "university", naics: "611310", word: "University Computing Services", endUse: "shared HPC cluster for university research groups", items: [0, 1, 3, 7, 8, 9]),
        Profile(type: "research", naics: "541715", word: "Research Institute", endUse: "climate and materials simulation on our research cluster", items: [0, 3, 7, 8]),
        Profile(type: "manufacturer", naics: "336390", word: "Automotive Systems", endUse: "training perception models for driver assistance", items: [0, 1, 3, 7, 9]),
        Profile(type: "enterprise", naics: "522110", word: "Bank", endUse: "risk model training and fraud-detection inference", items: [0, 3, 7, 8, 9]),
        Profile(type: "enterprise", naics: "512110", word: "Studios", endUse: "GPU rendering and visual effects for feature films", items: [6, 7, 8, 9]),
        Profile(type: "distributor", naics: "423430", word: "Computer Distribution", endUse: "resale to the named end user for its on-premise AI cluster", items: [0, 3, 7, 8, 9]),
        Profile(type: "enterprise", naics: "541511", word: "Software", endUse: "training and serving our own language models", items: [0, 1, 3, 7, 9]),
    ]
    /// SKU, description, ECCN, TPP, DRAM GB/s, price, per-unit kW, whether a server-class unit, base quantity range.
    static let items: [(String, String, String, String, String, Int, Double, Bool, ClosedRange<Int>)] = [
        ("NV-H100-SXM5-80", "NVIDIA H100 SXM5 80GB", "3A090.a", "15830", "3350", 29500, 0.7, false, 8...48),
        ("NV-H200-SXM-141", "NVIDIA H200 SXM 141GB", "3A090.a", "15832", "4800", 32000, 0.7, false, 8...48),
        ("NV-B200-SXM-192", "NVIDIA B200 SXM 192GB", "3A090.a", "36000", "8000", 41000, 1.0, false, 8...32),
        ("SMC-HGX-H100-8", "Supermicro HGX H100 8-GPU server", "4A090.a", "126640", "26800", 285000, 10.2, true, 1...6),
        ("DGX-B200", "NVIDIA DGX B200 8-GPU system", "4A090.a", "288000", "64000", 450000, 14.3, true, 1...4),
        ("GB200-NVL72", "NVIDIA GB200 NVL72 rack", "4A090.a", "2880000", "576000", 3000000, 120, true, 1...2),
        ("NV-L40S-48", "NVIDIA L40S 48GB PCIe", "3A090.a", "5792", "864", 8500, 0.35, false, 4...24),
        ("MLX-CX7-400G", "NVIDIA ConnectX-7 400G adapter", "5A992.c", "", "", 1900, 0.03, false, 8...64),
        ("CBL-QSFP-3M", "QSFP112 DAC cable 3 m", "EAR99", "", "", 120, 0, false, 16...128),
        ("DELL-R760-2S", "Dell PowerEdge R760 2-socket server, no GPU", "5A992.c", "", "", 14000, 1.1, true, 2...12),
    ]
    /// Sales-desk notes, some with negations.
    public static var notesSample: [String] { notes }
    static let notes = [
        "Repeat order, same configuration as last quarter.", "Customer confirmed rack space and power at the site.",
        "PO received via EDI.", "Deliver to loading dock 3, call 24h ahead.", "Quote honoured incl. 2% volume discount.",
        "Installation scheduled with our field engineers.", "Bundle includes 3-year support.", "Split shipment OK if partial stock.",
        "Expansion of the existing cluster, same end user.", "Long-standing account, annual credit review done.",
        "EUS on file, renewed for this order.", "Ship in standard OEM packaging.", "Customer asked for the earliest slot in the build plan.",
        "No change to the ship-to address.", "End user confirmed, no re-export planned.", "Not for resale; installed at customer's own DC.",
        "Invoice to AP department, net 45 as per frame agreement.", "Customer's IT lead visited our lab in May.",
        "Replacement units for RMA batch, serials on file.", "Same delivery window as the frame contract.",
    ]

    typealias Rng = SyntheticNames.Rng

    /// ISO date `offset` days after 2025-01-01.
    static func day(_ offset: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let d = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: 1_735_689_600 + Double(offset) * 86_400))
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(d.year!)-\(pad(d.month!))-\(pad(d.day!))"
    }

    /// The export as CSV text, lines ordered by date.
    public func csv() -> String {
        var rng = Rng(seed: seed)
        let customers = max(1, rows / 9)
        struct Customer { var id: String; var name: String; var place: Int; var profile: Int; var item: Int; var base: Int; var incorporated: Int; var domain: String }
        var master: [Customer] = []
        for i in 0..<customers {
            let place = Int(rng.next() % UInt64(Self.places.count))
            let profile = Int(rng.next() % UInt64(Self.profiles.count))
            let p = Self.profiles[profile]
            let item = p.items[Int(rng.next() % UInt64(p.items.count))]
            let range = Self.items[item].8
            let base = range.lowerBound + Int(rng.next() % UInt64(range.count))
            let stem = Self.stems[i % Self.stems.count] + (i >= Self.stems.count ? " \(["North", "West", "Pacific", "Atlantic", "Central", "Coastal"][(i / Self.stems.count) % 6])" : "")
            let name = "\(stem) \(p.word) \(Self.places[place].4)"
            let domain = stem.lowercased().filter { $0.isLetter } + "-" + p.word.lowercased().filter { $0.isLetter }.prefix(8) + ".example"
            master.append(Customer(id: "HC-\(1000 + i)", name: name, place: place, profile: profile, item: item, base: base,
                                   incorporated: 1985 + Int(rng.next() % 31), domain: String(domain)))
        }
        struct Line { var day: Int; var fields: [String] }
        var lines: [Line] = []
        for n in 0..<rows {
            let c = master[n % customers]
            let p = Self.profiles[c.profile], place = Self.places[c.place], item = Self.items[c.item]
            // Each customer's orders spread over 2025-01 … 2026-11, one about every two to three months.
            let slot = n / customers
            let day = slot * 70 + Int(rng.next() % 30)
            let date = Self.day(day)
            let wobble = 0.6 + Double(rng.next() % 81) / 100
            let qty = max(1, Int((Double(c.base) * wobble).rounded()))
            let power = Int((Double(qty) * item.6 * 2 + 200).rounded())
            let address = "\(place.3), \(place.2)"
            let endUser = p.type == "distributor" ? "\(Self.stems[(c.place + c.profile) % Self.stems.count]) Analytics \(place.4)" : c.name
            let note = rng.next() % 10 < 3 ? Self.notes[Int(rng.next() % UInt64(Self.notes.count))] : ""
            let delivery = Self.day(day + 30 + Int(rng.next() % 40))
            let phone = "+\(place.1) \(200 + Int(rng.next() % 700)) 555 \(1000 + Int(rng.next() % 8999))"
            let fields = [
                "HO-\(100000 + n)", date, c.id, c.name, address, place.0, "https://www.\(c.domain)", "procurement@\(c.domain)", phone,
                "\(c.incorporated)-0\(1 + c.incorporated % 9)-15", p.naics, p.type, place.0, "", "", endUser, place.0, p.endUse, c.name, address,
                place.0, "commercial", "", "", "", rng.next() % 5 == 0 ? "letter_of_credit" : "net_terms", item.0, item.1, item.2, item.3, item.4,
                String(qty), String(item.5), "USD", delivery, String(power), item.7 ? "accepted" : "n/a", "received",
                rng.next() % 3 == 0 ? "accepted" : "n/a", note, "", "",
            ]
            lines.append(Line(day: day, fields: fields))
        }
        lines.sort { $0.day < $1.day }
        var out = CSVText.row(Self.columns)
        for l in lines { out += CSVText.row(l.fields) }
        return out
    }
}
