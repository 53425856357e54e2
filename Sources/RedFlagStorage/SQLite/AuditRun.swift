import Foundation
import GRDB
import RedFlagCore
import RedFlagKit

/// One run being recorded. The batch loop calls `record(_:)` once per output chunk (one
/// transaction: the chunk's HOLD/STOP results as one packed, chained block and the running counts
/// together) and `finish` at the end, which seals the chain. A run that never reaches `finish`
/// stays `incomplete` with the chunks it recorded.
public final class AuditRun: AuditRunRecording, @unchecked Sendable {
    public let id: Int64
    private let trail: AuditTrail
    private let hasher: InputHasher?
    private let inputSHA256: String?
    private let lock = NSLock()
    private var counts = DecisionCounts()
    private var finished = false
    private var writer: AuditBlockWriter
    /// The first failed write: the chain has moved past what is stored, so nothing more is recorded.
    private var failure: Error?

    init(trail: AuditTrail, id: Int64, hasher: InputHasher?, inputSHA256: String?, seed: [UInt8]) {
        self.trail = trail
        self.id = id
        self.hasher = hasher
        self.inputSHA256 = inputSHA256
        self.writer = AuditBlockWriter(seed: seed)
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
        let (chunkCounts, kept) = AuditStoredRecord.kept(entries)
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
        let total = counts + chunkCounts
        let block = writer.block(for: kept)
        do {
            try trail.write { db in
                if let block {
                    try db.execute(sql: """
                        INSERT INTO result_block (run_id, block, first_index, records, data, links) VALUES (?, ?, ?, ?, ?, ?)
                        """, arguments: [id, block.number, block.firstIndex, block.records, Data(block.data), Data(block.links)])
                }
                try db.execute(sql: "UPDATE run SET clear = ?, hold = ?, stop = ?, errors = ? WHERE id = ?",
                               arguments: [total.clear, total.hold, total.stop, total.errors, id])
            }
        } catch {
            failure = error
            throw error
        }
        counts = total
    }

    /// Marks the run ended with `status` and `exitCode`, storing the input hash when one was
    /// computed, and seals the chain. Idempotent: only the first call counts.
    public func finish(status: AuditRunStatus, exitCode: Int32, now: Date = Date()) throws {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        let inputHash = hasher?.wait() ?? inputSHA256
        let total = counts
        let finishedAt = AuditTrail.timestamp(now)
        // A run whose writes failed is not sealed: its chain is ahead of what is stored.
        let seal = failure == nil ? writer.seal(fields: AuditChainedRun.sealFields(
            status: status, finishedAt: finishedAt, counts: total, exitCode: exitCode, inputSHA256: inputHash)) : nil
        try trail.write { db in
            try db.execute(sql: """
                UPDATE run SET status = ?, finished_at = ?, exit_code = ?, clear = ?, hold = ?, stop = ?, errors = ?,
                               input_sha256 = ?, seal = ?
                WHERE id = ?
                """, arguments: [status.rawValue, finishedAt, exitCode, total.clear, total.hold, total.stop,
                                 total.errors, inputHash, seal, id])
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
