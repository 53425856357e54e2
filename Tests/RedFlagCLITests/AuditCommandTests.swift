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

    /// What `check` wrote is what the audit gives back, byte for byte, whatever format the run
    /// printed (JSON Lines reuses the output line; the table format renders the record apart).
    @Test(arguments: ["jsonl", "table"])
    func checkRecordsComeBackByteForByte(format: String) throws {
        let dir = CLI.temporaryDirectory()
        let lists = [CLI.fixture("lists/csl.csv"), CLI.fixture("lists/ofac-sdn.xml")]
        let out = dir.appendingPathComponent("out.txt")
        let check = try CLI.run(["check", CLI.fixture("orders/scenario.csv"), "--lists"] + lists
            + ["--data-dir", dir.path, "--quiet", "--format", format, "--out", out.path])
        #expect(check.status == 2)
        // The reference records: the same check as JSON Lines from a data directory in the same
        // (empty) state, without audit.
        let reference = try CLI.run(["check", CLI.fixture("orders/scenario.csv"), "--lists"] + lists
            + ["--data-dir", CLI.temporaryDirectory().path, "--quiet", "--format", "jsonl", "--no-audit"])
        let held = try reference.stdout.split(separator: "\n").filter { line in
            let decision = (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["decision"] as? String
            return decision == "HOLD" || decision == "STOP"
        }
        #expect(held.count > 3)
        let export = try CLI.run(["audit", "export", "--format", "jsonl", "--data-dir", dir.path])
        #expect(export.status == 0)
        let show = try CLI.run(["audit", "show", "1", "--data-dir", dir.path])
        #expect(show.status == 0)
        #expect(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) is [String: Any])
        for line in held {
            #expect(export.stdout.contains(#""record":"# + line + "}"), "export lost: \(line.prefix(80))")
            #expect(show.stdout.contains(#""record" : "# + line + "\n"), "show lost: \(line.prefix(80))")
        }
        let exported = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        #expect((exported["results"] as? [Any])?.count == held.count)
        let verify = try CLI.run(["audit", "verify", "--data-dir", dir.path])
        #expect(verify.status == 0)
        #expect(verify.stdout == "1\tintact\t\(held.count)\t\(held.count) records and the seal match\n")
    }

    static let hasSQLite3 = FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")

    /// A run whose end was rewritten (a STOP made to disappear from the counts) fails `audit verify` with 65.
    @Test(.enabled(if: hasSQLite3, "needs the sqlite3 shell to alter the file")) func alteredRunFailsVerify() throws {
        let dir = CLI.temporaryDirectory()
        _ = try CLI.run(["screen", "Arktos Freight Forwarding LLC", "--country", "AE", "--lists", Self.csl, "--data-dir", dir.path, "--quiet"])
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [dir.appendingPathComponent("audit.sqlite").path, "UPDATE run SET stop = 0, clear = 1"]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        let verify = try CLI.run(["audit", "verify", "--data-dir", dir.path])
        #expect(verify.status == 65)
        #expect(verify.stdout.hasPrefix("1\tBROKEN\t"))
        #expect(verify.stderr.contains("run 1"))
        #expect(verify.stderr.contains("seal"))
    }
}
