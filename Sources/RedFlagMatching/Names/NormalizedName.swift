/// A name reduced to what matching compares: folded Latin tokens with legal forms set apart.
public struct NormalizedName: Hashable, Sendable {
    /// Distinctive and generic tokens in their original order (canonical abbreviations applied).
    public var tokens: [String]
    /// Canonical legal-form codes found in the name (`ltd`, `llc`, `jsc`…): weak evidence only.
    public var legalForms: [String]

    public init(tokens: [String], legalForms: [String]) {
        self.tokens = tokens
        self.legalForms = legalForms
    }

    /// Tokens joined by single spaces (what a human would read as the normal form).
    public var text: String { tokens.joined(separator: " ") }
}
