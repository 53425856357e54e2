/// The list an entry is on, as the user sees it: `EL`, `DPL`, `SDN`, `UN`, `EU`…
///
/// A string-backed struct rather than an enum so a list the CSL adds tomorrow still loads.
public struct ListCode: RawRepresentable, Hashable, Codable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    // CSL lists (code = the parenthesised code in the CSL `source` column).
    public static let entityList: ListCode = "EL"
    public static let deniedPersons: ListCode = "DPL"
    public static let unverified: ListCode = "UVL"
    public static let militaryEndUser: ListCode = "MEU"
    public static let sdn: ListCode = "SDN"
    public static let ssi: ListCode = "SSI"
    public static let cmic: ListCode = "CMIC"
    public static let nsMBS: ListCode = "NS-MBS"
    public static let plc: ListCode = "PLC"
    public static let capta: ListCode = "CAP"
    public static let fse: ListCode = "FSE"
    public static let isn: ListCode = "ISN"
    public static let dtc: ListCode = "DTC"
    // Lists read from their publishers' own files.
    public static let ofacSDN: ListCode = "OFAC-SDN"
    public static let ofacConsolidated: ListCode = "OFAC-CONS"
    public static let un: ListCode = "UN"
    public static let eu: ListCode = "EU"
    public static let uk: ListCode = "UK"

    /// Every code redflag knows, in display order.
    public static let known: [ListCode] = [
        .entityList, .deniedPersons, .unverified, .militaryEndUser, .sdn, .ssi, .cmic, .nsMBS, .plc,
        .capta, .fse, .isn, .dtc, .ofacSDN, .ofacConsolidated, .un, .eu, .uk,
    ]

    /// Human title of the list.
    public var title: String {
        switch self {
        case .entityList: return "Entity List (BIS)"
        case .deniedPersons: return "Denied Persons List (BIS)"
        case .unverified: return "Unverified List (BIS)"
        case .militaryEndUser: return "Military End-User List (BIS)"
        case .sdn, .ofacSDN: return "Specially Designated Nationals (OFAC)"
        case .ssi: return "Sectoral Sanctions Identifications (OFAC)"
        case .cmic: return "Non-SDN Chinese Military-Industrial Complex Companies (OFAC)"
        case .nsMBS: return "Non-SDN Menu-Based Sanctions (OFAC)"
        case .plc: return "Palestinian Legislative Council (OFAC)"
        case .capta: return "CAPTA List (OFAC)"
        case .fse: return "Foreign Sanctions Evaders (OFAC)"
        case .isn: return "Nonproliferation Sanctions (State)"
        case .dtc: return "ITAR Debarred (State DDTC)"
        case .ofacConsolidated: return "Non-SDN Consolidated Sanctions (OFAC)"
        case .un: return "UN Security Council Consolidated List"
        case .eu: return "EU Consolidated Financial Sanctions List"
        case .uk: return "UK Sanctions List"
        default: return rawValue
        }
    }
}
