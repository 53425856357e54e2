import Dispatch
import Foundation

/// Runs a transform over a stream of records on every core while keeping input order.
///
/// Records are read in chunks; each chunk is transformed in parallel and emitted in order. The
/// stages overlap: while the workers transform chunk n, the calling thread reads chunk n + 1 and
/// then emits chunk n − 1, so reading, parsing and writing (which cannot be split up) no longer
/// leave the cores idle. At most three chunks are alive at once (being read, transformed,
/// written), so memory stays bounded by the chunk size whatever the input length, and the first
/// results are out after the first chunk, so a pipe consumer sees output early.
public struct OrderedBatchProcessor: Sendable {
    public let chunkSize: Int
    public let concurrency: Int

    public init(chunkSize: Int = 256, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.chunkSize = max(1, chunkSize)
        self.concurrency = max(1, concurrency)
    }

    /// Reads with `next` until it returns nil or `shouldStop` is true between chunks, transforms
    /// each record with `transform` (in parallel, off the calling thread) and hands every finished
    /// chunk, in input order, to `emit` (on the calling thread, as `next` is). Returns the number of
    /// records processed.
    ///
    /// When `next` throws, the records read before the error are still transformed and emitted,
    /// then the error is rethrown. When `emit` throws, the chunk being transformed is awaited and
    /// dropped. After `shouldStop` turns true, the chunk already being transformed is finished
    /// and emitted; nothing more is read.
    @discardableResult
    public func run<Input: Sendable, Output: Sendable>(
        next: () throws -> Input?,
        transform: @escaping @Sendable (Input) -> Output,
        emit: ([Output]) throws -> Void,
        shouldStop: () -> Bool = { false }
    ) throws -> Int {
        var total = 0
        var inFlight: ChunkJob<Output>?
        // Whatever happens, never return while a job still reads the transform's captures.
        defer { _ = inFlight?.wait() }
        var exhausted = false
        var readError: Error?
        while true {
            var chunk: [Input] = []
            if !exhausted && !shouldStop() {
                chunk.reserveCapacity(chunkSize)
                do {
                    while chunk.count < chunkSize, let item = try next() { chunk.append(item) }
                } catch {
                    readError = error
                }
                if chunk.count < chunkSize { exhausted = true }
            } else {
                exhausted = true
            }
            let finished = inFlight?.wait()
            inFlight = chunk.isEmpty ? nil : ChunkJob(chunk, processor: self, transform: transform)
            if let finished {
                try emit(finished)
                total += finished.count
            }
            if exhausted {
                if let last = inFlight?.wait() {
                    inFlight = nil
                    try emit(last)
                    total += last.count
                }
                if let readError { throw readError }
                return total
            }
        }
    }

    /// Transforms `items` in parallel, preserving order.
    ///
    /// Work is handed out in small blocks rather than one slice per core, so a core that is also
    /// busy with the reading and writing thread does not hold the whole chunk back.
    public func map<Input: Sendable, Output: Sendable>(_ items: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        if items.count < 2 || concurrency == 1 { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<Output?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        let box = UnsafeSendable(results)
        let blocks = min(items.count, concurrency * 8)
        let perBlock = (items.count + blocks - 1) / blocks
        items.withUnsafeBufferPointer { input in
            let inBox = UnsafeSendable(input)
            DispatchQueue.concurrentPerform(iterations: blocks) { b in
                let lo = b * perBlock, hi = min(items.count, lo + perBlock)
                guard lo < hi else { return }
                for i in lo..<hi { box.value[i] = transform(inBox.value[i]) }
            }
        }
        return results.map { $0! }
    }
}

/// One chunk being transformed on a background queue; `wait` returns its outputs.
private final class ChunkJob<Output: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outputs: [Output] = []
    private var collected: [Output]?

    init<Input: Sendable>(_ chunk: [Input], processor: OrderedBatchProcessor, transform: @escaping @Sendable (Input) -> Output) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            outputs = processor.map(chunk, transform)
            done.signal()
        }
    }

    /// Blocks until the chunk is transformed; later calls return the same outputs at once.
    func wait() -> [Output] {
        if let collected { return collected }
        done.wait()
        collected = outputs
        return outputs
    }
}

/// Carries a pointer into a concurrent closure; each worker writes a disjoint index range.
private struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
