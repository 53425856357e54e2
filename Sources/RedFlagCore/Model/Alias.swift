/// Another name a listed party is known by.
public struct Alias: Codable, Hashable, Sendable {
    /// How much weight the publisher gives an alias. OFAC and the UK call weak aliases "low
    /// quality": too broad to screen on alone, so they count less in scoring.
    public enum Strength: String, Codable, Sendable { case strong, weak, unknown }

    /// a.k.a., f.k.a. (former), n.k.a. (new), or a spelling variation of the primary name.
    public enum Kind: String, Codable, Sendable { case aka, fka, nka, variation, unknown }

    public var name: String
    public var strength: Strength
    public var kind: Kind
    /// ISO 15924 script code of the name as published (`Latn`, `Cyrl`, `Arab`, `Hani`…).
    public var script: String
    /// Language of the name where the list says (EU `nameLanguage`, UK non-Latin script language).
    public var language: String?

    public init(name: String, strength: Strength = .unknown, kind: Kind = .aka, script: String? = nil, language: String? = nil) {
        self.name = name
        self.strength = strength
        self.kind = kind
        self.script = script ?? ScriptDetector.script(of: name)
        self.language = language
    }
}
