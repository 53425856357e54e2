import Foundation
import Testing

@Suite struct RescreenCommandTests {
    @Test func newlyListedKnownPartyIsReportedOnce() throws {
        let dir = CLI.temporaryDirectory()
        let full = try String(contentsOfFile: CLI.fixture("lists/csl.csv"), encoding: .utf8)
        let older = full.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("c0ffee02") }.joined(separator: "\n")
        let v1 = dir.appendingPathComponent("v1/consolidated.csv"), v2 = dir.appendingPathComponent("v2/consolidated.csv")
        for (url, text) in [(v1, older), (v2, full)] {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let data = ["--data-dir", dir.appendingPathComponent("data").path]
        #expect(try CLI.run(["lists", "import", v1.path] + data).status == 0)
        // The party is screened (and remembered) while it is not listed yet.
        #expect(try CLI.run(["screen", "Arktos Freight Forwarding LLC", "--country", "AE", "--quiet"] + data).status == 0)
        let first = try CLI.run(["rescreen", "--quiet"] + data)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.isEmpty)

        #expect(try CLI.run(["lists", "import", v2.path] + data).status == 0)
        let second = try CLI.run(["rescreen", "--format", "jsonl"] + data)
        #expect(second.status == 2, "\(second.stderr)")
        let lines = second.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let firstLine = try #require(lines.first)
        let hit = try #require(try JSONSerialization.jsonObject(with: Data(firstLine.utf8)) as? [String: Any])
        #expect((hit["party"] as? [String: Any])?["name"] as? String == "Arktos Freight Forwarding LLC")
        #expect(hit["decision"] as? String == "STOP")
        #expect((hit["changes"] as? [[String: Any]])?.first?["kind"] as? String == "added")
        #expect(second.stderr.contains("changed entries"))

        // Nothing changed since that rescreen: nothing to report.
        let third = try CLI.run(["rescreen", "--quiet"] + data)
        #expect(third.status == 0)
        #expect(third.stdout.isEmpty)
        // --last looks at the newest import again.
        #expect(try CLI.run(["rescreen", "--last", "--quiet", "--format", "csv"] + data).status == 2)
    }

    @Test func partiesFileAndUsageErrors() throws {
        let dir = CLI.temporaryDirectory()
        let data = ["--data-dir", dir.appendingPathComponent("data").path]
        #expect(try CLI.run(["rescreen"] + data).status == 66)
        #expect(try CLI.run(["lists", "import", CLI.fixture("lists/csl.csv")] + data).status == 0)
        let parties = dir.appendingPathComponent("customers.csv")
        try Data("customer_name,country\nSunrise Horizon Electronics Trading FZE,AE\nHarmless Bakery GmbH,DE\n".utf8).write(to: parties)
        let r = try CLI.run(["rescreen", "--parties", parties.path, "--format", "table", "--quiet"] + data)
        #expect(r.status == 1 || r.status == 2, "\(r.stderr)")
        #expect(r.stdout.contains("Sunrise Horizon"))
        #expect(!r.stdout.contains("Harmless"))
        #expect(try CLI.run(["rescreen", "--since", "2020-01-01", "--last"] + data).status == 64)
        let bad = dir.appendingPathComponent("bad.csv")
        try Data("id\n1\n".utf8).write(to: bad)
        let badRun = try CLI.run(["rescreen", "--parties", bad.path] + data)
        #expect(badRun.status == 65)
        #expect(badRun.stderr.contains("bad.csv"))
    }
}
