import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagStorage
import RedFlagLists
import RedFlagMatching
import Testing

@Suite struct RescreenTests {
    static let engineFactory: Rescreener.ScreenerFactory = { entries, snapshots in
        try ScreeningEngine(listSet: ListSet(entries: entries, snapshots: snapshots), configuration: .default)
    }

    @Test func onlyChangedEntriesAreScreenedAndNewHitsReported() throws {
        let directory = DataDirectory(url: PipelineFixtures.temporaryDirectory())
        let store = ListStore(dataDirectory: directory)
        let old = PipelineFixtures.entry("1", "Arktos Freight Forwarding LLC", list: .deniedPersons, country: "AE")
        let kept = PipelineFixtures.entry("2", "Novosibirsk Aviation Instruments JSC", list: .militaryEndUser, country: "RU")
        try store.importLists([PipelineFixtures.parsed([old, kept], tag: "v1")], artifacts: [],
                              now: Date(timeIntervalSince1970: 1_700_000_000))
        let cutoff = Date(timeIntervalSince1970: 1_700_000_100)
        var changed = old
        changed.aliases.append(Alias(name: "Arktos Logistics", strength: .strong))
        let added = PipelineFixtures.entry("3", "Sunrise Horizon Electronics Trading FZE", list: .unverified, country: "AE")
        try store.importLists([PipelineFixtures.parsed([changed, kept, added], tag: "v2")], artifacts: [],
                              now: Date(timeIntervalSince1970: 1_700_000_200))

        let changeSet = try RescreenChangeSet.load(store: store, since: cutoff)
        #expect(Set(changeSet.entries.map(\.id)) == [changed.id, added.id])
        #expect(changeSet.changes[added.id]?.kind == "added")
        #expect(changeSet.changes[changed.id]?.kind == "modified")

        let parties = [KnownParty(name: "Arktos Logistics", country: "AE"),
                       KnownParty(name: "Novosibirsk Aviation Instruments JSC", country: "RU"),
                       KnownParty(name: "Sunrise Horizon Electronics Trading FZE", country: "AE"),
                       KnownParty(name: "Harmless Bakery GmbH", country: "DE")]
        let rescreener = try Rescreener(changeSet: changeSet) { entries, _ in ExactNameScreener(entries: entries) }
        let results = rescreener.rescreen(parties, allowList: AllowList.empty.resolved(against: rescreener.screener))
        #expect(results.count == 4)
        #expect(results.map { $0?.matches.first?.id } == [changed.id, nil, added.id, nil])
        #expect(results[2]?.changes.first?.kind == "added")
        #expect(results[0]?.changes.first?.kind == "modified")

        // Since the beginning, the unchanged entry was itself "added" by the first import.
        let all = try RescreenChangeSet.load(store: store, since: nil)
        #expect(all.changes[kept.id]?.kind == "added")
        // --last: only the newest import.
        #expect(Set(try RescreenChangeSet.load(store: store, since: nil, lastImportOnly: true).entries.map(\.id)) == [changed.id, added.id])
    }

    /// Change-log times have whole-second precision: an import in the same second as the last
    /// rescreen must still be picked up by the next one, and what that rescreen consumed must not
    /// come back.
    @Test func importInTheSameSecondAsTheLastRescreenIsNotMissed() throws {
        let directory = DataDirectory(url: PipelineFixtures.temporaryDirectory())
        let store = ListStore(dataDirectory: directory)
        let a = PipelineFixtures.entry("1", "Arktos Freight Forwarding LLC")
        let b = PipelineFixtures.entry("2", "Sunrise Horizon Electronics Trading FZE")
        let t0 = Date(timeIntervalSince1970: 1_700_000_000.1)
        try store.importLists([PipelineFixtures.parsed([a], tag: "v1")], artifacts: [], now: t0)
        let firstSet = try RescreenChangeSet.load(store: store, since: nil)
        let trail = try AuditTrail(dataDirectory: directory)
        let recorded = RescreenConfiguration(matcher: "{}", consumedChanges: firstSet.logs.map(RescreenChangeSet.key))
        let run = try trail.beginRun(AuditRunInfo(command: "rescreen", snapshots: [], configurationJSON: AuditRunInfo.json(recorded),
                                                  user: "t"), now: t0.addingTimeInterval(0.3))
        try run.finish(status: .complete, exitCode: 0)
        try store.importLists([PipelineFixtures.parsed([a, b], tag: "v2")], artifacts: [], now: t0.addingTimeInterval(0.6))

        let start = try RescreenStart.afterLastRescreen(in: trail)
        let next = try RescreenChangeSet.load(store: store, since: start.since, excluding: start.consumed)
        #expect(next.entries.map(\.id) == [b.id])
        #expect(try RescreenStart.afterLastRescreen(in: nil) == RescreenStart(since: nil, consumed: []))
    }

