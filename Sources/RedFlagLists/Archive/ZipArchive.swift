import CZlib
import Foundation
import RedFlagCore

/// A read-only ZIP archive held in memory, enough to open XLSX workbooks (OFSI's `ConList.xlsx`):
/// the central directory is read from the end of the file, members are stored or deflated, and
/// every member is checked against its declared size and CRC-32.
///
/// List files come from the network, so the reader trusts nothing it reads: offsets and sizes
/// are bounds-checked, a member may not inflate beyond its declared size (nor beyond
/// `maximumMemberSize`, against ZIP bombs), and encrypted, multi-disk and ZIP64 archives are
/// refused with a message rather than misread.
public struct ZipArchive {
    /// One member of the archive, as the central directory describes it.
    public struct Member: Sendable, Equatable {
        public var name: String
        /// 0 stored, 8 deflated; anything else is refused when read.
        public var method: UInt16
        public var flags: UInt16
        public var crc32: UInt32
        public var compressedSize: Int
        public var size: Int
        var localHeaderOffset: Int
    }

    /// Where the archive came from, for messages.
    public let path: String
    public let members: [Member]
    private let bytes: [UInt8]

    /// No list workbook comes near this; a member declaring more is refused before inflating.
    public static let maximumMemberSize = 1 << 30

