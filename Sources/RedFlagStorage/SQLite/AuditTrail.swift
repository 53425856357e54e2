import Foundation
import GRDB
import RedFlagCore
import RedFlagKit
import RedFlagRules

/// The audit trail (`audit.sqlite` in the data directory): every screen, check and rescreen run
/// with who, when, what input, which list snapshots and configuration, the counts per decision and
/// every HOLD/STOP result.
///
/// Records are stored compactly and chained (since migration v2): one `result_block` row per
/// output chunk, packed and compressed (`AuditRecordPacker`), with each record's link of the
/// run's hash chain (`AuditChain`); the run row carries the seal once the run ends. Runs recorded
/// before keep their one-row-per-result form (`record_format` 1) and read as before.
///
/// Retention: US export records must be kept five years (15 CFR 762.6), so nothing here is ever
/// deleted except by `purge(olderThan:confirmed:)`, which refuses any cut-off younger than five
/// years and is itself recorded. Every write is one SQLite transaction (WAL journal): a crash
/// leaves the database consistent and the crashed run marked `incomplete`.
public final class AuditTrail: AuditStoring, Sendable {
    public let url: URL
    let queue: DatabaseQueue

    /// Five years in the sense of 15 CFR 762.6 (counted in calendar years from a record's date).
    public static let retentionYears = AuditRetention.years

    /// Opens (creating when needed) the audit trail at `url`.
    public init(url: URL) throws {
        self.url = url
        // A power cut may lose the last commits (see JournaledDatabase); the run then still
        // reads as incomplete.
        queue = try JournaledDatabase.open(url: url, migrator: Self.migrator, failure: "cannot open the audit database")
    }

