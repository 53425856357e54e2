import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists
import RedFlagMatching
import Testing

/// Cross-script recall measured on the lists' own non-Latin names, a source written by the publishers,
/// independent of the evaluation set's hand-made renderings: the EU writes many listed Russians, Belarusians
/// and Syrians in Cyrillic, Greek or Arabic beside the Latin spelling, the UN its Arabic names. Every
/// non-Latin name is taken off its entry; the entry keeps only its Latin names; the non-Latin name is then
/// screened and must find its own entry (HOLD or STOP). This asks what a desk faces when a customer writes
/// their name in their own script and the list has only the Latin one.
///
/// Entries are split into a development part and a test part by a hash of their Latin name; only the
/// development misses are written out (`REDFLAG_EVAL_WRITE=1` → Data/listed-scripts-results.md).
@Suite("Non-Latin names of the lists screened against their Latin spellings", .serialized)
struct ListedScriptsTests {
    /// Lowest tolerated found-rate on the test part. Measured 2026-12-04 (Data/listed-scripts-results.md): 0.775 before the
    /// Arabic compound names, the organisation words of Greek, Bulgarian and Russian and their legal forms; 0.798 after;
    /// 0.814 with Russian and Bulgarian industrial words, glued Korean company names peeled, Persian suffixes and words run
    /// together after a letter that does not join (persons 0.942 → 0.960; most misses left are organisation names the
    /// EU translates word for word).
    static let testFloor = 0.80
    /// Lowest tolerated found-rate of persons' names on the test part (reached 0.960).
    static let personFloor = 0.94

    struct Case: Sendable {
        var entryID: String
        var query: String
        var script: String
        var language: String
        var type: PartyType
        var latin: String
        var split: String
    }

    @Test("a listed non-Latin name finds its entry among the Latin names", .enabled(if: EvaluationContext.available))
    func listedNonLatinNames() throws {
        let parsed = try ListFileLoader.load(paths: EvaluationContext.files.map { EvaluationContext.sharedLists.appendingPathComponent($0) })
        var entries: [ListEntry] = []
        var cases: [Case] = []
        for var entry in parsed.flatMap(\.entries) {
            let names = entry.allNames
            let foreign = names.filter { !Self.isLatin($0.name) }
            if foreign.isEmpty { entries.append(entry); continue }
            let latin = [entry.name].filter(Self.isLatin) + entry.aliases.map(\.name).filter(Self.isLatin)
            guard let primary = latin.first else { continue }
            let languages = Dictionary(entry.aliases.map { ($0.name, $0.language ?? "") }, uniquingKeysWith: { a, _ in a })
            entry.name = primary
            entry.aliases = entry.aliases.filter { Self.isLatin($0.name) && $0.name != primary }
            entries.append(entry)
            let split = Self.fnv1a(Self.normalised(primary)) % 2 == 0 ? "dev" : "test"
            var seen: Set<String> = []
            for name in foreign.map(\.name) where seen.insert(name).inserted {
                cases.append(Case(entryID: entry.id, query: name, script: ScriptDetector.script(of: name),
                                  language: languages[name] ?? "", type: entry.type, latin: primary, split: split))
            }
        }
        let engine = ScreeningEngine(index: try MatchIndex(entries: entries), snapshots: [], configuration: .default)
        let outcomes = OrderedBatchProcessor().map(cases) { c -> (found: Bool, top: String) in
            let result = engine.screen(ScreeningQuery(name: c.query))
            let found = result.matches.contains { $0.decision != .clear && EvaluationTests.listedID($0.id) == EvaluationTests.listedID(c.entryID) }
            let top = result.matches.first.map { "\($0.id) \"\($0.matchedName)\" \(String(format: "%.3f", $0.score)) \($0.decision.rawValue)" } ?? "no candidate"
            return (found, top)
        }
        var report = "listed non-Latin names: \(cases.count) names of \(Set(cases.map(\.entryID)).count) entries\n"
        var rates: [String: Double] = [:]
        let testPersons = zip(cases, outcomes).filter { $0.0.split == "test" && $0.0.type == .person }
        let personRate = Double(testPersons.filter { $0.1.found }.count) / Double(max(1, testPersons.count))
        var markdown = ""
        for split in ["dev", "test"] {
            let rows = zip(cases, outcomes).filter { $0.0.split == split }
            let found = rows.filter { $0.1.found }.count
            rates[split] = rows.isEmpty ? 0 : Double(found) / Double(rows.count)
            report += "  \(split): \(found)/\(rows.count) = \(String(format: "%.3f", rates[split]!))\n"
            markdown += "\n## \(split == "dev" ? "Development" : "Test") part: \(found)/\(rows.count) = \(String(format: "%.3f", rates[split]!))\n\n"
            markdown += "| group | found | names | rate |\n|---|---:|---:|---:|\n"
            let groups: [(String, (Case) -> String)] = [("script", { $0.script }), ("type", { $0.type.rawValue }),
                                                        ("language", { $0.language.isEmpty ? "—" : $0.language })]
            for (label, key) in groups {
                for (value, members) in Dictionary(grouping: rows, by: { key($0.0) }).sorted(by: { $0.value.count > $1.value.count }) {
                    let f = members.filter { $0.1.found }.count
                    let line = "\(label) \(value): \(f)/\(members.count) = \(String(format: "%.3f", Double(f) / Double(members.count)))"
                    report += "    \(line)\n"
                    markdown += "| \(label) \(value) | \(f) | \(members.count) | \(String(format: "%.3f", Double(f) / Double(members.count))) |\n"
                }
            }
        }
        print(report)
        if ProcessInfo.processInfo.environment["REDFLAG_EVAL_WRITE"] == "1" {
            var text = """
            # redflag on the lists' own non-Latin names

            Written by `REDFLAG_EVAL_WRITE=1 swift test --filter ListedScriptsTests` (ListedScriptsTests.swift). Every non-Latin
            name of the real lists (EU, UN, OFAC consolidated) is taken off its entry and screened against the lists with only
            the Latin names left; a name is found when its own entry is among the HOLD/STOP matches. Entries are split into a
            development and a test part by a hash of their Latin name; misses are listed for the development part only.

            """
            text += markdown
            text += "\n## Misses on the development part\n\n| query | script | type | listed Latin name | top candidate |\n|---|---|---|---|---|\n"
            for (c, o) in zip(cases, outcomes) where c.split == "dev" && !o.found {
                text += "| \(c.query) | \(c.script) \(c.language) | \(c.type.rawValue) | \(c.latin) | \(o.top) |\n"
            }
            try Data(text.utf8).write(to: EvaluationContext.evaluationDirectory.appendingPathComponent("Data/listed-scripts-results.md"))
        }
        #expect(cases.count > 1000, "expected over a thousand non-Latin names in the lists, found \(cases.count)")
        #expect(rates["test"] ?? 0 >= Self.testFloor, "test found-rate \(rates["test"] ?? 0) below \(Self.testFloor)")
        #expect(personRate >= Self.personFloor, "test found-rate of persons \(personRate) below \(Self.personFloor)")
    }

    /// Latin when no letter belongs to another script (digits and punctuation are neutral).
    static func isLatin(_ name: String) -> Bool {
        !name.unicodeScalars.contains { $0.properties.isAlphabetic && $0.value > 0x24F && !(0x1E00...0x1EFF).contains($0.value) }
    }

    static func normalised(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).filter(\.isLetter)
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