    /// Reads the archive at `url` into memory and its central directory.
    public init(url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw FileManager.default.fileExists(atPath: url.path)
                ? RedFlagError.unreadable(path: url.path, reason: error.localizedDescription)
                : RedFlagError.fileNotFound(path: url.path)
        }
        try self.init(bytes: [UInt8](data), path: url.path)
    }

    /// Reads the central directory of the archive in `bytes`, named `path` in messages.
    public init(bytes: [UInt8], path: String) throws {
        self.path = path
        self.bytes = bytes
        members = try Self.centralDirectory(bytes, path: path)
    }

    /// The member called `name` (exact, case-sensitive as ZIP names are), if any.
    public func member(named name: String) -> Member? { members.first { $0.name == name } }

    /// The uncompressed content of `member`, checked against its size and CRC-32.
    public func contents(of member: Member) throws -> [UInt8] {
        let where_ = "member \(member.name)"
        guard member.flags & 1 == 0 else { throw bad(where_, "is encrypted") }
        guard member.size <= Self.maximumMemberSize else {
            throw bad(where_, "declares \(member.size) bytes, more than the \(Self.maximumMemberSize) accepted")
        }
        let o = member.localHeaderOffset
        guard o >= 0, o + 30 <= bytes.count, u32(o) == 0x0403_4b50 else { throw bad(where_, "local header missing or damaged") }
        let start = o + 30 + Int(u16(o + 26)) + Int(u16(o + 28))
        guard start <= bytes.count, member.compressedSize <= bytes.count - start else {
            throw bad(where_, "data runs past the end of the file (truncated download?)")
        }
        let out: [UInt8]
        switch member.method {
        case 0:
            guard member.compressedSize == member.size else { throw bad(where_, "stored member with two different sizes") }
            out = Array(bytes[start..<(start + member.size)])
        case 8:
            out = try inflate(start..<(start + member.compressedSize), size: member.size, where_: where_)
        default:
            throw bad(where_, "uses compression method \(member.method); only stored and deflated members are supported")
        }
        let crc = out.withUnsafeBufferPointer { UInt32(CZlib.crc32(0, $0.baseAddress, uInt($0.count))) }
        guard crc == member.crc32 else { throw bad(where_, "CRC-32 mismatch: the archive is damaged") }
        return out
    }

    /// The content of the member called `name`; a clear error when it is absent.
    public func contents(named name: String) throws -> [UInt8] {
        guard let m = member(named: name) else { throw bad(nil, "has no member \(name)") }
        return try contents(of: m)
    }

    // MARK: - Reading

    private func inflate(_ range: Range<Int>, size: Int, where_: String) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: size)
        var stream = z_stream()
        guard redflag_inflate_init_raw(&stream) == Z_OK else { throw bad(where_, "zlib could not start inflating") }
        defer { inflateEnd(&stream) }
        let status: Int32 = bytes.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + range.lowerBound)
                stream.avail_in = uInt(range.count)
                // One spare byte tells "exactly the declared size" from "more than declared".
                var spare: UInt8 = 0
                if size > 0 {
                    stream.next_out = output.baseAddress
                    stream.avail_out = uInt(size)
                    let r = CZlib.inflate(&stream, Z_FINISH)
                    if r != Z_BUF_ERROR { return r }
                }
                return withUnsafeMutablePointer(to: &spare) { p in
                    stream.next_out = p
                    stream.avail_out = 1
                    return CZlib.inflate(&stream, Z_FINISH)
                }
            }
        }
        if Int(stream.total_out) > size { throw bad(where_, "inflates to more than its declared \(size) bytes") }
        guard status == Z_STREAM_END else {
            let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
            throw bad(where_, "cannot be inflated (\(message)): the archive is damaged or truncated")
        }
        guard Int(stream.total_out) == size else {
            throw bad(where_, "inflates to \(stream.total_out) bytes, not the declared \(size)")
        }
        return out
    }

    private static func centralDirectory(_ b: [UInt8], path: String) throws -> [Member] {
        func bad(_ message: String) -> RedFlagError { RedFlagError.badData(path: path, location: nil, message: "ZIP archive \(message)") }
        func u16(_ o: Int) -> Int { Int(b[o]) | Int(b[o + 1]) << 8 }
        func u32(_ o: Int) -> Int { u16(o) | u16(o + 2) << 16 }
        guard b.count >= 22 else { throw bad("too short to be a ZIP file (truncated download?)") }
        // The end record sits in the last 22 bytes plus up to 64 KB of archive comment.
        var eocd: Int?
        var o = b.count - 22
        let lowest = max(0, b.count - 22 - 65_535)
        while o >= lowest {
            if b[o] == 0x50, b[o + 1] == 0x4B, b[o + 2] == 0x05, b[o + 3] == 0x06 { eocd = o; break }
            o -= 1
        }
        guard let e = eocd else { throw bad("has no end-of-central-directory record (truncated download?)") }
        guard u16(e + 4) == 0, u16(e + 6) == 0 else { throw bad("spans several disks; not supported") }
        let count = u16(e + 10)
        let size = u32(e + 12)
        let offset = u32(e + 16)
        guard count != 0xFFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF else { throw bad("is ZIP64; not supported") }
        guard offset + size <= e else { throw bad("central directory lies outside the file") }
        var members: [Member] = []
        members.reserveCapacity(count)
        var p = offset
        for i in 0..<count {
            guard p + 46 <= e, u32(p) == 0x0201_4b50 else { throw bad("central directory entry \(i + 1) is damaged") }
            let nameLength = u16(p + 28)
            let extraLength = u16(p + 30)
            let commentLength = u16(p + 32)
            let end = p + 46 + nameLength + extraLength + commentLength
            guard end <= e else { throw bad("central directory entry \(i + 1) runs past its end") }
            let compressed = u32(p + 20)
            let plain = u32(p + 24)
            let local = u32(p + 42)
            guard compressed != 0xFFFF_FFFF, plain != 0xFFFF_FFFF, local != 0xFFFF_FFFF else { throw bad("is ZIP64; not supported") }
            members.append(Member(name: String(decoding: b[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self),
                                  method: UInt16(u16(p + 10)), flags: UInt16(u16(p + 8)), crc32: UInt32(u32(p + 16)),
                                  compressedSize: compressed, size: plain, localHeaderOffset: local))
            p = end
        }
        return members
    }

    private func u16(_ o: Int) -> UInt16 { UInt16(bytes[o]) | UInt16(bytes[o + 1]) << 8 }
    private func u32(_ o: Int) -> UInt32 { UInt32(u16(o)) | UInt32(u16(o + 2)) << 16 }

    private func bad(_ location: String?, _ message: String) -> RedFlagError {
        RedFlagError.badData(path: path, location: location, message: location == nil ? "ZIP archive \(message)" : message)
    }
}
