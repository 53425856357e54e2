import Foundation
import Testing
import RedFlagCore
@testable import RedFlagLists

@Suite struct StoreTests {
    typealias L = StoreTestLists

    let v1 = L.parsed(.ofacSDN, [L.entry(.ofacSDN, "1", "ALPHA TRADING LLC"), L.entry(.ofacSDN, "2", "BRAVO SHIPPING CO"),
                                 L.entry(.ofacSDN, "3", "CHARLIE METALS")], published: "2026-01-10")
    let v2 = L.parsed(.ofacSDN, [L.entry(.ofacSDN, "1", "ALPHA TRADING LLC", aliases: ["ALPHA TRD"]),
                                 L.entry(.ofacSDN, "2", "BRAVO SHIPPING CO"), L.entry(.ofacSDN, "4", "DELTA OPTICS")],
                      published: "2026-01-17")
    let un = L.parsed(.un, [L.entry(.un, "QDe.001", "ECHO FOUNDATION")], published: "2026-02-27")

    @Test func importThenLoadRoundTripsEntriesAndSnapshot() throws {
        let dir = L.dataDirectory()
        let store = ListStore(dataDirectory: dir)
        let report = try store.importLists([v1], artifacts: [], now: Date(timeIntervalSince1970: 1_768_000_000.7))
        #expect(StoreFileSystem.symlinkTarget(dir.listStore) == report.storeID)
        let set = try ListSet.load(store: store)
        #expect(set.entries == v1.entries)
        #expect(set.snapshots.count == 1)
        let snapshot = try #require(set.snapshots.first)
        #expect(snapshot.source == .ofacSDN)
        #expect(snapshot.sha256 == v1.sha256)
        #expect(snapshot.publicationDate == "2026-01-10")
        #expect(snapshot.recordCount == 3 && snapshot.nameCount == 3)
        #expect(snapshot.files == ["ofac-sdn.xml"])
        #expect(snapshot.importedAt == Date(timeIntervalSince1970: 1_768_000_000))
        #expect(try store.manifest()?.snapshot(for: .ofacSDN) == snapshot)
    }

    @Test func importingASourceReplacesOnlyThatSource() throws {
        let store = ListStore(dataDirectory: L.dataDirectory())
        try store.importLists([v1, un], artifacts: [])
        let report = try store.importLists([v2], artifacts: [])
        #expect(report.carriedOver.map(\.source) == [.un])
        let set = try store.load()
        #expect(set.snapshots.map(\.source) == [.ofacSDN, .un])
        #expect(set.entries.filter { $0.source == .ofacSDN } == v2.entries)
        #expect(set.entries.filter { $0.source == .un } == un.entries)
        #expect(try store.load(sources: [.un]).entries == un.entries)
    }

    @Test func changeLogRecordsAddedRemovedAndModifiedIDs() throws {
        let store = ListStore(dataDirectory: L.dataDirectory())
        let first = try store.importLists([v1, un], artifacts: [], now: Date(timeIntervalSince1970: 1_768_000_000))
        #expect(first.imported.first { $0.snapshot.source == .ofacSDN }?.changes.added == ["OFAC-SDN:1", "OFAC-SDN:2", "OFAC-SDN:3"])
        let second = try store.importLists([v2], artifacts: [], now: Date(timeIntervalSince1970: 1_768_086_400))
        let changes = try #require(second.imported.first?.changes)
        #expect(changes.added == ["OFAC-SDN:4"])
        #expect(changes.removed == ["OFAC-SDN:3"])
        #expect(changes.modified == ["OFAC-SDN:1"])
        #expect(changes.previousSHA256 == v1.sha256 && changes.sha256 == v2.sha256)
        #expect(changes.previousPublicationDate == "2026-01-10" && changes.publicationDate == "2026-01-17")
        #expect(changes.summary == "OFAC-SDN: +1 added, -1 removed, ~1 modified")
        #expect(changes.changedIDs == ["OFAC-SDN:1", "OFAC-SDN:4"])

        let log = try store.changes()
        #expect(log.map(\.source) == [.ofacSDN, .un, .ofacSDN])
        #expect(log.last == changes)
        #expect(try store.changes(since: Date(timeIntervalSince1970: 1_768_000_000)) == [changes])
        #expect(try store.changes(sources: [.un]).map(\.added) == [["UN:QDe.001"]])
        let files = try FileManager.default.contentsOfDirectory(atPath: store.changesDirectory.path).sorted()
        #expect(files.count == 3)
        #expect(files.allSatisfy { $0.hasSuffix("-ofac-sdn.json") || $0.hasSuffix("-un.json") })
    }

    @Test func reimportingTheSameListRecordsNoChange() throws {
        let store = ListStore(dataDirectory: L.dataDirectory())
        try store.importLists([v1], artifacts: [])
        let again = try store.importLists([v1], artifacts: [])
        // Identical: nothing imported, nothing logged, reported unchanged (StoreForwardTests).
        #expect(again.imported.isEmpty && again.unchanged.map(\.source) == [v1.source])
        #expect(try store.changes().count == 1)
    }

