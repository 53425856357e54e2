import Foundation
import Testing

/// `redflag screen` as a user and a script see it: exit codes, the JSON contract, batch order,
/// error records, standard input, usage errors.
@Suite("redflag screen")
struct ScreenCommandTests {
    static let lists = [CLI.fixture("lists/ofac-sdn.xml"), CLI.fixture("lists/csl.csv")]

    /// Runs `redflag screen` against the fixture lists with a throwaway data directory.
    func screen(_ arguments: [String], stdin: Data? = nil) throws -> CLI.Result {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        return try CLI.run(["screen"] + arguments + ["--lists"] + Self.lists + ["--data-dir", dir.path], stdin: stdin)
    }

    func jsonObject(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("an exact name on a barring list is STOP, exit 2")
    func stop() throws {
        let r = try screen(["Zhongshan Everlight Microelectronics Co., Ltd.", "--format", "table"])
        #expect(r.status == 2)
        #expect(r.stdout.hasPrefix("STOP"))
        #expect(r.stdout.contains("OFAC-SDN"))
        #expect(!r.stdout.contains("\u{1B}["), "no colours when stdout is not a terminal")
    }

    @Test("a match on the Unverified List is HOLD, exit 1")
    func hold() throws {
        let r = try screen(["Sunrise Horizon Electronics Trading FZE", "--format", "table"])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("HOLD"))
    }

    @Test("a name on no list is CLEAR, exit 0; generic words alone do not alert")
    func clear() throws {
        let r = try screen(["Everbright Trading Co., Ltd.", "--format", "table", "--max-age-days", "36500"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("CLEAR"))
        #expect(r.stderr.isEmpty)
    }

    @Test("--strong-threshold and --threshold move the decision")
    func thresholds() throws {
        #expect(try screen(["Everlite Microelectronics"]).status == 2)
        #expect(try screen(["Everlite Microelectronics", "--strong-threshold", "0.99"]).status == 1)
        #expect(try screen(["Everlite Microelectronics", "--threshold", "0.99", "--strong-threshold", "0.995"]).status == 0)
    }

    @Test("JSON output carries the contract fields, the explanation and the list snapshot")
    func jsonContract() throws {
        let r = try screen(["Everlite Microelectronics", "--country", "China", "--format", "json"])
        #expect(r.status == 2)
        let o = try jsonObject(r.stdout)
        let query = try #require(o["query"] as? [String: Any])
        #expect(query["name"] as? String == "Everlite Microelectronics")
        #expect(query["country"] as? String == "CN")
        #expect(query.keys.contains("address"))
        #expect(o["decision"] as? String == "STOP")
        let matches = try #require(o["matches"] as? [[String: Any]])
        let m = try #require(matches.first)
        for key in ["score", "id", "source", "name", "matched_name", "alias_strength", "type", "programs", "countries", "explanation"] {
            #expect(m.keys.contains(key), "match lacks \(key)")
        }
        #expect(m["id"] as? String == "OFAC-SDN:900101")
        #expect(m["matched_name"] as? String == "Everlight Microelectronics")
        let explanation = try #require(m["explanation"] as? [String: Any])
        let tokens = try #require(explanation["tokens"] as? [[String: Any]])
        #expect(tokens.contains { $0["query"] as? String == "everlite" && $0["matched"] as? String == "everlight" })
        #expect(tokens.allSatisfy { $0["similarity"] is Double && $0["weight"] is Double })
        #expect(explanation["qualifiers"] is [Any])
        let lists = try #require(o["lists"] as? [[String: Any]])
        #expect(Set(lists.compactMap { $0["source"] as? String }) == ["OFAC-SDN", "CSL"])
        #expect(lists.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
    }

    @Test("--explain shows the token alignment and per-token scores")
    func explain() throws {
        let r = try screen(["Everlite Microelectronics", "--explain", "--format", "table"])
        #expect(r.stdout.contains("QUERY TOKEN"))
        #expect(r.stdout.contains("everlite"))
        #expect(r.stdout.contains("0.93"))
    }

    @Test("a batch gives one record per input record, in order, with error records in place")
    func batchOrderAndErrors() throws {
        let csv = """
            customer_name,country,order_id
            Everbright Trading Co.,CN,1
            Zhongshan Everlight Microelectronics,CN,2
            ,DE,3
            Sunrise Horizon Electronics Trading FZE,Atlantis,4
            Sunrise Horizon Electronics Trading FZE,AE,5

            "Northern Crescent Trading, LLC",United Arab Emirates,6

            """
        let r = try screen(["--input", "-", "--format", "jsonl"], stdin: Data(csv.utf8))
        #expect(r.status == 2)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        let objects = try lines.map(jsonObject)
        #expect(objects.map { $0["line"] as? Int ?? ($0["error"] as? [String: Any])?["line"] as? Int } == [2, 3, 4, 5, 6, 8])
        #expect(objects.map { $0["decision"] as? String } == ["CLEAR", "STOP", nil, nil, "HOLD", "STOP"])
        let emptyName = try #require(objects[2]["error"] as? [String: Any])
        #expect(emptyName["message"] as? String == "empty name")
        let badCountry = try #require(objects[3]["error"] as? [String: Any])
        #expect((badCountry["message"] as? String)?.contains("Atlantis") == true)
        #expect((objects[3]["input"] as? [String: Any])?["customer_name"] as? String == "Sunrise Horizon Electronics Trading FZE")
        #expect((objects[5]["query"] as? [String: Any])?["country"] as? String == "AE")
        #expect(r.stderr.contains("line 4: empty name"))
    }

    @Test("JSON Lines input, with a broken record")
    func jsonLinesInput() throws {
        let input = """
            {"name": "Everbright Trading Co.", "country": "CN"}
            {"name": "Arktos Freight Forwarding", "address": "Murmansk"
            {"name": "Arktos Freight Forwarding LLC"}
            """
        let r = try screen(["--input", "-", "--format", "jsonl"], stdin: Data(input.utf8))
        let objects = try r.stdout.split(separator: "\n").map { try jsonObject(String($0)) }
        #expect(objects.count == 3)
        #expect(objects[0]["decision"] as? String == "CLEAR")
        #expect((objects[1]["error"] as? [String: Any])?["line"] as? Int == 2)
        #expect(objects[2]["decision"] as? String == "STOP")
        #expect(r.status == 2)
    }

    @Test("one name per line from a file; all CLEAR exits 0, a bad record without STOP exits 65")
    func namesPerLine() throws {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("names.txt")
        try Data("Everbright Trading Co., Ltd.\nBlue Harbor Logistics LLC\r\n\nGolden Bridge Software\n".utf8).write(to: file)
        let r = try screen(["--input", file.path, "--format", "csv"])
        #expect(r.status == 0)
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.count == 4)
        #expect(rows[0].hasPrefix("line,name,address,country,decision"))
        #expect(rows[1].hasPrefix("1,\"Everbright Trading Co., Ltd.\",,,CLEAR,0"))
        #expect(rows[3].hasPrefix("4,Golden Bridge Software,"))

        let bad = try screen(["--input", "-", "--format", "jsonl"], stdin: Data("{\"name\": \"Blue Harbor Logistics\"}\nnot json\n".utf8))
        #expect(bad.status == 65)
        #expect(bad.stdout.split(separator: "\n").count == 2)
    }

