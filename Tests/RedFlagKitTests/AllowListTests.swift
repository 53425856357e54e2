import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagStorage
import RedFlagLists
import RedFlagMatching
import Testing

@Suite struct AllowListTests {
    let dpl = PipelineFixtures.entry("100", "Arktos Freight Forwarding LLC", list: .deniedPersons, country: "AE")
    let uvl = PipelineFixtures.entry("200", "Sunrise Horizon Electronics Trading FZE", list: .unverified, country: "AE")

    func store() throws -> AllowListStore {
        try AllowListStore(url: PipelineFixtures.temporaryDirectory().appendingPathComponent("allowlist.sqlite"))
    }

    @Test func addListRemoveKeepsWhoWhenWhy() throws {
        let store = try store()
        let rule = try store.add(query: "  Arktos  Freight ", country: "ae", entry: dpl, reason: "different company, Oslo",
                                 by: "J. Doe", now: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(rule.id == 1)
        #expect(rule.query == "Arktos Freight")
        #expect(rule.queryKey == "arktos freight")
        #expect(rule.country == "AE")
        #expect(rule.at == "2023-11-14T22:13:20Z")
        #expect(rule.entryFingerprint == (try EntryFingerprint.sha256(of: dpl)))
        #expect(try store.rules() == [rule])
        #expect(try store.remove(id: 1) == rule)
        #expect(try store.rules().isEmpty)
        #expect(throws: RedFlagError.self) { try store.remove(id: 1) }
    }

    @Test func refusesBadInputAndDuplicates() throws {
        let store = try store()
        #expect(throws: RedFlagError.self) { try store.add(query: "!!", country: nil, entry: dpl, reason: "x", by: "y") }
        #expect(throws: RedFlagError.self) { try store.add(query: "Arktos", country: nil, entry: dpl, reason: " ", by: "y") }
        #expect(throws: RedFlagError.self) { try store.add(query: "Arktos", country: nil, entry: dpl, reason: "x", by: "") }
        #expect(throws: RedFlagError.self) { try store.add(query: "Arktos", country: "Norway", entry: dpl, reason: "x", by: "y") }
        try store.add(query: "Arktos", country: nil, entry: dpl, reason: "x", by: "y")
        #expect(throws: RedFlagError.self) { try store.add(query: "ARKTOS", country: nil, entry: dpl, reason: "again", by: "z") }
        #expect(try store.rules().count == 1)
    }

    @Test func suppressedMatchNoLongerRaisesTheDecision() throws {
        let store = try store()
        try store.add(query: "Arktos Freight Forwarding LLC", country: "AE", entry: dpl, reason: "Oslo firm, not Dubai", by: "ana")
        let screener = ExactNameScreener(entries: [dpl, uvl])
        let resolved = try store.load().resolved(against: screener)
        let raw = screener.screen(ScreeningQuery(name: "ARKTOS freight-forwarding LLC", country: "AE"))
        #expect(raw.decision == .stop)
        let applied = resolved.apply(to: raw)
        #expect(applied.decision == .clear)
        #expect(applied.matches.count == 1)
        #expect(applied.matches[0].suppressed?.reason == "Oslo firm, not Dubai")
        #expect(applied.matches[0].suppressed?.by == "ana")
    }

    @Test func otherCountryOrOtherEntryStaysLive() throws {
        let store = try store()
        try store.add(query: "Arktos Freight Forwarding LLC", country: "NO", entry: dpl, reason: "Oslo", by: "ana")
        let screener = ExactNameScreener(entries: [dpl, uvl])
        let resolved = try store.load().resolved(against: screener)
        let fromAE = resolved.apply(to: screener.screen(ScreeningQuery(name: "Arktos Freight Forwarding LLC", country: "AE")))
        #expect(fromAE.decision == .stop)
        #expect(fromAE.matches[0].suppressed == nil)
        let fromNO = resolved.apply(to: screener.screen(ScreeningQuery(name: "Arktos Freight Forwarding LLC", country: "no")))
        #expect(fromNO.decision == .clear)
        // A rule for one entry leaves the other entry's match alone and the decision follows it.
        var both = screener.screen(ScreeningQuery(name: "Arktos Freight Forwarding LLC", country: "NO"))
        both.matches.append(PipelineFixtures.match(for: uvl, decision: .hold))
        both.decision = .stop
        let applied = resolved.apply(to: both)
        #expect(applied.decision == .hold)
        #expect(applied.matches.map { $0.suppressed != nil } == [true, false])
    }

    @Test func ruleWithoutCountryHoldsForAnyCountry() throws {
        let store = try store()
        try store.add(query: "Arktos Freight Forwarding LLC", country: nil, entry: dpl, reason: "known", by: "ana")
        let screener = ExactNameScreener(entries: [dpl])
        let resolved = try store.load().resolved(against: screener)
        for country in [nil, "AE", "NO"] {
            #expect(resolved.apply(to: screener.screen(ScreeningQuery(name: "Arktos Freight Forwarding LLC", country: country))).decision == .clear)
        }
    }

    @Test func suppressionLapsesWhenTheEntryChanges() throws {
        let store = try store()
        try store.add(query: "Arktos Freight Forwarding LLC", country: "AE", entry: dpl, reason: "Oslo", by: "ana")
        var changed = dpl
        changed.aliases.append(Alias(name: "Arktos Logistics", strength: .strong))
        let screener = ExactNameScreener(entries: [changed])
        let applied = try store.load().resolved(against: screener)
            .apply(to: screener.screen(ScreeningQuery(name: "Arktos Freight Forwarding LLC", country: "AE")))
        #expect(applied.decision == .stop)
        #expect(applied.matches[0].suppressed == nil)
        let lapse = applied.matches[0].explanation.qualifiers.first { $0.name == ResolvedAllowList.lapsedQualifier }
        #expect(lapse?.detail.contains("changed since") == true)
        #expect(lapse?.detail.contains("ana") == true)
    }

    /// The fingerprint taken at `allow add` (from the store's entries) must equal the one the
    /// screening engine's entries give, or every suppression would lapse at once.
    @Test func engineEntriesKeepTheirFingerprint() throws {
        let entries = [dpl, uvl, PipelineFixtures.entry("300", "Novosibirsk Aviation Instruments JSC", list: .militaryEndUser,
                                                       country: "RU", aliases: ["NAI JSC"])]
        let directory = DataDirectory(url: PipelineFixtures.temporaryDirectory())
        let store = ListStore(dataDirectory: directory)
        try store.importLists([PipelineFixtures.parsed(entries, source: .csl, tag: "fp")], artifacts: StoreArtifacts.all)
        let engine = try ScreeningEngine.open(dataDirectory: directory, listPaths: [], configuration: .default)
        let stored = try store.load()
        for entry in stored.entries {
            let fromEngine = try #require(engine.entry(id: entry.id))
            #expect(try EntryFingerprint.sha256(of: fromEngine) == EntryFingerprint.sha256(of: entry))
        }
        // And end to end: a rule made from the stored entry suppresses the engine's match.
        let allow = try AllowListStore(dataDirectory: directory)
        let nai = try #require(stored.entries.first { $0.sourceID == "300" })
        try allow.add(query: "Novosibirsk Aviation Instruments JSC", country: "RU", entry: nai, reason: "test", by: "t")
        let result = try allow.load().resolved(against: engine)
            .apply(to: engine.screen(ScreeningQuery(name: "Novosibirsk Aviation Instruments JSC", country: "RU")))
        let top = try #require(result.matches.first { $0.id == nai.id })
        #expect(top.suppressed?.reason == "test")
        #expect(result.decision == (result.matches.filter { $0.suppressed == nil }.map(\.decision).max() ?? .clear))
    }
}

/// Lapsed adjudications: which fields changed, active/lapsed status with its date, renewal.
@Suite struct AllowListLapseTests {
    let dpl = PipelineFixtures.entry("100", "Arktos Freight Forwarding LLC", list: .deniedPersons, country: "AE")

