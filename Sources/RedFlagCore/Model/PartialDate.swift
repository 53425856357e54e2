/// A date as sanctions lists publish it: often only a year, sometimes "circa", sometimes a range,
/// sometimes unparseable. Never collapsed into a single `Date`, which would invent precision.
public struct PartialDate: Codable, Hashable, Sendable, CustomStringConvertible {
    /// Year, month and day, each optional.
    public struct Parts: Codable, Hashable, Sendable {
        public var year: Int?
        public var month: Int?
        public var day: Int?
        public init(year: Int? = nil, month: Int? = nil, day: Int? = nil) {
            self.year = year
            self.month = month
            self.day = day
        }
        public var isEmpty: Bool { year == nil && month == nil && day == nil }
        /// `1973`, `1973-03`, `1973-03-25`, `--03-25` (month and day without a year).
        public var iso: String {
            func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            var s = year.map { String($0) } ?? "-"
            if let month { s += "-" + pad(month) } else if day != nil { s += "-" }
            if let day { s += "-" + pad(day) }
            return s
        }
    }

    /// The date, or the start of the range.
    public var from: Parts
    /// The end of a range (`1970 to 1975`, UN FROM_YEAR/TO_YEAR, EU yearRangeFrom/To).
    public var to: Parts?
    /// "circa", "approximately", "about".
    public var approximate: Bool
    /// The text as the list wrote it.
    public var raw: String
    /// False when the raw text could not be read as a date at all (kept, and counted as a warning).
    public var isValid: Bool

    public init(from: Parts, to: Parts? = nil, approximate: Bool = false, raw: String, isValid: Bool = true) {
        self.from = from
        self.to = to
        self.approximate = approximate
        self.raw = raw
        self.isValid = isValid
    }

    public init(year: Int?, month: Int? = nil, day: Int? = nil, approximate: Bool = false, raw: String? = nil) {
        let parts = Parts(year: year, month: month, day: day)
        self.init(from: parts, approximate: approximate, raw: raw ?? parts.iso)
    }

    /// An unparseable value, kept as it was.
    public static func invalid(_ raw: String) -> PartialDate {
        PartialDate(from: Parts(), raw: raw, isValid: false)
    }

    /// `1973-03-25`, `circa 1955`, `1970/1975`, or the raw text when invalid.
    public var description: String {
        guard isValid else { return raw }
        var s = from.iso
        if let to { s += "/" + to.iso }
        return approximate ? "circa " + s : s
    }

    /// The inclusive span of years this date may denote (widened by `slack` years when approximate).
    public func yearSpan(approximateSlack slack: Int = 2) -> ClosedRange<Int>? {
        guard isValid, let y = from.year else { return nil }
        let end = to?.year ?? y
        let lo = min(y, end), hi = max(y, end)
        return approximate ? (lo - slack)...(hi + slack) : lo...hi
    }
}
