import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stream of bytes read in chunks, whatever carries them: a file, standard input, a pipe, an
/// HTTP request body. The readers of every input (`CSVReader`, the screening and order readers)
/// take one, so the CLI and the service read the same formats through the same code.
///
/// `read` is called from one thread at a time; it may block until bytes arrive.
public protocol ByteReading: AnyObject {
    /// Up to `maxLength` more bytes (at least one), or an empty array at the end of the input.
    /// Throws when the stream broke (a client that went away): the reader reports it as an
    /// input error rather than taking the bytes so far for the whole input.
    func read(upTo maxLength: Int) throws -> [UInt8]
}

/// The bytes of an open file handle (a file, standard input, a pipe).
///
/// Reads with `read(2)` itself: Foundation's `readData(ofLength:)` traps (a forced `try` inside) when a
/// signal interrupts the read (EINTR), which the fuzzer's timer signal showed; here an interrupted
/// read is simply retried and any other failure is an error the reader reports.
public final class FileHandleByteReader: ByteReading {
    public let handle: FileHandle

    public init(handle: FileHandle) { self.handle = handle }

    public func read(upTo maxLength: Int) throws -> [UInt8] {
        guard maxLength > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: maxLength)
        let descriptor = handle.fileDescriptor
        while true {
            let count = bytes.withUnsafeMutableBytes { readDescriptor(descriptor, $0.baseAddress, maxLength) }
            if count >= 0 {
                bytes.removeSubrange(count...)
                return bytes
            }
            guard errno == EINTR else {
                throw RedFlagError.unreadable(path: "<input>", reason: String(cString: strerror(errno)))
            }
        }
    }
}

/// `read(2)`, named apart from the `read(upTo:)` methods that would shadow it.
private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// Bytes already in memory (a request body received whole, tests).
public final class MemoryByteReader: ByteReading {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public convenience init(_ data: Data) { self.init([UInt8](data)) }

    public convenience init(_ text: String) { self.init(Array(text.utf8)) }

    public func read(upTo maxLength: Int) throws -> [UInt8] {
        let end = min(bytes.count, position + maxLength)
        defer { position = end }
        return Array(bytes[position..<end])
    }
}

/// A byte stream fed by another thread or task: the producer `write`s chunks as they arrive
/// (an HTTP body from an event loop) and `finish`es, the consumer's `read` blocks until bytes
/// or the end are there. At most `capacity` bytes wait unread: a `write` beyond that blocks the
/// producer until the consumer catches up, so a fast client cannot fill memory.
public final class ByteChannel: ByteReading, @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [[UInt8]] = []
    private var head: [UInt8] = []
    private var headPosition = 0
    private var buffered = 0
    private var finished = false
    private var failure: Error?
    private var closedByReader = false
    /// Most bytes waiting unread before `write` blocks.
    public let capacity: Int

    public init(capacity: Int = 1 << 20) { self.capacity = max(1, capacity) }

    /// Appends a chunk, waiting while `capacity` bytes are already unread. Returns false (and
    /// drops the chunk) once the reader has `close`d the channel: stop sending.
    @discardableResult
    public func write(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return !isClosedByReader }
        condition.lock()
        defer { condition.unlock() }
        while buffered >= capacity && !closedByReader { condition.wait() }
        if closedByReader || finished { return false }
        chunks.append(bytes)
        buffered += bytes.count
        condition.broadcast()
        return true
    }

    /// Marks the end of the input; with `error`, the reader's next `read` after the buffered
    /// bytes throws it.
    public func finish(error: Error? = nil) {
        condition.lock()
        finished = true
        if failure == nil { failure = error }
        condition.broadcast()
        condition.unlock()
    }

    /// The reader is done (it stopped early): pending and later writes are dropped and a
    /// blocked writer returns.
    public func close() {
        condition.lock()
        closedByReader = true
        chunks.removeAll()
        head = []
        headPosition = 0
        buffered = 0
        condition.broadcast()
        condition.unlock()
    }

    private var isClosedByReader: Bool {
        condition.lock()
        defer { condition.unlock() }
        return closedByReader
    }

    public func read(upTo maxLength: Int) throws -> [UInt8] {
        condition.lock()
        defer { condition.unlock() }
        while headPosition >= head.count {
            if !chunks.isEmpty {
                head = chunks.removeFirst()
                headPosition = 0
                break
            }
            if finished || closedByReader {
                if let failure { throw failure }
                return []
            }
            condition.wait()
        }
        let end = min(head.count, headPosition + max(1, maxLength))
        let out = Array(head[headPosition..<end])
        headPosition = end
        buffered -= out.count
        condition.broadcast()
        return out
    }
}
