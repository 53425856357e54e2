/// A civil date (no time zone), as order exports and rule effective dates carry them.
///
/// Kept as a day number so "12 months before", "24 months old" and date order are plain integer
/// arithmetic, and printed back as ISO 8601.
public struct CalendarDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `yyyy-mm-dd` (also `yyyy/mm/dd`); a bare `yyyy` gives 1 January of that year and
    /// `yyyy-mm` the first of the month (incorporation dates are often only a year). Nil when the
    /// text is no valid date.
    public init?(iso text: String) {
        // Byte-level: this runs several times per order line (order, delivery, incorporation
        // dates and every history row), and Foundation's trimming and splitting dominated a check.
        var text = text
        let parsed: (Int, Int, Int)? = text.withUTF8 { bytes in
            var lo = 0, hi = bytes.count
            while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
            while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
            // Up to three runs of ASCII digits separated by '-' or '/' (empty runs skipped, as split does).
            var fields: [Int] = [], lengths: [Int] = []
            var value = 0, length = 0
            for i in lo..<hi {
                let b = bytes[i]
                if b == UInt8(ascii: "-") || b == UInt8(ascii: "/") {
                    if length > 0 { fields.append(value); lengths.append(length) }
                    value = 0; length = 0
                } else if b >= 0x30 && b <= 0x39 {
                    guard length < 9 else { return nil }
                    value = value * 10 + Int(b - 0x30); length += 1
                } else {
                    return nil
                }
            }
            if length > 0 { fields.append(value); lengths.append(length) }
            guard (1...3).contains(fields.count), lengths[0] == 4 else { return nil }
            return (fields[0], fields.count > 1 ? fields[1] : 1, fields.count > 2 ? fields[2] : 1)
        }
        guard let (y, m, d) = parsed, (1...12).contains(m), d >= 1, d <= CalendarDay.daysIn(month: m, year: y) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date `months` calendar months earlier (day clamped to the month's length).
    public func monthsEarlier(_ months: Int) -> CalendarDay {
        let total = year * 12 + (month - 1) - months
        let y = total / 12, m = total % 12 + 1
        return CalendarDay(year: y, month: m, day: min(day, CalendarDay.daysIn(month: m, year: y)))
    }

    public var description: String {
        func pad(_ v: Int, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(v).count)) + String(v) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.dayNumber < b.dayNumber }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let d = CalendarDay(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
