import Foundation
import RedFlagCore

/// Packs a run's HOLD/STOP records into compact blocks, and back, byte for byte.
///
/// A check record is a JSON object of about 8.6 kB whose bulk repeats across lines: the same
/// listed entry matched by every order of a customer (its names, programs, explanation), the same
/// flag title, citation and next step on thousands of lines. Each JSON object, array or long
/// string below the top level is therefore stored once per run as a numbered *fragment* and
/// referred to by number; a fragment may itself refer to earlier ones, so a match that repeats
/// inside a new party costs a few bytes. A record is its top-level skeleton with references.
/// A block (one chunk of output) holds the fragments first defined in it and its records, zlib
/// compressed: what deflate's 32 KB window then sees is mostly skeletons, so it also folds what
/// repeats between them.
///
/// A reference is the byte 0x01 followed by the fragment number as LEB128. JSON never carries a
/// raw 0x01 (control characters in strings are escaped), so references cannot be confused with
/// record text; a record that does contain one (not JSON) is stored whole, unsplit. Unpacking
/// substitutes the fragments' bytes back, so the record comes out exactly as it was written.
struct AuditRecordPacker {
    /// Spans shorter than this stay in place: a reference costs 2–4 bytes and a table entry.
    static let minimumFragment = 40
    /// Fragments remembered per run; when full the table starts over (a repeat after that is
    /// stored again, which costs space, never correctness), so memory stays bounded on any run.
    static let capacity = 1 << 20

    struct Key: Hashable {
        var a: UInt64
        var b: UInt64
        var length: Int

        /// `a` is already 64 bits of SHA-256: hashing it alone spreads the table as well as all
        /// three fields would, for a third of the hashing on every fragment of every record.
        func hash(into hasher: inout Hasher) { hasher.combine(a) }
    }

    /// Set in a record's decision byte when its text is stored as is (not JSON, or holding 0x01).
    static let storedWhole: UInt8 = 0x80

    private var ids: [Key: UInt32] = [:]
    private(set) var nextID: UInt32 = 0

    /// The block payload (uncompressed) for `records`: the fragments they define, then the
    /// records as skeletons.
    mutating func pack(_ records: [AuditStoredRecord]) -> [UInt8] {
        if ids.count > Self.capacity { ids.removeAll(keepingCapacity: true) }
        let firstID = nextID
        var fragments: [UInt8] = []
        var fragmentCount = 0
        var skeletons: [UInt8] = []
        var out: [UInt8] = []
        var kinds: [UInt8] = []
        var starts: [Int] = []
        for record in records {
            out.removeAll(keepingCapacity: true)
            let bytes = Array(record.json.utf8)
            let whole = bytes.contains(0x01) || !bytes.withUnsafeBufferPointer { buffer in
                split(buffer, into: &out, kinds: &kinds, starts: &starts, fragments: &fragments, fragmentCount: &fragmentCount)
            }
            if whole { out = bytes }
            AuditBytes.appendVarint(UInt64(record.index), to: &skeletons)
            skeletons.append(record.decisionByte | (whole ? Self.storedWhole : 0))
            AuditBytes.appendVarint(UInt64(out.count), to: &skeletons)
            skeletons.append(contentsOf: out)
        }
        var payload: [UInt8] = []
        payload.reserveCapacity(fragments.count + skeletons.count + 16)
        AuditBytes.appendVarint(UInt64(firstID), to: &payload)
        AuditBytes.appendVarint(UInt64(fragmentCount), to: &payload)
        payload.append(contentsOf: fragments)
        AuditBytes.appendVarint(UInt64(records.count), to: &payload)
        payload.append(contentsOf: skeletons)
        return payload
    }

    /// Copies `bytes` into `out`, replacing every object, array and long string value inside
    /// the record by a reference (innermost first, so a parent's key covers its children's
    /// references). Object keys stay in place: they are short and repeat inside their parent.
    /// Returns false, leaving `out` unusable, for text that is not balanced JSON.
    private mutating func split(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], kinds: inout [UInt8], starts: inout [Int],
                                fragments: inout [UInt8], fragmentCount: inout Int) -> Bool {
        kinds.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        var keyNext = false
        var i = 0
        let n = bytes.count
        out.reserveCapacity(n)
        while i < n {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""):
                let start = out.count
                var j = i + 1
                while j < n, bytes[j] != UInt8(ascii: "\"") { j += bytes[j] == UInt8(ascii: "\\") ? 2 : 1 }
                guard j < n else { return false }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i...j]))
                i = j + 1
                let isKey = keyNext && kinds.last == UInt8(ascii: "{")
                keyNext = false
                if !isKey && !kinds.isEmpty && out.count - start >= Self.minimumFragment {
                    reference(from: start, in: &out, fragments: &fragments, fragmentCount: &fragmentCount)
                }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                kinds.append(byte)
                starts.append(out.count)
                out.append(byte)
                keyNext = byte == UInt8(ascii: "{")
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard kinds.popLast() != nil, let start = starts.popLast() else { return false }
                out.append(byte)
                keyNext = false
                if !kinds.isEmpty && out.count - start >= Self.minimumFragment {
                    reference(from: start, in: &out, fragments: &fragments, fragmentCount: &fragmentCount)
                }
            case UInt8(ascii: ","):
                out.append(byte)
                keyNext = kinds.last == UInt8(ascii: "{")
            default:
                out.append(byte)
            }
            i += 1
        }
        return kinds.isEmpty
    }

    /// Replaces `out[start...]` by a reference to its fragment, defining the fragment when new.
    private mutating func reference(from start: Int, in out: inout [UInt8], fragments: inout [UInt8], fragmentCount: inout Int) {
        let key = out.withUnsafeBufferPointer { buffer in AuditBytes.key(UnsafeBufferPointer(rebasing: buffer[start...])) }
        let id: UInt32
        if let known = ids[key] {
            id = known
        } else {
            id = nextID
            nextID += 1
            ids[key] = id
            AuditBytes.appendVarint(UInt64(out.count - start), to: &fragments)
            fragments.append(contentsOf: out[start...])
            fragmentCount += 1
        }
        out.removeSubrange(start...)
        out.append(0x01)
        AuditBytes.appendVarint(UInt64(id), to: &out)
    }
}

