import Foundation

/// The listed name tokens filed by their loose phonetic key (consonant classes, h and glides left
/// out, equal neighbours merged: "vladimir" → P L T M L), so that a query token romanised from a
/// non-Latin script finds the listed tokens it may transcribe ("beulladimireu", "fulajimier") and
/// `PhoneticComparison` scores them. Built from the name vocabulary on the first non-Latin query,
/// never at import: Latin screening pays nothing for it.
final class PhoneticIndex: Sendable {
    /// Packed key (4 bits per class, at most 15 classes) → vocabulary ids.
    private let tokens: [UInt64: [Int32]]
    /// The segments of each filed token, worked out once here rather than again for every query
    /// token that looks the listed token up: token id's are `segments[segmentStart[id] ..<
    /// segmentStart[id + 1]]` (empty: not filed), all in one array so that comparing a listed
    /// token retains nothing.
    private let segments: [PhoneticComparison.Segment]
    private let segmentStart: [Int32]
    /// `PhoneticComparison.strongConsonants` of each filed token, by vocabulary id, counted once here.
    private let consonants: [Int32]
    /// Second readings of some listed tokens (`otherReading`: a Spanish name as Spanish says it),
    /// filed by their own keys: `others[k]` are indices into `otherIDs`, whose segments are
    /// `otherSegments[otherStart[n] ..< otherStart[n + 1]]`.
    private let others: [UInt64: [Int32]]
    private let otherIDs: [Int32]
    private let otherSegments: [PhoneticComparison.Segment]
    private let otherStart: [Int32]
    private let otherConsonants: [Int32]

    /// `otherReading(id, bytes)`: another spelling of listed token `id` to file its sounds under
    /// too (nil: none).
    init(space: TokenSpace, otherReading: (Int32, [UInt8]) -> [UInt8]? = { _, _ in nil }) {
        var tokens: [UInt64: [Int32]] = [:]
        var segments: [PhoneticComparison.Segment] = []
        var segmentStart: [Int32] = [0]
        segmentStart.reserveCapacity(space.vocabulary.count + 1)
        var consonants = [Int32](repeating: 0, count: space.vocabulary.count)
        var others: [UInt64: [Int32]] = [:]
        var otherIDs: [Int32] = [], otherSegments: [PhoneticComparison.Segment] = [], otherStart: [Int32] = [0], otherConsonants: [Int32] = []
        for id in 0..<space.vocabulary.count {
            defer { segmentStart.append(Int32(segments.count)) }
            let bytes = space.vocabulary.withBytes(id) { Array($0) }
            if let other = otherReading(Int32(id), bytes), let s = PhoneticComparison.segments(other, source: nil) {
                let key = PhoneticComparison.key(s)
                if let packed = key.isEmpty ? Self.packWeak(PhoneticComparison.weakKey(s)) : Self.pack(key) {
                    others[packed, default: []].append(Int32(otherIDs.count))
                    otherIDs.append(Int32(id))
                    otherSegments += s
                    otherStart.append(Int32(otherSegments.count))
                    otherConsonants.append(Int32(PhoneticComparison.strongConsonants(s)))
                }
            }
            guard bytes.count >= 2, let s = PhoneticComparison.segments(bytes, source: nil) else { continue }
            let key = PhoneticComparison.key(s)
            guard let packed = key.isEmpty ? Self.packWeak(PhoneticComparison.weakKey(s)) : Self.pack(key) else { continue }
            tokens[packed, default: []].append(Int32(id))
            segments += s
            consonants[id] = Int32(PhoneticComparison.strongConsonants(s))
        }
        self.tokens = tokens
        self.segments = segments
        self.segmentStart = segmentStart
        self.consonants = consonants
        self.others = others
        self.otherIDs = otherIDs
        self.otherSegments = otherSegments
        self.otherStart = otherStart
        self.otherConsonants = otherConsonants
    }

    static func pack(_ key: [UInt8]) -> UInt64? {
        guard key.count <= 15 else { return nil }
        var v: UInt64 = UInt64(key.count)
        for c in key { v = v << 4 | UInt64(c + 1) }
        return v
    }

