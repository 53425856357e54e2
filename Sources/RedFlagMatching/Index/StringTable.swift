/// Many strings packed into one UTF-8 buffer plus offsets: two allocations instead of one per
/// string, written and read as two flat arrays by the index file (read in place from it).
public struct StringTable: Sendable, Equatable {
    public let bytes: FlatArray<UInt8>
    /// `count + 1` offsets; string i is `bytes[offsets[i] ..< offsets[i + 1]]`.
    public let offsets: FlatArray<Int32>

    /// Collects strings for a table (the table itself is read-only, as when read from a file).
    public struct Builder {
        var bytes: [UInt8] = []
        var offsets: [Int32] = [0]

        public init() {}

        public mutating func append(_ s: String) {
            bytes.append(contentsOf: s.utf8)
            offsets.append(Int32(bytes.count))
        }

        public func build() -> StringTable { StringTable(bytes: FlatArray(bytes), offsets: FlatArray(offsets)) }
    }

    public init() { self = Builder().build() }

    init(bytes: FlatArray<UInt8>, offsets: FlatArray<Int32>) {
        self.bytes = bytes
        self.offsets = offsets
    }

    public init<S: Sequence>(_ strings: S) where S.Element == String {
        var b = Builder()
        for s in strings { b.append(s) }
        self = b.build()
    }

    public var count: Int { offsets.count - 1 }

    public subscript(i: Int) -> String {
        let lo = Int(offsets[i]), hi = Int(offsets[i + 1])
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[lo..<hi]), as: UTF8.self) }
    }

    /// Calls `body` with the raw bytes of string i (no String created).
    @inline(__always)
    public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let lo = Int(offsets[i]), hi = Int(offsets[i + 1])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
    }

    /// The table's strings in place, for a loop over many of them: the table's storage is
    /// reached once for the loop, not once per string (which retained and released it each time).
    @inline(__always)
    func withStrings<R>(_ body: (Strings) -> R) -> R {
        bytes.withUnsafeBufferPointer { b in offsets.withUnsafeBufferPointer { o in body(Strings(bytes: b, offsets: o)) } }
    }

    /// The strings of a table, valid inside `withStrings`.
    struct Strings {
        let bytes: UnsafeBufferPointer<UInt8>
        let offsets: UnsafeBufferPointer<Int32>

        /// The bytes of string i.
        @inline(__always)
        subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
            precondition(i >= 0 && i + 1 < offsets.count, "StringTable index out of range")
            return UnsafeBufferPointer(rebasing: bytes[Int(offsets[i])..<Int(offsets[i + 1])])
        }
    }

    /// Lexicographic byte comparison of string i with `key` (<0, 0, >0).
    func compare(_ i: Int, _ key: UnsafeBufferPointer<UInt8>) -> Int {
        withBytes(i) { StringTable.compare($0, key) }
    }

    /// Lexicographic byte comparison of `s` with `key` (<0, 0, >0).
    @inline(__always)
    static func compare(_ s: UnsafeBufferPointer<UInt8>, _ key: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(s.count, key.count)
        for k in 0..<n where s[k] != key[k] { return Int(s[k]) - Int(key[k]) }
        return s.count - key.count
    }

    /// Index of `key` in a table sorted by bytes, nil when absent.
    func binarySearch(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        withStrings { strings in
            var lo = 0, hi = count - 1
            while lo <= hi {
                let mid = (lo + hi) / 2
                let c = StringTable.compare(strings[mid], key)
                if c == 0 { return mid }
                if c < 0 { lo = mid + 1 } else { hi = mid - 1 }
            }
            return nil
        }
    }
}
