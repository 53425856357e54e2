import Foundation
import Testing
import RedFlagCore
@testable import RedFlagLists

/// The store and its change log on real list snapshots (../shared/lists), skipped when absent.
@Suite struct StoreSharedListsTests {
    static let shared: URL? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/lists")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    /// Imports an older then a newer snapshot of one source and checks the change log adds up.
    private func importTwice(_ older: [String], _ newer: [String]) throws -> (old: ParsedList, new: ParsedList, changes: StoreChanges, store: ListStore)? {
        guard let shared = Self.shared else {
            print("skipped: ../shared/lists absent")
            return nil
        }
        let store = ListStore(dataDirectory: StoreTestLists.dataDirectory())
        let old = try #require(try ListFileLoader.load(paths: older.map { shared.appendingPathComponent($0) }).first)
        let new = try #require(try ListFileLoader.load(paths: newer.map { shared.appendingPathComponent($0) }).first)
        try store.importLists([old], artifacts: [])
        let report = try store.importLists([new], artifacts: [])
        let changes = try #require(report.imported.first?.changes)
        return (old, new, changes, store)
    }

    @Test func ofacSDNFrom2021To2024() throws {
        guard let result = try importTwice(["ofac/csv-2021-07/sdn.csv"], ["ofac/sdn.csv"]) else { return }
        let (old, new, changes, store) = result
        #expect(old.source == .ofacSDN && new.source == .ofacSDN)
        #expect(changes.added.count > 1_000)
        // Every id of the new list is either added, or was already there (modified or not).
        #expect(Set(old.entries.map(\.id)).count + changes.added.count - changes.removed.count == Set(new.entries.map(\.id)).count)
        #expect(Set(changes.added).isDisjoint(with: old.entries.map(\.id)))
        #expect(Set(changes.removed).isDisjoint(with: new.entries.map(\.id)))
        #expect(!changes.modified.isEmpty)
        #expect(try store.load().entries.count == new.entries.count)
    }

    @Test func ofacConsolidatedFrom2020To2025() throws {
        guard let result = try importTwice(["ofac/consolidated-20200422.xml"], ["ofac/consolidated.xml"]) else { return }
        let (old, new, changes) = (result.old, result.new, result.changes)
        #expect(old.source == .ofacConsolidated && new.source == .ofacConsolidated)
        #expect(!changes.added.isEmpty)
        #expect(Set(old.entries.map(\.id)).count + changes.added.count - changes.removed.count == Set(new.entries.map(\.id)).count)
        // Publish_Date inside the 2020 file is 03/17/2020 (its file name says 20200422).
        #expect(changes.previousPublicationDate == "2020-03-17" && changes.publicationDate == "2025-03-28")
    }
}
