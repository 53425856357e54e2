import Foundation

/// SHA-256 (FIPS 180-4), used to fingerprint list snapshots and inputs so a screening result
/// can name exactly which data it was made against. Streaming: feed chunks with `update`.
public struct SHA256: Sendable {
    private var h: [UInt32] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    public init() {}

    public mutating func update<D: DataProtocol>(_ data: D) {
        length &+= UInt64(data.count)
        for region in data.regions {
            region.withUnsafeBytes { raw in
                var bytes = UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count)
                // Top up a partial block first, then hash whole blocks straight from the caller's memory.
                if !pending.isEmpty {
                    let take = min(64 - pending.count, bytes.count)
                    pending.append(contentsOf: bytes.prefix(take))
                    bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(take))
                    if pending.count == 64 {
                        pending.withUnsafeBufferPointer { compress($0, offset: 0) }
                        pending.removeAll(keepingCapacity: true)
                    }
                }
                let blocks = bytes.count / 64
                compress(bytes, blocks: 0..<(blocks * 64))
                pending.append(contentsOf: bytes.suffix(from: blocks * 64))
            }
        }
    }

    /// The digest as 64 lower-case hex digits.
    public mutating func finalizeHex() -> String {
        let bitLength = length &* 8
        var tail: [UInt8] = [0x80]
        while (pending.count + tail.count) % 64 != 56 { tail.append(0) }
        for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
        pending.append(contentsOf: tail)
        pending.withUnsafeBufferPointer { p in
            for i in 0..<(p.count / 64) { compress(p, offset: i * 64) }
        }
        pending.removeAll()
        return h.map { word in
            let s = String(word, radix: 16)
            return String(repeating: "0", count: 8 - s.count) + s
        }.joined()
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

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }  // masking shifts: a rotate, no overshift checks

    /// Hashes the 64-byte block at `offset` into `h`.
    private mutating func compress(_ p: UnsafeBufferPointer<UInt8>, offset: Int) {
        compress(p, blocks: offset..<(offset + 64))
    }

    /// Hashes the whole 64-byte blocks of `p` in `range` into `h`, the state held in locals and the
    /// schedule in one scratch buffer for all of them (per-block array traffic cost more than the
    /// rounds).
    private mutating func compress(_ p: UnsafeBufferPointer<UInt8>, blocks range: Range<Int>) {
        guard !range.isEmpty, let base = p.baseAddress else { return }
        var h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3], h4 = h[4], h5 = h[5], h6 = h[6], h7 = h[7]
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { wb in
            let w = wb.baseAddress!
            Self.k.withUnsafeBufferPointer { kb in
                let k = kb.baseAddress!
                var offset = range.lowerBound
                while offset + 64 <= range.upperBound {
                    let b = base + offset
                    for t in 0..<16 {
                        let o = t &* 4
                        w[t] = UInt32(b[o]) &<< 24 | UInt32(b[o &+ 1]) &<< 16 | UInt32(b[o &+ 2]) &<< 8 | UInt32(b[o &+ 3])
                    }
                    for t in 16..<64 {
                        let x = w[t &- 15], y = w[t &- 2]
                        let s0 = Self.rotr(x, 7) ^ Self.rotr(x, 18) ^ (x &>> 3)
                        let s1 = Self.rotr(y, 17) ^ Self.rotr(y, 19) ^ (y &>> 10)
                        w[t] = w[t &- 16] &+ s0 &+ w[t &- 7] &+ s1
                    }
                    var a = h0, b2 = h1, c = h2, d = h3, e = h4, f = h5, g = h6, hh = h7
                    for t in 0..<64 {
                        let s1 = Self.rotr(e, 6) ^ Self.rotr(e, 11) ^ Self.rotr(e, 25)
                        let ch = (e & f) ^ (~e & g)
                        let t1 = hh &+ s1 &+ ch &+ k[t] &+ w[t]
                        let s0 = Self.rotr(a, 2) ^ Self.rotr(a, 13) ^ Self.rotr(a, 22)
                        let maj = (a & b2) ^ (a & c) ^ (b2 & c)
                        let t2 = s0 &+ maj
                        hh = g; g = f; f = e; e = d &+ t1; d = c; c = b2; b2 = a; a = t1 &+ t2
                    }
                    h0 &+= a; h1 &+= b2; h2 &+= c; h3 &+= d; h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= hh
                    offset += 64
                }
            }
        }
        h[0] = h0; h[1] = h1; h[2] = h2; h[3] = h3; h[4] = h4; h[5] = h5; h[6] = h6; h[7] = h7
    }
}
