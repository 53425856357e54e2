import Foundation
import RedFlagCore
import RedFlagKit

/// One stored block of a run's records (one chunk of output), as either backend keeps it.
struct AuditStoredBlock: Sendable {
    /// 0, 1, 2… within the run.
    var number: Int
    /// Input position of the block's first record.
    var firstIndex: Int
    var records: Int
    /// `AuditBytes.compress` of the `AuditRecordPacker` payload.
    var data: [UInt8]
    /// `AuditChain.storedLinkLength` bytes per record: each record's link.
    var links: [UInt8]
}

extension AuditStoredRecord {
    /// A chunk's counts per decision and the HOLD/STOP records the audit keeps (rendered now).
    static func kept(_ entries: [AuditEntry]) -> (counts: DecisionCounts, records: [AuditStoredRecord]) {
        var counts = DecisionCounts()
        var kept: [AuditStoredRecord] = []
        for entry in entries {
            counts.add(entry.decision)
            if let decision = entry.decision, decision != .clear || entry.keep {
                kept.append(AuditStoredRecord(index: entry.index, decision: AuditStoredDecision(decision), json: entry.json()))
            }
        }
        return (counts, kept)
    }
}

/// The writing side of a chained, compact run, shared by the backends: packs a chunk's records,
/// extends the chain, and gives the block to store; seals the run at its end.
struct AuditBlockWriter {
    private var packer = AuditRecordPacker()
    private var chain: AuditChain
    private var nextBlock = 0

    init(seed: [UInt8]) { chain = AuditChain(head: seed) }

    /// The block for a chunk's HOLD/STOP records, nil when it has none.
    mutating func block(for records: [AuditStoredRecord]) -> AuditStoredBlock? {
        guard let first = records.first else { return nil }
        var links: [UInt8] = []
        links.reserveCapacity(records.count * AuditChain.storedLinkLength)
        for record in records {
            let link = chain.append(index: record.index, decision: record.decisionByte, record: record.json)
            links.append(contentsOf: link.prefix(AuditChain.storedLinkLength))
        }
        let data = AuditBytes.compress(packer.pack(records))
        defer { nextBlock += 1 }
        return AuditStoredBlock(number: nextBlock, firstIndex: first.index, records: records.count, data: data, links: links)
    }

    func seal(fields: [String?]) -> String { AuditChain.seal(head: chain.head, fields: fields) }
}

/// What a run row holds that the chain covers, as either backend stores it.
struct AuditChainedRun {
    var id: Int64
    /// The header fields as stored when the run began (see `AuditChainedRun.header`).
    var header: [String?]
    var status: AuditRunStatus
    var sealFields: [String?]
    var seal: String?

    /// The fields of a run row that the chain's seed covers, in order.
    static func header(command: String, startedAt: String, user: String, arguments: String, workingDirectory: String,
                       input: String?, lists: String, configuration: String) -> [String?] {
        [command, startedAt, user, arguments, workingDirectory, input, lists, configuration]
    }

    /// The fields of a run's end that the seal covers, in order.
    static func sealFields(status: AuditRunStatus, finishedAt: String?, counts: DecisionCounts, exitCode: Int32?,
                           inputSHA256: String?) -> [String?] {
        [status.rawValue, finishedAt, String(counts.clear), String(counts.hold), String(counts.stop), String(counts.errors),
         exitCode.map { String($0) }, inputSHA256]
    }
}

/// Reads and checks stored blocks, for either backend.
enum AuditBlockReader {
    /// The records of a run's blocks (in block order), exactly as written.
    static func records(runID: Int64, blocks: [AuditStoredBlock]) throws -> [AuditResultRecord] {
        var unpacker = AuditRecordUnpacker()
        var out: [AuditResultRecord] = []
        for block in blocks {
            let records: [(index: Int, decision: AuditStoredDecision, bytes: [UInt8])]
            do {
                records = try unpacker.unpack(try AuditBytes.decompress(block.data))
            } catch {
                throw RedFlagError.badData(path: "audit run \(runID)", location: "block \(block.number)",
                                           message: "\(error) (run `redflag audit verify`)")
            }
            for r in records {
                out.append(AuditResultRecord(runID: runID, index: r.index, decision: r.decision.decision,
                                             json: String(decoding: r.bytes, as: UTF8.self)))
            }
        }
        return out
    }

    /// Checks a chained run: every record against its link, then the seal against the run's end.
    static func verify(_ run: AuditChainedRun, blocks: [AuditStoredBlock]) -> AuditRunVerification {
        var chain = AuditChain(head: AuditChain.seed(runID: run.id, header: run.header))
        var unpacker = AuditRecordUnpacker()
        var verified = 0
        func broken(_ record: Int?, _ detail: String) -> AuditRunVerification {
            AuditRunVerification(runID: run.id, outcome: .broken, recordsVerified: verified, firstBadRecord: record, detail: detail)
        }
        for (position, block) in blocks.enumerated() {
            guard block.number == position else {
                return broken(block.firstIndex, "block \(position) is missing (found block \(block.number) in its place)")
            }
            let records: [(index: Int, decision: AuditStoredDecision, bytes: [UInt8])]
            do {
                records = try unpacker.unpack(try AuditBytes.decompress(block.data))
            } catch {
                return broken(block.firstIndex, "block \(block.number) cannot be read: \(error)")
            }
            guard records.count == block.records, block.links.count == records.count * AuditChain.storedLinkLength else {
                return broken(block.firstIndex, "block \(block.number) holds \(records.count) records for \(block.records) declared "
                    + "and \(block.links.count / AuditChain.storedLinkLength) links")
            }
            for (k, record) in records.enumerated() {
                let link = chain.append(index: record.index, decision: record.decision.rawValue, record: record.bytes)
                let stored = block.links[(k * AuditChain.storedLinkLength)..<((k + 1) * AuditChain.storedLinkLength)]
                guard link.prefix(AuditChain.storedLinkLength).elementsEqual(stored) else {
                    return broken(record.index, "record \(record.index) does not match its hash chain "
                        + "(its text, position or decision was changed, or a record before it was removed)")
                }
                verified += 1
            }
        }
        guard let seal = run.seal else {
            if run.status == .incomplete {
                return AuditRunVerification(runID: run.id, outcome: .incomplete, recordsVerified: verified,
                                            detail: "never finished (crashed or killed); the \(verified) records written match")
            }
            return broken(nil, "the run is marked \(run.status.rawValue) but has no seal")
        }
        guard AuditChain.seal(head: chain.head, fields: run.sealFields) == seal else {
            return broken(nil, "the seal does not match: the run's end (status, counts, exit code, input hash) was changed "
                + "or records after the last one checked were removed")
        }
        return AuditRunVerification(runID: run.id, outcome: .intact, recordsVerified: verified,
                                    detail: "\(verified) records and the seal match")
    }
}