    @Test("--name-column picks the column; a header without it is bad data (65)")
    func nameColumn() throws {
        let csv = "id,consignee\n1,Arktos Freight Forwarding LLC\n"
        let r = try screen(["--input", "-", "--name-column", "consignee", "--format", "jsonl"], stdin: Data(csv.utf8))
        #expect(r.status == 2)
        let missing = try screen(["--input", "-", "--name-column", "buyer"], stdin: Data(csv.utf8))
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("buyer"))
        #expect(missing.stdout.isEmpty)
    }

    @Test("usage errors exit 64 with nothing on stdout", arguments: [
        ["screen"],
        ["screen", "ACME", "--input", "-"],
        ["screen", "ACME", "--country", "Atlantis"],
        ["screen", "ACME", "--type", "robot"],
        ["screen", "ACME", "--threshold", "1.5"],
        ["screen", "ACME", "--format", "xml"],
        ["screen", "ACME", "--name-column", "name"],
    ])
    func usage(_ arguments: [String]) throws {
        let r = try CLI.run(arguments + ["--lists"] + Self.lists)
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        #expect(!r.stderr.isEmpty)
    }

    @Test("a missing input file or list file exits 66")
    func missing() throws {
        #expect(try screen(["--input", "/nonexistent/names.csv"]).status == 66)
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let noLists = try CLI.run(["screen", "ACME", "--data-dir", dir.path])
        #expect(noLists.status == 66)
        #expect(noLists.stderr.contains("no lists imported"))
    }
}
