import Foundation

/// Light text folding shared by lookups that must ignore case, accents and punctuation (country
/// names, column headers). Name matching has its own, much richer normalisation.
public enum TextFolding {
    /// Lower-cased, accents removed, punctuation turned into spaces, whitespace collapsed.
    public static func fold(_ s: String) -> String {
        foldedASCII(s) ?? foldedByFoundation(s)
    }

    /// `fold(s)` worked out byte by byte when `s` is ASCII (nil otherwise): there the folding is
    /// lower-casing and the alphanumerics are the letters and digits. The order rules fold several
    /// fields of every line; Foundation's folding and `CharacterSet` were most of that cost.
    static func foldedASCII(_ s: String) -> String? {
        var s = s
        return s.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var lastWasSpace = true
            for b in bytes {
                switch b {
                case 0x80...: return nil
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                    out.append(b)
                    lastWasSpace = false
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    out.append(b | 0x20)
                    lastWasSpace = false
                case UInt8(ascii: "'"), UInt8(ascii: "."):
                    continue
                default:
                    if !lastWasSpace {
                        out.append(0x20)
                        lastWasSpace = true
                    }
                }
            }
            if out.last == 0x20 { out.removeLast() }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The reference definition of `fold`, for any text.
    static func foldedByFoundation(_ s: String) -> String {
        let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for u in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(u) {
                out.append(u)
                lastWasSpace = false
            } else if u == "'" || u == "’" || u == "." {
                continue  // "People's" = "Peoples", "U.S." = "US"
            } else if !lastWasSpace {
                out.append(" ")
                lastWasSpace = true
            }
        }
        var result = String(out)
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// Collapses runs of whitespace (including newlines and non-breaking spaces) into one space
    /// and trims: list fields carry embedded newlines and stray padding.
    public static func collapseWhitespace(_ s: String) -> String {
        if isCollapsed(s) { return s }
        return collapsedByScalars(s) ?? collapsedByCharacters(s)
    }

    /// The reference definition: whitespace characters (`Character.isWhitespace`) collapsed.
    static func collapsedByCharacters(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for ch in s {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(ch)
            }
        }
        return out
    }

    /// Whether `collapseWhitespace(s)` is `s` itself, decided on scalars without grapheme
    /// breaking (the general routine walks characters: too slow for the millions of list fields
    /// that need no change). True only when every whitespace scalar is a single ASCII space
    /// between two printable characters, the next one ASCII (so the space is a character of its
    /// own); any doubt answers false.
    static func isCollapsed(_ s: String) -> Bool {
        var previous: UInt32 = 0x20
        var afterSpace = false
        for u in s.unicodeScalars {
            let v = u.value
            if afterSpace, !(v > 0x20 && v < 0x7F) { return false }
            afterSpace = false
            if v == 0x20 {
                if previous == 0x20 { return false }
                afterSpace = true
            } else if v < 0x20 || v == 0x7F {
                return false
            } else if v >= 0x80, isWhitespace(u) {
                return false
            }
            previous = v
        }
        return !afterSpace
    }

    /// `collapseWhitespace(s)` worked out scalar by scalar, nil when that could differ from the
    /// character-by-character result. It can only where a whitespace scalar shares a grapheme
    /// cluster with a non-whitespace one: a mark or joiner right after it, or a prepended
    /// concatenation mark right before it. Elsewhere every whitespace character is one
    /// whitespace scalar (or CR LF) and no other character holds one, so both agree.
    static func collapsedByScalars(_ s: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        var previousWasSpace = true
        var previous: Unicode.Scalar?
        for u in s.unicodeScalars {
            if isWhitespace(u) {
                if let p = previous, p.value >= 0x80, !previousWasSpace, isPrepend(p) { return nil }
                pendingSpace = !out.isEmpty
                previousWasSpace = true
            } else {
                if previousWasSpace, previous != nil, u.value >= 0x80, extendsCluster(u) { return nil }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                UTF8.encode(u) { out.append($0) }
                previousWasSpace = false
            }
            previous = u
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Unicode White_Space, which `Character.isWhitespace` tests on a character's first scalar.
    @inline(__always)
    private static func isWhitespace(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return v == 0x85 || v == 0xA0 || v == 0x1680 || (v >= 0x2000 && v <= 0x3000 && u.properties.isWhitespace)
    }

    /// Scalars that join the character before them: marks, joiners and the other extenders.
    private static func extendsCluster(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
        default: return u.properties.isGraphemeExtend || (0x1F3FB...0x1F3FF).contains(u.value)
        }
    }

    /// Grapheme_Cluster_Break=Prepend: format characters and a few letters that join the character after them.
    private static func isPrepend(_ u: Unicode.Scalar) -> Bool {
        if u.properties.generalCategory == .format { return true }
        switch u.value {
        case 0x0D4E, 0x111C2, 0x111C3, 0x1193F, 0x11941, 0x11A3A, 0x11A84...0x11A89, 0x11D46, 0x11F02: return true
        default: return false
        }
    }

    /// nil for empty or whitespace-only strings and for the placeholders lists use for "none".
    public static func nonEmpty(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = collapseWhitespace(s)
        if t.isEmpty || t == "-0-" || t == "-0" { return nil }
        return t
    }
}
