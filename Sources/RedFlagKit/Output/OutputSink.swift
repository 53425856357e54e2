import Foundation
import RedFlagCore

/// A buffered byte sink over a file handle (stdout by default).
///
/// Writers append text here and flush once per chunk of records, so a batch of a million rows
/// costs a few thousand system calls rather than one per field, and a pipe consumer still sees
/// each chunk as soon as it is finished.
public final class OutputSink {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    /// Flushes by itself when this many bytes are pending, to bound memory on huge records.
    private let highWater = 1 << 20
    /// A failed write of a flush the sink did by itself, thrown by the next `flush`: bytes were
    /// lost, so the run must fail rather than carry on as if they were written.
    private var failure: Error?

    /// Writes to `handle`; `path` names it in error messages (`<stdout>` for standard output).
    public init(handle: FileHandle = .standardOutput, path: String = "<stdout>") {
        self.handle = handle
        self.path = path
        buffer.reserveCapacity(64 * 1024)
    }

    /// Appends text (UTF-8).
    public func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= highWater { flushKeepingFailure() }
    }

    /// Appends raw bytes.
    public func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= highWater { flushKeepingFailure() }
    }

    /// Hands everything pending to the file handle. Throws `cannotWrite` (exit 73) when the
    /// destination refuses the bytes (disk full, closed pipe).
    public func flush() throws {
        if let failure {
            self.failure = nil
            buffer.removeAll(keepingCapacity: true)
            throw failure
        }
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw RedFlagError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    private func flushKeepingFailure() {
        do { try flush() } catch { if failure == nil { failure = error } }
    }
}
