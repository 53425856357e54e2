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
        if hasDigit(a) || hasDigit(b) {
            // Numbers (house numbers, "5g", "t-72") only count when equal: 1203 is not 1230.
            return a.count == b.count && equal(a, b) ? 1 : 0
        }
        if a.count <= 3 || b.count <= 3 {
            if a.count == b.count && equal(a, b) { return 1 }
            // Short tokens only tolerate one substitution or a doubled/dropped letter at equal first letter.
            if abs(a.count - b.count) <= 1 && min(a.count, b.count) >= 3 && a[0] == b[0] && editDistanceIsOne(a, b) { return 0.82 }
            return skeletonA != 0 && skeletonA == skeletonB && a[0] == b[0] ? skeletonCredit : 0
        }
        var s = JaroWinkler.similarity(a, b)
        if s < skeletonCredit && skeletonA != 0 && skeletonA == skeletonB { s = skeletonCredit }
        return s >= floor ? s : 0
    }

    public static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a.utf8), y = Array(b.utf8)
        return x.withUnsafeBufferPointer { xp in
            y.withUnsafeBufferPointer { yp in
                similarity(xp, yp, skeletonA: skeleton(xp), skeletonB: skeleton(yp))
            }
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

    private static func editDistanceIsOne(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let (s, l) = a.count <= b.count ? (a, b) : (b, a)
        var i = 0, j = 0, edits = 0
        while i < s.count && j < l.count {
            if s[i] == l[j] { i += 1; j += 1; continue }
            edits += 1
            if edits > 1 { return false }
            if s.count == l.count { i += 1 }
            j += 1
        }
        return edits + (l.count - j) + (s.count - i) <= 1
    }

    /// Hash of the consonant skeleton: vowels, y, h and w dropped after the first letter, doubled
    /// letters collapsed (as written), c/k/q and z/s merged. 0 when the skeleton has fewer than two letters
    /// (too little to say anything).
    public static func skeleton(_ t: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        var previousRaw: UInt8 = 0
        var count = 0
        for (i, raw) in t.enumerated() {
            defer { previousRaw = raw }
            if raw == previousRaw { continue }
            var c = raw
            switch c {
            case 97, 101, 105, 111, 117, 121, 104, 119:  // a e i o u y h w
                if i != 0 { continue }
                c = 97
            case 99, 113: c = 107  // c q → k
            case 122: c = 115  // z → s
            default: break
            }
            hash = (hash ^ UInt32(c)) &* 16_777_619
            count += 1
        }
        return count >= 2 ? hash | 1 : 0
    }
}
