import Foundation
import Testing
import RedFlagCore
@testable import RedFlagKit
import RedFlagLists
import RedFlagMatching
import RedFlagRules
import RedFlagSynthetic

/// The matcher remembers each name's and address's scoring across queries (`QueryMemo`): a
/// repeated party screened with another country, type, date of birth or address must get exactly
/// the result a matcher without the memo gives, and a check export exactly the same bytes.
@Suite("Query memo: remembered name and address scorings change no result")
struct QueryMemoTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let lists = ["csl.csv", "ofac-sdn.xml", "eu.xml", "un.xml"].map { root.appendingPathComponent("Fixtures/lists/\($0)") }
    static let stamps = [ListStamp(source: "CSL", sha256: "0123456789abcdef")]

    static func engines() throws -> (remembering: ScreeningEngine, fresh: ScreeningEngine, entries: [ListEntry]) {
        let set = ListSet(parsed: try ListSet.checkedUnique(ListFileLoader.load(paths: lists)))
        let index = try MatchIndex(entries: set.entries)
        return (ScreeningEngine(index: index, snapshots: set.snapshots, configuration: .default),
                ScreeningEngine(index: index, snapshots: set.snapshots, configuration: .default, remembering: false),
                set.entries)
    }

    /// Every listed name (and a misspelling of it) under several qualifiers: its own country and
    /// another, each party type, a date of birth, a listed and an unlisted address, in an order
    /// where each name is met first with one set of qualifiers and then with the others.
    static func queries(_ entries: [ListEntry]) -> [ScreeningQuery] {
        var out: [ScreeningQuery] = []
        for e in entries.prefix(60) {
            let names = [e.name, String(e.name.dropLast())] + e.aliases.prefix(1).map(\.name)
            let listedAddress = e.addresses.first.map { ($0.lines + [$0.city].compactMap { $0 }).joined(separator: ", ") }
            for name in names {
                for country in [e.countryCodes.first, "US", nil] {
                    out.append(ScreeningQuery(name: name, country: country))
                    out.append(ScreeningQuery(name: name, country: country, type: .entity))
                    out.append(ScreeningQuery(name: name, country: country, type: .person, dateOfBirth: "1970-01-01"))
                }
                out.append(ScreeningQuery(name: name, address: listedAddress, country: e.countryCodes.first))
                out.append(ScreeningQuery(name: name, address: "12 Harbour Road, Springfield", country: "GB"))
            }
            if let listedAddress { out.append(ScreeningQuery(name: "Harbour Trading Ltd", address: listedAddress)) }
        }
        // Names in other scripts take the cross-script channel, remembered under their own key.
        out += ["Сбербанк России", "Сбербанк России", "ناصر علي", "Иван Петров"].map { ScreeningQuery(name: $0, country: "RU") }
        return out
    }

    @Test("a repeated name under other qualifiers: the same result as a matcher that remembers nothing")
    func sameResultsAsUnremembered() throws {
        let (remembering, fresh, entries) = try Self.engines()
        let queries = Self.queries(entries)
        var matched = 0
        for q in queries {
            let a = remembering.screen(q)
            let b = fresh.screen(q)
            #expect(a == b, "\(q)")
            if !a.matches.isEmpty { matched += 1 }
        }
        // The comparison means something only if many of the queries match.
        #expect(matched > queries.count / 4)
        // Screening again, now all from the memo, changes nothing either.
        for q in queries.reversed() { #expect(remembering.screen(q) == fresh.screen(q), "\(q)") }
    }

    @Test("the memo keeps only what the name decides: the same name with its listed country and with another country still differ")
    func qualifiersStayPerQuery() throws {
        let (remembering, fresh, entries) = try Self.engines()
        let e = try #require(entries.first { e in
            guard let c = e.countryCodes.first else { return false }
            return fresh.screen(ScreeningQuery(name: e.name, country: c)).matches.first?.score
                != fresh.screen(ScreeningQuery(name: e.name, country: "AQ")).matches.first?.score
        })
        let own = ScreeningQuery(name: e.name, country: e.countryCodes.first)
        let other = ScreeningQuery(name: e.name, country: "AQ")
        let first = remembering.screen(own)
        let second = remembering.screen(other)
        #expect(first != second)
        #expect(first == fresh.screen(own))
        #expect(second == fresh.screen(other))
        #expect(remembering.nearest(other).map(\.match) == fresh.nearest(other).map(\.match))
        #expect(remembering.nearest(other).map(\.shortfall) == fresh.nearest(other).map(\.shortfall))
    }

    @Test("a heavy-mix export checked with and without the memo: the same JSON Lines, byte for byte")
    func sameExportBytes() throws {
        let (remembering, fresh, entries) = try Self.engines()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-memo-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try SyntheticOrders(rows: 1_500, seed: 11, mix: .heavy, listedNames: entries.map(\.name)).write(to: url)
        let rules = try RuleEngine(catalog: RedFlagCatalog.bundled(), groups: CountryGroups.bundled())
        func export(_ engine: ScreeningEngine) throws -> (String, DecisionCounts) {
            var text = ""
            let counts = try OrderCheckRunner(engine: rules, screener: engine, history: nil).run(
                reader: OrderReader(csv: CSVReader(url: url), map: ColumnMap()),
                render: { CheckRecordJSON.encode($0, configuration: "default", lists: Self.stamps) },
                emit: { rows in for r in rows { text += r.text + "\n" } })
            return (text, counts)
        }
        let (a, countsA) = try export(remembering)
        let (b, countsB) = try export(fresh)
        #expect(a.utf8.count > 100_000)
        #expect(countsA.hold + countsA.stop > 500)
        #expect(a == b)
        #expect(countsA == countsB)
    }
}
