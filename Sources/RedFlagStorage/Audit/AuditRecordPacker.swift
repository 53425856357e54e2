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

    /// 128 bits of a fragment's SHA-256 and its length (`FragmentTable` probes by `a`).
    struct Key: Hashable {
        var a: UInt64
        var b: UInt64
        var length: Int
    }

    /// Set in a record's decision byte when its text is stored as is (not JSON, or holding 0x01).
    static let storedWhole: UInt8 = 0x80

    private var ids = FragmentTable()
    private(set) var nextID: UInt32 = 0

    /// Containers whose whole text is at least this long are first looked up as they stand: a
    /// party or flag list repeated from an earlier line is then one lookup, not one per fragment
    /// inside it (each a likely cache miss in a table of a million).
    let wholeMinimum: Int

    init(wholeMinimum: Int = 512) { self.wholeMinimum = wholeMinimum }

    /// Per-record working arrays, kept between records so they are allocated once per block.
    private struct Scratch {
        var out: [UInt8] = []
        var kinds: [UInt8] = []
        var starts: [Int] = []
        /// Per open container: the key of its whole text when it was looked up and not found.
        var wholeKeys: [Key?] = []
        /// Per container in the order they open: where it closes, and how many had opened by then.
        var closeAt: [Int] = []
        var opensBeforeClose: [Int] = []
        var openStack: [Int] = []
    }

    /// The block payload (uncompressed) for `records`: the fragments they define, then the
    /// records as skeletons.
    mutating func pack(_ records: [AuditStoredRecord]) -> [UInt8] {
        if ids.count > Self.capacity { ids.removeAll() }
        let firstID = nextID
        var fragments: [UInt8] = []
        var fragmentCount = 0
        var skeletons: [UInt8] = []
        var scratch = Scratch()
        for record in records {
            scratch.out.removeAll(keepingCapacity: true)
            var json = record.json
            let whole = json.withUTF8 { bytes in
                let whole = bytes.contains(0x01) || !split(bytes, scratch: &scratch, fragments: &fragments, fragmentCount: &fragmentCount)
                if whole { scratch.out = Array(bytes) }
                return whole
            }
            AuditBytes.appendVarint(UInt64(record.index), to: &skeletons)
            skeletons.append(record.decisionByte | (whole ? Self.storedWhole : 0))
            AuditBytes.appendVarint(UInt64(scratch.out.count), to: &skeletons)
            skeletons.append(contentsOf: scratch.out)
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

    /// The quote that closes the string opened at `open`, nil when none does. Found with
    /// `memchr` (strings are most of a record's bytes): a quote closes it unless an odd run of
    /// backslashes escapes it.
    static func closingQuote(_ bytes: UnsafeBufferPointer<UInt8>, after open: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var from = open + 1
        while from < bytes.count {
            guard let hit = memchr(base + from, Int32(UInt8(ascii: "\"")), bytes.count - from) else { return nil }
            let q = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var slashes = 0
            while q - slashes - 1 > open, bytes[q - slashes - 1] == UInt8(ascii: "\\") { slashes += 1 }
            if slashes % 2 == 0 { return q }
            from = q + 1
        }
        return nil
    }

    /// Finds where each container of `bytes` closes (`scratch.closeAt`, in opening order).
    /// False for text whose strings or brackets do not balance.
    private func matchContainers(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout Scratch) -> Bool {
        scratch.closeAt.removeAll(keepingCapacity: true)
        scratch.opensBeforeClose.removeAll(keepingCapacity: true)
        scratch.openStack.removeAll(keepingCapacity: true)
        let n = bytes.count
        var i = 0
        while i < n {
            switch bytes[i] {
            case UInt8(ascii: "\""):
                guard let j = Self.closingQuote(bytes, after: i) else { return false }
                i = j
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                scratch.openStack.append(scratch.closeAt.count)
                scratch.closeAt.append(-1)
                scratch.opensBeforeClose.append(0)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard let k = scratch.openStack.popLast() else { return false }
                scratch.closeAt[k] = i
                scratch.opensBeforeClose[k] = scratch.closeAt.count
            default:
                break
            }
            i += 1
        }
        return scratch.openStack.isEmpty
    }

    /// Copies `bytes` into `scratch.out`, replacing every object, array and long string value
    /// inside the record by a reference (innermost first, so a parent's key covers its children's
    /// references). Object keys stay in place: they are short and repeat inside their parent. A
    /// container of `wholeMinimum` bytes or more whose whole text was seen before becomes its
    /// earlier fragment's reference at once; when new, its whole text is filed beside its
    /// skeleton, so the next copy is found that way. Returns false, leaving `out` unusable, for
    /// text that is not balanced JSON.
    private mutating func split(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout Scratch,
                                fragments: inout [UInt8], fragmentCount: inout Int) -> Bool {
        scratch.kinds.removeAll(keepingCapacity: true)
        scratch.starts.removeAll(keepingCapacity: true)
        scratch.wholeKeys.removeAll(keepingCapacity: true)
        let n = bytes.count
        let lookWhole = n > wholeMinimum
        if lookWhole && !matchContainers(bytes, scratch: &scratch) { return false }
        var opened = 0
        var keyNext = false
        var i = 0
        scratch.out.reserveCapacity(n)
        while i < n {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""):
                let start = scratch.out.count
                guard let j = Self.closingQuote(bytes, after: i) else { return false }
                scratch.out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i...j]))
                i = j + 1
                let isKey = keyNext && scratch.kinds.last == UInt8(ascii: "{")
                keyNext = false
                if !isKey && !scratch.kinds.isEmpty && scratch.out.count - start >= Self.minimumFragment {
                    _ = reference(from: start, in: &scratch.out, fragments: &fragments, fragmentCount: &fragmentCount)
                }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let container = opened
                opened += 1
                var wholeKey: Key?
                if lookWhole && !scratch.kinds.isEmpty {
                    let close = scratch.closeAt[container]
                    if close - i + 1 >= wholeMinimum {
                        let key = AuditBytes.key(UnsafeBufferPointer(rebasing: bytes[i...close]))
                        if let known = ids[key] {
                            scratch.out.append(0x01)
                            AuditBytes.appendVarint(UInt64(known), to: &scratch.out)
                            i = close + 1
                            opened = scratch.opensBeforeClose[container]
                            keyNext = false
                            continue
                        }
                        wholeKey = key
                    }
                }
                scratch.kinds.append(byte)
                scratch.starts.append(scratch.out.count)
                scratch.wholeKeys.append(wholeKey)
                scratch.out.append(byte)
                keyNext = byte == UInt8(ascii: "{")
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard scratch.kinds.popLast() != nil, let start = scratch.starts.popLast(), let wholeKey = scratch.wholeKeys.popLast() else {
                    return false
                }
                scratch.out.append(byte)
                keyNext = false
                if !scratch.kinds.isEmpty && (scratch.out.count - start >= Self.minimumFragment || wholeKey != nil) {
                    let id = reference(from: start, in: &scratch.out, fragments: &fragments, fragmentCount: &fragmentCount)
                    if let wholeKey, ids[wholeKey] == nil { ids.insert(wholeKey, id: id) }
                }
            case UInt8(ascii: ","):
                scratch.out.append(byte)
                keyNext = scratch.kinds.last == UInt8(ascii: "{")
            default:
                scratch.out.append(byte)
            }
            i += 1
        }
        return scratch.kinds.isEmpty
    }

    /// Replaces `out[start...]` by a reference to its fragment, defining the fragment when new;
    /// returns the fragment's number.
    private mutating func reference(from start: Int, in out: inout [UInt8], fragments: inout [UInt8], fragmentCount: inout Int) -> UInt32 {
        let key = out.withUnsafeBufferPointer { buffer in AuditBytes.key(UnsafeBufferPointer(rebasing: buffer[start...])) }
        let id: UInt32
        if let known = ids[key] {
            id = known
        } else {
            id = nextID
            nextID += 1
            ids.insert(key, id: id)
            AuditBytes.appendVarint(UInt64(out.count - start), to: &fragments)
            fragments.append(contentsOf: out[start...])
            fragmentCount += 1
        }
        out.removeSubrange(start...)
        out.append(0x01)
        AuditBytes.appendVarint(UInt64(id), to: &out)
        return id
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
