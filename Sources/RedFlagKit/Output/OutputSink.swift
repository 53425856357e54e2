import Foundation
import RedFlagCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The reader of standard output went away (a closed pipe: `redflag … | head`).
///
/// Not a failure of the run's data: the command stops writing at once and ends quietly with
/// exit 141 (128 + SIGPIPE, what a shell reports for a tool killed by a closed pipe), so a
/// pipeline under `set -o pipefail` still sees that not everything was read.
public struct OutputClosed: Error, Sendable {
    public let path: String
    public init(path: String) { self.path = path }
    /// 128 + SIGPIPE.
    public static let exitCode: Int32 = 141
}

/// A buffered byte sink over a file descriptor (stdout by default): the one output path of
/// every command, so every write failure is reported the same way.
///
/// Writers append text here and flush once per chunk of records, so a batch of a million rows
/// costs a few thousand system calls rather than one per field, and a pipe consumer still sees
/// each chunk as soon as it is finished. Writes go straight to `write(2)`: a full disk
/// (`ENOSPC`, `/dev/full`) throws `cannotWrite` (exit 73) and a closed pipe (`EPIPE`, with
/// SIGPIPE ignored by `Console.prepare`) throws `OutputClosed`, never a crash.
public final class OutputSink {
    private let descriptor: Int32
    private let handle: FileHandle?
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
        self.descriptor = handle.fileDescriptor
        self.path = path
        buffer.reserveCapacity(64 * 1024)
    }

    /// Opens `path` for writing, created or truncated in place. Never through
    /// `FileManager.createFile`, which writes a temporary file and renames it over the path: that
    /// replaces a device (`--out /dev/null`), a FIFO or a symlink's target with a plain file.
    public static func openFile(_ path: String) throws -> OutputSink {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw RedFlagError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        return OutputSink(handle: FileHandle(fileDescriptor: fd, closeOnDealloc: true), path: path)
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

    /// Appends `text` and a newline, then flushes: for commands that print a few lines.
    public func line(_ text: String) throws {
        write(text)
        write("\n")
        try flush()
    }

    /// Hands everything pending to the file descriptor. Throws `cannotWrite` (exit 73) when the
    /// destination refuses the bytes (disk full, I/O error) and `OutputClosed` when the reader
    /// closed the pipe.
    public func flush() throws {
        if let failure {
            self.failure = nil
            buffer.removeAll(keepingCapacity: true)
            throw failure
        }
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        try Self.writeAll(buffer, to: descriptor, path: path)
    }

    /// Writes every byte of `bytes` to `fd`, retrying short writes and EINTR.
    static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n > 0 { offset += n; continue }
                let code = n < 0 ? errno : EIO
                if code == EINTR { continue }
                if code == EPIPE { throw OutputClosed(path: path) }
                throw RedFlagError.cannotWrite(path: path, reason: String(cString: strerror(code)))
            }
        }
    }

    private func flushKeepingFailure() {
        do { try flush() } catch { if failure == nil { failure = error } }
    }
}

private func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, pointer, count)
    #else
    return Darwin.write(fd, pointer, count)
    #endif
}

/// The process's standard streams, as every command uses them.
///
/// Results go to `Console.out` (errors thrown, see `OutputSink`); messages go to stderr through
/// `Console.message`, which escapes control characters (a listed name or an order id must not
/// drive the terminal) and never fails: with stderr closed or full there is nowhere left to
/// report to, so the message is dropped rather than crashing the run.
public enum Console {
    /// Standard output, shared so that every command's output goes through one buffer.
    nonisolated(unsafe) public static let out = OutputSink()

    /// Call once at start-up: ignore SIGPIPE so a closed pipe is an `EPIPE` error the writers
    /// handle (stop quietly) instead of a signal that kills the process mid-transaction.
    public static func prepare() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes one message line to stderr, control characters escaped.
    public static func message(_ line: String) {
        writeError(TerminalText.escape(line) + "\n")
    }

    /// Writes `text` to stderr as it is (progress redraws with their own escapes); failures are
    /// ignored.
    public static func writeError(_ text: String) {
        try? OutputSink.writeAll(Array(text.utf8), to: STDERR_FILENO, path: "<stderr>")
    }
}
