import Foundation

extension PartialDate {
    /// Which field comes first in slash-separated dates: UK and EU write `dd/mm/yyyy`, OFAC's
    /// `Publish_Date` is `mm/dd/yyyy`.
    public enum SlashOrder: Sendable { case dayFirst, monthFirst }

    private static let monthNames: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
        "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    /// Reads the date shapes found across the lists: `1957-10-10`, `1963`, `circa 1955`,
    /// `1970 to 1975`, `10 Oct 1957`, `Oct 1957`, `25/03/1973`, `00/00/1980`, `dd/mm/1980`, `03/1973`,
    /// `1973-03-25T00:00:00`. Anything else is kept as an invalid date with its raw text.
    public static func parse(_ raw: String, slashOrder: SlashOrder = .dayFirst) -> PartialDate {
        let text = TextFolding.collapseWhitespace(raw)
        guard !text.isEmpty else { return .invalid(raw) }
        var s = text.lowercased()
        var approximate = false
        for prefix in ["circa ", "circa", "ca. ", "ca ", "c. ", "c.", "approximately ", "approx. ", "approx ", "about ", "around "]
        where s.hasPrefix(prefix) {
            approximate = true
            s = String(s.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        if s.hasPrefix("between ") { s = String(s.dropFirst(8)) }
        // Ranges: "1970 to 1975", "1970 - 1975", "1970 and 1975", "1970/1975" (years only).
        for sep in [" to ", " - ", " and ", " – ", "–"] {
            if let r = s.range(of: sep) {
                let a = parseSingle(String(s[..<r.lowerBound]), slashOrder: slashOrder)
                let b = parseSingle(String(s[r.upperBound...]), slashOrder: slashOrder)
                if let a, let b { return PartialDate(from: a, to: b, approximate: approximate, raw: raw) }
            }
        }
        let toks = tokens(s)
        if toks.count == 3, let y1 = toks[0].year, toks[1] == .sep("/") || toks[1] == .sep("-"), let y2 = toks[2].year,
           y2 > y1, y2 - y1 < 100 {
            return PartialDate(from: Parts(year: y1), to: Parts(year: y2), approximate: approximate, raw: raw)
        }
        if let parts = parseSingle(s, slashOrder: slashOrder) {
            return PartialDate(from: parts, approximate: approximate, raw: raw)
        }
        return .invalid(raw)
    }

    /// An ISO `yyyy-mm-dd` string for a publication date in any of the shapes above, or nil.
    public static func isoDay(_ raw: String, slashOrder: SlashOrder = .dayFirst) -> String? {
        let d = parse(raw, slashOrder: slashOrder)
        guard d.isValid, d.to == nil, d.from.year != nil else { return nil }
        return d.from.iso
    }

    /// A lexical piece of a date: a run of digits, a run of letters, or one separator character.
    /// Dates are tokenised by hand rather than with regular expressions: parsing runs for every
    /// date of every list record, and compiling patterns per call dominated import time.
    private enum Token: Equatable {
        case number(String)
        case word(String)
        case sep(Character)

        var year: Int? {
            if case .number(let d) = self, d.count == 4 { return Int(d) }
            return nil
        }

        /// A one- or two-digit day or month, or a placeholder (`00`, `dd`, `mm`) that means unknown (0).
        var dayOrMonth: Int? {
            switch self {
            case .number(let d) where d.count <= 2: return Int(d)
            case .word("dd"), .word("mm"): return 0
            default: return nil
            }
        }
    }

    private static func tokens(_ s: String) -> [Token] {
        var out: [Token] = []
        var current = ""
        var currentIsDigit = false
        func flush() {
            if !current.isEmpty { out.append(currentIsDigit ? .number(current) : .word(current)) }
            current = ""
        }
        for ch in s {
            if ch.isASCII && ch.isNumber {
                if !currentIsDigit { flush() }
                currentIsDigit = true
                current.append(ch)
            } else if ch.isLetter {
                if currentIsDigit { flush() }
                currentIsDigit = false
                current.append(ch)
            } else {
                flush()
                if !ch.isWhitespace { out.append(.sep(ch)) }
            }
        }
        flush()
        return out
    }

    private static func parseSingle(_ input: String, slashOrder: SlashOrder) -> Parts? {
        var s = input.trimmingCharacters(in: .whitespaces)
        if let t = s.firstIndex(of: "t"), s.count > 10, s[s.startIndex..<t].count == 10 { s = String(s[..<t]) }
        let t = tokens(s)
        let isSlash: (Token) -> Bool = { $0 == .sep("/") || $0 == .sep(".") }
        switch t.count {
        case 1:
            if let y = t[0].year { return validated(year: y, month: nil, day: nil) }
        case 3:
            // 1957-10 (ISO year-month), 03/1973 (month/year).
            if let y = t[0].year, t[1] == .sep("-"), let m = t[2].dayOrMonth { return validated(year: y, month: m, day: nil) }
            if let m = t[0].dayOrMonth, isSlash(t[1]), let y = t[2].year { return validated(year: y, month: m, day: nil) }
        case 5:
            // 1957-10-10, 1973/03/25, 25/03/1973, 00/00/1980, dd/mm/1980.
            if let y = t[0].year, let a = t[2].dayOrMonth, let b = t[4].dayOrMonth,
               (t[1] == .sep("-") && t[3] == .sep("-")) || (isSlash(t[1]) && isSlash(t[3])) {
                return validated(year: y, month: a, day: b)
            }
            if let a = t[0].dayOrMonth, let b = t[2].dayOrMonth, let y = t[4].year, isSlash(t[1]), isSlash(t[3]) {
                let (day, month) = slashOrder == .dayFirst ? (a, b) : (b, a)
                return validated(year: y, month: month, day: day)
            }
        default:
            break
        }
        // 10 Oct 1957, 10 October 1957, Oct 1957, October 10, 1957, Oct. 1957.
        let words = t.filter { $0 != .sep(",") && $0 != .sep(".") }
        guard (2...3).contains(words.count), let y = words.last?.year else { return nil }
        var month: Int?
        var day: Int?
        for tok in words.dropLast() {
            switch tok {
            case .word(let w) where month == nil: month = monthNames[w]; if month == nil { return nil }
            case .number(let d) where d.count <= 2 && day == nil: day = Int(d)
            default: return nil
            }
        }
        guard let month else { return nil }
        return validated(year: y, month: month, day: day)
    }

    private static func validated(year: Int?, month: Int?, day: Int?) -> Parts? {
        guard let year, (1000...2200).contains(year) else { return nil }
        let month = month == 0 ? nil : month
        let day = day == 0 ? nil : day
        if let month, !(1...12).contains(month) { return nil }
        if let day, !(1...31).contains(day) { return nil }
        return Parts(year: year, month: month, day: month == nil ? nil : day)
    }
}
