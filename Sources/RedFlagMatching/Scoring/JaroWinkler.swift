/// Jaro-Winkler similarity on byte strings (tokens are ASCII after normalisation), allocation-free
/// for tokens up to 64 bytes: the inner kernel of every token comparison.
public enum JaroWinkler {
    /// Similarity in [0, 1]; prefix bonus 0.1 per shared leading byte (up to 4), applied only when
    /// the Jaro score is at least 0.7 (the standard boost threshold).
    public static func similarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        let la = a.count, lb = b.count
        if la == 0 || lb == 0 { return la == lb ? 1 : 0 }
        if la == lb && memcmpEqual(a, b) { return 1 }
        let (s, l) = la <= lb ? (a, b) : (b, a)
        let ls = s.count, ll = l.count
        if ll > 64 { return slowSimilarity(Array(a), Array(b)) }
        let range = max(0, ll / 2 - 1)
        var lFlags: UInt64 = 0
        var sFlags: UInt64 = 0
        var matches = 0
        for i in 0..<ls {
            let lo = max(0, i - range), hi = min(ll - 1, i + range)
            if lo > hi { continue }
            let c = s[i]
            for j in lo...hi where (lFlags >> UInt64(j)) & 1 == 0 && l[j] == c {
                lFlags |= 1 << UInt64(j)
                sFlags |= 1 << UInt64(i)
                matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        var transpositions = 0
        var j = 0
        for i in 0..<ls where (sFlags >> UInt64(i)) & 1 == 1 {
            while (lFlags >> UInt64(j)) & 1 == 0 { j += 1 }
            if s[i] != l[j] { transpositions += 1 }
            j += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(ls) + m / Double(ll) + (m - Double(transpositions / 2)) / m) / 3
        guard jaro >= 0.7 else { return jaro }
        var prefix = 0
        while prefix < min(4, ls) && a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    /// Convenience for Strings (tests, explanations).
    public static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a.utf8), y = Array(b.utf8)
        return x.withUnsafeBufferPointer { xp in y.withUnsafeBufferPointer { yp in similarity(xp, yp) } }
    }

    private static func memcmpEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }

    /// Tokens longer than 64 bytes (rare: unsplit transliterations) use array flags.
    private static func slowSimilarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let (s, l) = a.count <= b.count ? (a, b) : (b, a)
        let range = max(0, l.count / 2 - 1)
        var lFlags = [Bool](repeating: false, count: l.count)
        var sFlags = [Bool](repeating: false, count: s.count)
        var matches = 0
        for i in 0..<s.count {
            let lo = max(0, i - range), hi = min(l.count - 1, i + range)
            if lo > hi { continue }
            for j in lo...hi where !lFlags[j] && l[j] == s[i] {
                lFlags[j] = true; sFlags[i] = true; matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        var t = 0, j = 0
        for i in 0..<s.count where sFlags[i] {
            while !lFlags[j] { j += 1 }
            if s[i] != l[j] { t += 1 }
            j += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(s.count) + m / Double(l.count) + (m - Double(t / 2)) / m) / 3
        guard jaro >= 0.7 else { return jaro }
        var prefix = 0
        while prefix < min(4, s.count) && a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }
}
