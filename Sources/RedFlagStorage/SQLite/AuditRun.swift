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
    private let recorder: AuditRunRecorder

    init(trail: AuditTrail, id: Int64, hasher: InputHasher?, inputSHA256: String?, seed: [UInt8]) {
        self.trail = trail
        self.id = id
        self.recorder = AuditRunRecorder(hasher: hasher, inputSHA256: inputSHA256, seed: seed)
    }

    /// The counts recorded so far.
    public var countsSoFar: DecisionCounts { recorder.countsSoFar }

    /// Records one chunk of output records in one transaction.
    public func record(_ entries: [AuditEntry]) throws {
        try recorder.record(entries) { block, total in
            try trail.write { db in
                if let block {
                    try db.execute(sql: """
                        INSERT INTO result_block (run_id, block, first_index, records, data, links) VALUES (?, ?, ?, ?, ?, ?)
                        """, arguments: [id, block.number, block.firstIndex, block.records, Data(block.data), Data(block.links)])
                }
                try db.execute(sql: "UPDATE run SET clear = ?, hold = ?, stop = ?, errors = ? WHERE id = ?",
                               arguments: [total.clear, total.hold, total.stop, total.errors, id])
            }
        }
    }

    /// Marks the run ended with `status` and `exitCode`, storing the input hash when one was
    /// computed, and seals the chain. Idempotent: only the first call counts.
    public func finish(status: AuditRunStatus, exitCode: Int32, now: Date = Date()) throws {
        let finishedAt = AuditTrail.timestamp(now)
        try recorder.finish(status: status, exitCode: exitCode, finishedAt: finishedAt) { inputHash, total, seal in
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
