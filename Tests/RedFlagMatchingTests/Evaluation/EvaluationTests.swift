import Foundation
import RedFlagCore
import RedFlagLists
import RedFlagMatching
import Testing

/// The matcher's quality on the evaluation set built from the real lists (Data/evaluation-set.tsv,
/// made by Data/make_eval_set.py): recall per perturbation class, false alarms on negatives, and
/// the index's candidate recall against a full scan. Needs ../shared/lists (skips without it).
///
/// Floors sit a little under what the matcher reaches, so a regression fails. With
/// `REDFLAG_EVAL_OUT=<file>` the per-query outcomes are written as TSV for the OpenSanctions
/// comparison (Data/score_opensanctions.py).
@Suite("Evaluation set on the real lists", .serialized)
struct EvaluationTests {
    /// Recall floors per class, a little under what the matcher reached on 2026-12-01 (abbreviation
    /// 0.9625, dropped_generic 0.995, joined_split 0.9925, legal_form 0.99, original_script 0.9975,
    /// reordered_person 1.000, transliteration 0.9425, typo 0.9975). Targets: ≥ 0.9 per class, ≥ 0.97 overall.
    static let classFloors: [String: Double] = [
        "typo": 0.99, "legal_form": 0.98, "abbreviation": 0.95, "dropped_generic": 0.985, "reordered_person": 0.99,
        "joined_split": 0.98, "transliteration": 0.93, "original_script": 0.99,
    ]
    /// Reached 0.9847 (target 0.97; logic-v2 0.945).
    static let overallFloor = 0.98
    /// Highest tolerated false-alarm rate on all negatives. Reached 0.0019 = 5/2,593 (well-known
    /// companies 3/193, invented names 1/1,200, person names 1/1,200); target ≤ 1 %, logic-v2 0.3 %.
    static let falseAlarmCeiling = 0.003
    /// Lowest tolerated candidate recall of the index against a full scan (target ≥ 99.5 %).
    /// Reached 0.9986 (2,866/2,870 entries ≥ 0.80 over 1,430 queries, REDFLAG_EVAL_FULLSCAN_PER_CLASS=130).
    static let candidateRecallFloor = 0.995

    @Test("recall per class and false alarms at the default thresholds", .enabled(if: EvaluationContext.available))
    func recallAndFalseAlarms() throws {
        let context = try EvaluationContext.get()
        let matcher = Matcher(index: context.index, configuration: .default)
        let rows = context.rows
        let outcomes = OrderedBatchProcessor().map(rows) { row -> Outcome in
            let result = matcher.screen(ScreeningQuery(name: row.query))
            let alerted = result.decision != .clear
            let hit = row.isPositive && alerted && result.matches.contains { row.expected.contains(Self.listedID($0.id)) }
            return Outcome(decision: result.decision, hit: hit, top: result.matches.first.map { "\($0.id) \($0.matchedName) \($0.score)" } ?? "")
        }
        var perClass: [String: (n: Int, ok: Int)] = [:]
        var failures: [String: [String]] = [:]
        for (row, outcome) in zip(rows, outcomes) {
            let ok = row.isPositive ? outcome.hit : outcome.decision == .clear
            perClass[row.kind, default: (0, 0)].n += 1
            if ok { perClass[row.kind, default: (0, 0)].ok += 1 } else { failures[row.kind, default: []].append("\(row.query) [base: \(row.base)] → \(outcome.decision.rawValue) \(outcome.top)") }
        }
        var positives = (n: 0, ok: 0), negatives = (n: 0, ok: 0)
        print("evaluation: \(rows.count) queries against \(context.index.entryCount) entries (\(context.index.nameCount) names)")
        for kind in perClass.keys.sorted() {
            let c = perClass[kind]!
            let isNegative = kind.hasPrefix("negative")
            if isNegative { negatives.n += c.n; negatives.ok += c.ok } else { positives.n += c.n; positives.ok += c.ok }
            print("  \(kind.padding(toLength: 18, withPad: " ", startingAt: 0)) \(isNegative ? "false alarms" : "recall")"
                  + " \(fmt(isNegative ? 1 - rate(c.ok, c.n) : rate(c.ok, c.n))) (\(isNegative ? c.n - c.ok : c.ok)/\(c.n))")
            for f in (failures[kind] ?? []).prefix(8) { print("      miss: \(f)") }
        }
        let recall = rate(positives.ok, positives.n)
        let falseAlarms = 1 - rate(negatives.ok, negatives.n)
        print("  overall recall \(fmt(recall)), false-alarm rate \(fmt(falseAlarms))")
        if let out = ProcessInfo.processInfo.environment["REDFLAG_EVAL_OUT"] {
            try writeOutcomes(rows: rows, outcomes: outcomes, matcher: matcher, to: URL(fileURLWithPath: out))
            try writeFailures(failures, to: URL(fileURLWithPath: out + ".failures.txt"))
        }

        #expect(recall >= Self.overallFloor, "overall recall \(recall)")
        #expect(falseAlarms <= Self.falseAlarmCeiling, "false-alarm rate \(falseAlarms)")
        for (kind, floor) in Self.classFloors {
            let c = try #require(perClass[kind], "class \(kind) missing from the set")
            #expect(rate(c.ok, c.n) >= floor, "\(kind) recall \(rate(c.ok, c.n)) below \(floor)")
        }
    }

