import Foundation
import PostgresNIO
import RedFlagCore
import RedFlagKit

/// The audit trail in PostgreSQL: the same runs, compact chained blocks and purges as
/// `audit.sqlite` (see `AuditTrail`), shared by the team.
final class PostgresAuditTrail: AuditStoring, @unchecked Sendable {
    let session: PostgresSession

    init(session: PostgresSession) { self.session = session }

    private static let runColumns = """
        id, command, status, started_at, finished_at, "user", arguments, working_directory, input, input_sha256, lists,
        configuration, clear, hold, stop, errors, exit_code, record_format, seal, COALESCE(chain_id, id) AS chain_id
        """

    func beginRun(_ info: AuditRunInfo, now: Date) throws -> any AuditRunRecording {
        let lists = AuditRunInfo.json(info.snapshots.map {
            AuditListRef(source: $0.source.rawValue, sha256: $0.sha256, published: $0.publicationDate, files: $0.files)
        })
        let startedAt = AuditTimestamp.string(now)
        let arguments = AuditRunInfo.json(info.arguments)
        let id = try postgresWrite(session, "audit trail") {
            try session.transaction { s in
                try s.query("""
                    INSERT INTO run (command, status, started_at, "user", arguments, working_directory, input, input_sha256, lists,
                                     configuration, record_format)
                    VALUES (\(info.command), \(AuditRunStatus.incomplete.rawValue), \(startedAt), \(info.user), \(arguments),
                            \(info.workingDirectory), \(info.inputPath), \(info.inputSHA256), \(lists), \(info.configurationJSON), 2)
                    RETURNING id
                    """).first?.decode(Int64.self) ?? 0
            }
        }
        let header = AuditChainedRun.header(command: info.command, startedAt: startedAt, user: info.user, arguments: arguments,
                                            workingDirectory: info.workingDirectory, input: info.inputPath, lists: lists,
                                            configuration: info.configurationJSON)
        let hasher = info.inputSHA256 == nil && info.inputPath != nil && info.inputPath != "-"
            ? InputHasher(url: URL(fileURLWithPath: info.inputPath!)) : nil
        return PostgresAuditRun(trail: self, id: id, hasher: hasher, inputSHA256: info.inputSHA256,
                                seed: AuditChain.seed(runID: id, header: header))
    }

    func runs(since: Date?) throws -> [AuditRunRecord] {
        try postgresRead(session, "audit trail") {
            try session.read { s in
                let rows = try since.map { try s.query("SELECT \(unescaped: Self.runColumns) FROM run WHERE started_at >= \(AuditTimestamp.string($0)) ORDER BY id") }
                    ?? s.query("SELECT \(unescaped: Self.runColumns) FROM run ORDER BY id")
                return try rows.map(Self.run(from:))
            }
        }
    }

    func run(id: Int64) throws -> AuditRunRecord? {
        try postgresRead(session, "audit trail") {
            try session.read { try $0.query("SELECT \(unescaped: Self.runColumns) FROM run WHERE id = \(id)").first.map(Self.run(from:)) }
        }
    }

    func lastCompletedRun(command: String) throws -> AuditRunRecord? {
        try postgresRead(session, "audit trail") {
            try session.read { s in
                try s.query("""
                    SELECT \(unescaped: Self.runColumns) FROM run WHERE command = \(command) AND status = \(AuditRunStatus.complete.rawValue)
                    ORDER BY id DESC LIMIT 1
                    """).first.map(Self.run(from:))
            }
        }
    }

    func results(runID: Int64) throws -> [AuditResultRecord] {
        let (legacy, blocks) = try postgresRead(session, "audit trail") {
            try session.read { s in
                let legacy = try s.query("SELECT record_index, decision, json FROM result WHERE run_id = \(runID) ORDER BY record_index").map { row in
                    let (index, decision, json) = try row.decode((Int64, String, String).self)
                    return AuditResultRecord(runID: runID, index: Int(index), decision: Decision(rawValue: decision) ?? .hold, json: json)
                }
                return (legacy, try Self.blocks(s, runID: runID))
            }
        }
        let packed = try AuditBlockReader.records(runID: runID, blocks: blocks)
        return legacy.isEmpty ? packed : (legacy + packed).sorted { $0.index < $1.index }
    }

