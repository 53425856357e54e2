import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagStorage
import RedFlagLists
import Testing

@Suite struct AuditTrailTests {
    func trail() throws -> AuditTrail {
        try AuditTrail(url: PipelineFixtures.temporaryDirectory().appendingPathComponent("audit.sqlite"))
    }

    let snapshot = ListSnapshot(source: .csl, format: .cslCSV, sha256: String(repeating: "ab", count: 32), publicationDate: "2025-06-01",
                                files: ["consolidated.csv"], recordCount: 10, nameCount: 12, warnings: [:], importedAt: nil)

    func info(input: String? = nil) -> AuditRunInfo {
        AuditRunInfo(command: "screen", arguments: ["redflag", "screen", "--input", input ?? "-"], inputPath: input,
                     snapshots: [snapshot], configurationJSON: "{\"reviewThreshold\":0.8}", user: "tester", workingDirectory: "/tmp")
    }

    static func entry(_ index: Int, _ decision: Decision?) -> AuditEntry {
        AuditEntry(index: index, decision: decision) { "{\"row\":\(index),\"decision\":\"\(decision?.rawValue ?? "ERROR")\"}" }
    }

    @Test func runIsIncompleteUntilFinished() throws {
        let trail = try trail()
        let run = try trail.beginRun(info())
        var stored = try #require(try trail.run(id: run.id))
        #expect(stored.status == .incomplete)
        #expect(stored.finishedAt == nil)
        #expect(stored.user == "tester")
        #expect(stored.arguments == ["redflag", "screen", "--input", "-"])
        #expect(stored.lists == [AuditListRef(source: "CSL", sha256: snapshot.sha256, published: "2025-06-01", files: ["consolidated.csv"])])
        #expect(stored.configuration == "{\"reviewThreshold\":0.8}")

        try run.record([Self.entry(0, .clear), Self.entry(1, .stop), Self.entry(2, .hold), Self.entry(3, nil)])
        // A crash now (the run never finishes) leaves the chunk and the counts, marked incomplete.
        stored = try #require(try trail.run(id: run.id))
        #expect(stored.status == .incomplete)
        #expect(stored.counts == DecisionCounts(clear: 1, hold: 1, stop: 1, errors: 1))
        #expect(try trail.results(runID: run.id).map(\.index) == [1, 2])

        try run.record([Self.entry(4, .stop)])
        try run.finish(status: .complete, exitCode: 2)
        stored = try #require(try trail.run(id: run.id))
        #expect(stored.status == .complete)
        #expect(stored.exitCode == 2)
        #expect(stored.finishedAt != nil)
        #expect(stored.counts == DecisionCounts(clear: 1, hold: 1, stop: 2, errors: 1))
        let results = try trail.results(runID: run.id)
        #expect(results.map(\.decision) == [.stop, .hold, .stop])
        #expect(results[0].json == "{\"row\":1,\"decision\":\"STOP\"}")
        // finish is idempotent: a second call cannot rewrite history.
        try run.finish(status: .failed, exitCode: 65)
        #expect(try trail.run(id: run.id)?.status == .complete)
    }

    @Test func reopenedDatabaseSeesEverything() throws {
        let url = PipelineFixtures.temporaryDirectory().appendingPathComponent("audit.sqlite")
        let first = try AuditTrail(url: url)
        let run = try first.beginRun(info())
        try run.record([Self.entry(0, .hold)])
        let second = try AuditTrail(url: url)
        #expect(try second.runs().map(\.status) == [.incomplete])
        #expect(try second.results(runID: run.id).count == 1)
    }

    @Test func hashesTheInputFile() throws {
        let dir = PipelineFixtures.temporaryDirectory()
        let input = dir.appendingPathComponent("names.csv")
        try Data("name\nAcme\n".utf8).write(to: input)
        let trail = try AuditTrail(url: dir.appendingPathComponent("audit.sqlite"))
        let run = try trail.beginRun(info(input: input.path))
        try run.finish(status: .complete, exitCode: 0)
        #expect(try trail.run(id: run.id)?.inputSHA256 == SHA256.hex(Data("name\nAcme\n".utf8)))
    }

    @Test func listsRunsSinceADate() throws {
        let trail = try trail()
        _ = try trail.beginRun(info(), now: Date(timeIntervalSince1970: 1_600_000_000))
        let newer = try trail.beginRun(info(), now: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(try trail.runs().count == 2)
        #expect(try trail.runs(since: AuditTrail.parseDate("2023-01-01")).map(\.id) == [newer.id])
    }

    @Test func lastCompletedRunStartIgnoresIncompleteRuns() throws {
        let trail = try trail()
        var rescreen = info()
        rescreen.command = "rescreen"
        #expect(try trail.lastCompletedRunStart(command: "rescreen") == nil)
        let done = try trail.beginRun(rescreen, now: Date(timeIntervalSince1970: 1_700_000_000))
        try done.finish(status: .complete, exitCode: 0)
        _ = try trail.beginRun(rescreen, now: Date(timeIntervalSince1970: 1_700_000_500))
        let last = try #require(try trail.lastCompletedRunStart(command: "rescreen"))
        #expect(abs(last.timeIntervalSince1970 - 1_700_000_000) < 0.01)
    }

    @Test func purgeKeepsFiveYearsAndNeedsConfirmation() throws {
        let trail = try trail()
        let now = try AuditTrail.parseDate("2026-06-01")
        let old = try trail.beginRun(info(), now: AuditTrail.parseDate("2019-03-01"))
        try old.record([Self.entry(0, .stop)])
        try old.finish(status: .complete, exitCode: 2)
        let recent = try trail.beginRun(info(), now: AuditTrail.parseDate("2022-03-01"))
        try recent.finish(status: .complete, exitCode: 0)

        #expect(throws: RedFlagError.self) { try trail.purge(olderThan: AuditTrail.parseDate("2020-01-01"), confirmed: false, now: now) }
        #expect(throws: RedFlagError.self) { try trail.purge(olderThan: AuditTrail.parseDate("2023-01-01"), confirmed: true, now: now) }
        #expect(try trail.runs().count == 2)
        let deleted = try trail.purge(olderThan: AuditTrail.parseDate("2020-01-01"), confirmed: true, user: "admin", now: now)
        #expect(deleted.runs == 1)
        #expect(deleted.results == 1)
        #expect(try trail.runs().map(\.id) == [recent.id])
        #expect(try trail.results(runID: old.id).isEmpty)
    }

    @Test func parsesDates() throws {
        #expect(try AuditTrail.parseDate("2024-05-03").timeIntervalSince1970 == 1_714_694_400)
        #expect(try AuditTrail.parseDate("2024-05-03T10:00:00Z").timeIntervalSince1970 == 1_714_730_400)
        #expect(throws: RedFlagError.self) { try AuditTrail.parseDate("yesterday") }
        #expect(throws: RedFlagError.self) { try AuditTrail.parseDate("2024-13-45") }
    }

    @Test func currentUserPrefersTheEnvironment() {
        #expect(AuditRunInfo.currentUser(environment: ["USER": "alice"]) == "alice")
        #expect(!AuditRunInfo.currentUser(environment: [:]).isEmpty)
    }
}
