import Foundation
import GRDB
import RedFlagCore
import RedFlagKit

/// One run being recorded. The batch loop calls `record(_:)` once per output chunk (one
/// transaction: the chunk's HOLD/STOP results and the running counts together) and `finish` at
/// the end. A run that never reaches `finish` stays `incomplete` with the chunks it recorded.
public final class AuditRun: AuditRunRecording, @unchecked Sendable {
    public let id: Int64
    private let trail: AuditTrail
    private let hasher: InputHasher?
    private let lock = NSLock()
    private var counts = DecisionCounts()
    private var finished = false

    init(trail: AuditTrail, id: Int64, hasher: InputHasher?) {
        self.trail = trail
        self.id = id
        self.hasher = hasher
    }

    /// The counts recorded so far.
    public var countsSoFar: DecisionCounts {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }

    /// Records one chunk of output records in one transaction.
    public func record(_ entries: [AuditEntry]) throws {
        guard !entries.isEmpty else { return }
        var chunkCounts = DecisionCounts()
        var kept: [(Int, Decision, String)] = []
        for entry in entries {
            chunkCounts.add(entry.decision)
            if let decision = entry.decision, decision != .clear || entry.keep {
                kept.append((entry.index, decision, entry.json()))
            }
        }
        lock.lock()
        defer { lock.unlock() }
        let total = counts + chunkCounts
        try trail.write { db in
            // Compiled once per chunk: parsing the INSERT for every record cost more than the insert.
            let insert = try db.makeStatement(sql: "INSERT OR REPLACE INTO result (run_id, record_index, decision, json) VALUES (?, ?, ?, ?)")
            for (index, decision, json) in kept {
                try insert.execute(arguments: [id, index, decision.rawValue, json])
            }
            try db.execute(sql: "UPDATE run SET clear = ?, hold = ?, stop = ?, errors = ? WHERE id = ?",
                           arguments: [total.clear, total.hold, total.stop, total.errors, id])
        }
        counts = total
    }

    /// Marks the run ended with `status` and `exitCode`, storing the input hash when one was
    /// computed. Idempotent: only the first call counts.
    public func finish(status: AuditRunStatus, exitCode: Int32, now: Date = Date()) throws {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        let inputHash = hasher?.wait()
        let total = counts
        try trail.write { db in
            try db.execute(sql: """
                UPDATE run SET status = ?, finished_at = ?, exit_code = ?, clear = ?, hold = ?, stop = ?, errors = ?,
                               input_sha256 = COALESCE(?, input_sha256)
                WHERE id = ?
                """, arguments: [status.rawValue, AuditTrail.timestamp(now), exitCode, total.clear, total.hold, total.stop,
                                 total.errors, inputHash, id])
        }
    }
}

/// Hashes an input file on a background thread while the run reads it.
final class InputHasher: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var digest: String?

    init(url: URL) {
        Thread.detachNewThread { [self] in
            digest = try? SHA256.hex(ofFile: url)
            done.signal()
        }
    }

    /// The hex digest, nil when the file could not be read.
    func wait() -> String? {
        done.wait()
        done.signal()
        return digest
    }
}
