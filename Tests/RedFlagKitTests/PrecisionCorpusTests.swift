import Foundation
import Testing
import RedFlagCore
import RedFlagKit
import RedFlagRules
import RedFlagSynthetic

/// The precision corpus (`HonestOrders`): 1,200 honest order lines checked end to end against the
/// fixture lists. Issue 12's bar: no STOP, at most 5 % HOLD. Prints the flags that fire most.
@Suite("Precision corpus: honest orders stay clear")
struct PrecisionCorpusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func honestOrdersAreNeverStoppedAndRarelyHeld() throws {
        let corpus = HonestOrders(rows: 1_200)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rf-honest-\(UUID().uuidString).csv")
        try Data(corpus.csv().utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let lists = ["csl.csv", "ofac-sdn.xml", "un.xml", "ofac-cons-oldns.xml"].map { Self.root.appendingPathComponent("Fixtures/lists/" + $0) }
        let engine = try ScreeningEngine.open(dataDirectory: DataDirectory(url: FileManager.default.temporaryDirectory), listPaths: lists, configuration: .default)
        let rules = try RuleEngine(catalog: RedFlagCatalog.bundled(), groups: CountryGroups.bundled())
        var checks: [OrderCheck] = []
        try OrderCheckRunner(engine: rules, screener: engine, history: nil)
            .run(reader: OrderReader(csv: CSVReader(url: url)), render: { _ in "" }, emit: { checks += $0.map(\.check) })
        #expect(checks.count == 1_200)
        #expect(checks.allSatisfy { $0.error == nil })
        let noted = checks.filter { c in c.passthrough.isEmpty }.count
        _ = noted
        let holds = checks.filter { $0.decision == .hold }, stops = checks.filter { $0.decision == .stop }
        var counts: [String: (hold: Int, note: Int)] = [:]
        for c in checks {
            for f in c.findings { var e = counts[f.id] ?? (0, 0); if f.severity >= .hold { e.hold += 1 } else { e.note += 1 }; counts[f.id] = e }
        }
        let top = counts.sorted { ($0.value.hold, $0.value.note) > ($1.value.hold, $1.value.note) }.prefix(8)
        print("precision corpus: \(checks.count) lines, \(holds.count) HOLD (\(String(format: "%.1f", 100 * Double(holds.count) / Double(checks.count))) %), \(stops.count) STOP; most frequent flags (HOLD+ / NOTE): "
              + top.map { "\($0.key) \($0.value.hold)/\($0.value.note)" }.joined(separator: ", "))
        for s in stops.prefix(5) { print("STOP \(s.orderID ?? ""): \(s.findings.map { "\($0.id) \($0.severity.rawValue): \($0.facts.joined(separator: "; "))" })") }
        for h in holds.prefix(5) { print("HOLD \(h.orderID ?? ""): \(h.findings.filter { $0.severity >= .hold }.map { "\($0.id): \($0.facts.joined(separator: "; "))" })") }
        #expect(stops.isEmpty)
        #expect(Double(holds.count) <= 0.05 * Double(checks.count))
    }

    @Test func theCorpusCoversEveryItemClassAndCarriesNotes() {
        let text = HonestOrders(rows: 1_200).csv()
        let rows = text.split(separator: "\n").dropFirst()
        #expect(rows.count == 1_200)
        for eccn in ["3A090.a", "4A090.a", "5A992.c", "EAR99"] { #expect(text.contains("," + eccn + ","), "\(eccn)") }
        #expect(text.contains("GB200 NVL72"))
        let withNotes = rows.filter { r in HonestOrders.notesSample.contains { r.contains($0) } }.count
        #expect(Double(withNotes) >= 0.2 * Double(rows.count), "\(withNotes) lines with notes")
    }
}