    @Test("index candidates find what a full scan finds", .enabled(if: EvaluationContext.available))
    func candidateRecall() throws {
        let context = try EvaluationContext.get()
        let matcher = Matcher(index: context.index, configuration: .default)
        // A full scan scores every indexed name: a deterministic sample, the same number of rows
        // from every class spread evenly over it, keeps it to minutes. REDFLAG_EVAL_FULLSCAN_PER_CLASS
        // sets the rows per class (130 gives over 1,000 queries with hits: the figure reported).
        let perClass = Int(ProcessInfo.processInfo.environment["REDFLAG_EVAL_FULLSCAN_PER_CLASS"] ?? "") ?? 12
        let sample = Dictionary(grouping: context.rows, by: \.kind).sorted { $0.key < $1.key }.flatMap { _, rows in
            let step = max(1, rows.count / perClass)
            return rows.enumerated().filter { $0.offset % step == 0 }.prefix(perClass).map(\.element)
        }
        let floor = MatchConfiguration.default.reviewThreshold
        let counts = OrderedBatchProcessor().map(sample) { row -> (found: Int, total: Int, missed: [String]) in
            let full = matcher.nameScores(for: row.query, fullScan: true).filter { $0.value >= floor }
            let indexed = matcher.nameScores(for: row.query, fullScan: false)
            let missed = full.keys.filter { (indexed[$0] ?? 0) < floor }
            return (full.count - missed.count, full.count, missed.map { "\(row.query) → entry #\($0) \(full[$0]!)" })
        }
        let found = counts.reduce(0) { $0 + $1.found }, total = counts.reduce(0) { $0 + $1.total }
        let withHits = counts.filter { $0.total > 0 }.count
        let recall = total == 0 ? 1 : Double(found) / Double(total)
        print("candidate recall vs full scan: \(fmt(recall)) (\(found)/\(total) entries ≥ \(floor); \(sample.count) queries,"
              + " \(perClass) per class, \(withHits) with a full-scan hit)")
        for m in counts.flatMap(\.missed).prefix(30) { print("  missed by the index: \(m)") }
        #expect(total > 0)
        #expect(recall >= Self.candidateRecallFloor, "candidate recall \(recall)")
    }

    /// The id as the generator labels it: a CSL row listed on several lists gets a `#LIST` suffix
    /// per list from the parser (`CSL:18714#CAP`); the label is the row id.
    static func listedID(_ id: String) -> String {
        id.firstIndex(of: "#").map { String(id[..<$0]) } ?? id
    }

