import Foundation
import RedFlagCore

/// Splitting of the multi-valued cells the list files pack into one text field, and the shared
/// conversions (dates, countries) that count a warning instead of dropping a value.
enum FieldSplitter {
    /// Splits on `;` (CSL style `A; B; and C`), trims, collapses whitespace, drops a leading
    /// `and ` that Federal Register grammar puts before the last item, and drops empty items.
    static func semicolonList(_ raw: String?, stripLeadingAnd: Bool = true) -> [String] {
        guard let raw, !raw.isEmpty else { return [] }
        var out: [String] = []
        for part in split(raw, on: ";") {
            var item = clean(String(part))
            if stripLeadingAnd, item.lowercased().hasPrefix("and ") { item = String(item.dropFirst(4)) }
            if !item.isEmpty { out.append(item) }
        }
        return out
    }

    // Compiled once: a regex literal inside the function is built again on every call, which
    // cost more than the rest of an OFSI row. Regex is not Sendable, but matching only reads it.
    nonisolated(unsafe) private static let numberedItem = /(?:^|\s)\(?\d{1,2}\)\s*/
    nonisolated(unsafe) private static let letteredItem = /(?:^|\s)\([a-z]\)\s*/

    /// Splits OFSI's inline numbered values (`1) Saudi Arabia 2) Qatar`, `(1) Germany. (2) Morocco`,
    /// `(a) Malaysia (b) Indonesia`);
    /// a value not starting with a number is returned whole.
    static func numberedList(_ raw: String?) -> [String] {
        guard let text = nonEmpty(raw) else { return [] }
        let pieces: [Substring]
        if text.hasPrefix("1)") || text.hasPrefix("(1)") {
            pieces = text.split(separator: numberedItem, omittingEmptySubsequences: true)
        } else if text.hasPrefix("(a)") {
            pieces = text.split(separator: letteredItem, omittingEmptySubsequences: true)
        } else {
            return [text]
        }
        let items = pieces.map { piece -> String in
            var s = clean(String(piece))
            while let last = s.last, last == "." || last == "," || last == ";" { s.removeLast() }
            return s
        }
        return items.filter { !$0.isEmpty }
    }

    /// Splits on `separator`, trimming items and dropping empty ones.
    static func list(_ raw: String?, separator: Character) -> [String] {
        guard let raw else { return [] }
        return raw.split(separator: separator).compactMap { nonEmpty(String($0)) }
    }

