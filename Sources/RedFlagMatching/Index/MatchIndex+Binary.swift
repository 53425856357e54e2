import Foundation
import RedFlagCore

/// The index file: a magic number, a format version, then every flat array of `MatchIndex` in a
/// fixed order, each as a byte length and raw little-endian bytes padded to 8. Reading is one
/// file read and one copy per array (no parsing, no per-entry allocation), which keeps a fresh
/// process's `redflag screen` well under 100 ms with every list imported.
extension MatchIndex {
    /// File name of the index inside the list store.
    public static let fileName = "match-index.bin"
    static let magic: UInt32 = 0x5846_4D52  // "RMFX" little-endian
    static let version: UInt32 = 6

    /// Serialises the index.
    public func serialized() -> Data {
        // A dry run that only counts first, so the buffer (60 MB with every list) is allocated
        // once instead of regrown and copied a dozen times.
        var size = BinaryWriter(counting: true)
        write(to: &size)
        var w = BinaryWriter(capacity: size.count)
        write(to: &w)
        return w.data
    }

    private func write(to w: inout BinaryWriter) {
        w.scalar(MatchIndex.magic)
        w.scalar(MatchIndex.version)
        w.space(names)
        w.array(nameEntry); w.array(nameFlags); w.table(nameText); w.table(nameLegalForms)
        w.space(addresses)
        w.array(addressEntry); w.table(addressText)
        w.table(entryID); w.array(entrySource); w.table(entryList); w.array(entryType); w.table(entryPrograms)
        w.table(entryCountries); w.array(entryBirthOffsets); w.array(entryBirthYears)
        w.array(entryIDOrder)
        w.array(entryJSONOffsets)
        w.blob(entryJSONBlob)
    }

    /// Reads an index written by `serialized()`; `path` names the file in errors.
    public init(data: Data, path: String) throws {
        var r = BinaryReader(data: data, path: path)
        guard try r.scalar(UInt32.self) == MatchIndex.magic else {
            throw RedFlagError.badData(path: path, location: nil, message: "not a redflag match index (bad magic number)")
        }
        let v = try r.scalar(UInt32.self)
        guard v == MatchIndex.version else {
            throw RedFlagError.badData(path: path, location: nil, message: "match index version \(v), expected \(MatchIndex.version): re-import the lists")
        }
        let names = try r.space()
        let nameEntry: [Int32] = try r.array(), nameFlags: [UInt8] = try r.array()
        let nameText = try r.table(), nameLegalForms = try r.table()
        let addresses = try r.space()
        let addressEntry: [Int32] = try r.array()
        let addressText = try r.table()
        let entryID = try r.table()
        let entrySource: [UInt8] = try r.array()
        let entryList = try r.table()
        let entryType: [UInt8] = try r.array()
        let entryPrograms = try r.table(), entryCountries = try r.table()
        let entryBirthOffsets: [Int32] = try r.array(), entryBirthYears: [Int16] = try r.array()
        let entryIDOrder: [Int32] = try r.array()
        let entryJSONOffsets: [Int64] = try r.array()
        let entryJSONBlob = try r.blob()
        self.init(names: names, nameEntry: nameEntry, nameFlags: nameFlags, nameText: nameText, nameLegalForms: nameLegalForms,
                  addresses: addresses, addressEntry: addressEntry, addressText: addressText, entryID: entryID,
                  entrySource: entrySource, entryList: entryList, entryType: entryType, entryPrograms: entryPrograms,
                  entryCountries: entryCountries, entryBirthOffsets: entryBirthOffsets, entryBirthYears: entryBirthYears,
                  entryJSONOffsets: entryJSONOffsets, entryJSONBlob: entryJSONBlob, entryIDOrder: entryIDOrder)
        try validate(path: path)
    }

    /// Reads the index file at `url`.
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw RedFlagError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        try self.init(data: data, path: url.path)
    }

    /// Cross-checks array lengths so a truncated or mismatched file fails here, not mid-screening.
    private func validate(path: String) throws {
        let e = entryID.count
        func check(_ ok: Bool, _ what: String) throws {
            if !ok { throw RedFlagError.badData(path: path, location: nil, message: "corrupt match index: \(what)") }
        }
        try check(nameEntry.count == names.documentCount && nameFlags.count == nameEntry.count && nameText.count == nameEntry.count, "name arrays disagree")
        try check(addressEntry.count == addresses.documentCount && addressText.count == addressEntry.count, "address arrays disagree")
        try check(entrySource.count == e && entryType.count == e && entryList.count == e && entryJSONOffsets.count == e + 1
                  && entryJSONOffsets.last.map { Int($0) == entryJSONBlob.count } == true
                  && entryBirthOffsets.count == e + 1 && entryIDOrder.count == e, "entry arrays disagree")
        try check(nameEntry.allSatisfy { $0 >= 0 && Int($0) < e } && addressEntry.allSatisfy { $0 >= 0 && Int($0) < e }, "entry reference out of range")
        for space in [names, addresses] {
            let v = space.vocabulary.count
            try check(space.weights.count == v && space.skeletons.count == v && space.postingOffsets.count == v + 1, "vocabulary arrays disagree")
            try check(space.documentWeights.count == space.documentCount, "document weights disagree")
            try check(space.documentTokens.allSatisfy { $0 >= 0 && Int($0) < v } && space.trigramTokens.allSatisfy { $0 >= 0 && Int($0) < v }, "token reference out of range")
        }
    }
}

