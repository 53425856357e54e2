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
    private var exact: [UInt64: Int32] = [:]
    private var prefix: [UInt64: Int32] = [:]
    /// Lengths (in folded bytes) of the prefix words, shortest first.
    private var prefixLengths: [Int] = []
    /// Trie: children per node keyed by term id; accepting phrases per node.
    private var children: [[Int32: Int32]] = [[:]]
    private var accepts: [[Int32]] = [[]]

    public var isEmpty: Bool { phrases.isEmpty }

    /// Compiles `phrases` (payload i for phrase i, 0 when not given). Empty phrases are skipped.
    public init(_ phrases: [String], payloads: [Int]? = nil) {
        self.phrases = phrases
        self.payloads = payloads ?? Array(repeating: 0, count: phrases.count)
        var lengths = Set<Int>()
        var nextTerm: Int32 = 0
        for (p, phrase) in phrases.enumerated() {
            let t = TextTokens(phrase)
            guard !t.isEmpty else { continue }
            let utf8 = Array(phrase.utf8)
            var node: Int32 = 0
            for i in 0..<t.count {
                let tok = t.tokens[i]
                let isPrefix = Int(tok.end) < utf8.count && utf8[Int(tok.end)] == UInt8(ascii: "*")
                let term: Int32
                if isPrefix {
                    if let id = prefix[tok.key] { term = id } else { term = nextTerm; prefix[tok.key] = term; nextTerm += 1 }
                    lengths.insert(Int(tok.foldedEnd - tok.foldedStart))
                } else {
                    if let id = exact[tok.key] { term = id } else { term = nextTerm; exact[tok.key] = term; nextTerm += 1 }
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
        prefixLengths = lengths.sorted()
    }

    /// The term ids token `i` stands for: its exact word and every prefix word it begins with.
    @inline(__always) private func terms(of text: TextTokens, _ i: Int, into out: inout [Int32]) {
        out.removeAll(keepingCapacity: true)
        let tok = text.tokens[i]
        if let id = exact[tok.key] { out.append(id) }
        guard !prefixLengths.isEmpty else { return }
        let bytes = text.bytes(of: i)
        var h = TextTokens.seed
        var n = 0
        var li = 0
        for b in bytes {
            h = TextTokens.hash(h, b)
            n += 1
            while li < prefixLengths.count && prefixLengths[li] < n { li += 1 }
            guard li < prefixLengths.count else { break }
            if prefixLengths[li] == n, let id = prefix[h] { out.append(id) }
        }
    }

    /// Every occurrence of every phrase, in text order; phrases never span two clauses.
    public func matches(in text: TextTokens) -> [Match] {
        guard !text.isEmpty, !phrases.isEmpty else { return [] }
        // Term ids per token, worked out once (a phrase walk revisits tokens).
        var termIDs: [[Int32]] = []
        termIDs.reserveCapacity(text.count)
        var scratch: [Int32] = []
        var any = false
        for i in 0..<text.count {
            terms(of: text, i, into: &scratch)
            if !scratch.isEmpty { any = true }
            termIDs.append(scratch)
        }
        guard any else { return [] }
        var found: [Match] = []
        var states: [Int32] = []
        var nextStates: [Int32] = []
        for start in 0..<text.count where !termIDs[start].isEmpty {
            states = [0]
            var j = start
            let clause = text.tokens[start].clause
            while j < text.count, !states.isEmpty, text.tokens[j].clause == clause {
                nextStates.removeAll(keepingCapacity: true)
                for s in states {
                    for t in termIDs[j] {
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
