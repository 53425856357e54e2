import Foundation
import RedFlagCore
import RedFlagKit
import Testing
@testable import RedFlagMatching

/// Second-opinion probes (`Data/probes/`): listed parties the evaluation set does not hold, written
/// in other scripts as the press writes them, and well-known unlisted organisations, both written
/// after the set was fixed. They show whether what the set measures carries over; their misses
/// were read, so they are development figures. Skipped without the real lists.
@Suite("Second-opinion probes", .enabled(if: EvaluationContext.available))
struct ProbeTests {
    static let directory = EvaluationContext.evaluationDirectory.appendingPathComponent("Data/probes")

    /// Rows of a probe file: tab-separated fields, comments and blank lines left out.
    static func rows(_ name: String) throws -> [[String]] {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("press spellings in other scripts of listed parties outside the set: found")
    func pressSpellings() throws {
        let engine = try EvaluationContext.get().engine
        let rows = try Self.rows("press-spellings.tsv")
        var found = 0, misses: [String] = []
        for row in rows {
            try #require(row.count == 3, "press-spellings.tsv: three fields expected in \(row)")
            // The listed party: every entry the Latin anchor finds as itself.
            let listed = Set(engine.screen(ScreeningQuery(name: row[2])).matches.filter { $0.score >= 0.9 }.map(\.name))
            try #require(!listed.isEmpty, "press-spellings.tsv: the anchor '\(row[2])' finds no listed party")
            let result = engine.screen(ScreeningQuery(name: row[1]))
            if result.matches.contains(where: { $0.decision != .clear && listed.contains($0.name) }) { found += 1 } else { misses.append("\(row[0]) \(row[1]) (\(row[2]))") }
        }
        let rate = Double(found) / Double(rows.count)
        print("probe press spellings: \(found)/\(rows.count) = \(String(format: "%.3f", rate)); misses: \(misses.joined(separator: "; "))")
        // 57 of 68 on 2026-12-04 (through `redflag screen` over the six imported lists: 56 before the day's
        // round, 58 after it); the misses left are Chinese brand names
        // and translations (中芯国际 for SMIC, 基地组织 for al-Qaida) and four personal names.
        #expect(rate >= 0.82)
    }

    @Test("well-known unlisted organisations: no false alarm")
    func organisations() throws {
        let engine = try EvaluationContext.get().engine
        let rows = try Self.rows("organisations.tsv")
        var alerts: [String] = []
        for row in rows {
            let result = engine.screen(ScreeningQuery(name: row[0]))
            if result.decision != .clear, let top = result.matches.first { alerts.append("\(row[0]) → \(top.matchedName) \(String(format: "%.3f", top.score))") }
        }
        let rate = Double(alerts.count) / Double(rows.count)
        print("probe organisations: \(alerts.count) false alarms of \(rows.count) = \(String(format: "%.4f", rate)); \(alerts.joined(separator: "; "))")
        // None of 316 on 2026-12-04 after the day's round (3 before: Safran SA, Saab AB, Roche Holding AG).
        #expect(rate <= 0.01)
    }
}
