import Foundation
import Testing

/// `check --report-dir` with order ids that read alike, escape the folder, run long or break lines.
@Suite("case files (CLI)")
struct CaseFileCLITests {
    @Test("every STOP order gets its own case file whatever its id; the Markdown stays intact")
    func hostileIDs() throws {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = try String(contentsOfFile: CLI.fixture("orders/scenario.csv"), encoding: .utf8)
        let lines = scenario.split(separator: "\n", omittingEmptySubsequences: false)
        let header = String(lines[0])
        let stopRow = try #require(lines.first { $0.hasPrefix("SO-1003,") })
        let rest = stopRow.dropFirst("SO-1003".count)
        let ids = ["A/B", "A_B", ".", "..", "...", String(repeating: "9", count: 300), "\"X\nY\"", "\"# Z | [link](http://x)\""]
        let csv = header + "\n" + ids.map { $0 + rest }.joined(separator: "\n") + "\n"
        let input = dir.appendingPathComponent("orders.csv")
        try csv.write(to: input, atomically: true, encoding: .utf8)
        let reports = dir.appendingPathComponent("cases")
        let r = try CLI.run(["check", input.path, "--lists", CLI.fixture("lists/ofac-sdn.xml"), CLI.fixture("lists/csl.csv"),
                             "--no-history", "--data-dir", dir.path, "--format", "jsonl", "--report-dir", reports.path, "--quiet"])
        #expect(r.status == 2, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: reports.path)
        #expect(files.filter { $0.hasSuffix(".md") }.count == ids.count, "\(files)")
        #expect(files.filter { $0.hasSuffix(".json") }.count == ids.count)
        let markdown = try files.filter { $0.hasSuffix(".md") }.map {
            try String(contentsOf: reports.appendingPathComponent($0), encoding: .utf8)
        }
        for md in markdown {
            let title = md.split(separator: "\n").first ?? ""
            #expect(title.hasPrefix("# Case file: order "), "\(title)")
        }
        #expect(markdown.contains { $0.contains("order X\\nY") })
        #expect(markdown.contains { $0.contains("\\# Z \\| \\[link\\]\\(http://x\\)") })
    }
}
