/// One listed party, whatever list it came from: the unit redflag screens against.
///
/// Every parser produces this one shape so the matcher, the store and the reports never need to
/// know which publisher a record came from. Fields a list does not carry stay empty.
public struct ListEntry: Codable, Hashable, Sendable, Identifiable {
    /// Stable id: source plus the list's own id (`OFAC-SDN:6915`, `CSL:21944`, `EU:EU.27.28`).
    public var id: String
    public var source: ListSource
    /// The list's own identifier (OFAC uid, CSL `_id`, UN reference number, EU logicalId, UK id).
    public var sourceID: String
    /// The list the entry is on (`EL`, `SDN`, `UN`…): a CSL file holds thirteen of them.
    public var list: ListCode
    /// Sanctions programs / regimes (`SDGT`, `RUSSIA-EO14024`, `Russia`…).
    public var programs: [String]
    public var type: PartyType
    /// Primary name as published (OFAC persons keep their `LAST, First` form).
    public var name: String
    public var aliases: [Alias]
    public var addresses: [Address]
    public var nationalities: [CountryRef]
    public var citizenships: [CountryRef]
    public var identityDocuments: [IdentityDocument]
    public var datesOfBirth: [PartialDate]
    public var placesOfBirth: [String]
    /// When the party was listed (designation dates, `Listed On`, CSL `start_date`).
    public var listingDates: [PartialDate]
    public var remarks: [String]
    /// Titles / positions of persons; vessel particulars and other extra facts go to `remarks`.
    public var titles: [String]
    public var legal: LegalInfo

    public init(source: ListSource, sourceID: String, list: ListCode, type: PartyType, name: String,
                programs: [String] = [], aliases: [Alias] = [], addresses: [Address] = [],
                nationalities: [CountryRef] = [], citizenships: [CountryRef] = [],
                identityDocuments: [IdentityDocument] = [], datesOfBirth: [PartialDate] = [],
                placesOfBirth: [String] = [], listingDates: [PartialDate] = [], remarks: [String] = [],
                titles: [String] = [], legal: LegalInfo = LegalInfo()) {
        self.id = "\(source.rawValue):\(sourceID)"
        self.source = source
        self.sourceID = sourceID
        self.list = list
        self.programs = programs
        self.type = type
        self.name = name
        self.aliases = aliases
        self.addresses = addresses
        self.nationalities = nationalities
        self.citizenships = citizenships
        self.identityDocuments = identityDocuments
        self.datesOfBirth = datesOfBirth
        self.placesOfBirth = placesOfBirth
        self.listingDates = listingDates
        self.remarks = remarks
        self.titles = titles
        self.legal = legal
    }

    /// Every name the entry can be matched on: the primary name first, then each alias.
    public var allNames: [(name: String, strength: Alias.Strength, isPrimary: Bool)] {
        [(name, .strong, true)] + aliases.map { ($0.name, $0.strength, false) }
    }

    /// ISO codes of every country tied to the entry (addresses, nationality, citizenship).
    public var countryCodes: [String] {
        var seen = Set<String>()
        var out: [String] = []
        for c in addresses.compactMap(\.country) + nationalities.compactMap(\.code) + citizenships.compactMap(\.code)
        where seen.insert(c).inserted { out.append(c) }
        return out
    }
}