    @Test func aFailingArtifactLeavesThePreviousStoreExactlyAsItWas() throws {
        let dir = L.dataDirectory()
        let store = ListStore(dataDirectory: dir)
        try store.importLists([v1, un], artifacts: [])
        let before = try snapshotOfDirectory(dir.url)
        let failing = StoreArtifact(fileName: "index.bin") { _ in throw RedFlagError.cannotWrite(path: "index.bin", reason: "disk full (simulated)") }
        #expect(throws: RedFlagError.cannotWrite(path: "index.bin", reason: "disk full (simulated)")) {
            try store.importLists([v2], artifacts: [failing])
        }
        #expect(try snapshotOfDirectory(dir.url) == before)
        #expect(try store.load().entries.filter { $0.source == .ofacSDN } == v1.entries)
        #expect(try store.changes().count == 2)
    }

    @Test func artifactsAreBuiltFromTheFullNewEntrySetInsideTheStore() throws {
        let store = ListStore(dataDirectory: L.dataDirectory())
        let ids = StoreArtifact(fileName: "ids.txt") { entries in Data(entries.map(\.id).joined(separator: "\n").utf8) }
        try store.importLists([un], artifacts: [ids])
        let report = try store.importLists([v2], artifacts: [ids])
        #expect(report.artifacts == ["ids.txt"])
        let url = try #require(store.artifactURL(named: "ids.txt"))
        #expect(url.deletingLastPathComponent().lastPathComponent == report.storeID)
        #expect(try String(contentsOf: url, encoding: .utf8) == "OFAC-SDN:1\nOFAC-SDN:2\nOFAC-SDN:4\nUN:QDe.001")
        #expect(store.artifactURL(named: "missing.bin") == nil)
    }

    @Test func aHalfWrittenFolderFromAKilledImportIsIgnoredThenCleanedUp() throws {
        let dir = L.dataDirectory()
        let store = ListStore(dataDirectory: dir)
        try store.importLists([v1], artifacts: [])
        // What a process killed mid-import leaves: a store folder with no manifest, and a temporary link.
        let leftover = dir.url.appendingPathComponent("lists-20200101T000000Z-deadbeef")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: false)
        try Data("[\n{\"id\":".utf8).write(to: leftover.appendingPathComponent("ofac-sdn.entries.json"))
        let tempLink = dir.url.appendingPathComponent(".lists.0badf00d.tmp")
        try FileManager.default.createSymbolicLink(atPath: tempLink.path, withDestinationPath: leftover.lastPathComponent)
        #expect(try store.load().entries == v1.entries)
        try store.importLists([un], artifacts: [])
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
        #expect(StoreFileSystem.symlinkTarget(tempLink) == nil)
        let folders = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasPrefix("lists-") }
        #expect(folders.count == 1)
    }

    @Test func twoListsOfOneSourceAreRefusedAndNothingIsWritten() throws {
        let dir = L.dataDirectory()
        let store = ListStore(dataDirectory: dir)
        #expect(throws: RedFlagError.self) { try store.importLists([v1, v2], artifacts: []) }
        #expect(store.currentFolder() == nil)
        #expect(throws: RedFlagError.noLists("no lists imported in \(dir.url.path): run `redflag lists import` or `redflag lists update`, or pass --lists")) {
            try store.load()
        }
    }

    @Test func aPlainFolderInPlaceOfTheStoreLinkIsRefused() throws {
        let dir = L.dataDirectory()
        try FileManager.default.createDirectory(at: dir.listStore, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: dir.listStore.appendingPathComponent("notes.txt"))
        #expect(throws: RedFlagError.self) { try ListStore(dataDirectory: dir).importLists([v1], artifacts: []) }
        #expect(FileManager.default.fileExists(atPath: dir.listStore.appendingPathComponent("notes.txt").path))
    }

    @Test func concurrentImportsAreSerialisedAndBothLand() throws {
        let store = ListStore(dataDirectory: L.dataDirectory())
        let (a, b) = (v1, un)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            _ = try? store.importLists([i == 0 ? a : b], artifacts: [])
        }
        #expect(try store.load().snapshots.map(\.source) == [.ofacSDN, .un])
    }

    @Test func fingerprintIsStableAndSeesEveryField() throws {
        let a = L.entry(.eu, "EU.1.2", "FOXTROT GMBH")
        var b = a
        #expect(try EntryFingerprint.sha256(of: a) == EntryFingerprint.sha256(of: b))
        b.programs.append("RUSSIA")
        #expect(try EntryFingerprint.sha256(of: a) != EntryFingerprint.sha256(of: b))
        #expect(try EntryFingerprint.sha256(of: a).count == 64)
    }

    @Test func staleness() {
        let day: TimeInterval = 86_400
        let now = ListSnapshot.day(fromISO: "2026-01-20")!
        var s = ListSnapshot(parsed: v1, importedAt: now)
        #expect(s.ageInDays(now: now) == 10)
        #expect(s.isStale(maxAgeDays: 7, now: now))
        #expect(!s.isStale(maxAgeDays: 10, now: now))
        s.publicationDate = nil
        #expect(s.ageInDays(now: now.addingTimeInterval(3 * day)) == 3)
        s.importedAt = nil
        #expect(s.ageInDays(now: now) == nil && !s.isStale(maxAgeDays: 0, now: now))
    }

    /// Every path under `url` with its bytes (symlinks as their targets): "exactly as it was".
    private func snapshotOfDirectory(_ url: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        for path in try fm.subpathsOfDirectory(atPath: url.path) where !path.hasSuffix(".lock") {
            let full = url.appendingPathComponent(path)
            if let target = StoreFileSystem.symlinkTarget(full) {
                out[path] = Data("-> \(target)".utf8)
            } else if let data = fm.contents(atPath: full.path) {
                out[path] = data
            } else {
                out[path] = Data()
            }
        }
        return out
    }
}
