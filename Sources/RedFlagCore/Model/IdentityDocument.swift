/// An identity or registration document of a listed party: passport, national ID, tax number,
/// IMO number, SWIFT/BIC, company registration…
public struct IdentityDocument: Codable, Hashable, Sendable {
    public var type: String
    public var number: String
    /// ISO 3166-1 alpha-2 of the issuing country, when known.
    public var country: String?
    public var countryRaw: String?
    public var issueDate: String?
    public var expirationDate: String?
    public var note: String?

    public init(type: String, number: String, country: String? = nil, countryRaw: String? = nil,
                issueDate: String? = nil, expirationDate: String? = nil, note: String? = nil) {
        self.type = type
        self.number = number
        self.country = country
        self.countryRaw = countryRaw
        self.issueDate = issueDate
        self.expirationDate = expirationDate
        self.note = note
    }
}
