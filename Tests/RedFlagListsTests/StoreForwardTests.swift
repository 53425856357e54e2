import Foundation
import Testing
import RedFlagCore
@testable import RedFlagLists

/// Lists only move forward (an older snapshot is refused, an identical one changes nothing) and
/// the change log says, per entry, which fields changed.
@Suite struct StoreForwardTests {
    typealias L = StoreTestLists

    @Test func olderPublicationIsRefusedNamingBothDatesAndNothingChanges() throws {
        let store = ListStore(dataDirectory: L.dataDirectory())
        let new = L.parsed(.ofacSDN, [L.entry(.ofacSDN, "1", "ALPHA"), L.entry(.ofacSDN, "2", "BRAVO")], published: "2025-03-28")
        try store.importLists([new], artifacts: [])
        let before = try #require(try store.manifest())
        let old = L.parsed(.ofacSDN, [L.entry(.ofacSDN, "1", "ALPHA")], published: "2020-03-17")
        let error = ListTestFiles.error { try store.importLists([old], artifacts: []) }
        guard case .badData(_, _, let message)? = error else { Issue.record("expected badData, got \(String(describing: error))"); return }
        #expect(message.contains("2020-03-17") && message.contains("2025-03-28") && message.contains("--allow-older"))
        #expect(error?.exitCode == 65)
        #expect(try store.manifest() == before)
        #expect(try store.changes().count == 1)

        // On purpose: imported, and the change log shows the roll-back.
        let report = try store.importLists([old], artifacts: [], allowOlder: true)
        #expect(report.imported.first?.changes.removed == ["OFAC-SDN:2"])
        #expect(try store.manifest()?.snapshot(for: .ofacSDN)?.publicationDate == "2020-03-17")
    }

    @Test func sameDayOrUndatedListsAreNotRefused() throws {
        let store = ListStore(dataDirectory: L.dataDirectory())
        try store.importLists([L.parsed(.ofacSDN, [L.entry(.ofacSDN, "1", "ALPHA")], published: "2025-03-28")], artifacts: [])
        try store.importLists([L.parsed(.ofacSDN, [L.entry(.ofacSDN, "1", "ALPHA CORRECTED")], published: "2025-03-28")], artifacts: [])
        try store.importLists([L.parsed(.ofacSDN, [L.entry(.ofacSDN, "1", "ALPHA UNDATED")], published: nil)], artifacts: [])
        #expect(try store.load().entries.map(\.name) == ["ALPHA UNDATED"])
    }

    @Test func refusalOfOneListRefusesTheWholeImport() throws {
        let store = ListStore(dataDirectory: L.dataDirectory())
        try store.importLists([L.parsed(.ofacSDN, [L.entry(.ofacSDN, "1", "ALPHA")], published: "2025-03-28")], artifacts: [])
        let un = L.parsed(.un, [L.entry(.un, "U1", "UNIFORM")], published: "2025-01-01")
        let older = L.parsed(.ofacSDN, [L.entry(.ofacSDN, "1", "ALPHA")], published: "2024-01-01")
        #expect(ListTestFiles.error { try store.importLists([un, older], artifacts: []) } != nil)
        #expect(try store.manifest()?.snapshot(for: .un) == nil)
    }

    @Test func identicalFileChangesNothingAndSaysSo() throws {
        let store = ListStore(dataDirectory: L.dataDirectory())
        let list = L.parsed(.ofacSDN, [L.entry(.ofacSDN, "1", "ALPHA")], published: "2025-03-28")
        let first = try store.importLists([list], artifacts: [], now: Date(timeIntervalSince1970: 1_700_000_000))
        let again = try store.importLists([list], artifacts: [], now: Date(timeIntervalSince1970: 1_700_000_100))
        #expect(again.imported.isEmpty)
        #expect(again.unchanged.map(\.source) == [.ofacSDN])
        #expect(again.storeID == first.storeID)
        #expect(try store.manifest()?.storeID == first.storeID)
        #expect(try store.changes().count == 1)

        // With another source that did change, only that one is imported.
        let un = L.parsed(.un, [L.entry(.un, "U1", "UNIFORM")], published: "2025-01-01")
        let mixed = try store.importLists([list, un], artifacts: [])
        #expect(mixed.imported.map(\.snapshot.source) == [.un])
        #expect(mixed.unchanged.map(\.source) == [.ofacSDN])
        #expect(try store.manifest()?.snapshot(for: .ofacSDN)?.importedAt == first.imported.first?.snapshot.importedAt)
    }

