/// A postal address of a listed party, kept as structured as the list publishes it.
public struct Address: Codable, Hashable, Sendable {
    /// Street lines, in order (no city, region, postal code or country).
    public var lines: [String]
    public var city: String?
    public var region: String?
    public var postalCode: String?
    /// ISO 3166-1 alpha-2, when the list's country could be resolved.
    public var country: String?
    /// The country exactly as the list wrote it, kept so nothing is lost when it cannot be resolved.
    public var countryRaw: String?
    /// The whole address as one line when the list gives it only that way.
    public var full: String?

    public init(lines: [String] = [], city: String? = nil, region: String? = nil, postalCode: String? = nil,
                country: String? = nil, countryRaw: String? = nil, full: String? = nil) {
        self.lines = lines
        self.city = city
        self.region = region
        self.postalCode = postalCode
        self.country = country
        self.countryRaw = countryRaw
        self.full = full
    }

    /// The address as one comma-separated line, for display and for address matching.
    public var oneLine: String {
        if let full, !full.isEmpty, lines.isEmpty, city == nil { return full }
        let parts = lines + [city, region, postalCode, countryRaw ?? country].compactMap { $0 }
        return parts.filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// True when nothing but (at most) a country is known.
    public var isCountryOnly: Bool {
        lines.isEmpty && (city ?? "").isEmpty && (region ?? "").isEmpty && (postalCode ?? "").isEmpty && (full ?? "").isEmpty
    }
}