    /// The packed weak key of a token of h and glides alone, apart from every `pack`ed key (bit 63
    /// set); nil for an empty key.
    static func packWeak(_ key: [UInt8]) -> UInt64? {
        guard !key.isEmpty, let p = pack(key) else { return nil }
        return p | 1 << 63
    }

    /// The weak keys within one glide or h gained, lost or changed of `key`.
    static func weakNeighbours(_ key: [UInt8]) -> Set<UInt64> {
        var out = Set<UInt64>()
        func add(_ k: [UInt8]) { if let p = packWeak(merged(k)) { out.insert(p) } }
        add(key)
        let weak = [PhoneticComparison.classH, PhoneticComparison.classW]
        if key.count >= 2 { for i in key.indices { var k = key; k.remove(at: i); add(k) } }
        for i in 0...key.count { for c in weak { var k = key; k.insert(c, at: i); add(k) } }
        for i in key.indices { for c in weak where c != key[i] { var k = key; k[i] = c; add(k) } }
        return out
    }

    /// Classes a key may gain, lose or change (not h and glides, which keys leave out).
    private static let keyClasses: [UInt8] = [0, 1, 2, 4, 5, 6, 7]

    /// Merges equal neighbours (an edit can make two meet).
    private static func merged(_ key: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for c in key where out.last != c { out.append(c) }
        return out
    }

    /// The keys within one edit of `key` (itself included): a query romanised from another script
    /// may have gained, lost or changed one consonant class. A key of one class is looked up
    /// only as it is, one of two classes without deletions (a single class matches too much).
    static func neighbours(_ key: [UInt8]) -> Set<UInt64> {
        var out = Set<UInt64>()
        func add(_ k: [UInt8]) {
            let m = merged(k)
            if m.count >= min(2, key.count), let p = pack(m) { out.insert(p) }
        }
        add(key)
        guard key.count >= 2 else { return out }
        if key.count >= 3 {
            for i in key.indices { var k = key; k.remove(at: i); add(k) }
        }
        for i in 0...key.count {
            for c in keyClasses { var k = key; k.insert(c, at: i); add(k) }
        }
        for i in key.indices {
            for c in keyClasses where c != key[i] { var k = key; k[i] = c; add(k) }
        }
        return out
    }

    /// Listed tokens phonetically like `token` (romanised from `source`), with the similarity the
    /// aligner credits (`PhoneticComparison.credit` of a phonetic similarity of at least `floor`). A listed token of one consonant ("ali", "un") must
    /// match almost exactly: too many short words sound alike.
    func similar(_ token: [UInt8], source: PhoneticComparison.Source, space: TokenSpace) -> [(id: Int32, similarity: Double)] {
        guard token.count >= 2, let q = PhoneticComparison.segments(token, source: source) else { return [] }
        var key = PhoneticComparison.key(q)
        // A token of h and glides alone ("yahya") meets the listed tokens of h and glides alone.
        guard !key.isEmpty else { return filed(under: Self.weakNeighbours(PhoneticComparison.weakKey(q)), q, source: source) }
        var keys = Self.neighbours(key)
        if source == .kana, q.first?.vowel == true, q.first?.value == 16 {
            // ウ u before a consonant may be a w or v lost (see `PhoneticComparison.cost`).
            key.insert(0, at: 0)
            keys.formUnion(Self.neighbours(key))
        }
        if source == .arabic || source == .hebrew, q.contains(where: { !$0.vowel && $0.letters == 119 }) {
            // Arabic و and Hebrew ו are the v of Persian and other names ("علوی" alwi, Alavi), which the key
            // leaves out as a glide: file the reading with v too.
            let v = q.map { !$0.vowel && $0.letters == 119 ? PhoneticComparison.Segment(vowel: false, value: PhoneticComparison.classP, letters: 118) : $0 }
            keys.formUnion(Self.neighbours(PhoneticComparison.key(v)))
        }
        if let first = q.first, !first.vowel, PhoneticComparison.weak(first.value) {
            // An initial y or h may be a listed j ("Γιονγκ" yong for Jong, "Хоакин" for Joaquin), which keys keep as S.
            keys.formUnion(Self.neighbours([4] + PhoneticComparison.key(q)))
        }
        let found = filed(under: keys, q, source: source)
        guard source == .arabic, let split = PhoneticComparison.arabicLettersApart(q) else { return found }
        // The same token read with its digraphs as the two letters they may stand for ("th" of طه Taha):
        // whichever reading is nearer a listed token counts.
        var best = Dictionary(found.map { ($0.id, $0.similarity) }, uniquingKeysWith: max)
        // Read apart, the h is a letter the name writes: both sides are measured per consonant, h included
        // (glides not), and the reading must sound all but exactly like the listed word: it is the rarer one.
        let near = PhoneticComparison.credit(PhoneticComparison.lettersApartFloor)
        for (id, s) in filed(under: keys.union(Self.neighbours(PhoneticComparison.key(split))), split, source: source, countingH: true) where s >= near {
            best[id] = max(best[id] ?? 0, s)
        }
        return best.map { (id: $0.key, similarity: $0.value) }.sorted { $0.id < $1.id }
    }