    static func blocks(_ s: PostgresSession, runID: Int64) throws -> [AuditStoredBlock] {
        try s.query("SELECT block, first_index, records, data, links FROM result_block WHERE run_id = \(runID) ORDER BY block").map { row in
            let (block, first, records, data, links) = try row.decode((Int32, Int64, Int32, ByteBuffer, ByteBuffer).self)
            return AuditStoredBlock(number: Int(block), firstIndex: Int(first), records: Int(records),
                                    data: Array(data.readableBytesView), links: Array(links.readableBytesView))
        }
    }

    func purge(olderThan cutoff: Date, confirmed: Bool, user: String, now: Date) throws -> (runs: Int, results: Int) {
        try AuditRetention.validatePurge(olderThan: cutoff, confirmed: confirmed, now: now)
        let stamp = AuditTimestamp.string(cutoff)
        return try postgresWrite(session, "audit purge") {
            try session.transaction { s in
                let legacy = try s.query("SELECT COUNT(*) FROM result WHERE run_id IN (SELECT id FROM run WHERE started_at < \(stamp))")
                    .first?.decode(Int.self) ?? 0
                let packed = try s.query("""
                    SELECT COALESCE(SUM(records), 0)::bigint FROM result_block WHERE run_id IN (SELECT id FROM run WHERE started_at < \(stamp))
                    """).first?.decode(Int.self) ?? 0
                try s.query("DELETE FROM result WHERE run_id IN (SELECT id FROM run WHERE started_at < \(stamp))")
                try s.query("DELETE FROM result_block WHERE run_id IN (SELECT id FROM run WHERE started_at < \(stamp))")
                let runs = try s.query("DELETE FROM run WHERE started_at < \(stamp) RETURNING id").count
                try s.query("""
                    INSERT INTO purge (at, "user", older_than, runs_deleted, results_deleted)
                    VALUES (\(AuditTimestamp.string(now)), \(user), \(stamp), \(runs), \(legacy + packed))
                    """)
                return (runs, legacy + packed)
            }
        }
    }

    func verify() throws -> [AuditRunVerification] {
        let ids = try postgresRead(session, "audit trail") {
            try session.read { try $0.query("SELECT id FROM run ORDER BY id").map { try $0.decode(Int64.self) } }
        }
        return try ids.compactMap { id in
            try postgresRead(session, "audit trail") {
                try session.read { s -> AuditRunVerification? in
                    guard let row = try s.query("SELECT \(unescaped: Self.runColumns) FROM run WHERE id = \(id)").first else { return nil }
                    let record = try Self.run(from: row)
                    let columns = row.makeRandomAccess()
                    guard try columns["record_format"].decode(Int32.self) == 2 else {
                        let count = try s.query("SELECT COUNT(*) FROM result WHERE run_id = \(id)").first?.decode(Int.self) ?? 0
                        return AuditRunVerification(runID: id, outcome: .unchained, recordsVerified: 0,
                                                    detail: "recorded before the hash chain (\(count) records, not checkable)")
                    }
                    let chained = AuditChainedRun(
                        id: try columns["chain_id"].decode(Int64.self),
                        header: AuditChainedRun.header(
                            command: try columns["command"].decode(String.self), startedAt: try columns["started_at"].decode(String.self),
                            user: try columns["user"].decode(String.self), arguments: try columns["arguments"].decode(String.self),
                            workingDirectory: try columns["working_directory"].decode(String.self),
                            input: try columns["input"].decode(String?.self), lists: try columns["lists"].decode(String.self),
                            configuration: try columns["configuration"].decode(String.self)),
                        status: record.status,
                        sealFields: AuditChainedRun.sealFields(status: record.status, finishedAt: record.finishedAt, counts: record.counts,
                                                               exitCode: record.exitCode, inputSHA256: record.inputSHA256),
                        seal: record.seal)
                    var result = AuditBlockReader.verify(chained, blocks: try Self.blocks(s, runID: id))
                    result.runID = id
                    return result
                }
            }
        }
    }

