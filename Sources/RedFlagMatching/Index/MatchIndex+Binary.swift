import Foundation
import RedFlagCore

/// The index file: a magic number, a format version, the layout key of the stored records, the
/// digest of the name tables it was built with (`ProjectData.namesDigest`), then
/// every flat array of `MatchIndex` in a fixed order, each as a byte length and raw little-endian
/// bytes padded to 8. Opening maps the file and reads every array in place (`FlatArray`): no copy,
/// no parsing, no per-entry allocation, and only the pages a query touches are ever read, which is
/// what keeps a fresh process's `redflag screen` close to the cost of starting the binary.
extension MatchIndex {
    /// File name of the index inside the list store.
    public static let fileName = "match-index.bin"
    static let magic: UInt32 = 0x5846_4D52  // "RMFX" little-endian
    /// 7: the candidate-bound tables (`DocumentBoundTerms`) are stored rather than derived at open,
    /// and the arrays are read in place. An index of another version is refused with a message
    /// asking for a re-import (`lists import` rebuilds it), never read. 8: the name tables' digest
    /// follows the layout key, so an index built with other name knowledge is rebuilt too. 9: a
    /// name's flags mark a bracketed part standing alone (`isBracketOnly`).
    static let version: UInt32 = 9

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
        w.scalar(DocumentBoundTerms.layoutKey)
        w.scalar(ProjectData.namesDigest)
        w.space(names)
        w.array(nameEntry); w.array(nameFlags); w.table(nameText); w.table(nameLegalForms)
        w.space(addresses)
        w.array(addressEntry); w.table(addressText)
        w.table(entryID); w.array(entrySource); w.table(entryList); w.array(entryType); w.table(entryPrograms)
        w.table(entryCountries); w.array(entryBirthOffsets); w.array(entryBirthYears)
        w.array(entryIDOrder)
        w.array(entryJSONOffsets)
        w.array(entryJSONBlob)
        w.terms(nameTerms)
        w.terms(addressTerms)
    }

    /// Reads an index written by `serialized()` from a copy of `data`; `path` names the file in errors.
    public init(data: Data, path: String) throws {
        let copy = AlignedBytes(data)
        try self.init(bytes: copy.bytes, owner: copy, path: path)
    }

    /// Whether the file at `url` is an index in this build's format (magic number, version and
    /// record layout, name tables; its first 24 bytes). False for a missing, foreign or older file.
    public static func isCurrentFile(at url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 24), head.count == 24 else { return false }
        return head.withUnsafeBytes { b in
            UInt32(littleEndian: b.loadUnaligned(fromByteOffset: 0, as: UInt32.self)) == magic
                && UInt32(littleEndian: b.loadUnaligned(fromByteOffset: 4, as: UInt32.self)) == version
                && UInt64(littleEndian: b.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) == DocumentBoundTerms.layoutKey
                && UInt64(littleEndian: b.loadUnaligned(fromByteOffset: 16, as: UInt64.self)) == ProjectData.namesDigest
        }
    }

    /// Reads the index file at `url` in place: the file is mapped, not read.
    public init(contentsOf url: URL) throws {
        let file: MappedFile
        do {
            file = try MappedFile(path: url.path)
        } catch {
            throw RedFlagError.unreadable(path: url.path, reason: error.reason)
        }
        try self.init(bytes: file.bytes, owner: file, path: url.path)
    }

    /// Reads the index in `bytes` (8-byte aligned), which `owner` keeps valid.
    private init(bytes: UnsafeRawBufferPointer, owner: AnyObject, path: String) throws {
        var r = BinaryReader(bytes: bytes, owner: owner, path: path)
        guard try r.scalar(UInt32.self) == MatchIndex.magic else {
            throw RedFlagError.badData(path: path, location: nil, message: "not a redflag match index (bad magic number)")
        }
        let v = try r.scalar(UInt32.self)
        guard v == MatchIndex.version else {
            throw RedFlagError.badData(path: path, location: nil, message: "match index version \(v), expected \(MatchIndex.version): re-import the lists (`redflag lists import` rebuilds it, even from unchanged files)")
        }
        #if _endian(big)
        throw RedFlagError.badData(path: path, location: nil, message: "match index is little-endian; this machine is big-endian: re-import the lists")
        #endif
        guard try r.scalar(UInt64.self) == DocumentBoundTerms.layoutKey else {
            throw RedFlagError.badData(path: path, location: nil, message: "match index written by a build with another record layout: re-import the lists")
        }
        guard try r.scalar(UInt64.self) == ProjectData.namesDigest else {
            throw RedFlagError.badData(path: path, location: nil, message: "match index built with other name tables: re-import the lists (`redflag lists import` rebuilds it)")
        }
        let names = try r.space()
        let nameEntry: FlatArray<Int32> = try r.array(), nameFlags: FlatArray<UInt8> = try r.array()
        let nameText = try r.table(), nameLegalForms = try r.table()
        let addresses = try r.space()
        let addressEntry: FlatArray<Int32> = try r.array()
        let addressText = try r.table()
        let entryID = try r.table()
        let entrySource: FlatArray<UInt8> = try r.array()
        let entryList = try r.table()
        let entryType: FlatArray<UInt8> = try r.array()
        let entryPrograms = try r.table(), entryCountries = try r.table()
        let entryBirthOffsets: FlatArray<Int32> = try r.array(), entryBirthYears: FlatArray<Int16> = try r.array()
        let entryIDOrder: FlatArray<Int32> = try r.array()
        let entryJSONOffsets: FlatArray<Int64> = try r.array()
        let entryJSONBlob: FlatArray<UInt8> = try r.array()
        let nameTerms = try r.terms(), addressTerms = try r.terms()
        guard r.atEnd else {
            throw RedFlagError.badData(path: path, location: "byte \(r.offset)", message: "corrupt match index: bytes after the last table")
        }
        self.init(names: names, nameEntry: nameEntry, nameFlags: nameFlags, nameText: nameText, nameLegalForms: nameLegalForms,
                  addresses: addresses, addressEntry: addressEntry, addressText: addressText, entryID: entryID,
                  entrySource: entrySource, entryList: entryList, entryType: entryType, entryPrograms: entryPrograms,
                  entryCountries: entryCountries, entryBirthOffsets: entryBirthOffsets, entryBirthYears: entryBirthYears,
                  entryJSONOffsets: entryJSONOffsets, entryJSONBlob: entryJSONBlob, entryIDOrder: entryIDOrder,
                  nameTerms: nameTerms, addressTerms: addressTerms)
        try validate(path: path)
    }

    /// Cross-checks array lengths so a truncated or mismatched file fails here, not mid-screening,
    /// and that every stored reference points inside its table (what a reader indexes by without
    /// a further check).
    private func validate(path: String) throws {
        let e = entryID.count
        func check(_ ok: Bool, _ what: String) throws {
            if !ok { throw RedFlagError.badData(path: path, location: nil, message: "corrupt match index: \(what)") }
        }
        func within(_ a: FlatArray<Int32>, _ bound: Int) -> Bool {
            a.withUnsafeBufferPointer { b in
                // One unsigned comparison per value, no early exit: a tight loop the compiler vectorises.
                b.reduce(true) { $0 && UInt32(bitPattern: $1) < UInt32(bound) }
            }
        }
        try check(nameEntry.count == names.documentCount && nameFlags.count == nameEntry.count && nameText.count == nameEntry.count
                  && nameLegalForms.count == nameEntry.count, "name arrays disagree")
        try check(addressEntry.count == addresses.documentCount && addressText.count == addressEntry.count, "address arrays disagree")
        try check(entrySource.count == e && entryType.count == e && entryList.count == e && entryPrograms.count == e && entryCountries.count == e
                  && entryJSONOffsets.count == e + 1 && entryJSONOffsets.first == 0
                  && entryJSONOffsets.last.map { Int($0) == entryJSONBlob.count } == true
                  && entryBirthOffsets.count == e + 1 && entryBirthOffsets.last.map { Int($0) == entryBirthYears.count } == true
                  && entryIDOrder.count == e, "entry arrays disagree")
        try check(within(nameEntry, e) && within(addressEntry, e) && within(entryIDOrder, e), "entry reference out of range")
        for (space, terms) in [(names, nameTerms), (addresses, addressTerms)] {
            let v = space.vocabulary.count, d = space.documentCount
            try check(space.weights.count == v && space.skeletons.count == v && space.postingOffsets.count == v + 1
                      && space.postingOffsets.last.map { Int($0) == space.postings.count } == true
                      && space.skeletonTokens.count == space.skeletonKeys.count
                      && space.trigramOffsets.count == space.trigramKeys.count + 1
                      && space.trigramOffsets.last.map { Int($0) == space.trigramTokens.count } == true, "vocabulary arrays disagree")
            try check(space.documentWeights.count == d && space.documentOffsets.last.map { Int($0) == space.documentTokens.count } == true,
                      "document arrays disagree")
            try check(within(space.documentTokens, v) && within(space.trigramTokens, v) && within(space.skeletonTokens, v)
                      && within(space.postings, d), "token reference out of range")
            try check(terms.documents.count == d && terms.initialWeight.count == d && terms.initialBits.count == (d + 63) / 64
                      && terms.singleLetterBits.count == (v + 63) / 64 && terms.initialPostingOffsets.count == v + 1
                      && terms.initialPostingOffsets.last.map { Int($0) == terms.initialPostings.count } == true
                      && within(terms.initialPostings, d), "candidate-bound tables disagree")
        }
    }
}