    func store() throws -> AllowListStore {
        try AllowListStore(url: PipelineFixtures.temporaryDirectory().appendingPathComponent("allowlist.sqlite"))
    }

    var changed: ListEntry {
        var entry = dpl
        entry.aliases.append(Alias(name: "Arktos Logistics", strength: .strong))
        entry.programs.append("RUSSIA-EO14024")
        return entry
    }

    @Test func lapsedQualifierSaysWhichFieldsChanged() throws {
        let store = try store()
        try store.add(query: "Arktos Freight Forwarding LLC", country: nil, entry: dpl, reason: "Oslo firm", by: "ana")
        let screener = ExactNameScreener(entries: [changed])
        let applied = try store.load().resolved(against: screener).apply(to: screener.screen(ScreeningQuery(name: "Arktos Freight Forwarding LLC")))
        #expect(applied.decision == .stop)
        let qualifier = try #require(applied.matches.first?.explanation.qualifiers.first { $0.name == ResolvedAllowList.lapsedQualifier })
        #expect(qualifier.detail.contains("program added: RUSSIA-EO14024; alias added: Arktos Logistics (strong aka)"))
    }

    @Test func lapsedMatchIsMarkedInTheTable() throws {
        let store = try store()
        try store.add(query: "Arktos Freight Forwarding LLC", country: nil, entry: dpl, reason: "Oslo firm", by: "ana")
        let screener = ExactNameScreener(entries: [changed])
        let result = try store.load().resolved(against: screener).apply(to: screener.screen(ScreeningQuery(name: "Arktos Freight Forwarding LLC")))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-out-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        let writer = ScreeningTableWriter(sink: OutputSink(handle: handle, path: url.path), snapshots: [],
                                          style: TerminalStyle(colour: false), explain: false)
        try writer.write([.result(result, line: nil)])
        try handle.close()
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("! [1] CSL:100 allow-list lapsed: allow-listed as rule 1 by ana"))
        #expect(text.contains("alias added: Arktos Logistics (strong aka)"))
    }

