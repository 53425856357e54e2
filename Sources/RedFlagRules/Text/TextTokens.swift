import Foundation

/// A free-text value (an order note, an end-use statement, a party name) cut into normalised word
/// tokens, once per value, for every phrase set that reads it.
///
/// Normalisation is what makes "Re-Export", "re export", "reexport" and "RÉEXPORTATION" meet the
/// same phrase data: lower case, accents removed (é → e, ü → u, ß → ss), everything that is not a
/// letter or digit a separator, apostrophes too ("won't" → won t, "l'ECCN" → l eccn, the same for
/// the phrase data, which goes through this very tokenizer, so the French elision splits). Han
/// characters are one token each, because Chinese writes no spaces: a Chinese phrase is then a run
/// of character tokens. Each token keeps the UTF-8 range it came from (to quote the text around a
/// match) and the clause it belongs to: sentence and list punctuation start a new clause, and a
/// negation never reaches across one ("no issues, reexport to partner" is not a denial).
public struct TextTokens: Sendable {
    /// One word: a 64-bit hash of its folded bytes (what phrase sets look up), where its folded
    /// bytes sit in `folded`, where it sits in the original text, and its clause number.
    public struct Token: Sendable, Hashable {
        public var key: UInt64
        var foldedStart: Int32
        var foldedEnd: Int32
        /// UTF-8 offsets of the token in the original text.
        public var start: Int32
        public var end: Int32
        public var clause: Int32
    }

    /// The original text (for quotes).
    public let text: String
    public private(set) var tokens: [Token] = []
    /// Every token's folded bytes, back to back (prefix look-ups re-hash the leading bytes).
    private(set) var folded: [UInt8] = []

    public var isEmpty: Bool { tokens.isEmpty }
    public var count: Int { tokens.count }

    public init(_ text: String) {
        self.text = text
        tokenize()
    }

    /// FNV-1a, 64 bits: cheap to roll byte by byte, which the prefix look-ups need.
    @inline(__always) static func hash(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* 0x100000001b3 }
    static let seed: UInt64 = 0xcbf29ce484222325

    static func key(of bytes: some Sequence<UInt8>) -> UInt64 { bytes.reduce(seed, hash) }

    /// The folded bytes of token `i`.
    func bytes(of i: Int) -> ArraySlice<UInt8> {
        folded[Int(tokens[i].foldedStart)..<Int(tokens[i].foldedEnd)]
    }

    /// The folded word of token `i`, for messages and tests.
    public func word(_ i: Int) -> String { String(decoding: bytes(of: i), as: UTF8.self) }

