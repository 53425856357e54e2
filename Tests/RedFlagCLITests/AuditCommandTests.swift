import Foundation
import Testing

@Suite struct AuditCommandTests {
    static let csl = CLI.fixture("lists/csl.csv")

    @Test func screenRunsAreRecordedAndExported() throws {
        let dir = CLI.temporaryDirectory()
        let names = dir.appendingPathComponent("names.csv")
        try Data("name,country\nArktos Freight Forwarding LLC,AE\nHarmless Bakery GmbH,DE\n".utf8).write(to: names)
        let screen = try CLI.run(["screen", "--input", names.path, "--lists", Self.csl, "--data-dir", dir.path, "--format", "jsonl"],
                                 environment: ["USER": "auditor-test"])
        #expect(screen.status == 2)
        #expect(screen.stderr.contains("CLEAR 1 · HOLD 0 · STOP 1"))
        #expect(try CLI.run(["screen", "Harmless Bakery GmbH", "--lists", Self.csl, "--data-dir", dir.path, "--quiet"]).status == 0)
        _ = try CLI.run(["screen", "X", "--lists", Self.csl, "--data-dir", dir.path, "--quiet", "--no-audit"])

        let listed = try CLI.run(["audit", "list", "--format", "jsonl", "--data-dir", dir.path])
        #expect(listed.status == 0)
        let runs = try listed.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(runs.count == 2)
        let first = runs[0]
        #expect(first["status"] as? String == "complete")
        #expect(first["user"] as? String == "auditor-test")
        #expect(first["command"] as? String == "screen")
        #expect(first["exitCode"] as? Int == 2)
        #expect((first["arguments"] as? [String])?.contains(names.path) == true)
        let inputHash = try #require(first["inputSHA256"] as? String)
        #expect(inputHash.count == 64)
        let lists = try #require(first["lists"] as? [[String: Any]])
        #expect(lists.first?["source"] as? String == "CSL")
        #expect((lists.first?["sha256"] as? String)?.count == 64)
        let counts = try #require(first["counts"] as? [String: Int])
        #expect(counts == ["clear": 1, "hold": 0, "stop": 1, "errors": 0])

        let export = try CLI.run(["audit", "export", "--format", "jsonl", "--data-dir", dir.path])
        let firstLine = try #require(export.stdout.split(separator: "\n").first)
        let exported = try #require(try JSONSerialization.jsonObject(with: Data(firstLine.utf8)) as? [String: Any])
        let results = try #require(exported["results"] as? [[String: Any]])
        #expect(results.count == 1)
        #expect(results[0]["decision"] as? String == "STOP")
        let record = try #require(results[0]["record"] as? [String: Any])
        #expect((record["query"] as? [String: Any])?["name"] as? String == "Arktos Freight Forwarding LLC")

        let csv = try CLI.run(["audit", "export", "--format", "csv", "--data-dir", dir.path])
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("id,command,status") == true)
        #expect(rows.count == 3)  // header, the STOP result of run 1, run 2 without results
        #expect(try CLI.run(["audit", "list", "--since", "2999-01-01", "--format", "jsonl", "--data-dir", dir.path]).stdout.isEmpty)
        #expect(try CLI.run(["audit", "list", "--since", "soon", "--data-dir", dir.path]).status == 64)
    }

    @Test func purgeIsGuarded() throws {
        let dir = CLI.temporaryDirectory()
        _ = try CLI.run(["screen", "X", "--lists", Self.csl, "--data-dir", dir.path, "--quiet"])
        let recent = try CLI.run(["audit", "purge", "--older-than", "2025-01-01", "--confirm", "--data-dir", dir.path])
        #expect(recent.status == 64)
        #expect(recent.stderr.contains("15 CFR 762"))
        let unconfirmed = try CLI.run(["audit", "purge", "--older-than", "2015-01-01", "--data-dir", dir.path])
        #expect(unconfirmed.status == 64)
        let old = try CLI.run(["audit", "purge", "--older-than", "2015-01-01", "--confirm", "--data-dir", dir.path])
        #expect(old.status == 0)
        #expect(old.stderr.contains("purged 0 runs"))
        #expect(try CLI.run(["audit", "list", "--format", "jsonl", "--data-dir", dir.path]).stdout.split(separator: "\n").count == 1)
    }
}
