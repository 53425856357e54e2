/// How one query token lined up with a token of the listed name.
public struct TokenAlignment: Codable, Hashable, Sendable {
    /// The query token (normalised), or nil when a listed token found no partner.
    public var query: String?
    /// The listed token it aligned with, or nil when the query token found no partner.
    public var matched: String?
    /// String similarity of the pair in [0, 1].
    public var similarity: Double
    /// How much the token counts (IDF-like: distinctive tokens weigh more, "Co", "Ltd" little).
    public var weight: Double

    public init(query: String?, matched: String?, similarity: Double, weight: Double) {
        self.query = query
        self.matched = matched
        self.similarity = similarity
        self.weight = weight
    }
}

/// A factor besides the name that raised or lowered a match score (country, date of birth,
/// party type, weak alias, address).
public struct Qualifier: Codable, Hashable, Sendable {
    public var name: String
    /// Change applied to the score (negative lowers it).
    public var effect: Double
    public var detail: String

    public init(name: String, effect: Double, detail: String) {
        self.name = name
        self.effect = effect
        self.detail = detail
    }
}

/// Why a match scored what it did: the token alignment and every qualifier applied.
public struct MatchExplanation: Codable, Hashable, Sendable {
    public var nameScore: Double
    public var tokens: [TokenAlignment]
    public var qualifiers: [Qualifier]
    /// Address similarity in [0, 1] when the query had an address and the entry has addresses.
    public var addressScore: Double?
    /// The listed address that matched best.
    public var matchedAddress: String?
    /// One readable sentence: "name 0.94 ('huawei'~'huawei' 1.00, …); country CN matches (+0.03)".
    public var summary: String

    public init(nameScore: Double, tokens: [TokenAlignment], qualifiers: [Qualifier], addressScore: Double? = nil,
                matchedAddress: String? = nil, summary: String) {
        self.nameScore = nameScore
        self.tokens = tokens
        self.qualifiers = qualifiers
        self.addressScore = addressScore
        self.matchedAddress = matchedAddress
        self.summary = summary
    }
}

/// An adjudicated false positive that silences one match (the allow-list).
public struct Suppression: Codable, Hashable, Sendable {
    public var reason: String
    public var by: String
    public var at: String

    public init(reason: String, by: String, at: String) {
        self.reason = reason
        self.by = by
        self.at = at
    }
}

/// One listed party a query may be.
public struct ScreeningMatch: Codable, Hashable, Sendable {
    /// Overall score in [0, 1].
    public var score: Double
    /// The entry's stable id (`OFAC-SDN:6915`).
    public var id: String
    public var source: ListSource
    public var list: ListCode
    /// The entry's primary name.
    public var name: String
    /// The name or alias that matched.
    public var matchedName: String
    public var aliasStrength: Alias.Strength
    public var type: PartyType
    public var programs: [String]
    public var countries: [String]
    /// What this match alone would decide (STOP for a strong match on a barring list…).
    public var decision: Decision
    /// Why the match fired: what kind of evidence (name, address, both).
    public var basis: Basis
    public var explanation: MatchExplanation
    /// Set when the allow-list silences this match; a suppressed match no longer raises the decision.
    public var suppressed: Suppression?

    /// What the alert rests on.
    public enum Basis: String, Codable, Sendable { case name, address, nameAndAddress = "name+address" }

    public init(score: Double, id: String, source: ListSource, list: ListCode, name: String, matchedName: String,
                aliasStrength: Alias.Strength, type: PartyType, programs: [String], countries: [String],
                decision: Decision, basis: Basis, explanation: MatchExplanation, suppressed: Suppression? = nil) {
        self.score = score
        self.id = id
        self.source = source
        self.list = list
        self.name = name
        self.matchedName = matchedName
        self.aliasStrength = aliasStrength
        self.type = type
        self.programs = programs
        self.countries = countries
        self.decision = decision
        self.basis = basis
        self.explanation = explanation
        self.suppressed = suppressed
    }
}

/// The answer for one query: a decision and the matches behind it, best first.
public struct ScreeningResult: Codable, Hashable, Sendable {
    public var query: ScreeningQuery
    public var decision: Decision
    public var matches: [ScreeningMatch]

    public init(query: ScreeningQuery, decision: Decision, matches: [ScreeningMatch]) {
        self.query = query
        self.decision = decision
        self.matches = matches
    }
}

/// Anything that can screen a party against the loaded lists. The rules module depends on this
/// protocol only, so it can be tested with a stub and never needs to know how matching works.
public protocol PartyScreener: Sendable {
    func screen(_ query: ScreeningQuery) -> ScreeningResult
    /// The full list entry behind a match id, for case files and citations.
    func entry(id: String) -> ListEntry?
}
