import Dispatch

/// A value worked out on another thread while the caller goes on with other work; `wait()`
/// returns it. For two independent pieces of a build where the caller has the other one to do
/// (the match index builds its name token space beside its entry tables).
public final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written by the worker before it leaves `group`, read only after waiting on it.
    private var value: Value?

    /// Starts `work` at once on a global queue.
    public init(_ work: @escaping @Sendable () -> Value) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            value = work()
            group.leave()
        }
    }

    /// Waits for the value (at once when it is ready).
    public func wait() -> Value {
        group.wait()
        return value!
    }
}