    struct Outcome: Sendable {
        var decision: Decision
        var hit: Bool
        var top: String
    }

    private func rate(_ ok: Int, _ n: Int) -> Double { n == 0 ? 1 : Double(ok) / Double(n) }
    private func fmt(_ x: Double) -> String { String(format: "%.4f", x) }

    /// Per query: class, query, base name, decision, hit, and redflag's five best candidate names
    /// (scored below the threshold too): the candidates the OpenSanctions matchers are run on.
    private func writeOutcomes(rows: [EvaluationRow], outcomes: [Outcome], matcher: Matcher, to url: URL) throws {
        var wide = MatchConfiguration.default
        wide.reviewThreshold = 0.5
        wide.strongThreshold = 0.99
        wide.limit = 5
        let loose = Matcher(index: matcher.index, configuration: wide)
        let candidates = OrderedBatchProcessor().map(rows) { row in
            loose.screen(ScreeningQuery(name: row.query)).matches.filter { $0.basis != .address }.map(\.matchedName)
        }
        var text = "class\tquery\tbase_name\tredflag_decision\tredflag_ok\tcandidates\n"
        for (i, row) in rows.enumerated() {
            let ok = row.isPositive ? outcomes[i].hit : outcomes[i].decision == .clear
            let cands = candidates[i].map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "|", with: "/") }
            text += "\(row.kind)\t\(row.query)\t\(row.base)\t\(outcomes[i].decision.rawValue)\t\(ok ? 1 : 0)\t\(cands.joined(separator: "|"))\n"
        }
        try Data(text.utf8).write(to: url)
    }

    private func writeFailures(_ failures: [String: [String]], to url: URL) throws {
        var text = ""
        for kind in failures.keys.sorted() {
            text += "## \(kind) (\(failures[kind]!.count))\n" + failures[kind]!.map { "- \($0)\n" }.joined()
        }
        try Data(text.utf8).write(to: url)
    }
}

/// One row of the evaluation set.
struct EvaluationRow: Sendable {
    var kind: String
    var query: String
    var expected: Set<String>
    var base: String
    var isPositive: Bool { !kind.hasPrefix("negative") }
}

/// The real lists loaded once for every evaluation test, and the evaluation set.
final class EvaluationContext: Sendable {
    static let evaluationDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let sharedLists = evaluationDirectory.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/lists")
    /// One file per source: the snapshots the generator reads.
    static let files = ["csl/consolidated.csv", "ofac/sdn.xml", "ofac/consolidated.xml", "un/consolidated.xml",
                        "eu/fsf-full-1_1-20240513.xml", "uk/ofsi-conlist-20200427.csv"]

    static var available: Bool {
        let ok = files.allSatisfy { FileManager.default.fileExists(atPath: sharedLists.appendingPathComponent($0).path) }
        if !ok { print("skipped: \(sharedLists.path) absent (the evaluation needs the real lists)") }
        return ok
    }

    private static let loaded = Result { try EvaluationContext() }
    /// The loaded context; rethrows what went wrong loading the lists or the set.
    static func get() throws -> EvaluationContext { try loaded.get() }

    let index: MatchIndex
    let rows: [EvaluationRow]

    init() throws {
        let parsed = try ListFileLoader.load(paths: Self.files.map { Self.sharedLists.appendingPathComponent($0) })
        index = try MatchIndex(entries: parsed.flatMap(\.entries))
        let text = try String(contentsOf: Self.evaluationDirectory.appendingPathComponent("Data/evaluation-set.tsv"), encoding: .utf8)
        rows = text.split(separator: "\n").dropFirst().compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 5 else { return nil }
            return EvaluationRow(kind: f[0], query: f[1], expected: Set(f[3].split(separator: ",").map(String.init)), base: f[4])
        }
    }
}
