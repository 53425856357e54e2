import Foundation
import GRDB
import RedFlagCore
import RedFlagKit
import RedFlagLists

/// The allow-list database (`allowlist.sqlite` in the data directory): adjudicated false positives
/// with who added them, when and why. Every write is one transaction.
public final class AllowListStore: AllowListStoring, Sendable {
    public let url: URL
    private let queue: DatabaseQueue

    /// Opens (creating when needed) the allow-list at `url`.
    public init(url: URL) throws {
        self.url = url
        // WAL and a busy timeout like every redflag file: desks adding rules while a batch
        // reads them wait for each other instead of failing with "database is locked".
        queue = try JournaledDatabase.open(url: url, migrator: Self.migrator, failure: "cannot open the allow-list database")
    }

    /// Opens the allow-list of a data directory.
    public convenience init(dataDirectory: DataDirectory) throws {
        try self.init(url: dataDirectory.allowListDatabase)
    }


    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "allow_rule") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("query", .text).notNull()
                t.column("query_key", .text).notNull()
                t.column("country", .text)
                t.column("entry_id", .text).notNull()
                t.column("entry_name", .text).notNull()
                t.column("entry_fingerprint", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("by", .text).notNull()
                t.column("at", .text).notNull()
            }
            try db.create(index: "allow_rule_key", on: "allow_rule", columns: ["query_key", "entry_id"])
        }
        // Additive: the entry as adjudicated (canonical JSON), so a lapse can say which fields
        // changed, and the lapsed rule a renewal re-adjudicated. Older rows keep NULL in both.
        migrator.registerMigration("v2-entry-and-renewal") { db in
            try db.alter(table: "allow_rule") { t in
                t.add(column: "entry_json", .text)
                t.add(column: "renews", .integer)
            }
        }
        return migrator
    }

    /// The rule an adjudication makes, checked (any backend stores exactly this): refuses an
    /// empty query, reason or adjudicator and a country that is not an ISO alpha-2 code.
    static func draft(query: String, country: String?, entry: ListEntry, reason: String, by: String,
                      now: Date, renews: Int64?) throws -> AllowListRule {
        let trimmedQuery = TextFolding.collapseWhitespace(query)
        let key = AllowListRule.key(trimmedQuery)
        guard !key.isEmpty else { throw RedFlagError.usage("allow add: --query must contain letters or digits") }
        let reasonText = TextFolding.collapseWhitespace(reason)
        guard !reasonText.isEmpty else { throw RedFlagError.usage("allow add: --reason must say why this is a false positive") }
        let byText = TextFolding.collapseWhitespace(by)
        guard !byText.isEmpty else { throw RedFlagError.usage("allow add: --by must name who adjudicated it") }
        let countryCode = AllowListRule.countryKey(country)
        if let countryCode, countryCode.count != 2 || !countryCode.allSatisfy({ $0.isASCII && $0.isLetter }) {
            throw RedFlagError.usage("allow add: --country must be an ISO 3166-1 alpha-2 code (got '\(country ?? "")')")
        }
        let fingerprint: String
        do { fingerprint = try EntryFingerprint.sha256(of: entry) } catch {
            throw RedFlagError.badData(path: entry.id, location: nil, message: "cannot encode the entry: \(error)")
        }
        return AllowListRule(id: 0, query: trimmedQuery, country: countryCode, entryID: entry.id, entryName: entry.name,
                                 entryFingerprint: fingerprint, reason: reasonText, by: byText,
                                 at: AllowListStore.timestamp(now), renews: renews, adjudicatedEntry: entry)
    }

    /// Records an adjudication of `entry` (as it is now) for the query `query` in `country`.
    /// Refuses an empty query, reason or adjudicator, and an exact duplicate of a live rule.
    @discardableResult
    public func add(query: String, country: String?, entry: ListEntry, reason: String, by: String,
                    now: Date, renews: Int64?) throws -> AllowListRule {
        var rule = try Self.draft(query: query, country: country, entry: entry, reason: reason, by: by, now: now, renews: renews)
        let key = rule.queryKey, countryCode = rule.country, fingerprint = rule.entryFingerprint, trimmedQuery = rule.query
        try write { db in
            let existing = try Row.fetchOne(db, sql: """
                SELECT id FROM allow_rule WHERE query_key = ? AND entry_id = ? AND country IS ? AND entry_fingerprint = ?
                """, arguments: [key, entry.id, countryCode, fingerprint])
            if let existing, let id: Int64 = existing["id"] {
                throw RedFlagError.usage("allow add: rule \(id) already allow-lists '\(trimmedQuery)' against \(entry.id)")
            }
            try db.execute(sql: """
                INSERT INTO allow_rule (query, query_key, country, entry_id, entry_name, entry_fingerprint, reason, by, at,
                                        entry_json, renews)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [rule.query, rule.queryKey, rule.country, rule.entryID, rule.entryName,
                                 rule.entryFingerprint, rule.reason, rule.by, rule.at,
                                 String(decoding: entry.canonicalJSON, as: UTF8.self), renews])
            rule.id = db.lastInsertedRowID
        }
        return rule
    }

    /// Every rule, oldest first.
    public func rules() throws -> [AllowListRule] {
        do {
            return try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM allow_rule ORDER BY id").map(Self.rule(from:))
            }
        } catch {
            throw RedFlagError.unreadable(path: url.path, reason: "\(error)")
        }
    }

    /// Deletes a rule; returns it, or throws `usage` when there is no such rule.
    @discardableResult
    public func remove(id: Int64) throws -> AllowListRule {
        var removed: AllowListRule?
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM allow_rule WHERE id = ?", arguments: [id]) else { return }
            removed = Self.rule(from: row)
            try db.execute(sql: "DELETE FROM allow_rule WHERE id = ?", arguments: [id])
        }
        guard let removed else { throw RedFlagError.usage("allow remove: no allow-list rule \(id) (see `redflag allow list`)") }
        return removed
    }

    private func write(_ body: (Database) throws -> Void) throws {
        do {
            try queue.write { db in try body(db) }
        } catch let error as RedFlagError {
            throw error
        } catch {
            throw RedFlagError.cannotWrite(path: url.path, reason: "\(error)")
        }
    }

    private static func rule(from row: Row) -> AllowListRule {
        let json: String? = row["entry_json"]
        return AllowListRule(id: row["id"], query: row["query"], country: row["country"], entryID: row["entry_id"],
                             entryName: row["entry_name"], entryFingerprint: row["entry_fingerprint"], reason: row["reason"],
                             by: row["by"], at: row["at"], renews: row["renews"],
                             adjudicatedEntry: json.flatMap { try? JSONDecoder().decode(ListEntry.self, from: Data($0.utf8)) })
    }

    /// ISO 8601 UTC with seconds: the form every stored time takes.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
