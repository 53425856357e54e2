/// A publisher's file family that redflag imports as one unit.
///
/// Importing a source replaces every entry of that source in the store and leaves the other
/// sources alone, so the CSL can be refreshed without touching the EU list.
public enum ListSource: String, Codable, CaseIterable, Sendable, Comparable {
    /// trade.gov Consolidated Screening List (13 US lists in one file).
    case csl = "CSL"
    /// OFAC Specially Designated Nationals list (classic XML, legacy CSV or Enhanced XML).
    case ofacSDN = "OFAC-SDN"
    /// OFAC non-SDN Consolidated list (SSI, FSE, NS-PLC, NS-MBS, CAPTA, NS-CMIC…).
    case ofacConsolidated = "OFAC-CONS"
    /// UN Security Council Consolidated List.
    case un = "UN"
    /// EU Financial Sanctions Files (consolidated list of persons, groups and entities).
    case eu = "EU"
    /// UK: OFSI Consolidated List (retiring) or the FCDO UK Sanctions List.
    case uk = "UK"

    /// Lower-case name used on the command line and in file names (`ofac-sdn`).
    public var slug: String { rawValue.lowercased() }

    /// Parses `csl`, `OFAC-SDN`, `ofac_sdn`, `ofac-cons`… case-insensitively.
    public init?(slug: String) {
        let s = slug.uppercased().replacingOccurrences(of: "_", with: "-")
        if let v = ListSource(rawValue: s) { self = v; return }
        switch s {
        case "SDN", "OFAC": self = .ofacSDN
        case "CONS", "OFAC-CONSOLIDATED", "NON-SDN": self = .ofacConsolidated
        case "UK-OFSI", "OFSI", "UK-FCDO", "FCDO": self = .uk
        default: return nil
        }
    }

    public static func < (a: ListSource, b: ListSource) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
