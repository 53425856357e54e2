import RedFlagCore

/// A byte-level reader for the date shapes that make up nearly all list dates (`1963`,
/// `1957-10-10`, `1973-03-25T00:00:00`, `10 Oct 1957`, `Oct 1957`, `circa 1955`, `1970 to 1975`),
/// producing exactly what `PartialDate.parse` produces for them. It also reads XML Schema dates
/// with a time-zone offset (`2015-04-07-04:00`, the UN's `LISTED_ON`), which `PartialDate.parse`
/// rejects. Anything else returns nil and is left to `PartialDate.parse`.
enum FastDate {
    private static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
        "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    static func parse(_ raw: String) -> PartialDate? {
        var tokens = raw.utf8.split(separator: 0x20).map { Substring($0) }
        guard !tokens.isEmpty, tokens.count <= 8 else { return nil }
        var approximate = false
        if tokens[0].lowercased() == "circa" {
            approximate = true
            tokens.removeFirst()
        }
        if let i = tokens.firstIndex(where: { $0.lowercased() == "to" }) {
            guard let a = single(tokens[..<i]), let b = single(tokens[(i + 1)...]) else { return nil }
            return PartialDate(from: a, to: b, approximate: approximate, raw: raw)
        }
        guard let p = single(tokens[...]) else { return nil }
        return PartialDate(from: p, approximate: approximate, raw: raw)
    }

    private static func single(_ t: ArraySlice<Substring>) -> PartialDate.Parts? {
        switch t.count {
        case 1:
            let s = t[t.startIndex]
            if s.utf8.count == 4 { return validated(year: number(s), month: nil, day: nil) }
            // yyyy-mm-dd, optionally followed by a time.
            let u = Array(s.utf8)
            // After the day: nothing, a time (`T…`) or a zone (`Z`, `+hh:mm`, `-hh:mm`).
            guard u.count >= 10, u[4] == 0x2D, u[7] == 0x2D,
                  u.count == 10 || u[10] == 0x54 || u[10] == 0x5A || u[10] == 0x2B || (u[10] == 0x2D && u.count == 16) else { return nil }
            return validated(year: number(u[0..<4]), month: number(u[5..<7]), day: number(u[8..<10]))
        case 2:
            guard let m = months[t[t.startIndex].lowercased()] else { return nil }
            return validated(year: number(t[t.startIndex + 1]), month: m, day: nil)
        case 3:
            guard let d = number(t[t.startIndex]), t[t.startIndex].utf8.count <= 2,
                  let m = months[t[t.startIndex + 1].lowercased()] else { return nil }
            return validated(year: number(t[t.startIndex + 2]), month: m, day: d)
        default:
            return nil
        }
    }

    private static func number<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
        guard !bytes.isEmpty else { return nil }
        var v = 0
        for b in bytes {
            guard b >= 0x30, b <= 0x39 else { return nil }
            v = v * 10 + Int(b - 0x30)
        }
        return v
    }

    private static func number(_ s: Substring) -> Int? { number(s.utf8) }

    /// The same bounds as `PartialDate.parse`: a year 1000…2200, month 1…12, day 1…31, 0 = unknown.
    private static func validated(year: Int?, month: Int?, day: Int?) -> PartialDate.Parts? {
        guard let year, (1000...2200).contains(year) else { return nil }
        let month = month == 0 ? nil : month
        let day = day == 0 ? nil : day
        if let month, !(1...12).contains(month) { return nil }
        if let day, !(1...31).contains(day) { return nil }
        return PartialDate.Parts(year: year, month: month, day: month == nil ? nil : day)
    }
}
