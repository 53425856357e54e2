import Foundation
import Testing
import RedFlagCore
import RedFlagKit
import RedFlagMatching
import RedFlagRules

/// `Fixtures/orders/issue-12-scenarios.csv`: one or more order lines per item of issue 12 (and the
/// weak-alias / policy items), written from docs/bis-rules.md. Each row carries its own
/// expectation in pass-through columns: `expected_decision`, `expected_flags` (must be among the
/// findings, any severity), `absent_flags`, `expected_text` (must appear in the facts, the license
/// basis or its authorization).
@Suite("Issue 12 scenarios: expected decisions per item")
struct Issue12ScenarioTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let file = root.appendingPathComponent("Fixtures/orders/issue-12-scenarios.csv")
    static let lists = ["csl.csv", "ofac-sdn.xml", "un.xml", "ofac-cons-oldns.xml"].map { root.appendingPathComponent("Fixtures/lists/" + $0) }

    static func run() throws -> (checks: [OrderCheck], engine: ScreeningEngine) {
        let engine = try ScreeningEngine.open(dataDirectory: DataDirectory(url: FileManager.default.temporaryDirectory),
                                              listPaths: lists, configuration: .default)
        let rules = try RuleEngine(catalog: RedFlagCatalog.bundled(), groups: CountryGroups.bundled())
        let runner = OrderCheckRunner(engine: rules, screener: engine, history: nil)
        var out: [OrderCheck] = []
        try runner.run(reader: OrderReader(csv: CSVReader(url: file)), processor: OrderedBatchProcessor(chunkSize: 5),
                       render: { _ in "" }, emit: { out += $0.map(\.check) })
        return (out, engine)
    }

    static func column(_ c: OrderCheck, _ name: String) -> String {
        c.passthrough.first { $0.name == name }?.value ?? ""
    }

    @Test func everyScenarioGetsItsExpectedDecision() throws {
        let checks = try Self.run().checks
        #expect(checks.count >= 30)
        for c in checks {
            #expect(c.error == nil, "\(c.orderID ?? "?"): \(c.error ?? "")")
            let scenario = Self.column(c, "scenario")
            #expect(c.decision?.rawValue == Self.column(c, "expected_decision"), "\(scenario): \(c.decision?.rawValue ?? "nil") \(c.flagIDs)")
            for f in Self.column(c, "expected_flags").split(separator: ",") {
                #expect(c.flagIDs.contains(String(f)), "\(scenario) lacks \(f): \(c.flagIDs)")
            }
            for f in Self.column(c, "absent_flags").split(separator: ",") {
                #expect(!c.flagIDs.contains(String(f)), "\(scenario) has \(f): \(c.flagIDs)")
            }
            let text = Self.column(c, "expected_text")
            if !text.isEmpty {
                let all = c.findings.flatMap(\.facts) + (c.license?.basis ?? []) + [c.license?.authorization ?? "", c.license?.status.rawValue ?? ""]
                #expect(all.contains { $0.contains(text) }, "\(scenario): no '\(text)' in \(all)")
            }
        }
    }

    /// One verdict per name: a party's screening decision is never more than the line's, and a
    /// party `screen` calls STOP makes a STOP finding in `check`.
    @Test func checkAgreesWithScreen() throws {
        let (checks, engine) = try Self.run()
        for c in checks {
            for p in c.parties {
                let screened = engine.screen(p.result.query)
                #expect(screened.decision == p.result.decision, "\(p.result.query.name)")
                #expect((c.decision ?? .clear) >= screened.decision, "\(Self.column(c, "scenario")): line \(c.decision?.rawValue ?? "") < screen \(screened.decision)")
                if screened.decision == .stop { #expect(c.findings.contains { $0.severity == .stop && $0.id.hasPrefix("REG-LIST") }) }
            }
        }
    }

    @Test func citationsSayWhatTheyAre() throws {
        let catalog = try RedFlagCatalog.bundled()
        #expect(catalog["AC-11"]?.source.document.contains("own addition") == true)
        let nov2023 = "fincen-and-us-department-commerces-bureau-industry-and-security-announce-new"
        for id in ["FC23-05", "FC23-06", "FC23-04"] {
            let s = try #require(catalog[id]?.source)
            #expect(!s.url.contains(nov2023), "\(id) cites the November 2023 notice's page for the May 2023 alert")
            #expect(s.document.contains("2023-Alert004") && s.date == "2023-05-19")
        }
    }
}
