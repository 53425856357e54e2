import Foundation

/// The hash chain that makes a run's records tamper-evident.
///
/// The chain starts from the SHA-256 of the run's header as stored when it began (id, command,
/// start time, user, arguments, directory, input, lists, configuration); each record extends it
/// with `SHA-256(previous ‖ index ‖ decision ‖ record bytes)`; the run's end seals it with its
/// status, end time, counts, exit code and input hash. Every record's link is stored (16 bytes of
/// it, beside its block), so `audit verify` names the first record whose text, place or decision
/// no longer matches; the seal covers what was recorded at the end, so dropping the last blocks
/// of a finished run shows too. The seal can be copied elsewhere (`audit list --format json`):
/// whoever holds it can tell whether the run was rewritten as a whole.
struct AuditChain {
    /// Bytes of each record's link that are stored (128 bits: collisions stay out of reach).
    static let storedLinkLength = 16

    private(set) var head: [UInt8]

    init(head: [UInt8]) { self.head = head }

    /// The chain's start for a run header (the values exactly as stored in the run row).
    static func seed(runID: Int64, header: [String?]) -> [UInt8] {
        var text = "redflag audit chain 1\n\(runID)"
        for field in header {
            // Length-prefixed, so no field can be made to look like two.
            if let field { text += "\n\(field.utf8.count):\(field)" } else { text += "\n-" }
        }
        return AuditBytes.sha256(Array(text.utf8))
    }

    /// Extends the chain with one record; returns the new link.
    mutating func append(index: Int, decision: UInt8, record: [UInt8]) -> [UInt8] {
        record.withUnsafeBufferPointer { append(index: index, decision: decision, record: $0) }
    }

    /// Extends the chain with one record's text, hashed where it lies: a heavy check's records
    /// are kilobytes each, and copying every one twice to hash it cost more than the hashing.
    mutating func append(index: Int, decision: UInt8, record: String) -> [UInt8] {
        var text = record
        return text.withUTF8 { append(index: index, decision: decision, record: $0) }
    }

    private mutating func append(index: Int, decision: UInt8, record: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var prefix = head
        var i = UInt64(index).bigEndian
        withUnsafeBytes(of: &i) { prefix.append(contentsOf: $0) }
        prefix.append(decision)
        head = prefix.withUnsafeBufferPointer { AuditBytes.sha256($0, record) }
        return head
    }

    /// The seal of a finished run: the chain's head with what the run's end recorded.
    static func seal(head: [UInt8], fields: [String?]) -> String {
        var input = head
        for field in fields {
            if let field { input.append(contentsOf: Array("\n\(field.utf8.count):\(field)".utf8)) } else { input.append(contentsOf: Array("\n-".utf8)) }
        }
        return AuditBytes.hex(AuditBytes.sha256(input))
    }
}
