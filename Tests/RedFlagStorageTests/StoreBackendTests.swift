import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagRules
@testable import RedFlagStorage
import Testing

/// A fresh, empty set of stores on one backend, for one test.
struct TestBackend: Sendable, CustomStringConvertible {
    enum Kind: String, Sendable { case sqlite, postgres }
    let kind: Kind

    var description: String { kind.rawValue }

    /// The cluster `.ci/run` starts (`.ci/pg-cluster`): `postgres://redflag@127.0.0.1:PORT/redflag_test`.
    static let postgresURL = ProcessInfo.processInfo.environment["REDFLAG_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let postgresSkipReason: Comment = "REDFLAG_TEST_DATABASE_URL is not set (no PostgreSQL cluster started, see .ci/run): PostgreSQL tests skip"

    /// New stores: a new data directory, or a new database on the test cluster. Two calls with the
    /// same `shared` location give two "desks" on one store.
    func makeLocation() throws -> String {
        switch kind {
        case .sqlite:
            return LegacyFileTests.temporaryURL("x").deletingLastPathComponent().path
        case .postgres:
            let base = try #require(Self.postgresURL)
            let name = "rf_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased())"
            let admin = try PostgresSession(url: base)
            try admin.query("CREATE DATABASE \(unescaped: name)")
            var components = URLComponents(string: base)!
            components.path = "/" + name
            return components.string!
        }
    }

    func stores(at location: String) throws -> any StoreProvider {
        switch kind {
        case .sqlite: return SQLiteStores(dataDirectory: DataDirectory(url: URL(fileURLWithPath: location)))
        case .postgres: return try PostgresStores(url: location)
        }
    }
}

/// The same behaviour asked of every backend: the conformance each store must keep.
enum StoreConformance {
    static func entry(_ id: String, _ customer: String, _ day: String) -> HistoryEntry {
        HistoryEntry(orderID: id, customerID: customer, day: CalendarDay(iso: day)!, quantity: 2, totalTPP: 31660, advanced: true)
    }

    static func history(_ backend: TestBackend) throws {
        let location = try backend.makeLocation()
        let desk1 = try #require(try backend.stores(at: location).orderHistory(create: true))
        let desk2 = try #require(try backend.stores(at: location).orderHistory(create: true))
        try desk1.record([entry("A", "C1", "2026-01-05"), entry("B", "C1", "2026-02-05")], checkedAt: "t1")
        // The other desk records one order again and a new one: one customer, no double count.
        try desk2.record([entry("B", "C1", "2026-02-05"), entry("C", "C1", "2026-03-05"), entry("C", "C1", "2026-03-05")], checkedAt: "t2")
        #expect(try desk1.count() == 3)
        #expect(Set(try desk2.entries(customerID: "C1").map(\.orderID)) == ["A", "B", "C"])
        #expect(try desk1.entries(customerID: "nobody").isEmpty)
    }

    static func knownParties(_ backend: TestBackend) throws {
        let location = try backend.makeLocation()
        let store = try #require(try backend.stores(at: location).knownParties(create: true))
        let acme = KnownParty(query: ScreeningQuery(name: "Acme GmbH", address: "Hauptstr. 1", country: "de"), role: "customer")
        let bare = KnownParty(query: ScreeningQuery(name: "Nameless"), role: nil)
        try store.record([acme, bare, acme, KnownParty(query: ScreeningQuery(name: "  "), role: nil)], now: Date(timeIntervalSince1970: 1_700_000_000))
        try store.record([acme], now: Date(timeIntervalSince1970: 1_700_000_100))
        let all = try store.all()
        #expect(all.count == 2)
        let stored = try #require(all.first { $0.name == "Acme GmbH" })
        #expect(stored.country == "DE")
        #expect(stored.address == "Hauptstr. 1")
        #expect(stored.role == "customer")
        #expect((stored.lastSeen ?? "") > (stored.firstSeen ?? ""))
        #expect(all.first { $0.name == "Nameless" }?.country == nil)
        #expect(try store.count() == 2)
    }

    static func allowList(_ backend: TestBackend) throws {
        let location = try backend.makeLocation()
        let compliance = try #require(try backend.stores(at: location).allowList(create: true))
        let entry = ListEntry(source: .csl, sourceID: "42", list: .entityList, type: .entity, name: "Arktos Freight Forwarding LLC")
        let rule = try compliance.add(query: "  Arktos  Freight Forwarding ", country: "ae", entry: entry, reason: "different company", by: "officer")
        #expect(rule.query == "Arktos Freight Forwarding")
        #expect(rule.country == "AE")
        #expect(throws: RedFlagError.self) { try compliance.add(query: "Arktos Freight Forwarding", country: "AE", entry: entry, reason: "again", by: "x") }
        #expect(throws: RedFlagError.self) { try compliance.add(query: "x", country: "ARE", entry: entry, reason: "r", by: "b") }
        // Another desk sees the rule at its next run.
        let desk = try #require(try backend.stores(at: location).allowList(create: false))
        #expect(try desk.load().rules.map(\.id) == [rule.id])
        #expect(try desk.remove(id: rule.id).entryID == "CSL:42")
        #expect(throws: RedFlagError.self) { try desk.remove(id: rule.id) }
        #expect(try compliance.rules().isEmpty)
    }