    public convenience init(dataDirectory: DataDirectory) throws {
        try self.init(url: dataDirectory.auditDatabase)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("command", .text).notNull()
                t.column("status", .text).notNull()
                t.column("started_at", .text).notNull()
                t.column("finished_at", .text)
                t.column("user", .text).notNull()
                t.column("arguments", .text).notNull()
                t.column("working_directory", .text).notNull()
                t.column("input", .text)
                t.column("input_sha256", .text)
                t.column("lists", .text).notNull()
                t.column("configuration", .text).notNull()
                t.column("clear", .integer).notNull().defaults(to: 0)
                t.column("hold", .integer).notNull().defaults(to: 0)
                t.column("stop", .integer).notNull().defaults(to: 0)
                t.column("errors", .integer).notNull().defaults(to: 0)
                t.column("exit_code", .integer)
            }
            try db.create(index: "run_started", on: "run", columns: ["started_at"])
            try db.create(table: "result") { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                t.column("record_index", .integer).notNull()
                t.column("decision", .text).notNull()
                t.column("json", .text).notNull()
                t.primaryKey(["run_id", "record_index"])
            }
            try db.create(table: "purge") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .text).notNull()
                t.column("user", .text).notNull()
                t.column("older_than", .text).notNull()
                t.column("runs_deleted", .integer).notNull()
                t.column("results_deleted", .integer).notNull()
            }
        }
        migrator.registerMigration("v2") { db in
            // 1: one `result` row of JSON text per record (runs recorded before v2); 2: compact chained blocks.
            try db.alter(table: "run") { t in
                t.add(column: "record_format", .integer).notNull().defaults(to: 1)
                t.add(column: "seal", .text)
            }
            try db.create(table: "result_block") { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                t.column("block", .integer).notNull()
                t.column("first_index", .integer).notNull()
                t.column("records", .integer).notNull()
                t.column("data", .blob).notNull()
                t.column("links", .blob).notNull()
                t.primaryKey(["run_id", "block"])
            }
        }
        return migrator
    }

    /// Inserts the run as `incomplete` (committed at once, so a crash leaves that trace) and
    /// returns the handle the batch loop records into. Hashes a named input file in the
    /// background when its hash is not given; `finish` waits for it.
    public func beginRun(_ info: AuditRunInfo, now: Date = Date()) throws -> any AuditRunRecording {
        let lists = info.snapshots.map {
            AuditListRef(source: $0.source.rawValue, sha256: $0.sha256, published: $0.publicationDate, files: $0.files)
        }
        var runID: Int64 = 0
        let startedAt = AuditTrail.timestamp(now)
        let arguments = AuditRunInfo.json(info.arguments)
        let listsJSON = AuditRunInfo.json(lists)
        try write { db in
            try db.execute(sql: """
                INSERT INTO run (command, status, started_at, user, arguments, working_directory, input, input_sha256,
                                 lists, configuration, record_format)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2)
                """, arguments: [info.command, AuditRunStatus.incomplete.rawValue, startedAt, info.user,
                                 arguments, info.workingDirectory, info.inputPath, info.inputSHA256,
                                 listsJSON, info.configurationJSON])
            runID = db.lastInsertedRowID
        }
        let header = AuditChainedRun.header(command: info.command, startedAt: startedAt, user: info.user, arguments: arguments,
                                            workingDirectory: info.workingDirectory, input: info.inputPath, lists: listsJSON,
                                            configuration: info.configurationJSON)
        var hashing: InputHasher?
        if info.inputSHA256 == nil, let path = info.inputPath, path != "-" {
            hashing = InputHasher(url: URL(fileURLWithPath: path))
        }
        return AuditRun(trail: self, id: runID, hasher: hashing, inputSHA256: info.inputSHA256,
                        seed: AuditChain.seed(runID: runID, header: header))
    }

    /// Runs, oldest first; only those started at or after `since` when given.
    public func runs(since: Date? = nil) throws -> [AuditRunRecord] {
        try read { db in
            let rows: [Row]
            if let since {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM run WHERE started_at >= ? ORDER BY id",
                                        arguments: [AuditTrail.timestamp(since)])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY id")
            }
            return rows.map(Self.run(from:))
        }
    }

    /// One run by id.
    public func run(id: Int64) throws -> AuditRunRecord? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ?", arguments: [id]).map(Self.run(from:)) }
    }

    /// The HOLD/STOP results of a run, in input order, exactly as they were written.
    public func results(runID: Int64) throws -> [AuditResultRecord] {
        let (legacy, blocks) = try read { db in
            let legacy = try Row.fetchAll(db, sql: "SELECT * FROM result WHERE run_id = ? ORDER BY record_index", arguments: [runID]).map { row in
                AuditResultRecord(runID: row["run_id"], index: row["record_index"],
                                  decision: Decision(rawValue: row["decision"]) ?? .hold, json: row["json"])
            }
            return (legacy, try Self.blocks(db, runID: runID))
        }
        let packed = try AuditBlockReader.records(runID: runID, blocks: blocks)
        return legacy.isEmpty ? packed : (legacy + packed).sorted { $0.index < $1.index }
    }

    /// A run's blocks in order.
    static func blocks(_ db: Database, runID: Int64) throws -> [AuditStoredBlock] {
        try Row.fetchAll(db, sql: "SELECT block, first_index, records, data, links FROM result_block WHERE run_id = ? ORDER BY block",
                         arguments: [runID]).map { row in
            AuditStoredBlock(number: row["block"], firstIndex: row["first_index"], records: row["records"],
                             data: [UInt8](row["data"] as Data), links: [UInt8](row["links"] as Data))
        }
    }

    /// Checks every run against its hash chain and seal, oldest first.
    public func verify() throws -> [AuditRunVerification] {
        let runIDs = try read { db in try Int64.fetchAll(db, sql: "SELECT id FROM run ORDER BY id") }
        // One run at a time: a five-year trail does not fit in memory at once.
        return try runIDs.compactMap { id in
            try read { db -> AuditRunVerification? in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ?", arguments: [id]) else { return nil }
                let record = Self.run(from: row)
                guard (row["record_format"] as Int64?) == 2 else {
                    let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM result WHERE run_id = ?", arguments: [id]) ?? 0
                    return AuditRunVerification(runID: id, outcome: .unchained, recordsVerified: 0,
                                                detail: "recorded before the hash chain (\(count) records, not checkable)")
                }
                let chained = AuditChainedRun(
                    id: id,
                    header: AuditChainedRun.header(command: row["command"], startedAt: row["started_at"], user: row["user"],
                                                   arguments: row["arguments"], workingDirectory: row["working_directory"],
                                                   input: row["input"], lists: row["lists"], configuration: row["configuration"]),
                    status: AuditRunStatus(rawValue: row["status"]) ?? .incomplete,
                    sealFields: AuditChainedRun.sealFields(status: AuditRunStatus(rawValue: row["status"]) ?? .incomplete,
                                                           finishedAt: record.finishedAt, counts: record.counts,
                                                           exitCode: record.exitCode, inputSHA256: record.inputSHA256),
                    seal: record.seal)
                return AuditBlockReader.verify(chained, blocks: try Self.blocks(db, runID: id))
            }
        }
    }

    /// The start time of the last run of `command` that completed, nil when there is none
    /// (rescreen starts from there).
    public func lastCompletedRunStart(command: String) throws -> Date? {
        let text: String? = try read { db in
            try String.fetchOne(db, sql: "SELECT started_at FROM run WHERE command = ? AND status = ? ORDER BY id DESC LIMIT 1",
                                arguments: [command, AuditRunStatus.complete.rawValue])
        }
        return text.flatMap(AuditTrail.date(fromTimestamp:))
    }

    /// The last run of `command` that completed, nil when there is none.
    public func lastCompletedRun(command: String) throws -> AuditRunRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM run WHERE command = ? AND status = ? ORDER BY id DESC LIMIT 1",
                             arguments: [command, AuditRunStatus.complete.rawValue]).map(Self.run(from:))
        }
    }

    /// Deletes runs (and their results) started before `cutoff`. Refuses unless `confirmed` and
    /// the cut-off lies at least five years before `now` (15 CFR 762.6); records the purge.
    /// Returns the number of runs and results deleted.
    public func purge(olderThan cutoff: Date, confirmed: Bool, user: String = AuditRunInfo.currentUser(),
                      now: Date = Date()) throws -> (runs: Int, results: Int) {
        try AuditTrail.validatePurge(olderThan: cutoff, confirmed: confirmed, now: now)
        var counts = (runs: 0, results: 0)
        try write { db in
            let stamp = AuditTrail.timestamp(cutoff)
            counts.results = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM result WHERE run_id IN (SELECT id FROM run WHERE started_at < ?)
                """, arguments: [stamp]) ?? 0
            counts.results += try Int.fetchOne(db, sql: """
                SELECT COALESCE(SUM(records), 0) FROM result_block WHERE run_id IN (SELECT id FROM run WHERE started_at < ?)
                """, arguments: [stamp]) ?? 0
            try db.execute(sql: "DELETE FROM result WHERE run_id IN (SELECT id FROM run WHERE started_at < ?)", arguments: [stamp])
            try db.execute(sql: "DELETE FROM result_block WHERE run_id IN (SELECT id FROM run WHERE started_at < ?)", arguments: [stamp])
            try db.execute(sql: "DELETE FROM run WHERE started_at < ?", arguments: [stamp])
            counts.runs = db.changesCount
            try db.execute(sql: "INSERT INTO purge (at, user, older_than, runs_deleted, results_deleted) VALUES (?, ?, ?, ?, ?)",
                           arguments: [AuditTrail.timestamp(now), user, stamp, counts.runs, counts.results])
        }
        return counts
    }

    /// Throws `usage` unless the purge is confirmed and `cutoff` lies five years or more before `now`.
    public static func validatePurge(olderThan cutoff: Date, confirmed: Bool, now: Date = Date()) throws {
        try AuditRetention.validatePurge(olderThan: cutoff, confirmed: confirmed, now: now)
    }

    func write(_ body: (Database) throws -> Void) throws {
        do {
            try queue.write { db in try body(db) }
        } catch let error as RedFlagError {
            throw error
        } catch {
            throw RedFlagError.cannotWrite(path: url.path, reason: "\(error)")
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read { db in try body(db) }
        } catch {
            throw RedFlagError.unreadable(path: url.path, reason: "\(error)")
        }
    }

    private static func run(from row: Row) -> AuditRunRecord {
        let decoder = JSONDecoder()
        let arguments = (try? decoder.decode([String].self, from: Data((row["arguments"] as String).utf8))) ?? []
        let lists = (try? decoder.decode([AuditListRef].self, from: Data((row["lists"] as String).utf8))) ?? []
        let exit: Int64? = row["exit_code"]
        return AuditRunRecord(
            id: row["id"], command: row["command"], status: AuditRunStatus(rawValue: row["status"]) ?? .incomplete,
            startedAt: row["started_at"], finishedAt: row["finished_at"], user: row["user"], arguments: arguments,
            workingDirectory: row["working_directory"], input: row["input"], inputSHA256: row["input_sha256"], lists: lists,
            configuration: row["configuration"],
            counts: DecisionCounts(clear: row["clear"], hold: row["hold"], stop: row["stop"], errors: row["errors"]),
            exitCode: exit.map { Int32(truncatingIfNeeded: $0) }, seal: row["seal"])
    }

    /// ISO 8601 UTC with milliseconds (sorts as text in time order).
    public static func timestamp(_ date: Date) -> String { AuditTimestamp.string(date) }

    static func date(fromTimestamp text: String) -> Date? { AuditTimestamp.date(text) }

    /// Parses `--since`: `yyyy-mm-dd` (midnight UTC) or a full ISO 8601 timestamp.
    public static func parseDate(_ text: String) throws -> Date { try AuditTimestamp.parse(text) }
}
