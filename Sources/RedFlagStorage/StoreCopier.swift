import Foundation
import GRDB
import PostgresNIO
import RedFlagCore
import RedFlagKit

/// `redflag store copy`: moves a desk's SQLite stores into the team's PostgreSQL database.
///
/// What is already there stays: an order id recorded by any desk is kept as it is; a party seen
/// by both adds its sightings (first seen the earlier, last seen the later); an allow-list rule
/// identical to one there (same name, country, entry and entry fingerprint) is not added twice;
/// an audit run keeps its records, chain and seal byte for byte (with the id its chain was made
/// with, and the desk's path) and is copied once however often the copy runs. One transaction per
/// store, so a failed copy leaves nothing half-copied.
public enum StoreCopier {
    public struct Report: Sendable, Equatable, Codable {
        public var orders = 0, ordersAlreadyThere = 0
        public var parties = 0
        public var rules = 0, rulesAlreadyThere = 0
        public var runs = 0, runsAlreadyThere = 0
    }

    static let batch = 5_000

    public static func copy(from directory: DataDirectory, to target: PostgresStores) throws -> Report {
        var report = Report()
        let session = try target.session()
        let source = directory.url.standardizedFileURL.path
        func open(_ url: URL) throws -> DatabaseQueue? {
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            var configuration = Configuration()
            configuration.readonly = true
            do { return try DatabaseQueue(path: url.path, configuration: configuration) } catch {
                throw RedFlagError.unreadable(path: url.path, reason: "\(error)")
            }
        }
        func sqlite<T>(_ url: URL, _ body: () throws -> T) throws -> T {
            do { return try body() } catch let error as RedFlagError { throw error } catch let error as DatabaseError {
                throw RedFlagError.unreadable(path: url.path, reason: "\(error)")
            }
        }
        if let history = try open(directory.historyDatabase) {
            let tables = try sqlite(directory.historyDatabase) { try history.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") } }
            if tables.contains("orders") {
                let rows = try sqlite(directory.historyDatabase) { try history.read { try Row.fetchAll($0, sql: "SELECT * FROM orders ORDER BY order_id") } }
                let added = try postgresWrite(session, "copying the order history") {
                    try session.transaction { s in
                        var added = 0
                        for start in stride(from: 0, to: rows.count, by: batch) {
                            let part = rows[start..<min(start + batch, rows.count)]
                            added += try s.query("""
                                INSERT INTO orders (order_id, customer_id, order_date, quantity, total_tpp, advanced, checked_at)
                                SELECT * FROM UNNEST(\(part.map { $0["order_id"] as String })::text[], \(part.map { $0["customer_id"] as String })::text[],
                                    \(part.map { $0["order_date"] as String })::text[], \(part.map { $0["quantity"] as Double })::float8[],
                                    \(part.map { $0["total_tpp"] as Double })::float8[], \(part.map { $0["advanced"] as Bool })::bool[],
                                    \(part.map { $0["checked_at"] as String })::text[])
                                ON CONFLICT (order_id) DO NOTHING RETURNING order_id
                                """).count
                        }
                        return added
                    }
                }
                report.orders = added
                report.ordersAlreadyThere = rows.count - added
            }
            if tables.contains("known_party") {
                let rows = try sqlite(directory.historyDatabase) { try history.read { try Row.fetchAll($0, sql: "SELECT * FROM known_party ORDER BY key") } }
                try postgresWrite(session, "copying the known parties") {
                    try session.transaction { s in
                        for start in stride(from: 0, to: rows.count, by: batch) {
                            let part = rows[start..<min(start + batch, rows.count)]
                            func text(_ column: String) -> [String] { part.map { ($0[column] as String?) ?? "" } }
                            func null(_ column: String) -> [Bool] { part.map { ($0[column] as String?) == nil } }
                            try s.query("""
                                INSERT INTO known_party (key, name, country, address, type, role, first_seen, last_seen, times_seen)
                                SELECT k, n, CASE WHEN cn THEN NULL ELSE c END, CASE WHEN an THEN NULL ELSE a END,
                                       CASE WHEN tn THEN NULL ELSE t END, CASE WHEN rn THEN NULL ELSE r END, f, l, ts
                                FROM UNNEST(\(text("key"))::text[], \(text("name"))::text[], \(text("country"))::text[], \(null("country"))::bool[],
                                    \(text("address"))::text[], \(null("address"))::bool[], \(text("type"))::text[], \(null("type"))::bool[],
                                    \(text("role"))::text[], \(null("role"))::bool[], \(text("first_seen"))::text[], \(text("last_seen"))::text[],
                                    \(part.map { $0["times_seen"] as Int64 })::int8[]) AS u(k, n, c, cn, a, an, t, tn, r, rn, f, l, ts)
                                ON CONFLICT (key) DO UPDATE SET times_seen = known_party.times_seen + excluded.times_seen,
                                    first_seen = LEAST(known_party.first_seen, excluded.first_seen),
                                    last_seen = GREATEST(known_party.last_seen, excluded.last_seen),
                                    role = COALESCE(known_party.role, excluded.role)
                                """)
                        }
                    }
                }
                report.parties = rows.count
            }
        }
        if let allow = try open(directory.allowListDatabase) {
            let rows = try sqlite(directory.allowListDatabase) { try allow.read { try Row.fetchAll($0, sql: "SELECT * FROM allow_rule ORDER BY id") } }
            let added = try postgresWrite(session, "copying the allow-list") {
                try session.transaction { s in
                    try s.query("SELECT pg_advisory_xact_lock(\(PostgresAllowListStore.writeLock))")
                    var added = 0
                    // A renewal names the rule it renews by the desk's id: map it to the team's.
                    var ids: [Int64: Int64] = [:]
                    for row in rows {
                        let key: String = row["query_key"], entry: String = row["entry_id"], country: String? = row["country"]
                        let fingerprint: String = row["entry_fingerprint"]
                        let exists = try !s.query("""
                            SELECT 1 FROM allow_rule WHERE query_key = \(key) AND entry_id = \(entry)
                                AND country IS NOT DISTINCT FROM \(country) AND entry_fingerprint = \(fingerprint)
                            """).isEmpty
                        if exists { continue }
                        let renews = (row["renews"] as Int64?).flatMap { ids[$0] }
                        ids[row["id"] as Int64] = try s.query("""
                            INSERT INTO allow_rule (query, query_key, country, entry_id, entry_name, entry_fingerprint, reason, "by", at,
                                                    entry_json, renews)
                            VALUES (\(row["query"] as String), \(key), \(country), \(entry), \(row["entry_name"] as String), \(fingerprint),
                                    \(row["reason"] as String), \(row["by"] as String), \(row["at"] as String), \(row["entry_json"] as String?), \(renews))
                            RETURNING id
                            """).first?.decode(Int64.self)
                        added += 1
                    }
                    return added
                }
            }
            report.rules = added
            report.rulesAlreadyThere = rows.count - added
        }
        // Bring a desk's audit file to the current schema first (what its next run would do).
        if FileManager.default.fileExists(atPath: directory.auditDatabase.path) { _ = try AuditTrail(dataDirectory: directory) }
        if let audit = try open(directory.auditDatabase) {
            let runs = try sqlite(directory.auditDatabase) { try audit.read { try Row.fetchAll($0, sql: "SELECT * FROM run ORDER BY id") } }
            for run in runs {
                let id: Int64 = run["id"]
                let format: Int64 = run["record_format"] ?? 1
                let (legacy, blocks) = try sqlite(directory.auditDatabase) {
                    try audit.read { db in
                        (try Row.fetchAll(db, sql: "SELECT * FROM result WHERE run_id = ? ORDER BY record_index", arguments: [id]),
                         try AuditTrail.blocks(db, runID: id))
                    }
                }
                let copied = try postgresWrite(session, "copying audit run \(id)") {
                    try session.transaction { s -> Bool in
                        let exit: Int64? = run["exit_code"]
                        guard let newID = try s.query("""
                            INSERT INTO run (command, status, started_at, finished_at, "user", arguments, working_directory, input, input_sha256,
                                             lists, configuration, clear, hold, stop, errors, exit_code, record_format, seal, chain_id, copied_from)
                            VALUES (\(run["command"] as String), \(run["status"] as String), \(run["started_at"] as String),
                                    \(run["finished_at"] as String?), \(run["user"] as String), \(run["arguments"] as String),
                                    \(run["working_directory"] as String), \(run["input"] as String?), \(run["input_sha256"] as String?),
                                    \(run["lists"] as String), \(run["configuration"] as String), \(run["clear"] as Int64), \(run["hold"] as Int64),
                                    \(run["stop"] as Int64), \(run["errors"] as Int64), \(exit.map { Int32(truncatingIfNeeded: $0) }),
                                    \(Int32(format)), \(run["seal"] as String?), \(id), \(source))
                            ON CONFLICT (copied_from, chain_id) WHERE copied_from IS NOT NULL DO NOTHING RETURNING id
                            """).first?.decode(Int64.self) else { return false }
                        for r in legacy {
                            try s.query("""
                                INSERT INTO result (run_id, record_index, decision, json)
                                VALUES (\(newID), \(r["record_index"] as Int64), \(r["decision"] as String), \(r["json"] as String))
                                """)
                        }
                        for b in blocks {
                            try s.query("""
                                INSERT INTO result_block (run_id, block, first_index, records, data, links)
                                VALUES (\(newID), \(Int32(b.number)), \(Int64(b.firstIndex)), \(Int32(b.records)),
                                        \(ByteBuffer(bytes: b.data)), \(ByteBuffer(bytes: b.links)))
                                """)
                        }
                        return true
                    }
                }
                if copied { report.runs += 1 } else { report.runsAlreadyThere += 1 }
            }
        }
        return report
    }
}