    @Test func statusesAreActiveOrLapsedWithTheDateFromTheChangeLog() throws {
        let store = try store()
        let other = PipelineFixtures.entry("200", "Sunrise Horizon Electronics Trading FZE", list: .unverified, country: "AE")
        try store.add(query: "Arktos Freight", country: nil, entry: dpl, reason: "x", by: "ana", now: Date(timeIntervalSince1970: 1_700_000_000))
        try store.add(query: "Sunrise Horizon", country: nil, entry: other, reason: "y", by: "ana", now: Date(timeIntervalSince1970: 1_700_000_000))
        let log = StoreChanges(source: .csl, storeID: "lists-x", importedAt: Date(timeIntervalSince1970: 1_700_086_400),
                               previousSHA256: "a", previousPublicationDate: nil, sha256: "b", publicationDate: nil,
                               added: [], removed: [], modified: [dpl.id])
        let current = [dpl.id: changed, other.id: other]
        let statuses = try store.load().statuses(entry: { current[$0] }, changeLog: [log])
        #expect(statuses.map(\.state) == [.lapsed, .active])
        #expect(statuses[0].since == "2023-11-15T22:13:20Z")
        #expect(statuses[0].changes?.map(\.text) == ["program added: RUSSIA-EO14024", "alias added: Arktos Logistics (strong aka)"])
        #expect(statuses[1].since == "2023-11-14T22:13:20Z")
        #expect(statuses[0].summary == "lapsed 2023-11-15T22:13:20Z")
        // JSON: the rule's own keys plus the status.
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(statuses[0])) as? [String: Any])
        #expect(json["entryID"] as? String == dpl.id && json["state"] as? String == "lapsed" && json["entryListed"] as? Bool == true)
        // Delisted entry: lapsed, not listed.
        let gone = try store.load().statuses(entry: { $0 == other.id ? other : nil }, changeLog: [])
        #expect(gone[0].state == .lapsed && !gone[0].entryListed && gone[0].since == nil)
    }

    @Test func renewReadjudicatesALapsedRuleOnce() throws {
        let store = try store()
        let first = try store.add(query: "Arktos Freight", country: "AE", entry: dpl, reason: "x", by: "ana")
        #expect(throws: RedFlagError.self) { try store.renew(id: first.id, entry: dpl, reason: "still", by: "bo") }  // active
        let renewed = try store.renew(id: first.id, entry: changed, reason: "still the Oslo firm", by: "bo")
        #expect(renewed.renews == first.id && renewed.query == first.query && renewed.country == "AE" && renewed.by == "bo")
        #expect(renewed.entryFingerprint == (try EntryFingerprint.sha256(of: changed)))
        #expect(throws: RedFlagError.self) { try store.renew(id: first.id, entry: changed, reason: "again", by: "bo") }
        #expect(throws: RedFlagError.self) { try store.renew(id: 99, entry: changed, reason: "x", by: "bo") }
        let statuses = try store.load().statuses(entry: { $0 == dpl.id ? changed : nil }, changeLog: [])
        #expect(statuses.map(\.state) == [.lapsed, .active])
        #expect(statuses[0].renewedBy == renewed.id)
        // The renewed rule suppresses the match against the entry as it is now.
        let screener = ExactNameScreener(entries: [changed])
        let applied = try store.load().resolved(against: screener).apply(to: screener.screen(ScreeningQuery(name: "Arktos Freight", country: "AE")))
        #expect(applied.decision == .clear)
    }
}
