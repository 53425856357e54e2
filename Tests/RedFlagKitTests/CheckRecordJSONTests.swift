import Foundation
import Testing
import RedFlagCore
@testable import RedFlagKit
import RedFlagRules
import RedFlagSynthetic

/// The hand-written check record JSON must be byte for byte what `JSONEncoder` (sorted keys,
/// snake_case, unescaped slashes) wrote before it: the schema, the CLI tests and users' stored
/// files rest on that output.
@Suite("Check record JSON: hand-written writer equals JSONEncoder byte for byte")
struct CheckRecordJSONTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let lists = ["Fixtures/lists/csl.csv", "Fixtures/lists/ofac-sdn.xml"].map { root.appendingPathComponent($0) }
    static let stamps = [ListStamp(source: "CSL", sha256: "80e780b91b7b50e1"), ListStamp(source: "OFAC", sha256: "a/b\"c")]

    func checks(of export: URL, map: ColumnMap = ColumnMap()) throws -> [OrderCheck] {
        let engine = try ScreeningEngine.open(dataDirectory: DataDirectory(url: FileManager.default.temporaryDirectory),
                                              listPaths: Self.lists, configuration: .default)
        let rules = try RuleEngine(catalog: RedFlagCatalog.bundled(), groups: CountryGroups.bundled())
        let runner = OrderCheckRunner(engine: rules, screener: engine, history: nil)
        var out: [OrderCheck] = []
        try runner.run(reader: OrderReader(csv: CSVReader(url: export), map: map), render: { _ in "" }, emit: { out += $0.map(\.check) })
        return out
    }

    func expectSame(_ checks: [OrderCheck], configuration: String = "default") {
        for c in checks {
            let fast = CheckRecordJSON.encode(c, configuration: configuration, lists: Self.stamps)
            let reference = CheckRecordJSON.encodeWithFoundation(c, configuration: configuration, lists: Self.stamps)
            #expect(fast == reference, "line \(c.line)")
        }
    }

    @Test func scenarioExportWithListMatchesErrorsAndLicenses() throws {
        let checks = try checks(of: Self.root.appendingPathComponent("Fixtures/orders/scenario.csv"))
        #expect(checks.contains { $0.error != nil })
        #expect(checks.contains { $0.parties.contains { !$0.result.matches.isEmpty } })
        #expect(checks.contains { $0.license != nil })
        expectSame(checks)
    }

    @Test func mappedExportWithPassedThroughColumns() throws {
        let map = try ColumnMap.load(path: Self.root.appendingPathComponent("Fixtures/orders/erp-export.map").path)
        let checks = try checks(of: Self.root.appendingPathComponent("Fixtures/orders/erp-export.csv"), map: map)
        #expect(checks.contains { !$0.passthrough.isEmpty })
        expectSame(checks, configuration: "custom \"strict\" / v2")
    }

    @Test func syntheticExport() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-json-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try SyntheticOrders(rows: 600, seed: 7).write(to: url)
        let checks = try checks(of: url)
        #expect(checks.count == 600)
        expectSame(checks)
    }

    /// Escapes, numbers and optional fields the fixtures may not reach.
    @Test func escapesNumbersAndOptionalFields() {
        let tricky = "quote \" backslash \\ slash / controls \u{0}\u{1}\u{8}\u{C}\n\r\t\u{1F} del \u{7F} sep \u{2028} é 漢 😀"
        let match = ScreeningMatch(
            score: 0.30000000000000004, id: "X:1", source: .ofacSDN, list: .sdn, name: tricky, matchedName: "a/b",
            aliasStrength: .weak, type: .person, programs: ["P1", tricky], countries: ["RU"], decision: .hold,
            basis: .nameAndAddress,
            explanation: MatchExplanation(
                nameScore: 1, tokens: [TokenAlignment(query: "x", matched: nil, similarity: 1e-5, weight: 1e16),
                                       TokenAlignment(query: nil, matched: "y", similarity: -0.0, weight: 123456789012)],
                qualifiers: [Qualifier(name: "country", effect: -0.05, detail: tricky)], addressScore: 2.5e-7,
                matchedAddress: tricky, summary: tricky),
            suppressed: Suppression(reason: tricky, by: "ana", at: "2026-01-01T00:00:00Z"))
        let result = ScreeningResult(query: ScreeningQuery(name: tricky, address: "1 Road", country: "RU"), decision: .hold, matches: [match])
        let finding = Finding(id: "KYC-1", title: tricky, severity: .hold, facts: [tricky, ""], citation: "c", nextStep: "n")
        let full = OrderCheck(orderID: nil, line: 7, customerID: tricky, decision: .hold, findings: [finding],
                              license: LicenseDetermination(status: .notDetermined, basis: [], missing: ["eccn"]),
                              notEvaluated: ["AC-06: no facility_power_kw column"],
                              parties: [PartyScreening(role: .shipTo, result: result),
                                        PartyScreening(role: .payer, result: ScreeningResult(query: ScreeningQuery(name: "P"), decision: .clear, matches: []))],
                              passthrough: [.init(name: "Zeta", value: tricky), .init(name: "alpha", value: "1"),
                                            .init(name: "ä", value: "2"), .init(name: "_x", value: "3"), .init(name: "alpha", value: "last")])
        let bare = OrderCheck(orderID: "O-1", line: 2, customerID: nil, decision: nil, findings: [], license: nil,
                              notEvaluated: [], parties: [], passthrough: [])
        let failed = OrderCheck.failed(OrderRowError(orderID: nil, line: 9, message: tricky))
        expectSame([full, bare, failed])
    }

    @Test func nonFiniteNumberFallsBackToTheEncodersAnswer() {
        var m = PipelineFixtures.match(for: PipelineFixtures.entry("1", "Acme"), decision: .hold, score: .nan)
        m.explanation.nameScore = .infinity
        let check = OrderCheck(orderID: "O-1", line: 2, customerID: "C", decision: .hold, findings: [], license: nil, notEvaluated: [],
                               parties: [PartyScreening(role: .customer, result: ScreeningResult(query: ScreeningQuery(name: "Acme"), decision: .hold, matches: [m]))],
                               passthrough: [])
        expectSame([check])
    }

    /// The output format remembers the JSON of parties with matches; a party met again with the
    /// same result reuses it, one whose result changed (a suppression, a new score) is written
    /// afresh, and a party that cannot be written falls back with its record.
    @Test func rememberedPartiesWriteTheSameBytes() throws {
        let checks = try checks(of: Self.root.appendingPathComponent("Fixtures/orders/scenario.csv"))
        #expect(checks.contains { $0.parties.contains { !$0.result.matches.isEmpty } })
        let format = CheckOutputFormat(kind: .jsonl, configuration: "default", lists: Self.stamps, passthroughNames: [])
        var changed: [OrderCheck] = []
        for c in checks {
            var c = c
            for p in c.parties.indices where !c.parties[p].result.matches.isEmpty {
                c.parties[p].result.matches[0].suppressed = Suppression(reason: "reviewed", by: "ana", at: "2026-01-01")
                c.parties[p].result.matches[0].score -= 0.125
            }
            changed.append(c)
        }
        var broken = checks.first { $0.parties.contains { !$0.result.matches.isEmpty } }!
        let p = broken.parties.firstIndex { !$0.result.matches.isEmpty }!
        broken.parties[p].result.matches[0].explanation.nameScore = .nan
        for round in [checks, checks, changed, checks, changed, [broken], checks] {
            for c in round {
                let reference = CheckRecordJSON.encodeWithFoundation(c, configuration: "default", lists: Self.stamps)
                #expect(format.render(c) == reference + "\n", "line \(c.line)")
                #expect(format.recordJSON(c) == reference, "line \(c.line)")
            }
        }
    }
}
