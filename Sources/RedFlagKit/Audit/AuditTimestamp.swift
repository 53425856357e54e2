import Foundation
import RedFlagCore

/// The one form every audit time takes: ISO 8601 UTC with milliseconds (sorts as text in time
/// order), and the dates the audit commands accept.
public enum AuditTimestamp {
    /// ISO 8601 UTC with milliseconds.
    public static func string(_ date: Date) -> String {
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
