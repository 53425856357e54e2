import CCrypto
import Foundation

/// SHA-256 (FIPS 180-4), used to fingerprint list snapshots and inputs so a screening result
/// can name exactly which data it was made against. Streaming: feed chunks with `update`.
///
/// The rounds are OpenSSL's (libcrypto): every imported list file (over 100 MB) and every stored
/// entry is hashed, and libcrypto uses the CPU's SHA extensions where a portable implementation
/// managed a tenth of the speed.
public struct SHA256: Sendable {
    private var context = SHA256_CTX()

    public init() {
        SHA256_Init(&context)
    }

    public mutating func update<D: DataProtocol>(_ data: D) {
        for region in data.regions {
            region.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, raw.count > 0 else { return }
                _ = SHA256_Update(&context, base, raw.count)
            }
        }
    }

    /// The digest as 64 lower-case hex digits.
    public mutating func finalizeHex() -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Int(SHA256_DIGEST_LENGTH)) { digest in
            _ = SHA256_Final(digest.baseAddress, &context)
            let hexDigits = Array("0123456789abcdef".utf8)
            return String(unsafeUninitializedCapacity: digest.count * 2) { out in
                for (i, byte) in digest.enumerated() {
                    out[2 * i] = hexDigits[Int(byte >> 4)]
                    out[2 * i + 1] = hexDigits[Int(byte & 0x0F)]
                }
                return digest.count * 2
            }
        }
    }

    /// Hex digest of `data`.
    public static func hex<D: DataProtocol>(_ data: D) -> String {
        var s = SHA256()
        s.update(data)
        return s.finalizeHex()
    }

    /// Hex digest of a file, read in chunks.
    public static func hex(ofFile url: URL) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw FileManager.default.fileExists(atPath: url.path)
                ? RedFlagError.unreadable(path: url.path, reason: "cannot open") : RedFlagError.fileNotFound(path: url.path)
        }
        defer { try? handle.close() }
        var s = SHA256()
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            s.update(chunk)
        }
        return s.finalizeHex()
    }
}