    /// The same file bytes parsed differently (a newer redflag) is not "identical": it re-imports.
    @Test func sameFileParsedDifferentlyIsImported() throws {
        let store = ListStore(dataDirectory: L.dataDirectory())
        let entry = L.entry(.ofacSDN, "1", "ALPHA")
        try store.importLists([L.parsed(.ofacSDN, [entry], published: "2025-03-28", sha: "f00d")], artifacts: [])
        var fixed = entry
        fixed.aliases.append(Alias(name: "ALPHA TRADING", strength: .weak))
        let report = try store.importLists([L.parsed(.ofacSDN, [fixed], published: "2025-03-28", sha: "f00d")], artifacts: [])
        #expect(report.unchanged.isEmpty)
        #expect(report.imported.first?.changes.modified == ["OFAC-SDN:1"])
    }

    @Test func changeLogCarriesFieldChangesRemovedEntriesAndAddedNames() throws {
        let store = ListStore(dataDirectory: L.dataDirectory())
        let kept = L.entry(.ofacSDN, "1", "ALPHA", aliases: ["ALPHA CO"])
        let gone = L.entry(.ofacSDN, "2", "BRAVO", programs: ["IRAN"])
        try store.importLists([L.parsed(.ofacSDN, [kept, gone], published: "2025-01-01")], artifacts: [], now: Date(timeIntervalSince1970: 1_700_000_000))
        var changed = kept
        changed.aliases.append(Alias(name: "ALPHA HOLDINGS", strength: .weak))
        changed.programs.append("RUSSIA-EO14024")
        changed.addresses = [Address(lines: ["1 Main St"], city: "Dubai", country: "AE", countryRaw: "United Arab Emirates")]
        let added = L.entry(.ofacSDN, "3", "CHARLIE")
        let report = try store.importLists([L.parsed(.ofacSDN, [changed, added], published: "2025-02-01")], artifacts: [],
                                           now: Date(timeIntervalSince1970: 1_700_000_100))
        let changes = try #require(report.imported.first?.changes)
        #expect(changes.addedNames == ["OFAC-SDN:3": "CHARLIE"])
        #expect(changes.removedEntries == [gone])
        let fields = try #require(changes.modifiedFields?.first)
        #expect(fields.id == "OFAC-SDN:1")
        #expect(fields.fields.map(\.text) == [
            "program added: RUSSIA-EO14024",
            "alias added: ALPHA HOLDINGS (weak aka)",
            "address added: 1 Main St, Dubai, United Arab Emirates [AE]",
        ])
        #expect(changes.fieldChangeCounts == ["program": 1, "alias": 1, "address": 1])
        // Read back from the published change log, not only from the report.
        #expect(try store.changes().last == changes)
    }

    /// A change log written before the details existed (ids only) still reads.
    @Test func changeLogWithoutDetailsStillReads() throws {
        let directory = L.dataDirectory()
        let store = ListStore(dataDirectory: directory)
        try FileManager.default.createDirectory(at: store.changesDirectory, withIntermediateDirectories: true)
        let old = """
            {"added":["OFAC-SDN:1"],"importedAt":"2024-01-01T00:00:00Z","modified":["OFAC-SDN:2"],"previousPublicationDate":"2023-12-01",
             "previousSHA256":"aa","publicationDate":"2024-01-01","removed":["OFAC-SDN:3"],"sha256":"bb","source":"OFAC-SDN",
             "storeID":"lists-20240101T000000Z-00000001"}
            """
        try Data(old.utf8).write(to: store.changesDirectory.appendingPathComponent("20240101T000000Z-00000001-ofac-sdn.json"))
        let read = try #require(try store.changes().first)
        #expect(read.modified == ["OFAC-SDN:2"])
        #expect(read.modifiedFields == nil && read.removedEntries == nil && read.addedNames == nil)
        #expect(read.fieldChangeCounts == nil)
    }

    @Test func fixtureEditionsGiveTheExpectedFieldChanges() throws {
        let store = ListStore(dataDirectory: L.dataDirectory())
        try store.importLists(ListFileLoader.load(paths: [ListTestFiles.fixture("ofac-cons-oldns.xml")]), artifacts: [])
        let report = try store.importLists(ListFileLoader.load(paths: [ListTestFiles.fixture("ofac-cons-2025.xml")]), artifacts: [])
        let changes = try #require(report.imported.first?.changes)
        #expect(changes.added == ["OFAC-CONS:910007"] && changes.removed == ["OFAC-CONS:910006"])
        #expect(changes.modified == ["OFAC-CONS:910001", "OFAC-CONS:910005"])
        #expect(changes.removedEntries?.first?.name == "BANCO FICTICIO DEL CARIBE")
        let byID = Dictionary(uniqueKeysWithValues: (changes.modifiedFields ?? []).map { ($0.id, $0.fields.map(\.text)) })
        #expect(byID["OFAC-CONS:910001"] == ["program added: RUSSIA-EO14024", "alias added: NAG FINANCE (strong aka)"])
        #expect(byID["OFAC-CONS:910005"] == ["address added: Office 14, Jebel Ali Free Zone, Dubai, United Arab Emirates [AE]"])
        // Back to the 2020 edition: refused.
        let refusal = ListTestFiles.error { try store.importLists(ListFileLoader.load(paths: [ListTestFiles.fixture("ofac-cons-oldns.xml")]), artifacts: []) }
        #expect(refusal?.description.contains("published 2020-04-22 is older than the list in the store (published 2025-03-28") == true)
    }

    // MARK: the real OFAC non-SDN pair in ../shared/lists

    static let realPair: (old: URL, new: URL)? = {
        let folder = ListTestFiles.sharedLists.appendingPathComponent("ofac")
        let old = folder.appendingPathComponent("consolidated-20200422.xml"), new = folder.appendingPathComponent("consolidated.xml")
        let fm = FileManager.default
        return fm.fileExists(atPath: old.path) && fm.fileExists(atPath: new.path) ? (old, new) : nil
    }()

    @Test(.enabled(if: realPair != nil, "../shared/lists/ofac consolidated pair absent"))
    func realPairFieldChangesAndRollBackRefusal() throws {
        let pair = try #require(Self.realPair)
        let store = ListStore(dataDirectory: L.dataDirectory())
        let old = try ListFileLoader.load(paths: [pair.old]), new = try ListFileLoader.load(paths: [pair.new])
        try store.importLists(old, artifacts: [])
        let report = try store.importLists(new, artifacts: [])
        let changes = try #require(report.imported.first?.changes)
        #expect((changes.added.count, changes.removed.count, changes.modified.count) == (77, 9, 288))
        #expect(changes.addedNames?.count == 77)
        #expect(Set(changes.removedEntries?.map(\.id) ?? []) == Set(changes.removed))
        // Every modified entry says what changed, and the old version really differs in those fields.
        let modified = try #require(changes.modifiedFields)
        #expect(modified.map(\.id) == changes.modified)
        #expect(modified.allSatisfy { !$0.fields.isEmpty && !$0.fields.contains { $0.field == "other" } })
        let oldByID = Dictionary(old[0].entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newByID = Dictionary(new[0].entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for entry in modified {
            let recomputed = EntryFieldChange.between(old: try #require(oldByID[entry.id]), new: try #require(newByID[entry.id]))
            #expect(recomputed == entry.fields)
        }
        let vtb = try #require(modified.first { $0.id == "OFAC-CONS:17013" })
        #expect(vtb.fields.contains(EntryFieldChange(field: "name", change: .changed, old: "VTB BANK OAO", new: "VTB BANK PUBLIC JOINT STOCK COMPANY")))
        #expect(vtb.fields.contains(EntryFieldChange(field: "program", change: .added, old: nil, new: "RUSSIA-EO14024")))
        let counts = try #require(changes.fieldChangeCounts)
        #expect(counts["alias", default: 0] > 100 && counts["program", default: 0] > 50 && counts["name", default: 0] > 10)

        // Rolling back to 2020 is refused; the same 2025 file again changes nothing.
        let refusal = ListTestFiles.error { try store.importLists(old, artifacts: []) }
        #expect(refusal?.description.contains("2020-03-17") == true && refusal?.description.contains("2025-03-28") == true)
        let again = try store.importLists(new, artifacts: [])
        #expect(again.imported.isEmpty && again.unchanged.count == 1)
        #expect(try store.manifest()?.snapshot(for: .ofacConsolidated)?.publicationDate == "2025-03-28")
    }
}
