/// A party to screen: a customer, parent, end user, consignee or payer as the order names it.
public struct ScreeningQuery: Codable, Hashable, Sendable {
    public var name: String
    public var address: String?
    /// ISO 3166-1 alpha-2 when known (callers resolve names through `CountryTable`).
    public var country: String?
    public var type: PartyType?
    /// Date of birth as given (any shape `PartialDate.parse` reads), for persons.
    public var dateOfBirth: String?

    public init(name: String, address: String? = nil, country: String? = nil, type: PartyType? = nil, dateOfBirth: String? = nil) {
        self.name = name
        self.address = address
        self.country = country
        self.type = type
        self.dateOfBirth = dateOfBirth
    }
}