    /// The listed tokens filed under `keys` phonetically like query segments `q`, with their credit.
    /// `countingH`: h counts as a consonant on both sides (`PhoneticComparison.arabicLettersApart`).
    private func filed(under keys: Set<UInt64>, _ q: [PhoneticComparison.Segment], source: PhoneticComparison.Source,
                       countingH: Bool = false) -> [(id: Int32, similarity: Double)] {
        let cq = countingH ? PhoneticComparison.consonantsWithH(q) : PhoneticComparison.strongConsonants(q)
        let abjad = source == .arabic || source == .hebrew
        var out: [(id: Int32, similarity: Double)] = []
        let keys = keys.sorted()
        q.withUnsafeBufferPointer { q in
            // A listed token `l` (`strong` consonants, counted once at filing) against the query.
            func compare(_ id: Int32, _ l: UnsafeBufferPointer<PhoneticComparison.Segment>, strong: Int) {
                let consonants = countingH ? PhoneticComparison.consonantsWithH(l) : strong
                let s = PhoneticComparison.similarity(q, l, source: source, consonants: (cq, consonants), least: PhoneticComparison.floor)
                // A token of h and glides alone counts all its consonants here ("yahya" three). Arabic and
                // Hebrew write their h letters (ح ه, ח ה) as consonants: there a listed h counts ("Taha", "Nouh").
                var counted = consonants > 0 ? consonants : PhoneticComparison.allConsonants(l)
                if abjad { counted = max(counted, PhoneticComparison.consonantsWithH(l)) }
                if s >= PhoneticComparison.floor && (counted >= 2 || s >= 0.95) { out.append((id, PhoneticComparison.credit(s))) }
            }
            segments.withUnsafeBufferPointer { segments in
                // Each token is filed under one key and `keys` is a set: no token is met twice.
                for k in keys {
                    guard let ids = tokens[k] else { continue }
                    for id in ids {
                        compare(id, UnsafeBufferPointer(rebasing: segments[Int(segmentStart[Int(id)])..<Int(segmentStart[Int(id) + 1])]),
                                strong: Int(self.consonants[Int(id)]))
                    }
                }
            }
            guard !others.isEmpty else { return }
            otherSegments.withUnsafeBufferPointer { segments in
                for k in keys {
                    guard let filed = others[k] else { continue }
                    for n in filed {
                        compare(otherIDs[Int(n)], UnsafeBufferPointer(rebasing: segments[Int(otherStart[Int(n)])..<Int(otherStart[Int(n) + 1])]),
                                strong: Int(otherConsonants[Int(n)]))
                    }
                }
            }
        }
        out.sort { $0.id < $1.id || ($0.id == $1.id && $0.similarity > $1.similarity) }
        // A token met through both its readings counts the nearer.
        var unique: [(id: Int32, similarity: Double)] = []
        unique.reserveCapacity(out.count)
        for o in out where unique.last?.id != o.id { unique.append(o) }
        return unique
    }
}

/// A value built on first use, once, by whichever thread asks first.
final class LazyValue<Value: Sendable>: @unchecked Sendable {
    private var value: Value?
    private let lock = NSLock()
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    func get() -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let v = make()
        value = v
        return v
    }
}
