import Foundation
import Testing

@Suite struct AllowCommandTests {
    static let csl = CLI.fixture("lists/csl.csv")
    static let arktos = "Arktos Freight Forwarding LLC"

    static func json(_ line: Substring) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    /// The first match of a single-name JSONL screen, and the record's decision.
    static func screen(_ name: String, lists: String, dataDir: URL, country: String? = nil) throws -> (status: Int32, decision: String, match: [String: Any]?) {
        var args = ["screen", name, "--lists", lists, "--data-dir", dataDir.path, "--format", "jsonl", "--quiet"]
        if let country { args += ["--country", country] }
        let r = try CLI.run(args)
        let record = try json(try #require(r.stdout.split(separator: "\n").first))
        let matches = record["matches"] as? [[String: Any]] ?? []
        return (r.status, record["decision"] as? String ?? "", matches.first)
    }

    @Test func addSuppressesThenLapsesWhenTheEntryChanges() throws {
        let dir = CLI.temporaryDirectory()
        let before = try Self.screen(Self.arktos, lists: Self.csl, dataDir: dir, country: "AE")
        #expect(before.status == 2)
        let id = try #require(before.match?["id"] as? String)

        let add = try CLI.run(["allow", "add", "--query", "arktos freight forwarding llc", "--country", "AE", "--entry", id,
                               "--reason", "Oslo firm with the same name, checked registry", "--by", "J. Doe",
                               "--lists", Self.csl, "--data-dir", dir.path])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("allow-list rule 1"))

        let after = try Self.screen(Self.arktos, lists: Self.csl, dataDir: dir, country: "AE")
        #expect(after.status == 0)
        #expect(after.decision == "CLEAR")
        let suppressed = try #require(after.match?["suppressed"] as? [String: Any])
        #expect(suppressed["reason"] as? String == "Oslo firm with the same name, checked registry")
        #expect(suppressed["by"] as? String == "J. Doe")

        // Another country is not covered by the rule: not suppressed. RU contradicts the entry's only
        // country (AE), so the decision policy caps the exact name at HOLD (exit 1) instead of STOP.
        #expect(try Self.screen(Self.arktos, lists: Self.csl, dataDir: dir, country: "RU").status == 1)
        // --no-allow-list shows the raw decision.
        let raw = try CLI.run(["screen", Self.arktos, "--country", "AE", "--lists", Self.csl, "--data-dir", dir.path,
                               "--format", "jsonl", "--quiet", "--no-allow-list"])
        #expect(raw.status == 2)

        // The publisher adds an alias: the suppression lapses and says so.
        let changed = dir.appendingPathComponent("consolidated.csv")
        let text = try String(contentsOfFile: Self.csl, encoding: .utf8)
            .replacingOccurrences(of: ",https://www.bis.doc.gov/dpl,,", with: ",https://www.bis.doc.gov/dpl,Arktos Logistics,")
        try text.write(to: changed, atomically: true, encoding: .utf8)
        let lapsed = try Self.screen(Self.arktos, lists: changed.path, dataDir: dir, country: "AE")
        #expect(lapsed.status == 2)
        #expect(lapsed.match?["suppressed"] is NSNull)
        let qualifiers = (lapsed.match?["explanation"] as? [String: Any])?["qualifiers"] as? [[String: Any]] ?? []
        #expect(qualifiers.contains { ($0["detail"] as? String)?.contains("suppression lapsed") == true })
    }

    @Test func listAndRemove() throws {
        let dir = CLI.temporaryDirectory()
        let empty = try CLI.run(["allow", "list", "--data-dir", dir.path])
        #expect(empty.status == 0)
        #expect(empty.stdout.isEmpty)
        let id = try #require(try Self.screen(Self.arktos, lists: Self.csl, dataDir: dir).match?["id"] as? String)
        #expect(try CLI.run(["allow", "add", "--query", Self.arktos, "--entry", id, "--reason", "r", "--by", "b",
                             "--lists", Self.csl, "--data-dir", dir.path]).status == 0)
        let listed = try CLI.run(["allow", "list", "--format", "json", "--data-dir", dir.path])
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(rules.count == 1)
        #expect(rules[0]["entryID"] as? String == id)
        #expect((rules[0]["entryFingerprint"] as? String)?.count == 64)
        #expect(try CLI.run(["allow", "remove", "1", "--data-dir", dir.path]).status == 0)
        #expect(try CLI.run(["allow", "remove", "1", "--data-dir", dir.path]).status == 64)
        #expect(try CLI.run(["allow", "list", "--format", "jsonl", "--data-dir", dir.path]).stdout.isEmpty)
    }

    @Test func addRefusesUnknownEntriesAndMissingReasons() throws {
        let dir = CLI.temporaryDirectory()
        let unknown = try CLI.run(["allow", "add", "--query", "x", "--entry", "CSL:nope", "--reason", "r", "--by", "b",
                                   "--lists", Self.csl, "--data-dir", dir.path])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("CSL:nope"))
        #expect(try CLI.run(["allow", "add", "--query", "x", "--entry", "CSL:nope", "--by", "b", "--data-dir", dir.path]).status == 64)
        let noStore = try CLI.run(["allow", "add", "--query", "x", "--entry", "CSL:x", "--reason", "r", "--by", "b", "--data-dir", dir.path])
        #expect(noStore.status == 66)
    }
}