    @Test func removedEntriesAreNotScreened() throws {
        let directory = DataDirectory(url: PipelineFixtures.temporaryDirectory())
        let store = ListStore(dataDirectory: directory)
        let a = PipelineFixtures.entry("1", "Arktos Freight Forwarding LLC")
        try store.importLists([PipelineFixtures.parsed([a], tag: "v1")], artifacts: [], now: Date(timeIntervalSince1970: 1_700_000_000))
        try store.importLists([PipelineFixtures.parsed([], tag: "v2")], artifacts: [], now: Date(timeIntervalSince1970: 1_700_000_200))
        let changeSet = try RescreenChangeSet.load(store: store, since: nil)
        #expect(changeSet.entries.isEmpty)
        #expect(changeSet.removed == [a.id])
        let rescreener = try Rescreener(changeSet: changeSet) { entries, _ in ExactNameScreener(entries: entries) }
        #expect(rescreener.rescreen([KnownParty(name: a.name)], allowList: AllowList.empty.resolved(against: rescreener.screener)) == [nil])
    }

    @Test func allowListedHitStaysQuiet() throws {
        let directory = DataDirectory(url: PipelineFixtures.temporaryDirectory())
        let store = ListStore(dataDirectory: directory)
        let a = PipelineFixtures.entry("1", "Arktos Freight Forwarding LLC", list: .deniedPersons)
        try store.importLists([PipelineFixtures.parsed([a], tag: "v1")], artifacts: [])
        let changeSet = try RescreenChangeSet.load(store: store, since: nil)
        let allow = try AllowListStore(dataDirectory: directory)
        try allow.add(query: a.name, country: nil, entry: try #require(changeSet.entries.first), reason: "adjudicated", by: "ana")
        let rescreener = try Rescreener(changeSet: changeSet) { entries, _ in ExactNameScreener(entries: entries) }
        #expect(rescreener.rescreen([KnownParty(name: a.name)], allowList: try allow.load().resolved(against: rescreener.screener)) == [nil])
    }

    @Test func knownPartiesAreDeduplicated() throws {
        let store = try KnownPartyStore(url: PipelineFixtures.temporaryDirectory().appendingPathComponent("history.sqlite"))
        try store.record([KnownParty(name: "Acme GmbH", country: "de"), KnownParty(name: "ACME  gmbh", country: "DE", role: "customer"),
                          KnownParty(name: "Acme GmbH", country: "AT"), KnownParty(name: "  ")])
        try store.record([KnownParty(name: "acme gmbh", country: "DE")])
        let all = try store.all()
        #expect(all.count == 2)
        #expect(Set(all.compactMap(\.country)) == ["DE", "AT"])
    }

    /// Keys already stored by earlier versions must stay the same: lower-cased, whitespace
    /// (tabs, newlines, no-break spaces, CR LF) collapsed as splitting on `Character.isWhitespace` did.
    @Test(arguments: ["Acme GmbH", "  ACME\t\tGmbH \r\n", "Ōsaka\u{00A0} Trading\u{2003}Co", "Мухаммад  Ахмад\n", "a \u{0301}b", ""])
    func partyKeysKeepTheirForm(_ name: String) {
        let old = { (t: String) in t.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let party = KnownParty(name: name, country: "de", address: " 1  Main\tSt ")
        #expect(party.key == [old(name), "DE", old(" 1  Main\tSt ")].joined(separator: "|"))
    }

    @Test func partyFileReaderReadsAndComplains() throws {
        let dir = PipelineFixtures.temporaryDirectory()
        let good = dir.appendingPathComponent("parties.csv")
        try Data("Customer Name,Country,Type\nAcme GmbH,de,entity\n\n\"Doe, John\",US,person\n".utf8).write(to: good)
        let parties = try PartyFileReader.read(good)
        #expect(parties == [KnownParty(name: "Acme GmbH", country: "DE", type: .entity), KnownParty(name: "Doe, John", country: "US", type: .person)])
        let noName = dir.appendingPathComponent("bad.csv")
        try Data("id,country\n1,DE\n".utf8).write(to: noName)
        #expect(throws: RedFlagError.self) { try PartyFileReader.read(noName) }
        let badType = dir.appendingPathComponent("bad2.csv")
        try Data("name,type\nAcme,spaceship\n".utf8).write(to: badType)
        do {
            _ = try PartyFileReader.read(badType)
            Issue.record("expected an error")
        } catch let error as RedFlagError {
            #expect(error.description.contains("line 2"))
        }
    }

    // MARK: real snapshots from ../shared/lists

    /// Imports `first` then `second` into a fresh store and rescreens `parties` against what the
    /// second import changed, with the real matching engine.
    func rescreenAcross(first: [URL], second: [URL], parties: [KnownParty]) throws -> (RescreenChangeSet, [RescreenHit?]) {
        let directory = DataDirectory(url: PipelineFixtures.temporaryDirectory())
        let store = ListStore(dataDirectory: directory)
        try store.importLists(ListFileLoader.load(paths: first), artifacts: [], now: Date(timeIntervalSince1970: 1_700_000_000))
        try store.importLists(ListFileLoader.load(paths: second), artifacts: [], now: Date(timeIntervalSince1970: 1_700_000_200))
        let changeSet = try RescreenChangeSet.load(store: store, since: Date(timeIntervalSince1970: 1_700_000_100))
        let rescreener = try Rescreener(changeSet: changeSet, factory: Self.engineFactory)
        return (changeSet, rescreener.rescreen(parties, allowList: AllowList.empty.resolved(against: rescreener.screener)))
    }

    @Test func ofacSDNCSV2021Then2024ReportsTheNewlyListedParty() throws {
        guard let shared = PipelineFixtures.sharedLists else { print("skipped: ../shared/lists absent"); return }
        let old = shared.appendingPathComponent("ofac/csv-2021-07")
        let first = ["sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"].map { old.appendingPathComponent($0) }
        let parties = [KnownParty(name: "Belluga IC ve Dis Ticaret Limited Sirketi", country: "TR"),
                       KnownParty(name: "Uzay Group Dis Ticaret Limited Sirketi", country: "TR"),
                       KnownParty(name: "Harmless Bakery GmbH", country: "DE")]
        let (changeSet, results) = try rescreenAcross(first: first, second: [shared.appendingPathComponent("ofac/sdn.csv")], parties: parties)
        #expect(changeSet.changes["OFAC-SDN:48906"]?.kind == "added")
        #expect(results[0]?.matches.first?.id == "OFAC-SDN:48906")
        #expect(results[0]?.decision == .stop)
        #expect(results[0]?.changes.first?.kind == "added")
        #expect(results[1]?.matches.first?.id == "OFAC-SDN:48907")
        #expect(results[2] == nil)
    }

    @Test func ofacNonSDN2020Then2025ReportsTheNewlyListedParty() throws {
        guard let shared = PipelineFixtures.sharedLists else { print("skipped: ../shared/lists absent"); return }
        let directory = DataDirectory(url: PipelineFixtures.temporaryDirectory())
        let store = ListStore(dataDirectory: directory)
        let old = try ListFileLoader.load(paths: [shared.appendingPathComponent("ofac/consolidated-20200422.xml")])
        try store.importLists(old, artifacts: [], now: Date(timeIntervalSince1970: 1_700_000_000))
        try store.importLists(ListFileLoader.load(paths: [shared.appendingPathComponent("ofac/consolidated.xml")]), artifacts: [],
                              now: Date(timeIntervalSince1970: 1_700_000_200))
        let changeSet = try RescreenChangeSet.load(store: store, since: Date(timeIntervalSince1970: 1_700_000_100))
        #expect(changeSet.changes["OFAC-CONS:30902"]?.kind == "added")
        // A party matching only an entry both files carry unchanged must not come back.
        let unchanged = old.flatMap(\.entries).first { changeSet.changes[$0.id] == nil && !changeSet.removed.contains($0.id) }
        var parties = [KnownParty(name: "Aero Engine Corporation of China", country: "CN"),
                       KnownParty(name: "Harmless Bakery GmbH", country: "DE")]
        if let unchanged { parties.append(KnownParty(name: unchanged.name)) }
        let rescreener = try Rescreener(changeSet: changeSet, factory: Self.engineFactory)
        let results = rescreener.rescreen(parties, allowList: AllowList.empty.resolved(against: rescreener.screener))
        #expect(results[0]?.matches.first?.id == "OFAC-CONS:30902")
        #expect(results[0].map { $0.decision != .clear } == true)
        #expect(results[1] == nil)
        if unchanged != nil {
            #expect(results[2].map { hit in hit.matches.allSatisfy { $0.id != unchanged?.id } } ?? true)
        }
    }
    // MARK: delistings

    /// Imports v1 then v2 (which drops `gone`), and builds a rescreener with the current lists.
    func delistingRescreener(v1: [ListEntry], v2: [ListEntry], allowList: AllowList = .empty) throws -> Rescreener {
        let store = ListStore(dataDirectory: DataDirectory(url: PipelineFixtures.temporaryDirectory()))
        try store.importLists([PipelineFixtures.parsed(v1, tag: "v1")], artifacts: [], now: Date(timeIntervalSince1970: 1_700_000_000))
        try store.importLists([PipelineFixtures.parsed(v2, tag: "v2")], artifacts: [], now: Date(timeIntervalSince1970: 1_700_000_200))
        let changeSet = try RescreenChangeSet.load(store: store, since: Date(timeIntervalSince1970: 1_700_000_100))
        let current = try store.load()
        return try Rescreener(changeSet: changeSet, factory: { entries, _ in ExactNameScreener(entries: entries) },
                              current: (ExactNameScreener(entries: current.entries), current.snapshots), allowList: allowList)
    }

    @Test func partyThatMatchedARemovedEntryGetsARemovedRecordWithTheEntryAndItsVerdictNow() throws {
        let gone = PipelineFixtures.entry("1", "Arktos Freight Forwarding LLC", list: .deniedPersons, country: "AE",
                                          aliases: ["Arktos Logistics"])
        let stays = PipelineFixtures.entry("2", "Arktos Logistics", list: .unverified, country: "AE")
        let other = PipelineFixtures.entry("3", "Novosibirsk Aviation Instruments JSC", list: .militaryEndUser)
        let rescreener = try delistingRescreener(v1: [gone, stays, other], v2: [stays, other])
        #expect(rescreener.changeSet.removed == [gone.id])
        #expect(rescreener.changeSet.removedEntries == [gone])

        let parties = [KnownParty(name: "Arktos Freight Forwarding LLC", country: "AE"),
                       KnownParty(name: "Arktos Logistics", country: "AE"),
                       KnownParty(name: "Novosibirsk Aviation Instruments JSC"),
                       KnownParty(name: "Harmless Bakery GmbH")]
        let records = rescreener.records(parties, allowList: AllowList.empty.resolved(against: rescreener.screener))
        #expect(records.map(\.count) == [1, 1, 0, 0])
        let freed = try #require(records[0].first)
        #expect(freed.kind == .removed)
        #expect(freed.decision == .clear && freed.matches.isEmpty)
        #expect(freed.removed?.map(\.entry) == [gone])
        #expect(freed.removed?.first?.match.decision == .stop)
        #expect(freed.removed?.first?.change.kind == "removed")
        #expect(freed.removed?.first?.change.importedAt == Date(timeIntervalSince1970: 1_700_000_200))
        // Still listed through another entry: the verdict now says so.
        let still = try #require(records[1].first)
        #expect(still.kind == .removed && still.decision == .hold && still.matches.map(\.id) == [stays.id])

        // JSON: kind, the entry as it was, the verdict now; an old record without kind reads as an alert.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let json = try #require(try JSONSerialization.jsonObject(with: encoder.encode(freed)) as? [String: Any])
        #expect(json["kind"] as? String == "removed" && json["decision"] as? String == "CLEAR")
        let removed = try #require((json["removed"] as? [[String: Any]])?.first)
        #expect((removed["entry"] as? [String: Any])?["name"] as? String == "Arktos Freight Forwarding LLC")
        var alert = try #require(try JSONSerialization.jsonObject(with: encoder.encode(RescreenHit(party: parties[0], decision: .stop, matches: [], changes: [], lists: []))) as? [String: Any])
        alert["kind"] = nil
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(RescreenHit.self, from: JSONSerialization.data(withJSONObject: alert)).kind == .alert)

        // Output formats name the delisting.
        let table = try RescreenOutput(format: .table).render([freed])
        #expect(table.contains("REMOVED\tArktos Freight Forwarding LLC (AE): now CLEAR"))
        #expect(table.contains("was 1.00 CSL:1 Arktos Freight Forwarding LLC (STOP, SDGT)"))
        let csv = try RescreenOutput(format: .csv).render([freed])
        #expect(csv.split(separator: "\n").last?.hasPrefix("Arktos Freight Forwarding LLC,AE,,CLEAR,CSL:1,Arktos Freight Forwarding LLC,1.000,removed,") == true)
    }

    @Test func partyAllowListedAgainstTheRemovedEntryDidNotAlertAndGetsNoRecord() throws {
        let gone = PipelineFixtures.entry("1", "Arktos Freight Forwarding LLC", list: .deniedPersons, country: "AE")
        let keep = PipelineFixtures.entry("2", "Novosibirsk Aviation Instruments JSC", list: .militaryEndUser)
        let allow = try AllowListStore(url: PipelineFixtures.temporaryDirectory().appendingPathComponent("allowlist.sqlite"))
        try allow.add(query: "Arktos Freight Forwarding LLC", country: nil, entry: gone, reason: "Oslo firm", by: "ana")
        let rescreener = try delistingRescreener(v1: [gone, keep], v2: [keep], allowList: try allow.load())
        let records = rescreener.records([KnownParty(name: "Arktos Freight Forwarding LLC")],
                                         allowList: AllowList.empty.resolved(against: rescreener.screener))
        #expect(records == [[]])
    }

    @Test func withoutTheCurrentListsNoDelistingIsMade() throws {
        let gone = PipelineFixtures.entry("1", "Arktos Freight Forwarding LLC")
        let store = ListStore(dataDirectory: DataDirectory(url: PipelineFixtures.temporaryDirectory()))
        try store.importLists([PipelineFixtures.parsed([gone], tag: "v1")], artifacts: [], now: Date(timeIntervalSince1970: 1_700_000_000))
        try store.importLists([PipelineFixtures.parsed([PipelineFixtures.entry("2", "Other")], tag: "v2")], artifacts: [],
                              now: Date(timeIntervalSince1970: 1_700_000_200))
        let changeSet = try RescreenChangeSet.load(store: store, since: Date(timeIntervalSince1970: 1_700_000_100))
        let rescreener = try Rescreener(changeSet: changeSet) { entries, _ in ExactNameScreener(entries: entries) }
        #expect(rescreener.delisting(KnownParty(name: gone.name)) == nil)
    }

    @Test(.enabled(if: PipelineFixtures.sharedLists.map { FileManager.default.fileExists(atPath: $0.appendingPathComponent("ofac/consolidated-20200422.xml").path) } == true,
                   "../shared/lists/ofac consolidated pair absent"))
    func ofacNonSDN2020Then2025ReportsDelistedParties() throws {
        let shared = try #require(PipelineFixtures.sharedLists)
        let store = ListStore(dataDirectory: DataDirectory(url: PipelineFixtures.temporaryDirectory()))
        try store.importLists(ListFileLoader.load(paths: [shared.appendingPathComponent("ofac/consolidated-20200422.xml")]), artifacts: [],
                              now: Date(timeIntervalSince1970: 1_700_000_000))
        try store.importLists(ListFileLoader.load(paths: [shared.appendingPathComponent("ofac/consolidated.xml")]), artifacts: [],
                              now: Date(timeIntervalSince1970: 1_700_000_200))
        let changeSet = try RescreenChangeSet.load(store: store, since: Date(timeIntervalSince1970: 1_700_000_100))
        #expect(changeSet.removed.count == 9 && changeSet.removedEntries.count == 9)
        let current = try ScreeningEngine(listSet: store.load(), configuration: .default)
        let rescreener = try Rescreener(changeSet: changeSet, factory: Self.engineFactory, current: (current, current.snapshots))
        // Every removed entry's own name was a STOP then and finds the entry as it was.
        let parties = changeSet.removedEntries.map { KnownParty(name: $0.name) } + [KnownParty(name: "Harmless Bakery GmbH", country: "DE")]
        let records = rescreener.records(parties, allowList: AllowList.empty.resolved(against: rescreener.screener))
        for (entry, partyRecords) in zip(changeSet.removedEntries, records) {
            let delisting = try #require(partyRecords.first { $0.kind == .removed }, "\(entry.id)")
            #expect(delisting.removed?.contains { $0.entry == entry && $0.change.kind == "removed" } == true)
            #expect(delisting.matches.allSatisfy { $0.id != entry.id })
        }
        #expect(records.last == [])
        let staroil = try #require(records[changeSet.removedEntries.firstIndex { $0.name == "STAROIL B.V." }!].first)
        #expect(staroil.decision == .clear && staroil.removed?.first?.entry.programs == ["SYRIA", "FSE-SY"])
    }
}