/// One stored HOLD/STOP record: its place in the run's input, its decision and its JSON text.
struct AuditStoredRecord: Sendable, Equatable {
    var index: Int
    var decision: AuditStoredDecision
    var json: String
}

/// The decisions the audit trail stores records for: HOLD and STOP, and a CLEAR record a run
/// asks to keep (a rescreen delisting: the reason on file for releasing a held order).
enum AuditStoredDecision: UInt8, Sendable, Equatable {
    case hold = 1, stop = 2, clear = 3

    init(_ decision: Decision) {
        switch decision {
        case .stop: self = .stop
        case .hold: self = .hold
        case .clear: self = .clear
        }
    }

    var decision: Decision {
        switch self {
        case .stop: return .stop
        case .hold: return .hold
        case .clear: return .clear
        }
    }
}

extension AuditStoredRecord {
    var decisionByte: UInt8 { decision.rawValue }
}

/// Reads a run's blocks back in order, keeping the fragments defined so far.
struct AuditRecordUnpacker {
    /// Fragments by number, already expanded (they refer only to earlier ones).
    private var fragments: [[UInt8]] = []

    enum Failure: Error, CustomStringConvertible {
        case corrupt(String)
        var description: String { switch self { case .corrupt(let what): return what } }
    }

    /// The records of one block payload (uncompressed), with their exact bytes.
    mutating func unpack(_ payload: [UInt8]) throws -> [(index: Int, decision: AuditStoredDecision, bytes: [UInt8])] {
        var reader = AuditBytes.Reader(bytes: payload)
        let firstID = try reader.varint()
        // Numbers run on through the whole run (a packer whose table filled forgets its keys,
        // not its numbering), so a block defines exactly the next ones.
        guard firstID == UInt64(fragments.count) else {
            throw Failure.corrupt("block defines fragments from \(firstID) but \(fragments.count) were read before it")
        }
        let fragmentCount = try reader.varint()
        for _ in 0..<fragmentCount {
            let length = Int(try reader.varint())
            let raw = try reader.take(length)
            fragments.append(try expand(raw))
        }
        let recordCount = try reader.varint()
        var records: [(index: Int, decision: AuditStoredDecision, bytes: [UInt8])] = []
        records.reserveCapacity(Int(min(recordCount, 1 << 16)))
        for _ in 0..<recordCount {
            let index = Int(try reader.varint())
            let flags = try reader.take(1).first ?? 0
            guard let decision = AuditStoredDecision(rawValue: flags & ~AuditRecordPacker.storedWhole) else {
                throw Failure.corrupt("record \(index): unknown decision code \(flags)")
            }
            let length = Int(try reader.varint())
            let skeleton = try reader.take(length)
            let bytes = flags & AuditRecordPacker.storedWhole != 0 ? Array(skeleton) : try expand(skeleton)
            records.append((index, decision, bytes))
        }
        guard reader.isAtEnd else { throw Failure.corrupt("\(payload.count - reader.offset) bytes after the last record") }
        return records
    }

    private func expand(_ raw: ArraySlice<UInt8>) throws -> [UInt8] {
        guard raw.contains(0x01) else { return Array(raw) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count * 4)
        var i = raw.startIndex
        while i < raw.endIndex {
            let byte = raw[i]
            if byte != 0x01 {
                out.append(byte)
                i += 1
                continue
            }
            var id: UInt64 = 0
            var shift: UInt64 = 0
            i += 1
            while true {
                guard i < raw.endIndex, shift < 64 else { throw Failure.corrupt("truncated fragment reference") }
                let b = raw[i]
                i += 1
                id |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 { break }
                shift += 7
            }
            guard id < UInt64(fragments.count) else { throw Failure.corrupt("reference to fragment \(id), only \(fragments.count) defined") }
            out.append(contentsOf: fragments[Int(id)])
        }
        return out
    }
}
