/// Given-name variants and nicknames as a token equivalence: "Bill" ~ "William", "Ted" ~
/// "Theodore", "Oleksandr" ~ "Aleksandr" ~ "Aliaksandr", "Yusuf" ~ "Youssef". Spelling similarity
/// alone misses them (different letters, or too many edits for a short name).
///
/// The table is data: `Lists/names/given-names.tsv` (nicknames from the `nicknames` package,
/// transliteration groups by hand; the header gives sources and licences). It is read the first
/// time a query token is looked up, which happens once per distinct token (the matcher caches).
public enum GivenNames {
    /// Similarity credited to a variant or nickname pair: high, but under an exact match so the
    /// listed spelling still ranks first.
    public static let variantSimilarity = 0.93

    /// The equivalence over the table's spellings: each spelling's equivalents (not itself), as
    /// sorted ids into `spellings`, at `neighbours[start[id] ..< start[id + 1]]`.
    ///
    /// Built at every start (the first query token looks it up), so it is built on integers: each
    /// spelling hashed once, the pairs sorted, no set per spelling (`MatcherSpeedTests` compares it
    /// with the equivalence written plainly, as sets).
    struct Table: Sendable {
        let ids: [String: Int32]
        let spellings: [String]
        let start: [Int32]
        let neighbours: [Int32]

        /// The ids of `token`'s equivalents (empty when it is no known given name).
        func equivalents(of token: String) -> ArraySlice<Int32> {
            guard let id = ids[token] else { return [] }
            return neighbours[Int(start[Int(id)])..<Int(start[Int(id) + 1])]
        }
    }