/// A copy of bytes at an 8-byte-aligned address, so arrays can be read from it in place.
private final class AlignedBytes {
    let bytes: UnsafeRawBufferPointer

    init(_ data: Data) {
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(1, data.count), alignment: 16)
        data.withUnsafeBytes { if let base = $0.baseAddress { p.copyMemory(from: base, byteCount: $0.count) } }
        bytes = UnsafeRawBufferPointer(start: p, count: data.count)
    }

    deinit { bytes.baseAddress.map { UnsafeMutableRawPointer(mutating: $0).deallocate() } }
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

    mutating func array<T>(_ a: FlatArray<T>) {
        scalar(UInt64(a.count * MemoryLayout<T>.stride))
        a.withUnsafeBytes { append($0) }
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

    mutating func terms(_ t: DocumentBoundTerms) {
        array(t.documents); array(t.initialBits); array(t.singleLetterBits); array(t.initialWeight)
        array(t.initialPostingOffsets); array(t.initialPostings)
    }

    private mutating func pad() {
        let zeros: UInt64 = 0
        withUnsafeBytes(of: zeros) { append(UnsafeRawBufferPointer(rebasing: $0.prefix((8 - count % 8) % 8))) }
    }
}

/// Reads what `BinaryWriter` wrote, in place: every array is a `FlatArray` over `bytes`, after
/// its length is checked against the bytes left.
struct BinaryReader {
    let bytes: UnsafeRawBufferPointer
    let owner: AnyObject
    let path: String
    private(set) var offset = 0

