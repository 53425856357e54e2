import Foundation
import RedFlagCore
import RedFlagLists
@testable import RedFlagMatching
import Testing

/// Writes the normalisation of every name in the real lists to `$REDFLAG_NORMAL_DUMP` (one line
/// per distinct name: name, tokens, legal forms), so a change to the name tables can be checked
/// for unchanged behaviour by comparing the dumps made before and after it. Runs only when the
/// variable is set and ../shared/lists is present.
@Suite("Normalisation dump of the real lists")
struct NormalisationDumpTests {
    static var enabled: Bool {
        ProcessInfo.processInfo.environment["REDFLAG_NORMAL_DUMP"] != nil && EvaluationContext.available
    }

    @Test("dump every list name's normalisation", .enabled(if: NormalisationDumpTests.enabled))
    func dump() throws {
        let out = ProcessInfo.processInfo.environment["REDFLAG_NORMAL_DUMP"]!
        let parsed = try ListFileLoader.load(paths: EvaluationContext.files.map { EvaluationContext.sharedLists.appendingPathComponent($0) })
        var names = Set<String>()
        for entry in parsed.flatMap(\.entries) {
            names.insert(entry.name)
            for a in entry.aliases { names.insert(a.name) }
        }
        let sorted = names.sorted()
        let lines = OrderedBatchProcessor().map(sorted) { name -> String in
            let n = NameNormalizer.normalize(name)
            return "\(name)\t\(n.tokens.joined(separator: " "))\t\(n.written.joined(separator: " "))\t\(n.legalForms.joined(separator: " "))\t\(n.namesCompany)"
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8)
        #expect(lines.count == sorted.count)
    }
}
