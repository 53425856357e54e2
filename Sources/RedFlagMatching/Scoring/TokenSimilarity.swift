/// How alike two name tokens are, for alignment: Jaro-Winkler with rules for the cases it gets
/// wrong — short tokens (must be equal), initials ("i" ~ "ihsan"), and transliteration variants
/// that share a consonant skeleton ("mohammed" ~ "muhammad", Arabic "mhmd").
public enum TokenSimilarity {
    /// Pairs below this similarity count as unmatched (no partial credit for unrelated tokens).
    public static let floor = 0.80
    /// Credit for an initial against a token with that first letter.
    public static let initialCredit = 0.85
    /// Credit for equal consonant skeletons (when Jaro-Winkler is lower).
    public static let skeletonCredit = 0.88

    /// Effective similarity in [0, 1]; 0 below `floor`.
    public static func similarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>,
                                  skeletonA: UInt32, skeletonB: UInt32) -> Double {
        if a.count == 1 || b.count == 1 {
            if a.count == b.count { return a[0] == b[0] ? 1 : 0 }
            return a[0] == b[0] && isLetter(a[0]) ? initialCredit : 0
        }
        if a[0] != b[0] {
            let x = romanisedInitial(a), y = romanisedInitial(b)
            if x.letter == y.letter && x.letter != 0 && a.count > x.length && b.count > y.length {
                // "qasim" ~ "kasim", "khuri" ~ "huri", "chabir" ~ "shabir", "jusov" ~ "yusov": the
                // first letter is where romanisations differ most; compare with it unified, at a
                // small discount.
                let ua = [x.letter] + a[x.length...], ub = [y.letter] + b[y.length...]
                let s = ua.withUnsafeBufferPointer { p in ub.withUnsafeBufferPointer { q in
                    similarity(p, q, skeletonA: skeleton(p), skeletonB: skeleton(q))
                } }
                return s * 0.95 >= floor ? s * 0.95 : 0
            }
        }
        if hasDigit(a) || hasDigit(b) {
            // Numbers (house numbers, "5g", "t-72") only count when equal: 1203 is not 1230.
            return a.count == b.count && equal(a, b) ? 1 : 0
        }
        if max(a.count, b.count) <= 4 {
            if a.count == b.count && equal(a, b) { return 1 }
            // Short tokens tolerate only vowel changes ("aly" ~ "ali", "siah" ~ "syah", "zya" ~ "zia"),
            // or a letter dropped at the end ("naj" ~ "naji"), not from an acronym ("SMN" is no "smns").
            if abs(a.count - b.count) <= 1 && min(a.count, b.count) >= 3 {
                if sameConsonants(a, b) && editDistance(a, b, limit: 1) <= 1 { return 0.82 }
                let (s, l) = a.count < b.count ? (a, b) : (b, a)
                if s.count < l.count && hasVowel(s) && equal(s, UnsafeBufferPointer(rebasing: l[0..<s.count])) { return 0.82 }
            }
            return 0
        }
        // Unvowelled: no vowel after the first letter (an Arabic-script word romanised as its
        // consonants keeps the vowel letter it starts with: "absln" for Absalan, "ahmd" for Ahmed).
        let abjad = !hasVowel(UnsafeBufferPointer(rebasing: a[1...])) || !hasVowel(UnsafeBufferPointer(rebasing: b[1...]))
        if abjad && b.count <= 3 && a.count > b.count && !hasVowel(b) {
            // A listed vowelless token of up to three letters (`b`: callers pass the query token
            // first) is an acronym ("MTS", "KBR"), not an unvowelled spelling: its letters stand
            // for words, so a longer word with the same consonants ("metso", "kabir") is another
            // name. A short unvowelled query token (Arabic script "hsn", "asd") still compares.
            return 0
        }
        if b.count <= 4 && a.count == b.count + 1 && !abjad {
            // A listed word of up to four letters (`b`) leaves no room to tell a typo from another
            // word: with a consonant inserted it is another name ("tesa" ~ "tesla", "osam" ~
            // "osram", "orka" ~ "orkla"). A doubled letter is a typo ("tesa" ~ "tessa"); a vowel, h,
            // w or y a transliteration ("said" ~ "saeid", "fath" ~ "fathi", "daud" ~ "dawud").
            var i = 0
            while i < b.count && a[i] == b[i] { i += 1 }
            let inserted = a[i]
            let rest = equal(UnsafeBufferPointer(rebasing: a[(i + 1)...]), UnsafeBufferPointer(rebasing: b[i...]))
            let doubled = (i > 0 && a[i - 1] == inserted) || (i + 1 < a.count && a[i + 1] == inserted)
            if rest && !isVowel(inserted) && inserted != 104 && inserted != 119 && !doubled { return 0 }
        }
        if min(a.count, b.count) <= 4 && !abjad {
            // A word of up to four letters and the same word with a consonant added at the end is
            // another word ("yara" ~ "yaran", "tuli" ~ "tulip"); a letter missing inside is a typo
            // ("joge" ~ "jorge"), a final vowel or h a transliteration ("fath" ~ "fathi"), a doubled
            // final letter a typo ("star" ~ "starr").
            let (s, l) = a.count < b.count ? (a, b) : (b, a)
            let last = l[l.count - 1]
            if l.count == s.count + 1 && equal(s, UnsafeBufferPointer(rebasing: l[0..<s.count]))
                && !isVowel(last) && last != 104 && last != s[s.count - 1] { return 0 }
        }
        // Equal consonant skeletons count for long tokens or an unvowelled (abjad) spelling:
        // "mohammed" ~ "muhammad" ~ "mhmd", but not "kang" ~ "cheng".
        var skeletonEqual = skeletonA != 0 && skeletonA == skeletonB
        if skeletonEqual {
            // Three or more consonants: enough for tokens of six letters or an unvowelled (abjad)
            // spelling. Two: only for tokens of five letters or more.
            // An unvowelled spelling of three letters or more with two consonants is an Arabic-script
            // word romanised without its short vowels ("mhd" ~ "mahdi", "hsn" ~ "hasan").
            skeletonEqual = skeletonA >> 30 >= 3
                ? min(a.count, b.count) >= 6 || abjad
                : (min(a.count, b.count) >= 5 && abs(a.count - b.count) <= 2) || (abjad && min(a.count, b.count) >= 3)
        }
        if skeletonEqual && abjad && (writesOwnH(a, lackedBy: b) || writesOwnH(b, lackedBy: a)) {
            // The skeleton leaves a Latin h out inside a word ("Mohamed" ~ "Muhamad"), but an
            // unvowelled spelling's h is a letter of the script (ح ه), sounded inside a word: "ahmd"
            // (احمد) is no OMIDI.
            skeletonEqual = false
        }
        if skeletonEqual && !abjad {
            // The same consonants with the vowels moved about is another word ("nokia" ~ "nioec",
            // "kyocera" ~ "chicharra", "almeida" ~ "elemed"); a transliteration variant changes a
            // few vowels or digraph letters ("mohammed" ~ "muhammad", "mokhammad").
            let bound = skeletonA >> 30 >= 3 ? max(3, max(a.count, b.count) / 2) : 3
            skeletonEqual = editDistance(a, b, limit: bound) <= bound
        }
        let longer = max(a.count, b.count)
        let allowed = allowedEdits(longer)
        if a[0] != b[0] && !(isVowel(a[0]) && isVowel(b[0])) && longer <= 6 { return skeletonEqual ? skeletonCredit : 0 }
        guard abs(a.count - b.count) <= allowed, editDistance(a, b, limit: allowed) <= allowed else {
            return skeletonEqual ? skeletonCredit : 0
        }
        let s = max(JaroWinkler.similarity(a, b), skeletonEqual ? skeletonCredit : 0)
        return s >= floor ? s : floor
    }

    /// Whether unvowelled `a` writes an h of its own inside the word (not the h of a digraph: sh, kh,
    /// th, gh, dh, zh, ch, ph) while `b` has no h at all.
    static func writesOwnH(_ a: UnsafeBufferPointer<UInt8>, lackedBy b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count >= 3, !hasVowel(UnsafeBufferPointer(rebasing: a[1...])), !b.contains(104) else { return false }
        for i in 1..<(a.count - 1) where a[i] == 104 {
            let before = a[i - 1]
            // s k t g d z c p: the h belongs to the digraph before it.
            if before != 115 && before != 107 && before != 116 && before != 103 && before != 100 && before != 122 && before != 99 && before != 112 {
                return true
            }
        }
        return false
    }

    /// Typos tolerated in a token of `length` letters (close to Elasticsearch's AUTO fuzziness):
    /// none up to 4 letters, 1 up to 9, 2 up to 13, 3 beyond. Jaro-Winkler alone rates
    /// "toshiba" ~ "shiba" 0.90 and "microsoft" ~ "microsun" 0.91; the edit bound stops that.
    static func allowedEdits(_ length: Int) -> Int { length <= 4 ? 0 : length <= 9 ? 1 : length <= 13 ? 2 : 3 }

    /// Optimal-string-alignment distance (a transposition is one edit), or `limit + 1` as soon as
    /// it must exceed `limit`.
    public static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in editDistance(x, y, limit: limit) } }
    }

    static func editDistance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        let n = a.count, m = b.count
        if abs(n - m) > limit { return limit + 1 }
        if n == 0 || m == 0 { return max(n, m) }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (m + 1)) { buf in
            var prev2 = UnsafeMutableBufferPointer(rebasing: buf[0...m])
            var prev = UnsafeMutableBufferPointer(rebasing: buf[(m + 1)...(2 * m + 1)])
            var cur = UnsafeMutableBufferPointer(rebasing: buf[(2 * m + 2)...(3 * m + 2)])
            for j in 0...m { prev[j] = j; prev2[j] = j }
            for i in 1...n {
                cur[0] = i
                var rowMin = i
                for j in 1...m {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                    cur[j] = v
                    rowMin = min(rowMin, v)
                }
                if rowMin > limit { return limit + 1 }
                let t = prev2
                prev2 = prev
                prev = cur
                cur = t
            }
            return prev[m]
        }
    }

    /// `editDistance(a, b, limit: 1) <= 1` in one pass: equal, or equal but for one
    /// substitution, insertion, deletion or swap of neighbours (what an optimal-string-alignment
    /// distance of one means), checked at the first difference.
    static func withinOneEdit(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = a.count, m = b.count
        guard abs(n - m) <= 1 else { return false }
        var i = 0
        while i < n, i < m, a[i] == b[i] { i += 1 }
        func same(_ x: Int, _ y: Int) -> Bool {
            // a[x...] == b[y...]
            guard n - x == m - y else { return false }
            var p = x, q = y
            while p < n { if a[p] != b[q] { return false }; p += 1; q += 1 }
            return true
        }
        if n == m {
            if i == n { return true }
            if same(i + 1, i + 1) { return true }
            return i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i] && same(i + 2, i + 2)
        }
        return n > m ? same(i + 1, i) : same(i, i + 1)
    }

    private static func isVowel(_ c: UInt8) -> Bool { c == 97 || c == 101 || c == 105 || c == 111 || c == 117 || c == 121 }

    /// Whether token `t` holds a vowel (y counts): a token without one is an acronym or an unvowelled spelling.
    static func hasVowel<C: Collection<UInt8>>(_ t: C) -> Bool { t.contains { isVowel($0) } }

    /// Same first letter (or both vowels) and the same consonants in the same order.
    private static func sameConsonants(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a[0] == b[0] || (isVowel(a[0]) && isVowel(b[0])) else { return false }
        var i = 1, j = 1
        while true {
            while i < a.count && isVowel(a[i]) { i += 1 }
            while j < b.count && isVowel(b[j]) { j += 1 }
            if i == a.count || j == b.count { return i == a.count && j == b.count }
            if a[i] != b[j] { return false }
            i += 1; j += 1
        }
    }

    public static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a.utf8), y = Array(b.utf8)
        return x.withUnsafeBufferPointer { xp in
            y.withUnsafeBufferPointer { yp in
                similarity(xp, yp, skeletonA: skeleton(xp), skeletonB: skeleton(yp))
            }
        }
    }

    /// The unified initial of a token and how many letters it spans: kh/h → h, q/k/c → k,
    /// ch/sh/sch/tch/tsch → s, dzh/dj/j/y/zh → y, gh/g → g, ph/f → f; letter 0 for any other
    /// initial (no variant to unify).
    static func romanisedInitial(_ t: UnsafeBufferPointer<UInt8>) -> (letter: UInt8, length: Int) {
        let n = t.count
        @inline(__always) func at(_ k: Int) -> UInt8 { k < n ? t[k] : 0 }
        let h: UInt8 = 104
        switch (at(0), at(1), at(2), at(3)) {
        case (116, 115, 99, h): return (115, 4)  // tsch
        case (100, 122, h, _): return (121, 3)  // dzh
        case (115, 99, h, _): return (115, 3)  // sch
        case (116, 99, h, _): return (115, 3)  // tch
        case (107, h, _, _): return (h, 2)  // kh
        case (99, h, _, _): return (115, 2)  // ch
        case (115, h, _, _): return (115, 2)  // sh
        case (100, 106, _, _): return (121, 2)  // dj
        case (122, h, _, _): return (121, 2)  // zh
        case (103, h, _, _): return (103, 2)  // gh
        case (112, h, _, _): return (102, 2)  // ph
        case (h, _, _, _): return (h, 1)
        case (113, _, _, _), (107, _, _, _), (99, _, _, _): return (107, 1)  // q k c
        case (106, _, _, _), (121, _, _, _): return (121, 1)  // j y
        case (103, _, _, _): return (103, 1)
        case (102, _, _, _): return (102, 1)
        default: return (0, 0)
        }
    }

    private static func hasDigit(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        for c in t where (48...57).contains(c) { return true }
        return false
    }

    private static func isLetter(_ c: UInt8) -> Bool { (97...122).contains(c) }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }

    /// Hash of the consonant skeleton: romanisation digraphs unified, a silent English "gh" dropped, vowels, y and h dropped after
    /// the first letter, doubled letters collapsed (as written), c/k/q, z/s and f/v/w merged; the
    /// consonant count (up to 3) in the top two bits. 0 when there are fewer than two consonants.
    public static func skeleton(_ t: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        var previousRaw: UInt8 = 0
        var count = 0
        var i = 0
        let n = t.count
        @inline(__always) func at(_ k: Int) -> UInt8 { k < n ? t[k] : 0 }
        while i < n {
            // Romanisation digraphs first: dzh/dj/zh → j, tch → ch, kh → k, ph → f, th → t, sch → sh, ck → k, gh → g.
            var raw = t[i]
            var step = 1
            switch (raw, at(i + 1), at(i + 2)) {
            case (100, 122, 104): raw = 106; step = 3  // dzh
            case (100, 106, _): raw = 106; step = 2  // dj
            case (122, 104, _): raw = 106; step = 2  // zh
            case (116, 99, 104): raw = 99; step = 2  // tch → ch (h follows)
            case (116, 115, 99) where at(i + 3) == 104: raw = 99; step = 3  // tsch → ch (h follows)
            case (107, 104, _): raw = 107; step = 2  // kh → k
            case (112, 104, _): raw = 102; step = 2  // ph
            case (116, 104, _): raw = 116; step = 2  // th
            case (115, 99, 104): raw = 115; step = 3  // sch
            case (99, 107, _): raw = 107; step = 2  // ck
            case (103, 104, let next) where i > 0 && (next == 116 || next == 0):
                // English "gh" before t or at the end is silent: "light" ~ "lite", "wright" ~ "rite".
                i += 2
                continue
            case (103, 104, _): raw = 103; step = 2  // gh
            default: break
            }
            let first = i == 0
            i += step
            if raw == previousRaw { continue }
            previousRaw = raw
            var c = raw
            switch c {
            case 97, 101, 105, 111, 117, 121:  // a e i o u y
                if !first { continue }
                c = 97
            case 104:  // h: silent inside a word
                if !first { continue }
            case 119, 118:  // w v → f inside a word ("ivleff" ~ "ivlev"), kept first ("fusion" ≠ "vision")
                if !first { c = 102 }
            case 99, 113: c = 107  // c q → k
            case 122: c = 115  // z → s
            default: break
            }
            hash = (hash ^ UInt32(c)) &* 16_777_619
            count += 1
        }
        // The top two bits carry the consonant count (capped at 3); 0 means "no skeleton".
        return count >= 2 ? (hash & 0x3FFF_FFFF) | UInt32(min(count, 3)) << 30 : 0
    }
}
