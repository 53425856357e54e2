import RedFlagCore

/// The screening of one party named on an order (customer, parent, end user, ship-to, payer).
public struct PartyScreening: Codable, Hashable, Sendable {
    public enum Role: String, Codable, Sendable, CaseIterable {
        case customer, parent
        case endUser = "end_user"
        case shipTo = "ship_to"
        case payer
    }

    public var role: Role
    public var result: ScreeningResult

    public init(role: Role, result: ScreeningResult) {
        self.role = role
        self.result = result
    }

    enum CodingKeys: String, CodingKey { case role, name, address, country, decision, matches }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(role, forKey: .role)
        try c.encode(result.query.name, forKey: .name)
        try c.encodeIfPresent(result.query.address, forKey: .address)
        try c.encodeIfPresent(result.query.country, forKey: .country)
        try c.encode(result.decision, forKey: .decision)
        try c.encode(result.matches, forKey: .matches)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        role = try c.decode(Role.self, forKey: .role)
        let query = ScreeningQuery(name: try c.decode(String.self, forKey: .name),
                                   address: try c.decodeIfPresent(String.self, forKey: .address),
                                   country: try c.decodeIfPresent(String.self, forKey: .country))
        result = ScreeningResult(query: query, decision: try c.decode(Decision.self, forKey: .decision),
                                 matches: try c.decode([ScreeningMatch].self, forKey: .matches))
    }
}