    static func audit(_ backend: TestBackend) throws {
        let location = try backend.makeLocation()
        let trail = try #require(try backend.stores(at: location).audit(create: true))
        let info = AuditRunInfo(command: "check", arguments: ["redflag", "check"], snapshots: [], user: "desk1", workingDirectory: "/")
        let run = try trail.beginRun(info, now: Date(timeIntervalSince1970: 1_700_000_000))
        let records = (0..<300).map { AuditCompactTests.record($0) }
        try run.record((0..<150).map { i in AuditEntry(index: i, decision: i % 2 == 0 ? .stop : .clear, json: { records[i] }) })
        try run.record((150..<300).map { i in AuditEntry(index: i, decision: i % 5 == 0 ? .hold : nil, json: { records[i] }) })
        try run.finish(status: .complete, exitCode: 2, now: Date(timeIntervalSince1970: 1_700_000_060))
        let unfinished = try trail.beginRun(info, now: Date(timeIntervalSince1970: 1_700_000_100))
        try unfinished.record([AuditEntry(index: 0, decision: .hold, json: { records[7] })])

        let stored = try #require(try trail.run(id: run.id))
        #expect(stored.status == .complete)
        #expect(stored.counts == DecisionCounts(clear: 75, hold: 30, stop: 75, errors: 120))
        #expect(stored.arguments == ["redflag", "check"])
        let expected = (0..<150).filter { $0 % 2 == 0 } + (150..<300).filter { $0 % 5 == 0 }
        let results = try trail.results(runID: run.id)
        #expect(results.map(\.index) == expected)
        #expect(results.map(\.json) == expected.map { records[$0] })
        #expect(try trail.verify().map(\.outcome) == [.intact, .incomplete])
        #expect(try trail.runs(since: Date(timeIntervalSince1970: 1_700_000_050)).map(\.id) == [unfinished.id])
        #expect(try trail.lastCompletedRun(command: "check")?.id == run.id)
        #expect(throws: RedFlagError.self) {
            try trail.purge(olderThan: Date(timeIntervalSince1970: 1_700_000_200), confirmed: true, user: "x", now: Date(timeIntervalSince1970: 1_700_000_300))
        }
        let purged = try trail.purge(olderThan: Date(timeIntervalSince1970: 1_700_000_050), confirmed: true, user: "admin",
                                     now: Date(timeIntervalSince1970: 1_900_000_000))
        #expect(purged.runs == 1)
        #expect(purged.results == expected.count)
        #expect(try trail.runs().map(\.id) == [unfinished.id])
    }
}

@Suite struct SQLiteBackendTests {
    let backend = TestBackend(kind: .sqlite)
    @Test func history() throws { try StoreConformance.history(backend) }
    @Test func knownParties() throws { try StoreConformance.knownParties(backend) }
    @Test func allowList() throws { try StoreConformance.allowList(backend) }
    @Test func audit() throws { try StoreConformance.audit(backend) }
}

@Suite(.enabled(if: TestBackend.postgresURL != nil, TestBackend.postgresSkipReason))
struct PostgresBackendTests {
    let backend = TestBackend(kind: .postgres)
    @Test func history() throws { try StoreConformance.history(backend) }
    @Test func knownParties() throws { try StoreConformance.knownParties(backend) }
    @Test func allowList() throws { try StoreConformance.allowList(backend) }
    @Test func audit() throws { try StoreConformance.audit(backend) }

    /// Migrations are applied once, recorded, and a second process finds nothing to do.
    @Test func migrationsAreRecordedOnce() throws {
        let url = try backend.makeLocation()
        let session = try PostgresSession(url: url)
        #expect(try PostgresSchema.migrate(session) == PostgresSchema.migrations.map(\.identifier))
        #expect(try PostgresSchema.migrate(session).isEmpty)
        #expect(try PostgresSchema.migrate(PostgresSession(url: url)).isEmpty)
    }

    @Test func badURLsAreUsageErrors() throws {
        #expect(throws: RedFlagError.self) { try StoreLocation.resolve(databaseURL: "mysql://x/y", dataDirectory: DataDirectory(url: URL(fileURLWithPath: "/tmp"))) }
        #expect(throws: RedFlagError.self) { try PostgresStores(url: "postgres://localhost") }
        #expect(throws: RedFlagError.self) { try PostgresStores(url: "postgres://nobody@127.0.0.1:1/none").audit(create: true) }
    }
}
