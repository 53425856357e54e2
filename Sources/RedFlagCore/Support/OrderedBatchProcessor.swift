import Dispatch
import Foundation

/// Runs a transform over a stream of records on every core while keeping input order.
///
/// Records are read in chunks; each chunk is transformed in parallel and emitted in order before
/// the next chunk is read. Memory stays bounded by the chunk size whatever the input length, and
/// the first results are out after the first chunk, so a pipe consumer sees output early.
public struct OrderedBatchProcessor: Sendable {
    public let chunkSize: Int
    public let concurrency: Int

    public init(chunkSize: Int = 256, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.chunkSize = max(1, chunkSize)
        self.concurrency = max(1, concurrency)
    }

    /// Reads with `next` until it returns nil or `shouldStop` is true between chunks, transforms
    /// each record with `transform` (in parallel) and hands every finished chunk, in input order,
    /// to `emit`. Returns the number of records processed.
    @discardableResult
    public func run<Input: Sendable, Output: Sendable>(
        next: () throws -> Input?,
        transform: @escaping @Sendable (Input) -> Output,
        emit: ([Output]) throws -> Void,
        shouldStop: () -> Bool = { false }
    ) throws -> Int {
        var total = 0
        var chunk: [Input] = []
        chunk.reserveCapacity(chunkSize)
        while !shouldStop() {
            chunk.removeAll(keepingCapacity: true)
            while chunk.count < chunkSize, let item = try next() { chunk.append(item) }
            if chunk.isEmpty { break }
            try emit(map(chunk, transform))
            total += chunk.count
            if chunk.count < chunkSize { break }
        }
        return total
    }

    /// Transforms `items` in parallel, preserving order.
    public func map<Input: Sendable, Output: Sendable>(_ items: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        if items.count < 2 || concurrency == 1 { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<Output?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        let box = UnsafeSendable(results)
        let workers = min(concurrency, items.count)
        let perWorker = (items.count + workers - 1) / workers
        items.withUnsafeBufferPointer { input in
            let inBox = UnsafeSendable(input)
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                let lo = w * perWorker, hi = min(items.count, lo + perWorker)
                guard lo < hi else { return }
                for i in lo..<hi { box.value[i] = transform(inBox.value[i]) }
            }
        }
        return results.map { $0! }
    }
}

/// Carries a pointer into a concurrent closure; each worker writes a disjoint index range.
private struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
