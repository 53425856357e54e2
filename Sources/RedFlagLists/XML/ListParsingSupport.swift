import Foundation
import RedFlagCore

/// Shared by the XML list parsers: country and date reading that keeps the record and the raw value
/// when something cannot be resolved, and counts the problem in `ParseWarnings`.
struct ListParsingSupport {
    /// Warning kinds, shared so reports group the same problem from different lists together.
    enum Kind {
        static let unknownCountry = "unknown country"
        static let unparseableDate = "unparseable date"
        static let danglingReference = "dangling reference"
        static let missingName = "missing name"
        static let unknownType = "unknown party type"
    }

    var warnings = ParseWarnings()
    let table: CountryTable

    init(table: CountryTable = .shared) { self.table = table }

    /// A country reference for `raw`; an unknown name keeps the raw text and is counted.
    /// Lookups are memoised: a list names the same few hundred countries tens of thousands of times.
    mutating func country(_ raw: String, record: String, field: String) -> CountryRef {
        let code: String?
        if let cached = countryCodes[raw] {
            code = cached
        } else {
            code = table.code(for: raw)
            countryCodes[raw] = .some(code)
        }
        let ref = CountryRef(code: code, raw: raw)
        if ref.code == nil { warnings.add(Kind.unknownCountry, record: record, field: field, value: raw) }
        return ref
    }

    /// ISO code for `raw` or nil; an unknown name is counted (the caller keeps the raw text).
    mutating func countryCode(_ raw: String?, record: String, field: String) -> String? {
        guard let raw, !raw.isEmpty else { return nil }
        return country(raw, record: record, field: field).code
    }

    /// A partial date for `raw`; an unreadable value is kept as an invalid date and counted.
    /// The common shapes are read by `FastDate`; the rest by `PartialDate.parse`, memoised
    /// because it compiles its regular expressions on every call (most of a parse's time otherwise).
    mutating func date(_ raw: String, slashOrder: PartialDate.SlashOrder = .dayFirst, record: String, field: String) -> PartialDate {
        let d: PartialDate
        if let fast = FastDate.parse(raw) {
            d = fast
        } else if let cached = slowDates[raw], slashOrder == .dayFirst {
            d = cached
        } else {
            d = PartialDate.parse(raw, slashOrder: slashOrder)
            if slashOrder == .dayFirst { slowDates[raw] = d }
        }
        if !d.isValid { warnings.add(Kind.unparseableDate, record: record, field: field, value: raw) }
        return d
    }

    private var slowDates: [String: PartialDate] = [:]
    private var countryCodes: [String: String?] = [:]

    /// `FastDate` when it applies, else `PartialDate.parse` (no warning counted).
    static func parseDate(_ raw: String) -> PartialDate { FastDate.parse(raw) ?? PartialDate.parse(raw) }

    /// Starts hashing `url` on another thread, so the SHA-256 (a fifth of a parse's time on one
    /// core) overlaps the parsing. `finish` waits for it.
    mutating func startHashing(_ url: URL) {
        hash = BackgroundValue { try SHA256.hex(ofFile: url) }
    }

    private var hash: BackgroundValue<String>?

    /// `ParsedList` with the file's hash and this parse's warnings.
    func finish(url: URL, source: ListSource, format: ListFormat, entries: [ListEntry], publicationDate: String?) throws -> ParsedList {
        let sha = try hash?.wait() ?? SHA256.hex(ofFile: url)
        return ParsedList(source: source, format: format, entries: entries, publicationDate: publicationDate,
                          files: [url], sha256: sha, warnings: warnings)
    }
}

extension String {
    /// Trimmed, with runs of whitespace (including newlines inside list values) collapsed to one space.
    var collapsedWhitespace: String {
        // Fast path: plain ASCII with single inner spaces needs no work (nearly every value).
        var previousSpace = true
        for b in utf8 {
            if b >= 0x80 || b == 0x0A || b == 0x0D || b == 0x09 { return TextFolding.collapseWhitespace(self) }
            if b == 0x20 {
                if previousSpace { return TextFolding.collapseWhitespace(self) }
                previousSpace = true
            } else {
                previousSpace = false
            }
        }
        return previousSpace && !isEmpty ? TextFolding.collapseWhitespace(self) : self
    }
}

extension ListParsingSupport {
    /// A date given as a window (OFAC Enhanced `valueDate`, Advanced `DatePeriod`): from the earliest
    /// possible day to the latest. A window covering exactly one day, month or year is that partial
    /// date; a wider one is a range.
    static func dateWindow(begin: PartialDate.Parts, end: PartialDate.Parts?, approximate: Bool, raw: String? = nil) -> PartialDate {
        var from = begin
        var to: PartialDate.Parts?
        if let end, end != begin {
            if end.year == begin.year, begin.month == 1, begin.day == 1, end.month == 12, end.day == 31 {
                from = .init(year: begin.year)
            } else if end.year == begin.year, end.month == begin.month, begin.day == 1, (end.day ?? 0) >= 28 {
                from = .init(year: begin.year, month: begin.month)
            } else if begin.month == 1, begin.day == 1, end.month == 12, end.day == 31 {
                from = .init(year: begin.year)
                to = .init(year: end.year)
            } else {
                to = end
            }
        }
        let date = PartialDate(from: from, to: to, approximate: approximate, raw: "")
        return PartialDate(from: from, to: to, approximate: approximate, raw: raw ?? date.description)
    }
}
