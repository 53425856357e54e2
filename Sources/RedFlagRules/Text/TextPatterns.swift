import Foundation
import RedFlagCore

/// The free-text red flags as data (`Lists/text-patterns.json`): the phrases that raise each flag,
/// in every language the project reads (English, German, French, Spanish, Chinese), the negation
/// cues that turn a phrase round ("no", "not", "never", "without", "keine", "pas", "不会"…), the
/// phrases that show a note documents the answer to a flag's question, and the false descriptions a
/// request to misdeclare asks for, with the items each would truthfully describe.
///
/// Compiled once into `PhraseSet` tries; `read(_:)` then costs one tokenizing pass and one trie walk
/// per phrase set over a note, and nothing for an empty one.
public struct TextPatterns: Sendable {
    /// One pattern: a phrase of one set, or phrases of two sets in one clause within `window` words
    /// of each other in either order (a request and the false description it asks for).
    public struct Pattern: Sendable {
        public var id: String
        /// The flag the pattern raises.
        public var flag: String
        /// What a match means, for the finding's facts ("request to misdeclare the goods").
        public var meaning: String
        var parts: [Int]
        var window: Int
        var negatable: Bool
        var neutralAfter: Int?
        var resolvedBy: Int?
        public var corroborate: Corroboration?
    }

    /// The order fact that can corroborate a text finding (and so let it reach the flag's strong
    /// severity): the item on the line, which a requested description must contradict, or the
    /// line's own unit price, which a request for a lower declared value contradicts.
    public enum Corroboration: String, Sendable, Decodable {
        case item, price
    }

    /// A false description a request may ask for, and the item kinds it would describe truthfully.
    public struct Description: Sendable {
        public var category: String
        public var meaning: String
        var fits: Set<String>
        /// A "sample" is a truthful description only up to this quantity.
        var maxQuantity: Double?
        /// Whether the order can show the description false (a request to declare new goods as
        /// "used" cannot be checked against an order export).
        var checkable: Bool
    }

    public let patterns: [Pattern]
    public let descriptions: [Description]
    let sets: [PhraseSet]
    /// The words of every set above, looked up once per text.
    let vocabulary: Vocabulary
    let setNames: [String]
    let descriptionSet: Int
    let negationBefore: PhraseSet
    let negationAfter: PhraseSet
    let scopeBreaks: PhraseSet
    let itemKinds: PhraseSet
    let itemKindNames: [String]
    let negationWindow: Int
    let afterWindow: Int
    /// Pattern indices per flag id.
    let byFlag: [String: [Int]]
    /// The languages the phrase data is written in.
    public let languages: [String]

    public var flags: Set<String> { Set(byFlag.keys) }

    // MARK: loading

    private struct File: Decodable {
        var languages: [String]
        var negation_window: Int
        var after_window: Int
        var sets: [String: [String: [String]]]
        var descriptions: [DescriptionEntry]
        var item_kinds: [String: [String: [String]]]
        var patterns: [PatternEntry]
    }
    private struct DescriptionEntry: Decodable {
        var category: String
        var meaning: String
        var fits: [String]
        var max_quantity: Double?
        var checkable: Bool?
        var phrases: [String: [String]]
    }
    private struct PatternEntry: Decodable {
        var id: String
        var flag: String
        var meaning: String
        var all: [String]
        var window: Int?
        var negatable: Bool?
        var neutral_after: String?
        var resolved_by: String?
        var corroborate: Corroboration?
    }

    /// Reserved set names: negation cues before and after a phrase, words that end a negation's
    /// scope ("but", "aber"), and `descriptions` (the false descriptions, with their categories).
    static let reserved = ["negation_before", "negation_after", "scope_breaks"]

    /// The patterns shipped in `Lists/text-patterns.json`, read once per process.
    public static func bundled() throws -> TextPatterns {
        try cache.get()
    }
    private static let cache = Result { try load(url: ProjectData.file("text-patterns.json")) }