    /// `TextFolding.collapseWhitespace`, with a fast path for the common case of plain ASCII text
    /// that needs no change (the general routine walks grapheme clusters: too slow for millions
    /// of fields).
    static func clean(_ s: String) -> String {
        var s = s
        // Both passes run over the contiguous UTF-8 (no copy for a native string): stepping
        // through `String.utf8` cost several times more per byte, and remarks run to kilobytes.
        let (plain, ascii, previousSpace) = s.withUTF8 { bytes -> (Bool, Bool, Bool) in
            var previousSpace = true
            var plain = true
            for b in bytes {
                if b >= 0x80 { return (false, false, previousSpace) }
                if b < 0x20 { plain = false; continue }
                if b == 0x20 {
                    if previousSpace { plain = false }
                    previousSpace = true
                } else {
                    previousSpace = false
                }
            }
            return (plain, true, previousSpace)
        }
        if plain && (!previousSpace || s.isEmpty) { return s }
        guard ascii else { return TextFolding.collapseWhitespace(s) }
        // ASCII: collapse runs of spaces, tabs and line ends byte by byte (never longer than `s`).
        return s.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var pending = false
                for b in bytes {
                    if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                        pending = count > 0
                    } else {
                        if pending { out[count] = 0x20; count += 1; pending = false }
                        out[count] = b
                        count += 1
                    }
                }
                return count
            }
        }
    }

    /// `s` without leading and trailing spaces, for parts of already cleaned text (no other
    /// whitespace can be left in it).
    static func trimSpaces(_ s: Substring) -> String {
        let u = s.utf8
        guard let first = u.firstIndex(where: { $0 != 0x20 }), let last = u.lastIndex(where: { $0 != 0x20 }) else { return "" }
        return String(s[first...last])
    }

    static func trimSpaces(_ s: String) -> String { trimSpaces(Substring(s)) }

    /// `TextFolding.nonEmpty` on the fast path of `clean`: nil for empty text and the `-0-` placeholder.
    static func nonEmpty(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = clean(s)
        if t.isEmpty || t == "-0-" || t == "-0" { return nil }
        return t
    }

    /// Parses a date; an unreadable one is kept (invalid, raw text) and counted.
    static func date(_ raw: String, record: String, field: String, slashOrder: PartialDate.SlashOrder = .dayFirst,
                     warnings: inout ParseWarnings) -> PartialDate {
        let d = quickDate(raw, slashOrder: slashOrder) ?? PartialDate.parse(raw, slashOrder: slashOrder)
        if !d.isValid { warnings.add("unparseable date", record: record, field: field, value: raw) }
        return d
    }

    /// Resolves a country name or code (ignoring a trailing parenthesised note); an unknown one is
    /// kept raw and counted.
    static func country(_ raw: String, record: String, field: String, warnings: inout ParseWarnings) -> CountryRef {
        var ref = CountryRef(resolving: raw)
        // `Afghanistan (previous address)`, `Jordan (since July 2013)`: the country before the note.
        if ref.code == nil, let open = raw.firstIndex(of: "("), open > raw.startIndex {
            ref.code = CountryTable.shared.code(for: String(raw[..<open]))
        }
        if ref.code == nil { warnings.add("unknown country", record: record, field: field, value: raw) }
        return ref
    }

    /// `a.caseInsensitiveCompare(b) == .orderedSame`, without Foundation when both are ASCII
    /// (where ignoring case means A–Z = a–z and nothing else): parsers compare every alias of
    /// an entry with every other.
    static func sameIgnoringCase(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        let ascii: Bool? = a.withUTF8 { x in
            b.withUTF8 { y -> Bool? in
                var allASCII = true
                for byte in x where byte >= 0x80 { allASCII = false; break }
                for byte in y where byte >= 0x80 { allASCII = false; break }
                guard allASCII else { return nil }
                guard x.count == y.count else { return false }
                for k in 0..<x.count where x[k] != y[k] {
                    let l = x[k] | 0x20, r = y[k] | 0x20
                    guard l == r, l >= UInt8(ascii: "a"), l <= UInt8(ascii: "z") else { return false }
                }
                return true
            }
        }
        return ascii ?? (a.caseInsensitiveCompare(b) == .orderedSame)
    }

    /// Foundation's `text.contains(ascii)`, searched byte by byte when `text` is ASCII too (where
    /// the two agree; Foundation's search is what it was, and slow, on thousands of remarks).
    static func contains(_ text: String, _ ascii: StaticString) -> Bool {
        var text = text
        let fast: Bool? = text.withUTF8 { t in
            ascii.withUTF8Buffer { n -> Bool? in
                for byte in t where byte >= 0x80 { return nil }
                guard n.count <= t.count else { return false }
                if n.isEmpty { return true }
                var i = 0
                while i + n.count <= t.count {
                    if t[i] == n[0] {
                        var k = 1
                        while k < n.count, t[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
        return fast ?? text.contains(ascii.description)
    }

    /// `text.split(separator: separator)` (empty pieces dropped), on bytes when `text` is ASCII:
    /// the same pieces without grapheme breaking, which dominated splitting long list fields.
    static func split(_ text: String, on separator: Unicode.Scalar) -> [Substring] {
        precondition(separator.isASCII, "byte split needs an ASCII separator")
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(separator: Character(separator)) }
        return text.utf8.split(separator: UInt8(separator.value)).map { Substring($0) }
    }

    /// Appends `value` unless already present.
    static func appendUnique<T: Equatable>(_ value: T, to array: inout [T]) {
        if !array.contains(value) { array.append(value) }
    }

    /// The common shapes `yyyy`, `yyyy-mm-dd`, `dd/mm/yyyy` (`00` = unknown), `12 Jan 1960`, `Jan 1960`,
    /// each optionally after `circa `, read directly, giving
    /// exactly what `PartialDate.parse` gives for them; nil for anything else. `PartialDate.parse`
    /// builds its regular expressions on every call, which dominated the parse time of whole lists.
    static func quickDate(_ raw: String, slashOrder: PartialDate.SlashOrder) -> PartialDate? {
        var text = Substring(raw)
        var approximate = false
        if text.hasPrefix("circa ") {
            approximate = true
            text = text.dropFirst(6)
        }
        guard let parts = quickParts(text, slashOrder: slashOrder) else { return nil }
        return PartialDate(from: parts, approximate: approximate, raw: raw)
    }

    private static let monthNumbers: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
        "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    private static func quickParts(_ text: Substring, slashOrder: PartialDate.SlashOrder) -> PartialDate.Parts? {
        // `12 Jan 1960` and `Jan 1960` (OFAC remarks).
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        if words.count == 2 || words.count == 3, let last = words.last, last.utf8.count == 4 {
            let monthWord = words[words.count - 2].lowercased()
            guard let month = monthNumbers[monthWord], let year = Int(last), (1000...2200).contains(year) else { return nil }
            var day: Int?
            if words.count == 3 {
                guard words[0].utf8.count <= 2, words[0].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                      let d = Int(words[0]), (1...31).contains(d) else { return nil }
                day = d
            }
            return PartialDate.Parts(year: year, month: month, day: day)
        }
        let b = Array(text.utf8)
        func digit(_ i: Int) -> Int? { b[i] >= 0x30 && b[i] <= 0x39 ? Int(b[i] - 0x30) : nil }
        func number(_ range: Range<Int>) -> Int? {
            var v = 0
            for i in range { guard let d = digit(i) else { return nil }; v = v * 10 + d }
            return v
        }
        var year: Int?, month: Int?, day: Int?
        switch b.count {
        case 4:
            year = number(0..<4)
        case 10 where b[4] == UInt8(ascii: "-") && b[7] == UInt8(ascii: "-"):
            year = number(0..<4); month = number(5..<7); day = number(8..<10)
            guard month != nil, day != nil else { return nil }
        case 10 where b[2] == UInt8(ascii: "/") && b[5] == UInt8(ascii: "/"):
            let first = number(0..<2), second = number(3..<5)
            guard let first, let second else { return nil }
            year = number(6..<10)
            (day, month) = slashOrder == .dayFirst ? (first, second) : (second, first)
        default:
            return nil
        }
        guard let y = year, (1000...2200).contains(y) else { return nil }
        if month == 0 { month = nil }
        if day == 0 { day = nil }
        if let m = month, !(1...12).contains(m) { return nil }
        if let d = day, !(1...31).contains(d) { return nil }
        return PartialDate.Parts(year: y, month: month, day: month == nil ? nil : day)
    }
}
