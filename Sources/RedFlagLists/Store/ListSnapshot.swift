import Foundation
import RedFlagCore

/// What one source's list was when it was loaded: the facts a screening result and the audit
/// trail cite so anyone can tell exactly which data a decision was made against.
public struct ListSnapshot: Codable, Hashable, Sendable {
    public var source: ListSource
    public var format: ListFormat
    /// SHA-256 (hex) of the file bytes (for a multi-file OFAC CSV set, of the files' hashes in order).
    public var sha256: String
    /// Publication date found inside the data (ISO `yyyy-mm-dd`), nil when the file carries none.
    public var publicationDate: String?
    /// Names of the files the list was read from (without folders: they are usually temporary).
    public var files: [String]
    public var recordCount: Int
    /// Primary names plus aliases.
    public var nameCount: Int
    /// Count per kind of problem found in records that were kept.
    public var warnings: [String: Int]
    /// When the list was imported into the store; nil for lists loaded directly with `--lists`.
    public var importedAt: Date?

    public init(source: ListSource, format: ListFormat, sha256: String, publicationDate: String?,
                files: [String], recordCount: Int, nameCount: Int, warnings: [String: Int], importedAt: Date?) {
        self.source = source
        self.format = format
        self.sha256 = sha256
        self.publicationDate = publicationDate
        self.files = files
        self.recordCount = recordCount
        self.nameCount = nameCount
        self.warnings = warnings
        self.importedAt = importedAt
    }

    /// The snapshot of a freshly parsed list.
    public init(parsed: ParsedList, importedAt: Date?) {
        self.init(source: parsed.source, format: parsed.format, sha256: parsed.sha256,
                  publicationDate: parsed.publicationDate, files: parsed.files.map(\.lastPathComponent),
                  recordCount: parsed.entries.count, nameCount: parsed.nameCount,
                  warnings: parsed.warnings.counts, importedAt: importedAt)
    }

    /// Total number of warnings.
    public var warningCount: Int { warnings.values.reduce(0, +) }

    /// `3 unknown country, 1 unparseable date`, or `none`.
    public var warningSummary: String {
        warnings.isEmpty ? "none" : warnings.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }

    /// The date the list's age is counted from: its publication date when the data carries one,
    /// else the import time (a list with neither has no age).
    public var referenceDate: Date? {
        if let publicationDate, let date = ListSnapshot.day(fromISO: publicationDate) { return date }
        return importedAt
    }

    /// Whole days between the reference date and `now`, nil when there is no reference date.
    public func ageInDays(now: Date = Date()) -> Int? {
        guard let reference = referenceDate else { return nil }
        return max(0, Int(now.timeIntervalSince(reference) / 86_400))
    }

    /// The maximum age, in days, past which every screening command warns that a list is stale
    /// and marks it `"stale": true` in its records (`--max-age-days`; 7 by default). Set once by
    /// the command before any record is written.
    nonisolated(unsafe) public static var staleAfterDays = 7

    /// True when the list is older than `staleAfterDays`.
    public var isStale: Bool { isStale(maxAgeDays: Self.staleAfterDays) }

    /// True when the list is older than `maxAgeDays` (see `ageInDays`).
    public func isStale(maxAgeDays: Int, now: Date = Date()) -> Bool {
        guard let age = ageInDays(now: now) else { return false }
        return age > maxAgeDays
    }

    /// Midnight UTC of an ISO `yyyy-mm-dd` day (a longer timestamp's first ten characters count).
    static func day(fromISO text: String) -> Date? {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }
}