    /// Reads a pattern file; errors name the file and the entry at fault.
    public static func load(url: URL) throws -> TextPatterns {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RedFlagError.projectDataMissing("\(url.path): \(error.localizedDescription)")
        }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch {
            throw RedFlagError.badData(path: url.path, location: nil, message: CheckConfiguration.describe(error))
        }
        return try TextPatterns(file, path: url.path)
    }

    private init(_ file: File, path: String) throws {
        languages = file.languages
        negationWindow = file.negation_window
        afterWindow = file.after_window
        func phrases(_ byLanguage: [String: [String]], _ location: String) throws -> [String] {
            for lang in byLanguage.keys where !file.languages.contains(lang) {
                throw RedFlagError.badData(path: path, location: location, message: "unknown language '\(lang)' (declared: \(file.languages.joined(separator: ", ")))")
            }
            return byLanguage.keys.sorted().flatMap { byLanguage[$0]! }
        }
        for name in Self.reserved where file.sets[name] == nil {
            throw RedFlagError.badData(path: path, location: "sets.\(name)", message: "missing")
        }
        negationBefore = PhraseSet(try phrases(file.sets["negation_before"]!, "sets.negation_before"))
        negationAfter = PhraseSet(try phrases(file.sets["negation_after"]!, "sets.negation_after"))
        scopeBreaks = PhraseSet(try phrases(file.sets["scope_breaks"]!, "sets.scope_breaks"))
        var vocabulary = Vocabulary()
        var names = file.sets.keys.filter { !Self.reserved.contains($0) }.sorted()
        var compiled = try names.map { PhraseSet(try phrases(file.sets[$0]!, "sets.\($0)"), vocabulary: &vocabulary) }
        // The descriptions are one set whose payload is the category.
        var descPhrases: [String] = [], descPayloads: [Int] = []
        var descriptions: [Description] = []
        for (i, d) in file.descriptions.enumerated() {
            let p = try phrases(d.phrases, "descriptions.\(d.category)")
            descPhrases += p
            descPayloads += Array(repeating: i, count: p.count)
            descriptions.append(Description(category: d.category, meaning: d.meaning, fits: Set(d.fits), maxQuantity: d.max_quantity,
                                            checkable: d.checkable ?? true))
        }
        names.append("descriptions")
        compiled.append(PhraseSet(descPhrases, payloads: descPayloads, vocabulary: &vocabulary))
        self.vocabulary = vocabulary
        descriptionSet = compiled.count - 1
        self.descriptions = descriptions
        sets = compiled
        setNames = names
        let kinds = file.item_kinds.keys.sorted()
        var kindPhrases: [String] = [], kindPayloads: [Int] = []
        for (i, k) in kinds.enumerated() {
            let p = try phrases(file.item_kinds[k]!, "item_kinds.\(k)")
            kindPhrases += p
            kindPayloads += Array(repeating: i, count: p.count)
        }
        itemKinds = PhraseSet(kindPhrases, payloads: kindPayloads)
        itemKindNames = kinds
        var patterns: [Pattern] = []
        var byFlag: [String: [Int]] = [:]
        for (i, e) in file.patterns.enumerated() {
            func set(_ name: String) throws -> Int {
                guard let k = names.firstIndex(of: name) else {
                    throw RedFlagError.badData(path: path, location: "patterns.\(e.id)", message: "unknown set '\(name)'")
                }
                return k
            }
            guard (1...2).contains(e.all.count) else {
                throw RedFlagError.badData(path: path, location: "patterns.\(e.id)", message: "'all' names one or two sets")
            }
            patterns.append(Pattern(id: e.id, flag: e.flag, meaning: e.meaning, parts: try e.all.map(set), window: e.window ?? 8,
                                    negatable: e.negatable ?? false, neutralAfter: try e.neutral_after.map(set),
                                    resolvedBy: try e.resolved_by.map(set), corroborate: e.corroborate))
            byFlag[e.flag, default: []].append(i)
        }
        self.patterns = patterns
        self.byFlag = byFlag
    }

    /// Checks that every flag the patterns raise is in the catalog.
    public func validate(against catalog: RedFlagCatalog) throws {
        for p in patterns where catalog[p.flag] == nil {
            throw RedFlagError.projectDataMissing("text-patterns.json: pattern \(p.id) raises unknown flag \(p.flag)")
        }
    }

    // MARK: reading

    /// One occurrence of a pattern in a text.
    public struct Occurrence: Sendable {
        public var pattern: Int
        public var first: Int
        public var last: Int
        /// Denied ("no re-export planned") or answered elsewhere in the same text.
        public var resolved: Bool
        /// The description match, for a request to misdeclare.
        public var description: Int?
        public var descriptionText: String?
    }

    /// Every occurrence of every pattern in `text`, resolved or not; nothing for an empty text.
    public func read(_ text: TextTokens) -> [Occurrence] {
        guard !text.isEmpty else { return [] }
        // Every token's words looked up once; a text with none of them costs nothing more.
        let terms = vocabulary.terms(of: text)
        guard !terms.isEmpty else { return [] }
        var setMatches: [[PhraseSet.Match]?] = Array(repeating: nil, count: sets.count)
        func matches(_ s: Int) -> [PhraseSet.Match] {
            if let m = setMatches[s] { return m }
            let m = sets[s].matches(in: text, terms: terms)
            setMatches[s] = m
            return m
        }
        var cues: Cues?
        var found: [Occurrence] = []
        for (pi, p) in patterns.enumerated() {
            let first = matches(p.parts[0])
            guard !first.isEmpty else { continue }
            var occ: [Occurrence] = []
            if p.parts.count == 1 {
                occ = first.map { Occurrence(pattern: pi, first: $0.first, last: $0.last, resolved: false) }
            } else {
                let second = matches(p.parts[1])
                for a in first {
                    for b in second where text.tokens[a.first].clause == text.tokens[b.first].clause {
                        let gap = a.first <= b.first ? b.first - a.last : a.first - b.last
                        guard gap >= 1, gap <= p.window else { continue }
                        var o = Occurrence(pattern: pi, first: min(a.first, b.first), last: max(a.last, b.last), resolved: false)
                        if p.parts[1] == descriptionSet {
                            o.description = sets[descriptionSet].payloads[b.phrase]
                            o.descriptionText = sets[descriptionSet].phrases[b.phrase]
                        }
                        occ.append(o)
                    }
                }
            }
            if let n = p.neutralAfter {
                let neutral = matches(n)
                occ.removeAll { o in
                    neutral.contains { $0.first > o.last && $0.first - o.last <= afterWindow && text.tokens[$0.first].clause == text.tokens[o.last].clause }
                }
            }
            guard !occ.isEmpty else { continue }
            if p.negatable {
                if cues == nil { cues = Cues(self, text) }
                for i in occ.indices { occ[i].resolved = cues!.denies(occ[i].first, occ[i].last, in: text, self) }
                // A text that denies the thing somewhere documents the answer for its other
                // mentions too ("asked about re-export: no intention to re-export").
                if occ.contains(where: \.resolved) { for i in occ.indices { occ[i].resolved = true } }
            }
            if let r = p.resolvedBy, !matches(r).isEmpty {
                for i in occ.indices { occ[i].resolved = true }
            }
            // Overlapping occurrences of one pattern are one piece of evidence: keep the first.
            var kept: [Occurrence] = []
            for o in occ.sorted(by: { ($0.first, -$0.last) < ($1.first, -$1.last) })
            where !kept.contains(where: { $0.first <= o.last && o.first <= $0.last }) {
                kept.append(o)
            }
            found += kept
        }
        return found
    }

    /// The item kinds (`item_kinds` keys) an item description names ("switch" → network).
    public func kinds(ofItem description: String) -> Set<String> {
        let t = TextTokens(description)
        return Set(itemKinds.matches(in: t).map { itemKindNames[itemKinds.payloads[$0.phrase]] })
    }

    /// Pattern indices that raise `flag`.
    public func patterns(for flag: String) -> [Int] { byFlag[flag] ?? [] }
}