    static func run(from row: PostgresRow) throws -> AuditRunRecord {
        let c = row.makeRandomAccess()
        let decoder = JSONDecoder()
        let arguments = (try? decoder.decode([String].self, from: Data(try c["arguments"].decode(String.self).utf8))) ?? []
        let lists = (try? decoder.decode([AuditListRef].self, from: Data(try c["lists"].decode(String.self).utf8))) ?? []
        return AuditRunRecord(
            id: try c["id"].decode(Int64.self), command: try c["command"].decode(String.self),
            status: AuditRunStatus(rawValue: try c["status"].decode(String.self)) ?? .incomplete,
            startedAt: try c["started_at"].decode(String.self), finishedAt: try c["finished_at"].decode(String?.self),
            user: try c["user"].decode(String.self), arguments: arguments, workingDirectory: try c["working_directory"].decode(String.self),
            input: try c["input"].decode(String?.self), inputSHA256: try c["input_sha256"].decode(String?.self), lists: lists,
            configuration: try c["configuration"].decode(String.self),
            counts: DecisionCounts(clear: Int(try c["clear"].decode(Int64.self)), hold: Int(try c["hold"].decode(Int64.self)),
                                   stop: Int(try c["stop"].decode(Int64.self)), errors: Int(try c["errors"].decode(Int64.self))),
            exitCode: try c["exit_code"].decode(Int32?.self), seal: try c["seal"].decode(String?.self))
    }
}

/// One run being recorded in PostgreSQL: as `AuditRun`, one transaction per chunk.
final class PostgresAuditRun: AuditRunRecording, @unchecked Sendable {
    let id: Int64
    private let trail: PostgresAuditTrail
    private let recorder: AuditRunRecorder

    init(trail: PostgresAuditTrail, id: Int64, hasher: InputHasher?, inputSHA256: String?, seed: [UInt8]) {
        self.trail = trail
        self.id = id
        self.recorder = AuditRunRecorder(hasher: hasher, inputSHA256: inputSHA256, seed: seed)
    }

    func record(_ entries: [AuditEntry]) throws {
        try recorder.record(entries) { block, total in
            try postgresWrite(trail.session, "audit trail") {
                try trail.session.transaction { s in
                    if let block {
                        try s.query("""
                            INSERT INTO result_block (run_id, block, first_index, records, data, links)
                            VALUES (\(id), \(Int32(block.number)), \(Int64(block.firstIndex)), \(Int32(block.records)),
                                    \(ByteBuffer(bytes: block.data)), \(ByteBuffer(bytes: block.links)))
                            """)
                    }
                    try s.query("""
                        UPDATE run SET clear = \(Int64(total.clear)), hold = \(Int64(total.hold)), stop = \(Int64(total.stop)),
                                       errors = \(Int64(total.errors)) WHERE id = \(id)
                        """)
                }
            }
        }
    }

    func finish(status: AuditRunStatus, exitCode: Int32, now: Date) throws {
        let finishedAt = AuditTimestamp.string(now)
        try recorder.finish(status: status, exitCode: exitCode, finishedAt: finishedAt) { inputHash, total, seal in
            try postgresWrite(trail.session, "audit trail") {
                try trail.session.transaction { s in
                    try s.query("""
                        UPDATE run SET status = \(status.rawValue), finished_at = \(finishedAt), exit_code = \(exitCode),
                                       clear = \(Int64(total.clear)), hold = \(Int64(total.hold)), stop = \(Int64(total.stop)),
                                       errors = \(Int64(total.errors)), input_sha256 = \(inputHash), seal = \(seal)
                        WHERE id = \(id)
                        """)
                }
            }
        }
    }
}
