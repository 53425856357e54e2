import Foundation
import RedFlagCore

/// Everything a screen or check run does besides screening, behind one object: signal handling,
/// allow-list, audit trail, known-party memory, progress line and summary.
///
/// Use:
/// ```swift
/// let run = try PipelineRun.begin(info: AuditRunInfo(command: "screen", inputPath: path, snapshots: engine.snapshots),
///                                 settings: settings, stores: SQLiteStores(dataDirectory: dir), screener: engine)
/// try processor.run(next: …, transform: { run.applyAllowList(to: engine.screen($0)) },
///                   emit: { chunk in try writer.write(chunk); try writer.flush()
///                           try run.record(chunk.map { r in (r.decision, { encode(r) }) })
///                           try run.remember(chunk.map(\.query)) },
///                   shouldStop: { run.shouldStop })
/// return try run.finish(exitCode: run.counts.worst.exitCode)
/// ```
/// `finish` returns 130/143 instead when a signal stopped the run.
public final class PipelineRun: @unchecked Sendable {
    public let command: String
    public let settings: PipelineSettings
    public let interruption: RunInterruption
    public let progress: ProgressReporter
    public let allowList: ResolvedAllowList
    public let audit: (any AuditRunRecording)?
    public let parties: (any KnownPartyStoring)?
    private let start: Date
    private let lock = NSLock()
    private var total = DecisionCounts()
    private var nextIndex = 0
    private var ended = false
    private var pendingParties: [KnownParty] = []
    /// Audit writes and party batches run on a serial queue of their own, so the thread that
    /// reads and writes the batch never waits on SQLite; at most `writeSlots` writes are queued
    /// (backpressure), and a failed write is reported by the next `record` or by `finish`. Eight
    /// slots (a few MB of pending records) let the audit chunks queue up behind a party batch
    /// (16,384 upserts, a tenth of a second) instead of stalling the reading thread.
    private let auditWriter = DispatchQueue(label: "redflag.audit-writer")
    private let writeSlots = DispatchSemaphore(value: 8)
    private var writeError: Error?
    private var rememberedThisRun = Set<RememberedParty>()
    /// Queries remembered in this run, to skip repeats; emptied when full so memory stays bounded
    /// (a repeat after that is written again, which is harmless).
    static let rememberedCapacity = 500_000

    private struct RememberedParty: Hashable {
        var query: ScreeningQuery
        var role: String?
    }

    init(command: String, settings: PipelineSettings, interruption: RunInterruption, progress: ProgressReporter,
         allowList: ResolvedAllowList, audit: (any AuditRunRecording)?, parties: (any KnownPartyStoring)?, start: Date) {
        self.command = command
        self.settings = settings
        self.interruption = interruption
        self.progress = progress
        self.allowList = allowList
        self.audit = audit
        self.parties = parties
        self.start = start
    }

    /// Installs the signal handlers, reads the allow-list (bound to the screener's current
    /// entries), opens the audit trail and records the run as started.
    public static func begin(info: AuditRunInfo, settings: PipelineSettings, stores: any StoreProvider,
                             screener: (any PartyScreener)?, installSignalHandlers: Bool = true) throws -> PipelineRun {
        let interruption = RunInterruption()
        if installSignalHandlers { interruption.install() }
        var resolved = ResolvedAllowList(rulesByEntry: [:], currentFingerprints: [:])
        if settings.allowList, let screener, let store = try stores.allowList(create: false) {
            resolved = try store.load().resolved(against: screener)
        }
        let audit = settings.audit ? try stores.audit(create: true)?.beginRun(info) : nil
        let parties = settings.rememberParties ? try stores.knownParties(create: true) : nil
        return PipelineRun(command: info.command, settings: settings, interruption: interruption,
                           progress: .forCommand(quiet: settings.quiet), allowList: resolved, audit: audit,
                           parties: parties, start: Date())
    }

    /// True once SIGINT/SIGTERM arrived: stop reading after the current chunk.
    public var shouldStop: Bool { interruption.isRequested }

    /// The allow-list applied to one result (thread-safe; call it inside the parallel transform).
    public func applyAllowList(to result: ScreeningResult) -> ScreeningResult { allowList.apply(to: result) }

    /// Counts per decision so far.
    public var counts: DecisionCounts {
        lock.lock()
        defer { lock.unlock() }
        return total
    }

    /// Records one written chunk: counts, audit (HOLD/STOP records as JSON, encoded only for
    /// those, written in the background in order), progress. Call it after the chunk is written
    /// and flushed. `fraction` is how much of
    /// the input is done (0…1) when known, for the ETA.
    public func record(_ records: [(decision: Decision?, json: @Sendable () -> String)], fraction: Double? = nil) throws {
        try record(entries: records.map { (decision: $0.decision, keep: false, json: $0.json) }, fraction: fraction)
    }

