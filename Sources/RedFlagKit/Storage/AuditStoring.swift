import Foundation
import RedFlagCore

/// Where the audit trail lives: every screen, check and rescreen run with its HOLD/STOP records.
public protocol AuditStoring: AnyObject, Sendable {
    /// Inserts the run as `incomplete` (committed at once, so a crash leaves that trace) and
    /// returns the handle the batch loop records into.
    func beginRun(_ info: AuditRunInfo, now: Date) throws -> any AuditRunRecording
    /// Runs, oldest first; only those started at or after `since` when given.
    func runs(since: Date?) throws -> [AuditRunRecord]
    /// One run by id.
    func run(id: Int64) throws -> AuditRunRecord?
    /// The HOLD/STOP results of a run, in input order, exactly as they were first written.
    func results(runID: Int64) throws -> [AuditResultRecord]
    /// The last run of `command` that completed, nil when there is none.
    func lastCompletedRun(command: String) throws -> AuditRunRecord?
    /// Deletes runs started before `cutoff` (refused within the five-year retention period and
    /// without `confirmed`); records the purge. Returns the number of runs and results deleted.
    func purge(olderThan cutoff: Date, confirmed: Bool, user: String, now: Date) throws -> (runs: Int, results: Int)
}

extension AuditStoring {
    public func beginRun(_ info: AuditRunInfo) throws -> any AuditRunRecording { try beginRun(info, now: Date()) }
    public func runs() throws -> [AuditRunRecord] { try runs(since: nil) }
    public func purge(olderThan cutoff: Date, confirmed: Bool) throws -> (runs: Int, results: Int) {
        try purge(olderThan: cutoff, confirmed: confirmed, user: AuditRunInfo.currentUser(), now: Date())
    }
}

/// One run being recorded: `record` once per output chunk, `finish` at the end. A run that never
/// reaches `finish` stays `incomplete` with the chunks it recorded.
public protocol AuditRunRecording: AnyObject, Sendable {
    var id: Int64 { get }
    /// Records one chunk of output records in one transaction.
    func record(_ entries: [AuditEntry]) throws
    /// Marks the run ended; idempotent (only the first call counts).
    func finish(status: AuditRunStatus, exitCode: Int32, now: Date) throws
}

extension AuditRunRecording {
    public func finish(status: AuditRunStatus, exitCode: Int32) throws { try finish(status: status, exitCode: exitCode, now: Date()) }
}
