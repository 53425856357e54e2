/// The area of an order a red flag is about. BIS's guidance treats one unexplained flag as a
/// question to ask; several unexplained flags about different things (who the buyer is, what it
/// orders, where the goods go, who owns it, who pays) are the pattern of a diversion scheme.
/// `COMBO-01` counts HOLD flags per concern, so two flags about the same thing (a forwarder as
/// consignee and a forwarder as final destination) never combine with each other.
public enum FlagConcern: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    /// Who the customer or another party is: list similarity, footprint, business fit, answers.
    case identity
    /// What is ordered and why: volume, capacity, end use, license conditions of the item.
    case order
    /// How the goods move: addresses, forwarders, routes, packaging, last-minute changes.
    case logistics
    /// Where parties sit and who owns them: destinations, headquarters, parents.
    case ownershipGeography = "ownership_geography"
    /// Who pays and how.
    case payment
    /// A license requirement of the item and destination (REG-D1D4-LIC, REG-CN-CBC): a task for
    /// the license desk that every lawful sale to those destinations meets, not a sign of
    /// diversion; never counted.
    case license
    /// The combination rule itself; never counted.
    case combination

    /// Whether HOLD flags of this concern count towards `COMBO-01`.
    public var combines: Bool { self != .license && self != .combination }

    /// Lower-case words for findings and listings ("ownership/geography").
    public var label: String { self == .ownershipGeography ? "ownership/geography" : rawValue }

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
