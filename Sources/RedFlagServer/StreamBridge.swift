import Foundation
import Hummingbird
import NIOCore

/// Connects a streamed request and response to the library's synchronous, file-handle based
/// pipelines (the same readers, batch processor and writers the CLI runs), without holding the
/// whole body or the whole answer in memory:
///
/// - the request body is written into a pipe by a task of its own (each write on a GCD thread,
///   since a full pipe blocks), and the pipeline reads the pipe like a file;
/// - the pipeline runs on a GCD thread and hands its output chunks to the response through a
///   stream that holds at most `window` chunks: a client that reads slowly slows the pipeline
///   down instead of filling memory.
///
/// A client that goes away (either direction) stops the pipeline after its current chunk.
final class StreamBridge: @unchecked Sendable {
    let pipe = Pipe()
    private let window: DispatchSemaphore
    private let lock = NSLock()
    private var stopped = false
    let output: AsyncStream<ByteBuffer>
    private let continuation: AsyncStream<ByteBuffer>.Continuation
    private var feeder: Task<Void, Never>?
    /// Set when reading the request body failed (the client went away, or a read timed out).
    private(set) var bodyError: (any Error)?

    init(window: Int = 4) {
        self.window = DispatchSemaphore(value: window)
        (output, continuation) = AsyncStream.makeStream(of: ByteBuffer.self, bufferingPolicy: .unbounded)
    }

    /// True once the client is gone: the pipeline should stop reading.
    var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Starts copying `body` into the pipe; the pipe's write end is closed at the end of the body
    /// or on an error, so the reader sees the end of its input either way.
    func feed(_ body: RequestBody) {
        let writer = pipe.fileHandleForWriting
        feeder = Task { [self] in
            do {
                for try await chunk in body {
                    if isStopped { break }
                    let bytes = Data(chunk.readableBytesView)
                    let ok: Bool = await withCheckedContinuation { done in
                        DispatchQueue.global().async {
                            do { try writer.write(contentsOf: bytes); done.resume(returning: true) } catch { done.resume(returning: false) }
                        }
                    }
                    if !ok { break }
                }
            } catch {
                lock.withLock {
                    bodyError = error
                    stopped = true
                }
            }
            try? writer.close()
        }
    }

    /// Hands one output chunk to the response (called by the pipeline thread; blocks while the
    /// window is full). Returns false when the client is gone.
    @discardableResult
    func send(_ text: String) -> Bool {
        if text.isEmpty { return !isStopped }
        window.wait()
        if isStopped { return false }
        continuation.yield(ByteBuffer(string: text))
        return true
    }

    /// Ends the response body.
    func finish() {
        continuation.finish()
        // Nothing reads the pipe any more: a feeder blocked on a full pipe must not wait forever.
        try? pipe.fileHandleForReading.close()
    }

    /// The client stopped reading: release a waiting pipeline and stop feeding.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        for _ in 0..<64 { window.signal() }
        feeder?.cancel()
    }

    /// The response body: writes each chunk as it comes, opening the window for the next.
    func responseBody() -> ResponseBody {
        ResponseBody { [self] writer in
            do {
                for await chunk in output {
                    try await writer.write(chunk)
                    window.signal()
                }
                try await writer.finish(nil)
            } catch {
                stop()
                throw error
            }
        }
    }
}