/// Appends flat arrays to a byte buffer, or only counts their bytes.
struct BinaryWriter {
    private(set) var data = Data()
    /// Bytes written so far.
    private(set) var count = 0
    /// Counts without keeping anything (to size the buffer of a real write).
    private let counting: Bool

    init(counting: Bool = false, capacity: Int = 0) {
        self.counting = counting
        if capacity > 0 { data.reserveCapacity(capacity) }
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        count += bytes.count
        if !counting { data.append(contentsOf: bytes) }
    }

    mutating func scalar<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.littleEndian) { append($0) }
    }

    mutating func array<T: FixedWidthInteger>(_ a: [T]) {
        scalar(UInt64(a.count * MemoryLayout<T>.stride))
        a.withUnsafeBytes { append($0) }
        pad()
    }

    mutating func array(_ a: [Float]) { array(a.map(\.bitPattern)) }

    mutating func blob(_ d: Data) {
        scalar(UInt64(d.count))
        d.withUnsafeBytes { append($0) }
        pad()
    }

    mutating func table(_ t: StringTable) {
        array(t.bytes)
        array(t.offsets)
    }

    mutating func space(_ s: TokenSpace) {
        table(s.vocabulary); array(s.weights); array(s.skeletons); array(s.skeletonKeys); array(s.skeletonTokens)
        array(s.trigramKeys); array(s.trigramOffsets); array(s.trigramTokens)
        array(s.documentOffsets); array(s.documentTokens); array(s.documentWeights); array(s.postingOffsets); array(s.postings)
    }

    private mutating func pad() {
        let zeros: UInt64 = 0
        withUnsafeBytes(of: zeros) { append(UnsafeRawBufferPointer(rebasing: $0.prefix((8 - count % 8) % 8))) }
    }
}

/// Reads what `BinaryWriter` wrote, checking every length against the bytes left.
struct BinaryReader {
    let data: Data
    let path: String
    var offset = 0

    init(data: Data, path: String) {
        self.data = data
        self.path = path
    }

    mutating func scalar<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= data.count else { throw truncated() }
        var v: T = 0
        withUnsafeMutableBytes(of: &v) { dst in
            data.withUnsafeBytes { src in dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[offset..<offset + size])) }
        }
        offset += size
        return T(littleEndian: v)
    }

    mutating func array<T: FixedWidthInteger>() throws -> [T] {
        let bytes = Int(try scalar(UInt64.self))
        let stride = MemoryLayout<T>.stride
        guard bytes % stride == 0, offset + bytes <= data.count else { throw truncated() }
        let count = bytes / stride
        let start = offset
        let out = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            data.withUnsafeBytes { src in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: src[start..<start + bytes]))
            }
            initialized = count
        }
        offset += bytes
        offset = (offset + 7) & ~7
        return out
    }

    /// A byte range of the file itself (no copy: a slice of the mapped data).
    mutating func blob() throws -> Data {
        let bytes = Int(try scalar(UInt64.self))
        guard offset + bytes <= data.count else { throw truncated() }
        let start = data.startIndex + offset
        offset = (offset + bytes + 7) & ~7
        return data[start..<(start + bytes)]
    }

    mutating func floats() throws -> [Float] {
        let bits: [UInt32] = try array()
        return bits.map(Float.init(bitPattern:))
    }

    mutating func table() throws -> StringTable {
        let bytes: [UInt8] = try array()
        let offsets: [Int32] = try array()
        guard let last = offsets.last, offsets.first == 0, Int(last) == bytes.count else {
            throw RedFlagError.badData(path: path, location: "byte \(offset)", message: "corrupt match index: string table offsets")
        }
        return StringTable(bytes: bytes, offsets: offsets)
    }

    mutating func space() throws -> TokenSpace {
        TokenSpace(vocabulary: try table(), weights: try floats(), skeletons: try array(), skeletonKeys: try array(),
                   skeletonTokens: try array(), trigramKeys: try array(), trigramOffsets: try array(), trigramTokens: try array(),
                   documentOffsets: try array(), documentTokens: try array(), documentWeights: try floats(), postingOffsets: try array(),
                   postings: try array())
    }

    private func truncated() -> RedFlagError {
        RedFlagError.badData(path: path, location: "byte \(offset)", message: "match index is truncated")
    }
}
