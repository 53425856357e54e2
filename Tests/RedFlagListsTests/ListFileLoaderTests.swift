import Foundation
import Testing
@testable import RedFlagLists
import RedFlagCore

@Suite("List file loader")
struct ListFileLoaderTests {
    @Test func loadsSeveralFormatsInGivenOrder() throws {
        let names = ["uk-fcdo.csv", "csl.csv", "ofsi-conlist-2020.csv", "csl.json", "csl-2025.csv", "ofsi-conlist.csv"]
        let lists = try ListFileLoader.load(paths: names.map(ListTestFiles.fixture))
        #expect(lists.map(\.format) == [.fcdoCSV, .cslCSV, .ofsiCSV, .cslJSON, .cslCSV, .ofsiCSV])
        #expect(lists.map { $0.files.first?.lastPathComponent } == names)
        #expect(lists.map(\.entries.count) == [3, 8, 2, 3, 3, 3])
    }

    @Test func sdnCSVFindsItsCompanionsNextToIt() throws {
        let lists = try ListFileLoader.load(paths: [ListTestFiles.fixture("ofac-csv/sdn.csv")])
        #expect(lists.count == 1)
        #expect(lists[0].files.map(\.lastPathComponent) == ["sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"])
        #expect(lists[0].entries.reduce(0) { $0 + $1.addresses.count } == 4)
    }

    @Test func givenCompanionsAreGroupedWithTheirSDNFile() throws {
        let dir = ListTestFiles.fixture("ofac-csv")
        let paths = ["sdn_comments.csv", "alt.csv", "sdn.csv", "add.csv"].map { dir.appendingPathComponent($0) }
        let jobs = try ListFileLoader.plan(paths: paths)
        #expect(jobs == [.ofacCSV(sdn: dir.appendingPathComponent("sdn.csv").standardizedFileURL,
                                  add: dir.appendingPathComponent("add.csv").standardizedFileURL,
                                  alt: dir.appendingPathComponent("alt.csv").standardizedFileURL,
                                  comments: dir.appendingPathComponent("sdn_comments.csv").standardizedFileURL)])
    }

    @Test func companionsAreFoundByContentNotName() throws {
        let folder = try ListTestFiles.temporaryFolder()
        for (from, to) in [("sdn.csv", "PRIMARY.CSV"), ("add.csv", "x1.csv"), ("alt.csv", "x2.txt"), ("sdn_comments.csv", "x3")] {
            try FileManager.default.copyItem(at: ListTestFiles.fixture("ofac-csv/\(from)"), to: folder.appendingPathComponent(to))
        }
        try Data("not a list\n".utf8).write(to: folder.appendingPathComponent("README"))
        let lists = try ListFileLoader.load(paths: [folder.appendingPathComponent("PRIMARY.CSV")])
        #expect(lists.first?.files.map(\.lastPathComponent) == ["PRIMARY.CSV", "x1.csv", "x2.txt", "x3"])
    }

    @Test func companionWithoutItsSDNFileIsAnError() {
        let add = ListTestFiles.fixture("ofac-csv/add.csv")
        let e = ListTestFiles.error { _ = try ListFileLoader.load(paths: [add]) }
        #expect(e?.exitCode == 65)
        #expect(e?.description.contains("without its sdn.csv") == true)
    }

    @Test func sameFileTwiceLoadsOnce() throws {
        let url = ListTestFiles.fixture("csl.csv")
        #expect(try ListFileLoader.load(paths: [url, url]).count == 1)
    }

    @Test func firstFailureInGivenOrderIsThrown() {
        let good = ListTestFiles.fixture("csl.csv"), bad = ListTestFiles.bad("garbage.bin")
        let e = ListTestFiles.error { _ = try ListFileLoader.load(paths: [good, bad]) }
        #expect(e?.description.hasPrefix(bad.path) == true)
    }

    @Test func folderIsRefusedWithAHint() {
        let e = ListTestFiles.error { _ = try ListFileLoader.load(paths: [ListTestFiles.fixture("ofac-csv")]) }
        #expect(e?.exitCode == 66)
        #expect(e?.description.contains("folder") == true)
    }

    /// Every real CSV snapshot through the one loading API; timings printed for the record.
    @Test func realCSVFiles() throws {
        let relatives = ["csl/consolidated.csv", "ofac/csv-2021-07/sdn.csv", "ofac/sdn.csv", "uk/ofsi-conlist-20200427.csv"]
        let urls = relatives.compactMap(ListTestFiles.shared)
        guard urls.count == relatives.count else { return }
        let start = Date()
        let lists = try ListFileLoader.load(paths: urls)
        print("loaded \(lists.map(\.entries.count)) entries in \(Date().timeIntervalSince(start)) s")
        #expect(lists.map(\.entries.count) == [14_160, 8_976, 14_965, 2_114])
        #expect(lists[1].files.count == 4)
        #expect(lists[2].files.count == 1)
    }
}
