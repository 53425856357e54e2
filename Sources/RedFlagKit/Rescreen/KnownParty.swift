import Foundation
import RedFlagCore

/// A party redflag has seen (screened by name, or named in a checked order): what `rescreen`
/// screens again when lists change.
public struct KnownParty: Codable, Hashable, Sendable {
    public var name: String
    public var country: String?
    public var address: String?
    public var type: PartyType?
    /// How the party appeared (`customer`, `end user`, `ship-to`…), nil when screened by name.
    public var role: String?
    /// ISO 8601 UTC of the first and last time it was seen (nil before it is stored).
    public var firstSeen: String?
    public var lastSeen: String?

    public init(name: String, country: String? = nil, address: String? = nil, type: PartyType? = nil, role: String? = nil,
                firstSeen: String? = nil, lastSeen: String? = nil) {
        self.name = name
        self.country = country
        self.address = address
        self.type = type
        self.role = role
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }

    public init(query: ScreeningQuery, role: String? = nil) {
        self.init(name: query.name, country: query.country, address: query.address, type: query.type, role: role)
    }

    /// The query to screen it with.
    public var query: ScreeningQuery { ScreeningQuery(name: name, address: address, country: country, type: type) }

    /// Identity of a party in the store: lower-cased name, country, lower-cased address, with
    /// whitespace collapsed. The same customer on a thousand orders is one party. Deliberately
    /// cheaper than full folding (it runs for every row of a nightly batch, on the writing
    /// thread); spelling variants become separate parties, which only costs a duplicate screen.
    public var key: String {
        [Self.simplified(name), country?.uppercased() ?? "", address.map(Self.simplified) ?? ""].joined(separator: "|")
    }

    /// Lower-cased with whitespace collapsed; `collapseWhitespace` decides on scalars where
    /// splitting on `Character.isWhitespace` walked grapheme clusters for every party.
    private static func simplified(_ text: String) -> String {
        TextFolding.collapseWhitespace(text.lowercased())
    }
}
