import Foundation

/// A read-only array of fixed-width values that is either its own copy (an index built in memory)
/// or a range of a memory-mapped index file, read in place. An index opened from the store is
/// therefore not copied at start: a fresh `redflag screen` touches only the pages the one query
/// reads (a few vocabulary entries, the postings of its tokens), where copying every array faulted
/// in and cleared tens of megabytes before the first name was compared.
public struct FlatArray<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    // Immutable after init, and `owner` keeps the memory alive: safe to share across threads.
    @usableFromInline let base: UnsafePointer<Element>
    public let count: Int
    /// Keeps the memory alive: the copy's allocation or the mapped file.
    @usableFromInline let owner: AnyObject

    public typealias Index = Int
    public typealias Indices = Range<Int>

    /// A copy of `elements`.
    public init<C: Collection>(_ elements: C) where C.Element == Element {
        let storage = FlatArrayStorage<Element>(copying: elements)
        base = UnsafePointer(storage.pointer)
        count = storage.count
        owner = storage
    }

    public init() { self.init(EmptyCollection()) }

    /// `count` values at `base`, which `owner` keeps valid (a mapped file).
    init(base: UnsafePointer<Element>, count: Int, owner: AnyObject) {
        self.base = base
        self.count = count
        self.owner = owner
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }
    @inlinable public var indices: Range<Int> { 0..<count }

    @inlinable
    public subscript(i: Int) -> Element {
        precondition(i >= 0 && i < count, "FlatArray index out of range")
        return base[i]
    }

    /// Calls `body` with the values as a buffer (no copy).
    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        // `owner` is kept alive past `body` by an empty `withExtendedLifetime` after it, not by
        // running `body` inside one: wrapped around `body`, the generic call was not specialised
        // where `body` is large, and cost a call and two retains for every token compared.
        defer { withExtendedLifetime(owner) {} }
        return try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Calls `body` with the values' bytes (no copy).
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { try body(UnsafeRawBufferPointer($0)) }
    }
}

extension FlatArray: Equatable where Element: Equatable {
    public static func == (a: FlatArray, b: FlatArray) -> Bool { a.elementsEqual(b) }
}

extension FlatArray: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) { self.init(elements) }
}

/// The allocation behind a `FlatArray` built from values (at least one element's room, so the
/// pointer is never null).
final class FlatArrayStorage<Element: BitwiseCopyable> {
    let pointer: UnsafeMutablePointer<Element>
    let count: Int

    init<C: Collection>(copying elements: C) where C.Element == Element {
        count = elements.count
        pointer = .allocate(capacity: max(1, count))
        var p = pointer
        for e in elements {
            p.initialize(to: e)
            p += 1
        }
    }

    deinit { pointer.deallocate() }
}

/// A file mapped read-only into memory for as long as any `FlatArray` over it lives.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    /// Maps the file at `path`; throws an errno description when it cannot be opened or mapped.
    init(path: String) throws(MappedFileError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw MappedFileError(reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw MappedFileError(reason: String(cString: strerror(errno))) }
        let size = Int(info.st_size)
        guard size > 0 else {
            // mmap refuses an empty range; an empty file is read as empty (and fails as truncated).
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            throw MappedFileError(reason: String(cString: strerror(errno)))
        }
        bytes = UnsafeRawBufferPointer(start: p, count: size)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}

/// Why a file could not be mapped (the system's message).
struct MappedFileError: Error {
    let reason: String
}
