import Foundation
import Hummingbird
import Logging
import NIOCore
import RedFlagCore
import RedFlagKit

/// Connects a streamed request and response to the library's synchronous pipelines (the same
/// readers, batch processor and writers the CLI runs), without holding the whole body or the
/// whole answer in memory:
///
/// - the request body is written into a `ByteChannel` by a task of its own (each write on a GCD
///   thread, since a full channel blocks), and the pipeline reads it as `input`, an
///   `InputByteSource` like a file's;
/// - the pipeline runs on a GCD thread and hands its output chunks to the response through a
///   stream that holds at most `window` chunks: a client that reads slowly slows the pipeline
///   down instead of filling memory.
///
/// A client that goes away (either direction) stops the pipeline after its current chunk.
final class StreamBridge: @unchecked Sendable {
    let channel = ByteChannel(capacity: 1 << 20)
    /// The request body as the library's readers take it.
    let input: InputByteSource
    private let window: DispatchSemaphore
    private let lock = NSLock()
    private var stopped = false
    let output: AsyncStream<ByteBuffer>
    private let continuation: AsyncStream<ByteBuffer>.Continuation
    private var feeder: Task<Void, Never>?
    /// Set when reading the request body failed (the client went away, or a read timed out).
    private(set) var bodyError: (any Error)?

    init(window: Int = 4) {
        input = InputByteSource(reader: channel, path: "request body")
        self.window = DispatchSemaphore(value: window)
        (output, continuation) = AsyncStream.makeStream(of: ByteBuffer.self, bufferingPolicy: .unbounded)
    }

    /// True once the client is gone: the pipeline should stop reading.
    var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Starts copying `body` into the channel; the channel is finished at the end of the body,
    /// or with the error when reading it failed (the reader then reports a broken input).
    func feed(_ body: RequestBody) {
        let channel = self.channel
        feeder = Task { [self] in
            do {
                for try await chunk in body {
                    if isStopped { break }
                    let bytes = Array(chunk.readableBytesView)
                    let accepted: Bool = await withCheckedContinuation { done in
                        DispatchQueue.global().async { done.resume(returning: channel.write(bytes)) }
                    }
                    if !accepted { break }
                }
                channel.finish()
            } catch {
                lock.withLock {
                    bodyError = error
                    stopped = true
                }
                channel.finish(error: error)
            }
        }
    }

    /// Opens the library's reader over the body (on a GCD thread: it blocks until the first line
    /// has arrived, to detect the format). A body it cannot read at all is a 400 `bad_input`.
    func open<T: Sendable>(_ make: @escaping @Sendable (InputByteSource) throws -> T) async throws -> T {
        let opened: Result<T, any Error> = await withCheckedContinuation { done in
            // The source is read by this thread, then by the pipeline's: one at a time.
            DispatchQueue.global().async { [self] in done.resume(returning: Result { try make(input) }) }
        }
        switch opened {
        case .success(let value): return value
        case .failure(let error):
            stop()
            finish()
            throw ServiceError(.badRequest, "bad_input", (error as? RedFlagError)?.description ?? "\(error)")
        }
    }

    /// Runs a pipeline (`body`, returning its counts and the exit code a CLI run would have) on a
    /// GCD thread, then ends the request's audit run: complete; failed when the client went away
    /// or the pipeline failed (which also ends the response with an error line). Counts the
    /// decisions and ends the response.
    func run(run: PipelineRun, endpoint: String, metrics: ServiceMetrics, logger: Logger,
             _ body: @escaping @Sendable () throws -> (DecisionCounts, Int32)) {
        DispatchQueue.global().async { [self] in
            var counts = DecisionCounts()
            do {
                let (done, exitCode) = try body()
                counts = done
                if isStopped {
                    run.fail(ServiceError(.badRequest, "client_gone", "the client went away before the end of the answer"))
                } else {
                    try run.finish(exitCode: exitCode, printSummary: false)
                }
            } catch {
                run.fail(error)
                logger.error("request stopped", metadata: ["endpoint": "\(endpoint)", "error": "\(error)"])
                send(ServiceError(.internalServerError, "internal", "the request stopped: \(error)").json)
            }
            metrics.decisions(endpoint: endpoint, counts: counts.labelled)
            finish()
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
        // Nothing reads the body any more: a feeder blocked on a full channel must not wait forever.
        channel.close()
    }

    /// The client stopped reading: release a waiting pipeline and stop feeding.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        for _ in 0..<64 { window.signal() }
        channel.close()
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