    private mutating func tokenize() {
        var clause: Int32 = 0
        var tokenStart = -1          // folded offset of the open token, -1 when none
        var textStart: Int32 = 0
        var key = Self.seed
        var offset: Int32 = 0        // UTF-8 offset of the current scalar
        var previous: Unicode.Scalar = " "
        var pendingBreak = false     // a '.' that ends a clause if a capital or the end follows
        folded.reserveCapacity(text.utf8.count)

        func close(_ end: Int32) {
            guard tokenStart >= 0 else { return }
            tokens.append(Token(key: key, foldedStart: Int32(tokenStart), foldedEnd: Int32(folded.count),
                                start: textStart, end: end, clause: clause))
            tokenStart = -1
        }
        func append(_ b: UInt8, at start: Int32) {
            if tokenStart < 0 {
                tokenStart = folded.count
                textStart = start
                key = Self.seed
            }
            folded.append(b)
            key = Self.hash(key, b)
        }

        let scalars = text.unicodeScalars
        var it = scalars.makeIterator()
        var next = it.next()
        while let u = next {
            next = it.next()
            let width = Int32(UTF8.width(u))
            let v = u.value
            if pendingBreak {
                // "Cust. confirmed…" ends a clause, "decl. as spares" does not.
                if !u.properties.isWhitespace {
                    if u.properties.isUppercase || (v >= 0x30 && v <= 0x39) { clause += 1 }
                    pendingBreak = false
                }
            }
            if v < 0x80 {
                let b = UInt8(v)
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    append(b, at: offset)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    append(b | 0x20, at: offset)
                case UInt8(ascii: "."):
                    close(offset)
                    pendingBreak = true
                case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "("),
                     UInt8(ascii: ")"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "|"), UInt8(ascii: "["), UInt8(ascii: "]"):
                    close(offset)
                    clause += 1
                case UInt8(ascii: "-"):
                    close(offset)
                    // " - " between words is a dash, not a hyphen; "->" is an arrow.
                    if previous == " " || next == ">" { clause += 1 }
                default:
                    close(offset)
                }
            } else if Self.isHan(v) {
                close(offset)
                for b in String(u).utf8 { append(b, at: offset) }
                close(offset + width)
            } else if Self.clauseMarks.contains(v) {
                close(offset)
                clause += 1
            } else if u.properties.isAlphabetic || u.properties.numericType != nil {
                for b in Self.fold(u) { append(b, at: offset) }
            } else if u.properties.generalCategory == .nonspacingMark {
                continue  // a combining accent of decomposed text: dropped, as precomposed accents are
            } else {
                close(offset)
            }
            previous = u
            offset += width
        }
        close(offset)
    }

    /// CJK Unified Ideographs, Extension A and Compatibility Ideographs.
    static func isHan(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
    }

    /// Full-width and other clause punctuation outside ASCII: 。，；！？、（）「」 and dashes.
    static let clauseMarks: Set<UInt32> = [0x3002, 0xFF0C, 0xFF1B, 0xFF01, 0xFF1F, 0x3001, 0xFF08, 0xFF09, 0x300C, 0x300D,
                                           0x2013, 0x2014, 0x2192, 0xFF0E, 0x2022]

    /// The folded bytes of a non-ASCII letter: lower case without accents (ß → ss, œ → oe).
    static func fold(_ u: Unicode.Scalar) -> [UInt8] {
        if let cached = latinFolds[u.value] { return cached }
        let s = String(u).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return Array(s.lowercased().utf8)
    }

    /// Latin-1 Supplement to Latin Extended-B folded once: the accented letters of German, French
    /// and Spanish notes, which would otherwise go through Foundation per letter.
    static let latinFolds: [UInt32: [UInt8]] = {
        var map: [UInt32: [UInt8]] = [:]
        for v in UInt32(0xC0)...UInt32(0x24F) {
            guard let u = Unicode.Scalar(v), u.properties.isAlphabetic else { continue }
            let s = String(u).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
            let ascii = s.unicodeScalars.filter(\.isASCII)
            map[v] = Array((ascii.isEmpty ? s : String(String.UnicodeScalarView(ascii))).utf8)
        }
        map[0xDF] = Array("ss".utf8)
        map[0x153] = Array("oe".utf8)
        map[0x152] = Array("oe".utf8)
        map[0xE6] = Array("ae".utf8)
        map[0xC6] = Array("ae".utf8)
        return map
    }()

    /// The text around tokens `first...last`: up to `context` words either side, the match marked
    /// with ⟦ ⟧ and "…" where the text goes on. Every text finding quotes its evidence this way.
    public func quote(_ first: Int, _ last: Int, context: Int = 5) -> String {
        let utf8 = Array(text.utf8)
        let from = max(0, first - context), to = min(tokens.count - 1, last + context)
        let a = Int(tokens[from].start), s = Int(tokens[first].start), e = Int(tokens[last].end), b = Int(tokens[to].end)
        func piece(_ r: Range<Int>) -> String {
            String(decoding: utf8[r], as: UTF8.self).split(whereSeparator: \.isNewline).joined(separator: " ")
        }
        return (from > 0 ? "…" : "") + piece(a..<s) + "⟦" + piece(s..<e) + "⟧" + piece(e..<b) + (to < tokens.count - 1 ? "…" : "")
    }
}
