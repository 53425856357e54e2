import Foundation
import RedFlagCore
import RedFlagKit

/// The audit runs of single-name screens (`POST /v1/screen`): one run per API-key user, shared by
/// that user's requests, so a request costs an append to an open run instead of a run of its own
/// (5,000 runs a second would be the whole audit trail's work). A run is closed and a new one
/// begun when the lists change (a run names the snapshots it screened against) and every
/// `rollAfter` seconds (so runs end, their counts are written, and allow-list edits apply).
/// A batch or check request is a run of its own, as a CLI run is.
final class SharedAuditRuns: @unchecked Sendable {
    /// One open run and the requests using it.
    final class Lease: @unchecked Sendable {
        let run: PipelineRun
        /// The context (lists snapshot) the run screens against.
        let context: ObjectIdentifier
        let started = Date()
        var inFlight = 0
        var retired = false
        /// `PipelineRun.record` numbers the records under its lock but queues the write after it:
        /// two requests recording at once could queue their writes out of order.
        let recordLock = NSLock()

        init(run: PipelineRun, context: ObjectIdentifier) {
            self.run = run
            self.context = context
        }

        /// Records one screened result and remembers its query, in order.
        func record(_ decision: Decision?, json: @escaping @Sendable () -> String, query: ScreeningQuery?) throws {
            recordLock.lock()
            defer { recordLock.unlock() }
            try run.record([(decision, json)])
            if let query { try run.remember([query]) }
        }
    }

    private let lock = NSLock()
    private var leases: [String: Lease] = [:]
    private let rollAfter: TimeInterval
    private let begin: @Sendable (_ user: String, _ context: ScreeningContext) throws -> PipelineRun
    private let onError: @Sendable (any Error) -> Void

    init(rollAfter: TimeInterval, begin: @escaping @Sendable (String, ScreeningContext) throws -> PipelineRun,
         onError: @escaping @Sendable (any Error) -> Void) {
        self.rollAfter = rollAfter
        self.begin = begin
        self.onError = onError
    }

    /// The user's open run for `context` (begun now when there is none, or the open one is for
    /// other lists or old enough to roll). Pair with `release`.
    func acquire(user: String, context: ScreeningContext) throws -> Lease {
        lock.lock()
        defer { lock.unlock() }
        if let lease = leases[user], !lease.retired, lease.context == ObjectIdentifier(context),
           Date().timeIntervalSince(lease.started) < rollAfter {
            lease.inFlight += 1
            return lease
        }
        if let old = leases.removeValue(forKey: user) { retire(old) }
        let lease = Lease(run: try begin(user, context), context: ObjectIdentifier(context))
        lease.inFlight = 1
        leases[user] = lease
        return lease
    }

    /// Ends a request's use of its run; the last request of a retired run closes it.
    func release(_ lease: Lease) {
        lock.lock()
        lease.inFlight -= 1
        let close = lease.retired && lease.inFlight == 0
        lock.unlock()
        if close { finish(lease) }
    }

    /// Closes every open run (shutdown), once the requests using them are done.
    func closeAll() {
        lock.lock()
        let all = leases.values
        leases.removeAll()
        var now: [Lease] = []
        for lease in all {
            lease.retired = true
            if lease.inFlight == 0 { now.append(lease) }
        }
        lock.unlock()
        for lease in now { finish(lease) }
    }

    /// Call with `lock` held.
    private func retire(_ lease: Lease) {
        lease.retired = true
        if lease.inFlight == 0 {
            // Finishing waits for the run's queued writes: not under the lock, not on this thread.
            DispatchQueue.global().async { [self] in finish(lease) }
        }
    }

    private func finish(_ lease: Lease) {
        do {
            try lease.run.finish(exitCode: lease.run.counts.worst.exitCode, printSummary: false)
        } catch {
            lease.run.fail(error)
            onError(error)
        }
    }
}
