import Foundation
import RedFlagCore
import RedFlagKit

/// The bookkeeping of one run being recorded, shared by the backends: the running counts, the chain
/// writer, the first failed write and the end of the run, under one lock. Each backend supplies only
/// its two writes (a chunk's block with the counts; the run's end with the seal), so the rules of when
/// a run is sealed or stops recording live in one place.
final class AuditRunRecorder: @unchecked Sendable {
    private let hasher: InputHasher?
    private let inputSHA256: String?
    private let lock = NSLock()
    private var counts = DecisionCounts()
    private var finished = false
    private var writer: AuditBlockWriter
    /// The first failed write: the chain has moved past what is stored, so nothing more is recorded.
    private var failure: Error?

    init(hasher: InputHasher?, inputSHA256: String?, seed: [UInt8]) {
        self.hasher = hasher
        self.inputSHA256 = inputSHA256
        self.writer = AuditBlockWriter(seed: seed)
    }

    /// The counts recorded so far.
    var countsSoFar: DecisionCounts {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }

    /// Records one chunk: `write` stores the chunk's block (nil when it kept no HOLD/STOP record) and
    /// the counts including it, in one transaction.
    func record(_ entries: [AuditEntry], write: (AuditStoredBlock?, DecisionCounts) throws -> Void) throws {
        guard !entries.isEmpty else { return }
        let (chunkCounts, kept) = AuditStoredRecord.kept(entries)
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
        let total = counts + chunkCounts
        let block = writer.block(for: kept)
        do {
            try write(block, total)
        } catch {
            failure = error
            throw error
        }
        counts = total
    }

    /// Ends the run once (later calls do nothing): `write` stores the input hash, the final counts and
    /// the seal. A run whose writes failed is not sealed: its chain is ahead of what is stored.
    func finish(status: AuditRunStatus, exitCode: Int32, finishedAt: String,
                write: (_ inputHash: String?, DecisionCounts, _ seal: String?) throws -> Void) throws {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        let inputHash = hasher?.wait() ?? inputSHA256
        let total = counts
        let seal = failure == nil ? writer.seal(fields: AuditChainedRun.sealFields(
            status: status, finishedAt: finishedAt, counts: total, exitCode: exitCode, inputSHA256: inputHash)) : nil
        try write(inputHash, total, seal)
    }
}