    /// `record`, with records to store in the audit trail even when CLEAR (`AuditEntry.keep`).
    public func record(entries records: [(decision: Decision?, keep: Bool, json: @Sendable () -> String)], fraction: Double? = nil) throws {
        lock.lock()
        let first = nextIndex
        nextIndex += records.count
        for record in records { total.add(record.decision) }
        let snapshot = total
        lock.unlock()
        if let audit {
            try throwWriteError()
            let entries = records.enumerated().map {
                AuditEntry(index: first + $0.offset, decision: $0.element.decision, keep: $0.element.keep, json: $0.element.json)
            }
            writeInBackground { try audit.record(entries) }
        }
        progress.update(counts: snapshot, fraction: fraction)
    }

    /// Waits until every queued audit write is done.
    private func drainWrites() { auditWriter.sync {} }

    private func throwWriteError() throws {
        lock.lock()
        let error = writeError
        writeError = nil
        lock.unlock()
        if let error { throw error }
    }

    /// Parties are written in batches of this many: one transaction per chunk cost as much as
    /// the screening itself on a disk that syncs every commit.
    static let partyBatch = 16_384

    /// Remembers screened parties for `redflag rescreen`, written in large batches (and at
    /// `finish`/`fail`); a crash loses at most one batch of this memory, never audit data.
    public func remember(_ queries: [ScreeningQuery], role: String? = nil) throws {
        guard parties != nil else { return }
        lock.lock()
        // The same customer on a thousand order lines is one party: queue it once per run (its
        // last_seen is this run's either way), which keeps the writes to the distinct parties.
        if rememberedThisRun.count + queries.count > Self.rememberedCapacity { rememberedThisRun.removeAll(keepingCapacity: true) }
        for query in queries where rememberedThisRun.insert(RememberedParty(query: query, role: role)).inserted {
            pendingParties.append(KnownParty(query: query, role: role))
        }
        let due = pendingParties.count >= Self.partyBatch
        lock.unlock()
        if due {
            try throwWriteError()
            queuePartyWrite()
        }
    }

    /// Hands the pending parties to the background writer, as `record` does with audit chunks: a
    /// batch of upserts held up the reading thread, and with it every core, for a tenth of a second.
    private func queuePartyWrite() {
        let batch = takePendingParties()
        guard let parties, !batch.isEmpty else { return }
        writeInBackground { try parties.record(batch) }
    }

    private func takePendingParties() -> [KnownParty] {
        lock.lock()
        defer { lock.unlock() }
        let batch = pendingParties
        pendingParties.removeAll(keepingCapacity: true)
        return batch
    }

    /// Queues `write` on the background writer once a slot is free; its error, if any, is kept
    /// for the next `record` or `finish` to throw.
    private func writeInBackground(_ write: @escaping @Sendable () throws -> Void) {
        writeSlots.wait()
        auditWriter.async { [self] in
            defer { writeSlots.signal() }
            do {
                try write()
            } catch {
                lock.lock()
                if writeError == nil { writeError = error }
                lock.unlock()
            }
        }
    }

    private func flushParties() throws {
        let batch = takePendingParties()
        guard let parties, !batch.isEmpty else { return }
        try parties.record(batch)
    }

    /// Ends the run: clears the progress line, marks the audit run complete or interrupted,
    /// prints the summary line (unless quiet) and returns the exit code to use: 130/143 when a
    /// signal stopped the run, else `exitCode`.
    @discardableResult
    public func finish(exitCode: Int32, printSummary: Bool = true) throws -> Int32 {
        // A write that failed in the background fails the run (the caller's `fail` records it).
        drainWrites()
        try throwWriteError()
        lock.lock()
        guard !ended else { lock.unlock(); return interruption.exitCode ?? exitCode }
        ended = true
        let snapshot = total
        lock.unlock()
        progress.finish()
        let interrupted = interruption.exitCode
        let code = interrupted ?? exitCode
        try flushParties()
        try audit?.finish(status: interrupted == nil ? .complete : .interrupted, exitCode: code)
        if printSummary && !settings.quiet {
            let summary = RunSummary(command: command, counts: snapshot, seconds: Date().timeIntervalSince(start),
                                     interruptedExitCode: interrupted)
            Console.writeError(summary.line + "\n")
        }
        return code
    }

    /// Ends the run after an error: marks it failed in the audit trail (best effort: the
    /// original error is what the user must see) and clears the progress line.
    public func fail(_ error: Error) {
        lock.lock()
        guard !ended else { lock.unlock(); return }
        ended = true
        lock.unlock()
        drainWrites()
        progress.finish()
        try? flushParties()
        let code = (error as? RedFlagError)?.exitCode ?? ExitCode.software
        try? audit?.finish(status: .failed, exitCode: code)
    }
}
