import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagStorage
import Testing

@Suite(.serialized) struct PipelineTests {
    @Test func countsAndSummary() {
        var counts = DecisionCounts()
        for d in [Decision.clear, .clear, .hold, .stop, nil] { counts.add(d) }
        #expect(counts == DecisionCounts(clear: 2, hold: 1, stop: 1, errors: 1))
        #expect(counts.total == 5)
        #expect(counts.worst == .stop)
        #expect(DecisionCounts(clear: 3).worst == .clear)
        #expect(DecisionCounts(clear: 1_234_567, hold: 1).summary == "CLEAR 1,234,567 · HOLD 1 · STOP 0")
        #expect(counts.summary.hasSuffix("errors 1"))
        let line = RunSummary(command: "check", counts: DecisionCounts(clear: 1000, hold: 20), seconds: 2).line
        #expect(line == "redflag check: 1,020 rows in 2.0 s (510/s): CLEAR 1,000 · HOLD 20 · STOP 0")
        let stopped = RunSummary(command: "screen", counts: DecisionCounts(clear: 5), seconds: 1, interruptedExitCode: 130).line
        #expect(stopped.contains("interrupted after 5 rows"))
    }

    @Test func progressLineIsOnlyDrawnWhenEnabledAndThrottled() {
        nonisolated(unsafe) var written: [String] = []
        let start = Date(timeIntervalSince1970: 0)
        let progress = ProgressReporter(enabled: true, interval: 1, start: start) { written.append($0) }
        progress.update(counts: DecisionCounts(clear: 100), fraction: 0.25, now: start.addingTimeInterval(2))
        progress.update(counts: DecisionCounts(clear: 150), fraction: 0.3, now: start.addingTimeInterval(2.5))
        progress.update(counts: DecisionCounts(clear: 200), fraction: 0.5, now: start.addingTimeInterval(4))
        progress.finish()
        #expect(written.count == 3)
        #expect(written[0].contains("100 rows · 50/s · 25% · ETA 0:06"))
        #expect(written[1].contains("200 rows · 50/s · 50% · ETA 0:04"))
        #expect(written[2] == "\r\u{1B}[K")

        nonisolated(unsafe) var quiet: [String] = []
        let off = ProgressReporter(enabled: false) { quiet.append($0) }
        off.update(counts: DecisionCounts(clear: 1))
        off.finish()
        #expect(quiet.isEmpty)
        // Under `swift test` stderr is a pipe or file, not a terminal: the default is off.
        if isatty(STDERR_FILENO) == 0 { #expect(!ProgressReporter.forCommand(quiet: false).isEnabled) }
        #expect(!ProgressReporter.forCommand(quiet: true).isEnabled)
    }

    @Test func durations() {
        #expect(ProgressReporter.line(counts: DecisionCounts(), elapsed: 0, fraction: nil) == "0 rows · 0/s · CLEAR 0 · HOLD 0 · STOP 0")
        #expect(ProgressReporter.line(counts: DecisionCounts(stop: 10), elapsed: 10, fraction: 0.001).contains("ETA 2:46:30"))
    }

    @Test func interruptionRequestSetsTheExitCode() {
        let sigint = RunInterruption()
        #expect(!sigint.isRequested)
        #expect(sigint.exitCode == nil)
        sigint.request(SIGINT)
        #expect(sigint.isRequested)
        #expect(sigint.exitCode == 130)
        let sigterm = RunInterruption()
        sigterm.request(SIGTERM)
        sigterm.request(SIGTERM)  // a repeated SIGTERM changes nothing (a second SIGINT would quit at once)
        #expect(sigterm.exitCode == 143)
    }

    @Test func realSignalIsCaughtNotFatal() async throws {
        let interruption = RunInterruption().install()
        defer { interruption.uninstall() }
        // `install` returns once the handler is registered, so one signal sent now must be seen.
        kill(getpid(), SIGTERM)
        for _ in 0..<200 where !interruption.isRequested { try await Task.sleep(nanoseconds: 10_000_000) }
        #expect(interruption.exitCode == 143)
    }

    @Test func pipelineRunRecordsAndEndsInterrupted() throws {
        let directory = DataDirectory(url: PipelineFixtures.temporaryDirectory())
        let entry = PipelineFixtures.entry("1", "Arktos Freight Forwarding LLC", list: .deniedPersons)
        let screener = ExactNameScreener(entries: [entry])
        try AllowListStore(dataDirectory: directory).add(query: "Arktos Freight Forwarding LLC", country: "NO", entry: entry,
                                                         reason: "Oslo firm", by: "ana")
        let info = AuditRunInfo(command: "screen", arguments: ["redflag", "screen"], snapshots: [], user: "t")
        let run = try PipelineRun.begin(info: info, settings: PipelineSettings(quiet: true), stores: SQLiteStores(dataDirectory: directory),
                                        screener: screener, installSignalHandlers: false)
        let queries = [ScreeningQuery(name: "Arktos Freight Forwarding LLC", country: "NO"),
                       ScreeningQuery(name: "Arktos Freight Forwarding LLC", country: "AE"),
                       ScreeningQuery(name: "Harmless GmbH", country: "DE")]
        let results = queries.map { run.applyAllowList(to: screener.screen($0)) }
        #expect(results.map(\.decision) == [.clear, .stop, .clear])
        try run.record(results.map { r in (decision: r.decision, json: { r.query.name }) })
        try run.remember(queries, role: "customer")
        run.interruption.request(SIGINT)
        #expect(run.shouldStop)
        #expect(try run.finish(exitCode: 2) == 130)

        let trail = try AuditTrail(dataDirectory: directory)
        let stored = try #require(try trail.runs().first)
        #expect(stored.status == .interrupted)
        #expect(stored.exitCode == 130)
        #expect(stored.counts == DecisionCounts(clear: 2, stop: 1))
        #expect(try trail.results(runID: stored.id).map(\.index) == [1])
        let parties = try KnownPartyStore(dataDirectory: directory).all()
        #expect(parties.count == 3)
        #expect(parties.allSatisfy { $0.role == "customer" })
    }

    @Test func failedRunIsMarkedFailed() throws {
        let directory = DataDirectory(url: PipelineFixtures.temporaryDirectory())
        let run = try PipelineRun.begin(info: AuditRunInfo(command: "check", snapshots: [], user: "t"),
                                        settings: PipelineSettings(quiet: true, rememberParties: false), stores: SQLiteStores(dataDirectory: directory),
                                        screener: nil, installSignalHandlers: false)
        run.fail(RedFlagError.badData(path: "orders.csv", location: "line 7", message: "bad date"))
        let stored = try #require(try AuditTrail(dataDirectory: directory).runs().first)
        #expect(stored.status == .failed)
        #expect(stored.exitCode == 65)
        #expect(!FileManager.default.fileExists(atPath: directory.historyDatabase.path))
    }

    @Test func noAuditWritesNoDatabase() throws {
        let directory = DataDirectory(url: PipelineFixtures.temporaryDirectory())
        let run = try PipelineRun.begin(info: AuditRunInfo(command: "screen", snapshots: [], user: "t"),
                                        settings: PipelineSettings(quiet: true, audit: false, rememberParties: false),
                                        stores: SQLiteStores(dataDirectory: directory), screener: nil, installSignalHandlers: false)
        try run.record([(decision: .hold, json: { "" })])
        #expect(try run.finish(exitCode: 1) == 1)
        #expect(!FileManager.default.fileExists(atPath: directory.auditDatabase.path))
    }
}
