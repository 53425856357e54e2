import Foundation

/// A value worked out on another thread while the caller goes on with other work; `wait()`
/// returns it, or throws what the work threw. Used for two independent pieces of a job where the
/// caller has the other one to do: a list file's SHA-256 beside its parse, the match index's name
/// token space beside its entry tables.
///
/// The work gets a thread of its own rather than a global queue: the callers themselves run on
/// pool threads (parses and builds spread with `concurrentPerform`), and a pool thread blocked in
/// `wait()` on a block queued behind the pool's other work would hold a core, or with every pool
/// thread waiting, never return.
public final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Set once by the worker under `condition`; read only after it is set.
    private var result: Result<Value, any Error>?

    /// Starts `work` at once on a new thread.
    public init(_ work: @escaping @Sendable () throws -> Value) {
        Thread.detachNewThread { [self] in
            let outcome = Result { try work() }
            condition.lock()
            result = outcome
            condition.signal()
            condition.unlock()
        }
    }

    /// Waits for the value (at once when it is ready); rethrows the work's error.
    public func wait() throws -> Value {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return try result!.get()
    }
}
