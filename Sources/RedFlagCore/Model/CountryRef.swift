/// A country as a list names it: the resolved ISO code when the country table knows the name,
/// and always the raw text.
public struct CountryRef: Codable, Hashable, Sendable {
    /// ISO 3166-1 alpha-2, or nil when the raw value could not be resolved.
    public var code: String?
    public var raw: String

    public init(code: String?, raw: String) {
        self.code = code
        self.raw = raw
    }

    /// Resolves `raw` through the country table (ISO code, English name or a list's variant).
    public init(resolving raw: String, table: CountryTable = .shared) {
        self.raw = raw
        self.code = table.code(for: raw)
    }
}
