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
        if let m = s.wholeMatch(of: /(\d{4})\s*[-\/]\s*(\d{4})/), let y1 = Int(m.1), let y2 = Int(m.2), y2 > y1, y2 - y1 < 100 {
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

    private static func parseSingle(_ input: String, slashOrder: SlashOrder) -> Parts? {
        var s = input.trimmingCharacters(in: .whitespaces)
        if let t = s.firstIndex(of: "t"), s.count > 10, s[s.startIndex..<t].count == 10 { s = String(s[..<t]) }
        // ISO-like: 1957-10-10, 1957-10, 1957.
        if let m = s.wholeMatch(of: /(\d{4})(?:-(\d{1,2}|mm|00)(?:-(\d{1,2}|dd|00))?)?/) {
            return validated(year: Int(m.1), month: m.2.flatMap { Int($0) }, day: m.3.flatMap { Int($0) })
        }
        // Slash or dot separated, with 00 / dd / mm placeholders: 25/03/1973, 00/00/1980, dd/mm/1980.
        if let m = s.wholeMatch(of: /(\d{1,2}|dd|mm|00)[\/.](\d{1,2}|dd|mm|00)[\/.](\d{4})/) {
            let a = Int(m.1), b = Int(m.2)
            let (day, month) = slashOrder == .dayFirst ? (a, b) : (b, a)
            return validated(year: Int(m.3), month: month, day: day)
        }
        // 03/1973 (month and year).
        if let m = s.wholeMatch(of: /(\d{1,2}|mm|00)[\/.](\d{4})/) {
            return validated(year: Int(m.2), month: Int(m.1), day: nil)
        }
        // 1973/03/25
        if let m = s.wholeMatch(of: /(\d{4})[\/.](\d{1,2})[\/.](\d{1,2})/) {
            return validated(year: Int(m.1), month: Int(m.2), day: Int(m.3))
        }
        // 10 Oct 1957, 10 October 1957, Oct 1957, October 10, 1957.
        if let m = s.wholeMatch(of: /(?:(\d{1,2})\s+)?([a-z]+)\.?,?\s+(?:(\d{1,2}),?\s+)?(\d{4})/),
           let month = monthNames[String(m.2)] {
            let day = m.1.flatMap { Int($0) } ?? m.3.flatMap { Int($0) }
            return validated(year: Int(m.4), month: month, day: day)
        }
        return nil
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
