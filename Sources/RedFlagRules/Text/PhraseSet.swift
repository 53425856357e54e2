/// A set of words and phrases compiled once into a trie over normalised tokens, matched against
/// `TextTokens` in one pass: no regular expression and no substring search per line per phrase.
///
/// Phrases are written as a user would type them ("invoice as", "re export", "货运代理"); they go
/// through the same `TextTokens` normalisation as the text, so case, accents, hyphens and
/// punctuation never matter, and a phrase only matches whole words: "freight" is not found in
/// "Freightliner". A word ending in `*` matches any word it begins ("relabel*" finds relabelled,
/// relabeling), which is how inflections are written; Chinese phrases match character by
/// character. Each phrase carries a payload (a category index) its users may read.
public struct PhraseSet: Sendable {
    /// A phrase found in a text: token range `first...last` and the phrase's index.
    public struct Match: Sendable, Hashable {
        public var first: Int
        public var last: Int
        public var phrase: Int
    }

    /// The phrases as written, and their payloads.
    public let phrases: [String]
    public let payloads: [Int]
    /// The words of a standalone set (nil for a set compiled into a shared `Vocabulary`, whose
    /// owner looks words up once for all its sets).
    private let vocabulary: Vocabulary?
    /// Trie: children per node keyed by term id; accepting phrases per node.
    private var children: [[Int32: Int32]] = [[:]]
    private var accepts: [[Int32]] = [[]]
    /// Term ids that begin a phrase of this set: a token without one is skipped with one array read.
    private var starts: [Bool] = []

    public var isEmpty: Bool { phrases.isEmpty }

    /// Compiles `phrases` (payload i for phrase i, 0 when not given) with words of their own.
    public init(_ phrases: [String], payloads: [Int]? = nil) {
        var v = Vocabulary()
        self.init(phrases, payloads: payloads, vocabulary: &v)
        self = PhraseSet(copying: self, vocabulary: v)
    }

    private init(copying other: PhraseSet, vocabulary: Vocabulary) {
        phrases = other.phrases
        payloads = other.payloads
        children = other.children
        accepts = other.accepts
        starts = other.starts
        self.vocabulary = vocabulary
    }

    /// Compiles `phrases` into a vocabulary shared with other sets (`TextPatterns` reads one text
    /// against thirty-odd sets and looks each token up once).
    init(_ phrases: [String], payloads: [Int]? = nil, vocabulary v: inout Vocabulary) {
        self.phrases = phrases
        self.payloads = payloads ?? Array(repeating: 0, count: phrases.count)
        vocabulary = nil
        for (p, phrase) in phrases.enumerated() {
            let t = TextTokens(phrase)
            guard !t.isEmpty else { continue }
            let utf8 = Array(phrase.utf8)
            var node: Int32 = 0
            for i in 0..<t.count {
                let tok = t.tokens[i]
                let isPrefix = Int(tok.end) < utf8.count && utf8[Int(tok.end)] == UInt8(ascii: "*")
                let term = v.id(tok.key, prefixLength: isPrefix ? Int(tok.foldedEnd - tok.foldedStart) : nil)
                if i == 0 {
                    if starts.count <= Int(term) { starts += Array(repeating: false, count: Int(term) + 1 - starts.count) }
                    starts[Int(term)] = true
                }
                if let child = children[Int(node)][term] {
                    node = child
                } else {
                    children.append([:])
                    accepts.append([])
                    let child = Int32(children.count - 1)
                    children[Int(node)][term] = child
                    node = child
                }
            }
            accepts[Int(node)].append(Int32(p))
        }
    }

    /// Every occurrence of every phrase, in text order; phrases never span two clauses.
    public func matches(in text: TextTokens) -> [Match] {
        guard let vocabulary, !text.isEmpty, !phrases.isEmpty else { return [] }
        return matches(in: text, terms: vocabulary.terms(of: text))
    }

    /// The matches, given the term ids of the text's tokens from this set's vocabulary.
    func matches(in text: TextTokens, terms: Vocabulary.Terms) -> [Match] {
        var found: [Match] = []
        var states: [Int32] = []
        var nextStates: [Int32] = []
        for start in 0..<text.count {
            guard terms[start].contains(where: { Int($0) < starts.count && starts[Int($0)] }) else { continue }
            states.removeAll(keepingCapacity: true)
            states.append(0)
            var j = start
            let clause = text.tokens[start].clause
            while j < text.count, !states.isEmpty, text.tokens[j].clause == clause {
                nextStates.removeAll(keepingCapacity: true)
                for s in states {
                    for t in terms[j] {
                        if let c = children[Int(s)][t] {
                            nextStates.append(c)
                            for p in accepts[Int(c)] { found.append(Match(first: start, last: j, phrase: Int(p))) }
                        }
                    }
                }
                swap(&states, &nextStates)
                j += 1
            }
        }
        return found
    }

    /// The first match (earliest, then longest), or nil.
    public func firstMatch(in text: TextTokens) -> Match? {
        matches(in: text).min { ($0.first, -$0.last) < ($1.first, -$1.last) }
    }
}

/// The words of one or more phrase sets, each with a term id: exact words by the hash of their
/// folded bytes, starred words by the hash of their leading bytes.
struct Vocabulary: Sendable {
    private var exact: [UInt64: Int32] = [:]
    private var prefix: [UInt64: Int32] = [:]
    /// Lengths (in folded bytes) of the starred words, shortest first.
    private var prefixLengths: [Int] = []
    private(set) var count: Int32 = 0

    mutating func id(_ key: UInt64, prefixLength: Int?) -> Int32 {
        if let n = prefixLength {
            if let id = prefix[key] { return id }
            prefix[key] = count
            if !prefixLengths.contains(n) { prefixLengths.append(n); prefixLengths.sort() }
        } else {
            if let id = exact[key] { return id }
            exact[key] = count
        }
        count += 1
        return count - 1
    }

    /// Term ids per token, flat: `terms[i]` is token i's ids (its exact word and every starred word
    /// it begins with).
    struct Terms {
        var ids: [Int32] = []
        var ends: [Int] = []
        subscript(_ i: Int) -> ArraySlice<Int32> { ids[(i == 0 ? 0 : ends[i - 1])..<ends[i]] }
        var isEmpty: Bool { ids.isEmpty }
    }

    func terms(of text: TextTokens) -> Terms {
        var out = Terms()
        out.ends.reserveCapacity(text.count)
        for i in 0..<text.count {
            let tok = text.tokens[i]
            if let id = exact[tok.key] { out.ids.append(id) }
            if !prefixLengths.isEmpty {
                var h = TextTokens.seed
                var n = 0
                var li = 0
                for b in text.bytes(of: i) {
                    h = TextTokens.hash(h, b)
                    n += 1
                    while li < prefixLengths.count && prefixLengths[li] < n { li += 1 }
                    guard li < prefixLengths.count else { break }
                    if prefixLengths[li] == n, let id = prefix[h] { out.ids.append(id) }
                }
            }
            out.ends.append(out.ids.count)
        }
        return out
    }
}
