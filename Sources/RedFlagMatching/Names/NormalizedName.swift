/// A name reduced to what matching compares: folded Latin tokens with legal forms set apart.
public struct NormalizedName: Hashable, Sendable {
    /// Distinctive and generic tokens in their original order (canonical abbreviations applied).
    public var tokens: [String]
    /// Canonical legal-form codes found in the name (`ltd`, `llc`, `jsc`…): weak evidence only.
    public var legalForms: [String]
    /// Each token as written, before its abbreviation was made canonical ("engi" and "neers" are
    /// joined as written: "engineers", then made canonical).
    public var written: [String]
    /// Whether a legal form that is not also a name syllable ("Oyj", "GmbH", "Co., Ltd." — not
    /// "SA" or "AS") names the party a company.
    public var namesCompany: Bool

    public init(tokens: [String], legalForms: [String], written: [String]? = nil, namesCompany: Bool = false) {
        self.tokens = tokens
        self.legalForms = legalForms
        self.written = written ?? tokens
        self.namesCompany = namesCompany
    }

    /// Tokens joined by single spaces (what a human would read as the normal form).
    public var text: String { tokens.joined(separator: " ") }
}