    static let table: Table = {
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(4096)
        var spellings: [String] = []
        func id(_ bytes: ArraySlice<UInt8>) -> Int32 {
            let s = String(decoding: bytes, as: UTF8.self)
            if let known = ids[s] { return known }
            let new = Int32(spellings.count)
            ids[s] = new
            spellings.append(s)
            return new
        }
        // (a, b): b is an equivalent of a, packed so that sorting orders by a, then b.
        func pair(_ a: Int32, _ b: Int32) -> UInt64 { UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)) }
        var pairs: [UInt64] = []
        var nicknames: [(full: Int32, nick: Int32, short: Bool)] = []
        var group: [Int32] = []
        let space = UInt8(ascii: " ")
        func forEachWord(_ text: ArraySlice<UInt8>, _ body: (ArraySlice<UInt8>) -> Void) {
            var start = text.startIndex
            for i in text.indices where text[i] == space {
                if i > start { body(text[start..<i]) }
                start = i + 1
            }
            if text.endIndex > start { body(text[start..<text.endIndex]) }
        }
        NameData.forEachRow("given-names.tsv") { fields, line, path in
            func field(_ i: Int) -> ArraySlice<UInt8> {
                guard i < fields.count else { NameData.fail("\(path):\(line): expected at least \(i + 1) tab-separated fields, found \(fields.count)") }
                return fields[i]
            }
            let kind = field(0)
            if kind.elementsEqual("nickname".utf8) {
                let full = field(1), fullID = id(full)
                forEachWord(field(2)) { nick in
                    if !nick.elementsEqual(full) { nicknames.append((fullID, id(nick), nick.count < 3)) }
                }
            } else if kind.elementsEqual("variants".utf8) {
                group.removeAll(keepingCapacity: true)
                forEachWord(field(1)) { group.append(id($0)) }
                for a in group { for b in group where a != b { pairs.append(pair(a, b)) } }
            } else {
                NameData.fail("\(path):\(line): unknown row kind '\(String(decoding: kind, as: UTF8.self))' (expected nickname or variants)")
            }
        }
        // A nickname stands for its full name however the full name is spelt: "Kolya" for Nikolai,
        // Nikolay and Mykola alike (the full name's variant group). Not a nickname of one or two
        // letters ("Al", "Ab"): those are also name particles and initials.
        pairs.sort()
        let variants = pairs
        func variantsOf(_ a: Int32) -> ArraySlice<UInt64> {
            var lo = 0, hi = variants.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if variants[mid] < pair(a, 0) { lo = mid + 1 } else { hi = mid }
            }
            var end = lo
            while end < variants.count && variants[end] >> 32 == UInt64(UInt32(a)) { end += 1 }
            return variants[lo..<end]
        }
        for (full, nick, short) in nicknames {
            let spellings = [full] + (short ? [] : variantsOf(full).map { Int32(truncatingIfNeeded: $0) })
            for spelling in spellings where spelling != nick {
                pairs.append(pair(spelling, nick))
                pairs.append(pair(nick, spelling))
            }
        }
        pairs.sort()
        var start = [Int32](repeating: 0, count: spellings.count + 1)
        var neighbours: [Int32] = []
        neighbours.reserveCapacity(pairs.count)
        var last: UInt64?
        for p in pairs where p != last {
            last = p
            start[Int(p >> 32) + 1] += 1
            neighbours.append(Int32(truncatingIfNeeded: p))
        }
        for i in 0..<spellings.count { start[i + 1] += start[i] }
        return Table(ids: ids, spellings: spellings, start: start, neighbours: neighbours)
    }()

    /// The spellings equivalent to `token` (empty when it is no known given name).
    public static func variants(of token: String) -> Set<String> {
        let t = table
        return Set(t.equivalents(of: token).map { t.spellings[Int($0)] })
    }

    /// Whether `token` is a given name of the table (a spelling, nickname or full name).
    public static func isKnown(_ token: String) -> Bool { table.ids[token] != nil }

    /// Whether `a` and `b` are variants or nickname and full name of one given name.
    public static func areVariants(_ a: String, _ b: String) -> Bool {
        let t = table
        guard let other = t.ids[b] else { return false }
        return t.equivalents(of: a).contains(other)
    }

    /// Whether `a` and `b` are spellings of one name: two of a variant group of the table, not a
    /// nickname and its full name. A nickname stands for a given name, never for a family name
    /// that happens to be spelt like one ("Levi" is a nickname of nothing: the nicknames package's
    /// "lee" for Levi says what Levi is called, not that the surname Lee is Levi).
    static func areSpellings(_ a: String, _ b: String) -> Bool {
        guard let x = spellingGroups[a], let y = spellingGroups[b] else { return false }
        return !x.isDisjoint(with: y)
    }

    /// Whether `word` is a name of the nicknames package's rows only (a full name or a nickname:
    /// "sally", "mark", "frances"), in no variant group written by hand (those are the Arabic,
    /// Persian, Slavic… names: "ali" is also a nickname of Alison): an English-speaking world's
    /// given name, whose bearers name no chain.
    static func isEnglishName(_ word: String) -> Bool { nicknameTableNames.contains(word) && spellingGroups[word] == nil }

    private static let nicknameTableNames: Set<String> = {
        var names: Set<String> = []
        for row in NameData.rows("given-names.tsv", kind: "nickname") {
            names.insert(row.field(0))
            for word in row.field(1).split(separator: " ") { names.insert(String(word)) }
        }
        return names
    }()

    /// Each spelling of a variant group of the table → the groups (row numbers) holding it. Read
    /// the first time a decision asks (`areSpellings`), not at start-up.
    private static let spellingGroups: [String: Set<Int>] = {
        var groups: [String: Set<Int>] = [:]
        for row in NameData.rows("given-names.tsv", kind: "variants") {
            for word in row.field(0).split(separator: " ") { groups[String(word), default: []].insert(row.line) }
        }
        return groups
    }()
}

extension GivenNames {
    /// Adds to `similar` (vocabulary tokens like `token`, with their similarity) the vocabulary
    /// tokens that are variants or nicknames of `token`, at `variantSimilarity` or their spelling
    /// similarity when higher: the one place the table enters token similarity.
    static func addVariants(of token: [UInt8], to similar: inout [(id: Int32, similarity: Double)], _ vocabularyID: ([UInt8]) -> Int32?) {
        let t = table
        for v in t.equivalents(of: String(decoding: token, as: UTF8.self)) {
            guard let id = vocabularyID(Array(t.spellings[Int(v)].utf8)) else { continue }
            GivenNames.credit(id, variantSimilarity, in: &similar)
        }
    }

    /// Credits vocabulary token `id` with `similarity` in `similar`: added, or raised to it when
    /// its spelling similarity is lower. Shared by the tables that make two spellings one word
    /// (given-name variants, `CountryWords`).
    static func credit(_ id: Int32, _ similarity: Double, in similar: inout [(id: Int32, similarity: Double)]) {
        if let k = similar.firstIndex(where: { $0.id == id }) {
            similar[k].similarity = max(similar[k].similarity, similarity)
        } else {
            similar.append((id, similarity))
        }
    }
}