    init(bytes: UnsafeRawBufferPointer, owner: AnyObject, path: String) {
        self.bytes = bytes
        self.owner = owner
        self.path = path
    }

    var atEnd: Bool { offset == bytes.count }

    mutating func scalar<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw truncated() }
        let v = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return T(littleEndian: v)
    }

    mutating func array<T: BitwiseCopyable>() throws -> FlatArray<T> {
        let length = try scalar(UInt64.self)
        let stride = MemoryLayout<T>.stride
        guard length <= UInt64(bytes.count - offset), Int(length) % stride == 0 else { throw truncated() }
        let byteCount = Int(length)
        let start = bytes.baseAddress! + offset
        guard Int(bitPattern: start) % MemoryLayout<T>.alignment == 0 else {
            throw RedFlagError.badData(path: path, location: "byte \(offset)", message: "corrupt match index: misaligned table")
        }
        let out = FlatArray<T>(base: start.assumingMemoryBound(to: T.self), count: byteCount / stride, owner: owner)
        offset += byteCount
        offset = min(bytes.count, (offset + 7) & ~7)
        return out
    }

    mutating func table() throws -> StringTable {
        let bytes: FlatArray<UInt8> = try array()
        let offsets: FlatArray<Int32> = try array()
        guard let last = offsets.last, offsets.first == 0, Int(last) == bytes.count else {
            throw RedFlagError.badData(path: path, location: "byte \(offset)", message: "corrupt match index: string table offsets")
        }
        return StringTable(bytes: bytes, offsets: offsets)
    }

    mutating func space() throws -> TokenSpace {
        TokenSpace(vocabulary: try table(), weights: try array(), skeletons: try array(), skeletonKeys: try array(),
                   skeletonTokens: try array(), trigramKeys: try array(), trigramOffsets: try array(), trigramTokens: try array(),
                   documentOffsets: try array(), documentTokens: try array(), documentWeights: try array(), postingOffsets: try array(),
                   postings: try array())
    }

    mutating func terms() throws -> DocumentBoundTerms {
        DocumentBoundTerms(documents: try array(), initialBits: try array(), singleLetterBits: try array(), initialWeight: try array(),
                           initialPostingOffsets: try array(), initialPostings: try array())
    }

    private func truncated() -> RedFlagError {
        RedFlagError.badData(path: path, location: "byte \(offset)", message: "match index is truncated")
    }
}
