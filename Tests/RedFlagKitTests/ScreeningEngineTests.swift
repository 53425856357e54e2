import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists
import RedFlagMatching
import Testing

@Suite("Screening engine")
struct ScreeningEngineTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let entries = [
        PipelineFixtures.entry("1", "Arktos Freight Forwarding LLC", list: .deniedPersons, source: .ofacSDN, country: "AE"),
        PipelineFixtures.entry("2", "Sunrise Horizon Electronics Trading FZE", list: .unverified, source: .ofacSDN, country: "AE"),
        PipelineFixtures.entry("3", "Kestrel Microwave Systems Ltd.", list: .entityList, source: .ofacSDN, country: "IN"),
    ]

    @Test("nothing imported and no --lists: a clear noLists error")
    func noLists() {
        let dir = DataDirectory(url: PipelineFixtures.temporaryDirectory())
        #expect(throws: RedFlagError.noLists("no lists imported: run `redflag lists import` or pass --lists")) {
            try ScreeningEngine.open(dataDirectory: dir, listPaths: [], configuration: .default)
        }
    }

    @Test("an import writes the prebuilt index; the engine opens it and screens, cites snapshots, finds entries")
    func fromStore() throws {
        let dir = DataDirectory(url: PipelineFixtures.temporaryDirectory())
        let store = ListStore(dataDirectory: dir)
        _ = try store.importLists([PipelineFixtures.parsed(entries, tag: "engine")], artifacts: StoreArtifacts.all)
        let indexURL = try #require(store.artifactURL(named: MatchIndex.fileName))
        #expect(try MatchIndex(contentsOf: indexURL).entryCount == entries.count)

        let engine = try ScreeningEngine.open(dataDirectory: dir, listPaths: [], configuration: .default)
        #expect(engine.snapshots.map(\.source) == [.ofacSDN])
        #expect(engine.snapshots.first?.sha256 == SHA256.hex(Data("engine".utf8)))

        let stop = engine.screen(ScreeningQuery(name: "ARKTOS FREIGHT FORWARDING L.L.C."))
        #expect(stop.decision == .stop)
        #expect(stop.matches.first?.id == "OFAC-SDN:1")
        #expect(stop.matches.first?.name == "Arktos Freight Forwarding LLC")
        let hold = engine.screen(ScreeningQuery(name: "Sunrise Horizon Electronics Trading"))
        #expect(hold.decision == .hold)
        #expect(engine.screen(ScreeningQuery(name: "Everbright Trading Co., Ltd.")).decision == .clear)
        #expect(engine.entry(id: "OFAC-SDN:3") == entries[2])
        #expect(engine.entry(id: "OFAC-SDN:999") == nil)
    }

    @Test("an index of an older format is never read: screening indexes in memory, and re-importing the same list rebuilds it")
    func staleIndex() throws {
        let dir = DataDirectory(url: PipelineFixtures.temporaryDirectory())
        let store = ListStore(dataDirectory: dir)
        let list = PipelineFixtures.parsed(entries, tag: "stale")
        _ = try store.importLists([list], artifacts: StoreArtifacts.all)
        let indexURL = try #require(store.artifactURL(named: MatchIndex.fileName))
        // What an older redflag left behind: the same file with the previous format version.
        var bytes = try Data(contentsOf: indexURL)
        bytes.replaceSubrange(4..<8, with: [6, 0, 0, 0])
        try bytes.write(to: indexURL)
        #expect(!MatchIndex.isCurrentFile(at: indexURL))
        #expect(throws: RedFlagError.self) { try MatchIndex(contentsOf: indexURL) }

        let engine = try ScreeningEngine.open(dataDirectory: dir, listPaths: [], configuration: .default)
        #expect(engine.screen(ScreeningQuery(name: "ARKTOS FREIGHT FORWARDING L.L.C.")).matches.first?.id == "OFAC-SDN:1")

        let report = try store.importLists([list], artifacts: StoreArtifacts.all)
        #expect(report.imported.isEmpty)
        let rebuilt = try #require(store.artifactURL(named: MatchIndex.fileName))
        #expect(MatchIndex.isCurrentFile(at: rebuilt))
        #expect(try MatchIndex(contentsOf: rebuilt).entryCount == entries.count)
        // Once current, an unchanged import changes nothing again.
        #expect(try store.importLists([list], artifacts: StoreArtifacts.all).storeID == report.storeID)
    }

    @Test("with --lists the files are parsed and indexed in memory")
    func fromFiles() throws {
        let file = Self.packageRoot.appendingPathComponent("Fixtures/lists/csl.csv")
        let engine = try ScreeningEngine.open(dataDirectory: DataDirectory(url: PipelineFixtures.temporaryDirectory()),
                                              listPaths: [file], configuration: .default)
        #expect(engine.snapshots.map(\.source) == [.csl])
        let result = engine.screen(ScreeningQuery(name: "Shenzhen Velocity Compute Tech Co Ltd"))
        #expect(result.decision == .stop)
        let match = try #require(result.matches.first)
        #expect(engine.entry(id: match.id)?.name == "Shenzhen Velocity Compute Technology Co., Ltd.")
        #expect(!match.explanation.tokens.isEmpty)
    }

    @Test("an invalid configuration is refused before anything is loaded")
    func invalidConfiguration() {
        let bad = MatchConfiguration(reviewThreshold: 0.95, strongThreshold: 0.9)
        #expect(throws: RedFlagError.self) {
            try ScreeningEngine.open(dataDirectory: DataDirectory(url: PipelineFixtures.temporaryDirectory()), listPaths: [], configuration: bad)
        }
    }
}
