import Foundation
import RedFlagCore

/// Bytes from a file or standard input, read in chunks, with a look at the beginning before the
/// rest is consumed (format detection must not lose what it read from a pipe).
final class InputByteSource {
    let path: String
    private let handle: FileHandle
    private var pending: [UInt8] = []
    private var pendingStart = 0
    private(set) var exhausted = false
    private static let chunk = 256 * 1024

    init(handle: FileHandle, path: String) {
        self.handle = handle
        self.path = path
        progress = InputProgress(handle: handle)
    }

    /// How far the input file has been read; nil for a pipe or standard input.
    let progress: InputProgress?

    /// Opens `path`, or standard input for `-`. Missing file → `fileNotFound` (exit 66).
    static func open(_ path: String) throws -> InputByteSource {
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
    func peekFirstLine(limit: Int = 1 << 20) -> String {
        var searchFrom = pendingStart
        while true {
            if let nl = pending[searchFrom...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                return String(decoding: pending[pendingStart..<min(nl, pendingStart + limit)], as: UTF8.self)
            }
            searchFrom = pending.count
            if pending.count - pendingStart >= limit || !fill() {
                return String(decoding: pending[pendingStart..<min(pending.count, pendingStart + limit)], as: UTF8.self)
            }
        }
    }

    /// The next chunk of bytes, empty at the end of the input.
    func read() -> [UInt8] {
        if pendingStart < pending.count {
            let out = Array(pending[pendingStart...])
            pending = []
            pendingStart = 0
            return out
        }
        if exhausted { return [] }
        let data = handle.readData(ofLength: Self.chunk)
        if data.isEmpty { exhausted = true }
        return [UInt8](data)
    }

    /// A file handle yielding every unconsumed byte: for the CSV reader, which reads a handle.
    /// Bytes already peeked are replayed through a pipe ahead of the rest of the input.
    func remainingHandle() -> FileHandle {
        if pendingStart >= pending.count { return handle }
        let pipe = Pipe()
        let prefix = Array(pending[pendingStart...])
        pending = []
        pendingStart = 0
        let source = UnsafeHandleBox(handle: handle, writer: pipe.fileHandleForWriting)
        Thread.detachNewThread {
            try? source.writer.write(contentsOf: prefix)
            while true {
                let data = source.handle.readData(ofLength: InputByteSource.chunk)
                if data.isEmpty { break }
                do { try source.writer.write(contentsOf: data) } catch { break }
            }
            try? source.writer.close()
        }
        return pipe.fileHandleForReading
    }

    private func fill() -> Bool {
        if exhausted { return false }
        let data = handle.readData(ofLength: Self.chunk)
        if data.isEmpty { exhausted = true; return false }
        pending.append(contentsOf: data)
        return true
    }
}

/// File handles handed to the forwarding thread; only that thread uses them afterwards.
private struct UnsafeHandleBox: @unchecked Sendable {
    let handle: FileHandle
    let writer: FileHandle
}
