import CCrypto
import CZlib
import Foundation

/// The byte-level helpers of the compact audit format: LEB128 numbers, SHA-256 keys and zlib.
enum AuditBytes {
    static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// SHA-256 of `bytes` into the 32 bytes at `digest`, through a context on the stack: OpenSSL 3's
    /// one-shot `SHA256()` looks the algorithm up in its provider table under a lock on every call,
    /// which cost more than the hashing itself for the dozens of small fragments of every record
    /// (8 % of a HOLD/STOP-heavy check's CPU time). Same digest.
    static func digest(_ bytes: UnsafeBufferPointer<UInt8>, into digest: UnsafeMutablePointer<UInt8>) {
        var context = SHA256_CTX()
        _ = SHA256_Init(&context)
        if let base = bytes.baseAddress, bytes.count > 0 { _ = SHA256_Update(&context, base, bytes.count) }
        _ = SHA256_Final(digest, &context)
    }

    /// SHA-256 of `first` followed by `second`, without joining them.
    static func sha256(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { out, count in
            var context = SHA256_CTX()
            _ = SHA256_Init(&context)
            if let base = first.baseAddress, first.count > 0 { _ = SHA256_Update(&context, base, first.count) }
            if let base = second.baseAddress, second.count > 0 { _ = SHA256_Update(&context, base, second.count) }
            _ = SHA256_Final(out.baseAddress!, &context)
            count = 32
        }
    }

    /// SHA-256 of `bytes`.
    static func sha256(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { out, count in
            digest(bytes, into: out.baseAddress!)
            count = 32
        }
    }

    static func sha256(_ bytes: [UInt8]) -> [UInt8] { bytes.withUnsafeBufferPointer { sha256($0) } }

    /// The table key of a fragment: 128 bits of its SHA-256 and its length. A cryptographic hash
    /// because list entries and order fields come from outside: a collision would swap one
    /// record's text for another's.
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> AuditRecordPacker.Key {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digest in
            AuditBytes.digest(bytes, into: digest.baseAddress!)
            var a: UInt64 = 0
            var b: UInt64 = 0
            for k in 0..<8 {
                a = a << 8 | UInt64(digest[k])
                b = b << 8 | UInt64(digest[8 + k])
            }
            return AuditRecordPacker.Key(a: a, b: b, length: bytes.count)
        }
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// zlib level 6 (the default): level 1 left the heavy mix's blocks a third larger for a
    /// small saving of CPU, on a writer thread that runs beside the checking.
    static let compressionLevel: Int32 = 6

    /// `payload` as stored: its length as LEB128, then its zlib stream.
    static func compress(_ payload: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        appendVarint(UInt64(payload.count), to: &out)
        var bound = compressBound(uLong(payload.count))
        let header = out.count
        out.append(contentsOf: repeatElement(0, count: Int(bound)))
        let status = out.withUnsafeMutableBufferPointer { dest in
            payload.withUnsafeBufferPointer { src in
                compress2(dest.baseAddress! + header, &bound, src.baseAddress, uLong(src.count), compressionLevel)
            }
        }
        precondition(status == Z_OK, "zlib compress2 failed with \(status) on a buffer of its own bound")
        out.removeSubrange((header + Int(bound))...)
        return out
    }

    /// The payload of a stored block; throws on a damaged one.
    static func decompress(_ stored: [UInt8]) throws -> [UInt8] {
        var reader = Reader(bytes: stored)
        let size = try reader.varint()
        guard size <= 1 << 34 else { throw AuditRecordUnpacker.Failure.corrupt("block claims \(size) bytes") }
        var length = uLong(size)
        var out = [UInt8](repeating: 0, count: Int(size))
        let rest = stored[reader.offset...]
        let status = out.withUnsafeMutableBufferPointer { dest in
            rest.withUnsafeBufferPointer { src in uncompress(dest.baseAddress, &length, src.baseAddress, uLong(src.count)) }
        }
        guard status == Z_OK, length == uLong(size) else {
            throw AuditRecordUnpacker.Failure.corrupt("block does not inflate (zlib status \(status))")
        }
        return out
    }

    /// Reads LEB128 numbers and byte runs from a buffer, never past its end.
    struct Reader {
        let bytes: [UInt8]
        private(set) var offset = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        var isAtEnd: Bool { offset == bytes.count }

        mutating func varint() throws -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard offset < bytes.count, shift < 64 else { throw AuditRecordUnpacker.Failure.corrupt("truncated number") }
                let b = bytes[offset]
                offset += 1
                value |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 { return value }
                shift += 7
            }
        }

        mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
            guard count >= 0, count <= bytes.count - offset else { throw AuditRecordUnpacker.Failure.corrupt("truncated block") }
            defer { offset += count }
            return bytes[offset..<(offset + count)]
        }
    }
}
