import Foundation
import RedFlagCore

/// Bytes from a file, standard input or any other stream, read in chunks, with a look at the
/// beginning before the rest is consumed (format detection must not lose what it read from a
/// pipe or a request body). It is itself a `ByteReading`, so the reader chosen after the look
/// (CSV or lines) reads on from exactly where the look left off.
public final class InputByteSource: ByteReading {
    /// The input's name in messages: the path, `<stdin>`, or what the caller called the stream.
    public let path: String
    private let reader: any ByteReading
    private var pending: [UInt8] = []
    private var pendingStart = 0
    private(set) var exhausted = false
    static let chunk = 256 * 1024

    /// How far the input file has been read; nil for a pipe, standard input or a stream.
    public let progress: InputProgress?

    /// Reads `reader`, named `path` in messages.
    public init(reader: any ByteReading, path: String, progress: InputProgress? = nil) {
        self.reader = reader
        self.path = path
        self.progress = progress
    }

    convenience init(handle: FileHandle, path: String) {
        self.init(reader: FileHandleByteReader(handle: handle), path: path, progress: InputProgress(handle: handle))
    }

    /// Opens `path`, or standard input for `-`. Missing file → `fileNotFound` (exit 66).
    public static func open(_ path: String) throws -> InputByteSource {
        if path == "-" { return InputByteSource(handle: .standardInput, path: "<stdin>") }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw RedFlagError.fileNotFound(path: path) }
        guard !isDir.boolValue, let h = FileHandle(forReadingAtPath: path) else {
            throw RedFlagError.unreadable(path: path, reason: isDir.boolValue ? "is a directory" : "permission denied")
        }
        return InputByteSource(handle: h, path: path)
    }

    /// The first line (without reading past what is needed to find it), left unconsumed; at most
    /// `limit` bytes of it (an input without line ends must not be read whole).
    func peekFirstLine(limit: Int = 1 << 20) throws -> String {
        var searchFrom = pendingStart
        while true {
            if let nl = pending[searchFrom...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                return String(decoding: pending[pendingStart..<min(nl, pendingStart + limit)], as: UTF8.self)
            }
            searchFrom = pending.count
            if try pending.count - pendingStart >= limit || !fill() {
                return String(decoding: pending[pendingStart..<min(pending.count, pendingStart + limit)], as: UTF8.self)
            }
        }
    }

    /// The next chunk of bytes, empty at the end of the input.
    func read() throws -> [UInt8] {
        try read(upTo: Self.chunk)
    }

    public func read(upTo maxLength: Int) throws -> [UInt8] {
        if pendingStart < pending.count {
            let end = min(pending.count, pendingStart + maxLength)
            let out = Array(pending[pendingStart..<end])
            pendingStart = end
            if pendingStart >= pending.count {
                pending = []
                pendingStart = 0
            }
            return out
        }
        if exhausted { return [] }
        let bytes = try reader.read(upTo: maxLength)
        if bytes.isEmpty { exhausted = true }
        return bytes
    }

    private func fill() throws -> Bool {
        if exhausted { return false }
        let bytes = try reader.read(upTo: Self.chunk)
        if bytes.isEmpty { exhausted = true; return false }
        pending.append(contentsOf: bytes)
        return true
    }
}
