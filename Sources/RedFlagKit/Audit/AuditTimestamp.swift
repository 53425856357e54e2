import Foundation
import RedFlagCore

/// The one form every audit time takes: ISO 8601 UTC with milliseconds (sorts as text in time
/// order), and the dates the audit commands accept.
public enum AuditTimestamp {
    /// ISO 8601 UTC with milliseconds (`2026-12-04T05:03:22.123Z`).
    ///
    /// Written by hand for the years 1970–9999, because every run stamps its start and a fresh
    /// process's first `ISO8601DateFormatter` loads ICU's calendar and time-zone data: about 1.5 ms
    /// of a one-name screen. The digits are those of `ISO8601DateFormatter` (the proleptic
    /// Gregorian calendar, milliseconds rounded to nearest from the seconds since 2001, which is
    /// how `Date` stores them); outside those years, where the formatter switches to the Julian
    /// calendar, the formatter itself writes them.
    public static func string(_ date: Date) -> String {
        let sinceReference = date.timeIntervalSinceReferenceDate
        guard sinceReference >= -978_307_200, sinceReference < 252_423_993_599 else { return formatted(date) }
        var seconds = sinceReference.rounded(.down)
        var milliseconds = Int(((sinceReference - seconds) * 1000).rounded(.toNearestOrEven))
        if milliseconds == 1000 {
            milliseconds = 0
            seconds += 1
        }
        let sinceEpoch = Int(seconds) + 978_307_200
        let day = sinceEpoch / 86_400, second = sinceEpoch % 86_400
        let (year, month, dayOfMonth) = CivilDate.fromDays(day)
        var bytes = [UInt8](repeating: 0, count: 24)
        func put(_ value: Int, at start: Int, digits: Int) {
            var v = value
            for i in stride(from: start + digits - 1, through: start, by: -1) {
                bytes[i] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            }
        }
        put(year, at: 0, digits: 4); bytes[4] = UInt8(ascii: "-")
        put(month, at: 5, digits: 2); bytes[7] = UInt8(ascii: "-")
        put(dayOfMonth, at: 8, digits: 2); bytes[10] = UInt8(ascii: "T")
        put(second / 3600, at: 11, digits: 2); bytes[13] = UInt8(ascii: ":")
        put(second / 60 % 60, at: 14, digits: 2); bytes[16] = UInt8(ascii: ":")
        put(second % 60, at: 17, digits: 2); bytes[19] = UInt8(ascii: ".")
        put(milliseconds, at: 20, digits: 3); bytes[23] = UInt8(ascii: "Z")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The formatter's own rendering (dates `string` does not write by hand, and the tests).
    static func formatted(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// The date of a stored timestamp, nil when it is not one.
    public static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// Parses `--since`/`--older-than`: `yyyy-mm-dd` (midnight UTC) or a full ISO 8601 timestamp.
    public static func parse(_ text: String) throws -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withFullDate]
        if text.count == 10, let day = formatter.date(from: text) { return day }
        formatter.formatOptions = [.withInternetDateTime]
        if let time = formatter.date(from: text) { return time }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let time = formatter.date(from: text) { return time }
        throw RedFlagError.usage("'\(text)' is not a date: use yyyy-mm-dd or an ISO 8601 time like 2026-01-31T18:00:00Z")
    }
}

/// 15 CFR 762.6: export records are kept five years; purges are checked here whatever the backend.
public enum AuditRetention {
    /// Five years, counted in calendar years from a record's date.
    public static let years = 5

    /// The latest cut-off a purge may use: five calendar years before `now`.
    public static func limit(now: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(byAdding: .year, value: -years, to: now) ?? now
    }

    /// Throws `usage` unless the purge is confirmed and `cutoff` lies five years or more before `now`.
    public static func validatePurge(olderThan cutoff: Date, confirmed: Bool, now: Date = Date()) throws {
        let limit = limit(now: now)
        guard cutoff <= limit else {
            throw RedFlagError.usage("audit purge: --older-than \(AuditTimestamp.string(cutoff)) is within the five-year "
                + "retention period of 15 CFR 762.6; the latest allowed cut-off is \(AuditTimestamp.string(limit))")
        }
        guard confirmed else {
            throw RedFlagError.usage("audit purge: deleting audit records needs --confirm (15 CFR 762 requires keeping them five years)")
        }
    }
}
