import Foundation
import RedFlagCore
import RedFlagMatching
import RedFlagKit
import RedFlagLists
import Testing

@Suite("Screening output writers")
struct OutputWriterTests {
    static let snapshot = ListSnapshot(source: .ofacSDN, format: .ofacXML, sha256: String(repeating: "ab", count: 32),
                                       publicationDate: "2026-03-14", files: ["sdn.xml"], recordCount: 1, nameCount: 2,
                                       warnings: [:], importedAt: nil)

    static func match(decision: Decision = .stop) -> ScreeningMatch {
        ScreeningMatch(score: 0.9651, id: "OFAC-SDN:900101", source: .ofacSDN, list: .ofacSDN, name: "Everlight \"Micro\", Ltd.",
                       matchedName: "Everlight Microelectronics", aliasStrength: .strong, type: .entity, programs: ["NPWMD"],
                       countries: ["CN"], decision: decision, basis: .name,
                       explanation: MatchExplanation(nameScore: 0.9651, tokens: [
                           TokenAlignment(query: "everlite", matched: "everlight", similarity: 0.931, weight: 0.57),
                           TokenAlignment(query: nil, matched: "ltd", similarity: 0, weight: 0.01),
                       ], qualifiers: [Qualifier(name: "country", effect: 0.03, detail: "country CN matches")],
                       summary: "name 0.97"))
    }

    static func result() -> ScreeningResult {
        ScreeningResult(query: ScreeningQuery(name: "Everlite\tMicro\n", country: "CN"), decision: .stop, matches: [match()])
    }

    /// Collects what a writer sends to its sink.
    func captured(_ body: (OutputSink) throws -> Void) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-out-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        try body(OutputSink(handle: handle, path: url.path))
        try handle.close()
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test func jsonNumbersAndEscapes() {
        #expect(JSONText.format(0.96514) == "0.9651")
        #expect(JSONText.format(1) == "1")
        #expect(JSONText.format(0) == "0")
        #expect(JSONText.format(-0.03) == "-0.03")
        #expect(JSONText.format(0.10004) == "0.1")
        var s = ""
        JSONText.appendQuoted("a\"b\\c\n\u{1}é", to: &s)
        #expect(s == "\"a\\\"b\\\\c\\n\\u0001é\"")
    }

    @Test func csvQuoting() {
        #expect(CSVText.field("plain") == "plain")
        #expect(CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVText.row(["1", "x,y", ""]) == "1,\"x,y\",\n")
    }

    @Test("JSON Lines: the contract keys in snake_case, valid JSON, the list snapshot on every record")
    func jsonLines() throws {
        let text = try captured { sink in
            let w = ScreeningJSONLinesWriter(sink: sink, snapshots: [Self.snapshot])
            try w.begin()
            try w.write([.result(Self.result(), line: 2),
                         .error(InputRecordError(line: 3, message: "empty name", input: [("name", ""), ("country", "DE")]))])
            try w.end()
        }
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["line"] as? Int == 2)
        #expect(first["decision"] as? String == "STOP")
        #expect((first["query"] as? [String: Any])?["name"] as? String == "Everlite\tMicro\n")
        let m = try #require((first["matches"] as? [[String: Any]])?.first)
        #expect(m["matched_name"] as? String == "Everlight Microelectronics")
        #expect(m["alias_strength"] as? String == "strong")
        #expect(m["score"] as? Double == 0.9651)
        let tokens = try #require((m["explanation"] as? [String: Any])?["tokens"] as? [[String: Any]])
        #expect(tokens[1]["query"] is NSNull)
        let lists = try #require(first["lists"] as? [[String: Any]])
        #expect(lists.first?["published"] as? String == "2026-03-14")
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect((second["error"] as? [String: Any])?["message"] as? String == "empty name")
        #expect((second["input"] as? [String: Any])?["country"] as? String == "DE")
    }

    @Test("JSON: an array for a batch (even an empty one), a bare object for one name")
    func jsonArray() throws {
        let batch = try captured { sink in
            let w = ScreeningJSONWriter(sink: sink, snapshots: [], asArray: true)
            try w.begin()
            try w.write([.result(Self.result(), line: 1)])
            try w.write([.result(Self.result(), line: 2)])
            try w.end()
        }
        #expect((try JSONSerialization.jsonObject(with: Data(batch.utf8)) as? [Any])?.count == 2)
        let empty = try captured { sink in
            let w = ScreeningJSONWriter(sink: sink, snapshots: [], asArray: true)
            try w.begin()
            try w.end()
        }
        #expect((try JSONSerialization.jsonObject(with: Data(empty.utf8)) as? [Any])?.isEmpty == true)
        let single = try captured { sink in
            let w = ScreeningJSONWriter(sink: sink, snapshots: [], asArray: false)
            try w.begin()
            try w.write([.result(Self.result(), line: nil)])
            try w.end()
        }
        #expect(try JSONSerialization.jsonObject(with: Data(single.utf8)) is [String: Any])
    }

    @Test("CSV: one flat row per record, header first, error rows carry the message")
    func csv() throws {
        let text = try captured { sink in
            let w = ScreeningCSVWriter(sink: sink, snapshots: [Self.snapshot])
            try w.begin()
            try w.write([.result(Self.result(), line: 2), .error(InputRecordError(line: 3, message: "unknown country \"X\"",
                                                                                   input: [("name", "ACME, Inc.")]))])
            try w.end()
        }
        let rows = try CSVReader(data: Data(text.utf8), path: "out").readAll()
        #expect(rows.count == 3)
        #expect(rows[0].fields == ScreeningCSVWriter.header)
        let col = { (name: String) in ScreeningCSVWriter.header.firstIndex(of: name)! }
        #expect(rows[1][col("decision")] == "STOP")
        #expect(rows[1][col("top_id")] == "OFAC-SDN:900101")
        #expect(rows[1][col("top_name")] == "Everlight \"Micro\", Ltd.")
        #expect(rows[1][col("lists")] == "OFAC-SDN:" + Self.snapshot.sha256)
        #expect(rows[2][col("name")] == "ACME, Inc.")
        #expect(rows[2][col("error")] == "unknown country \"X\"")
        #expect(rows[2][col("decision")] == "")
    }

    @Test("table: verdict line, matches, explanation; colour only when asked")
    func table() throws {
        let plain = try captured { sink in
            let w = ScreeningTableWriter(sink: sink, snapshots: [Self.snapshot], style: TerminalStyle(colour: false), explain: true)
            try w.begin()
            try w.write([.result(Self.result(), line: nil)])
            try w.end()
        }
        #expect(plain.hasPrefix("STOP  Everlite"))
        #expect(plain.contains("OFAC-SDN"))
        #expect(plain.contains("everlite"))
        #expect(plain.contains("country +0.03: country CN matches"))
        #expect(plain.contains("sha256:abababababab"))
        #expect(!plain.contains("\u{1B}["))
        let coloured = try captured { sink in
            let w = ScreeningTableWriter(sink: sink, snapshots: [], style: TerminalStyle(colour: true), explain: false)
            try w.write([.result(ScreeningResult(query: ScreeningQuery(name: "Nobody"), decision: .clear, matches: []), line: nil)])
        }
        #expect(coloured.hasPrefix("\u{1B}[1;37;42m CLEAR \u{1B}[0m"))
        #expect(coloured.contains("no match on any list"))
    }

    @Test("table with explain: a CLEAR result lists the nearest candidates and why each fell short")
    func tableNearest() throws {
        let near = Self.result().matches.first!
        var clear = near
        clear.decision = .clear
        let text = try captured { sink in
            let w = ScreeningTableWriter(sink: sink, snapshots: [], style: TerminalStyle(colour: false), explain: true,
                                         nearest: { _ in [NearCandidate(match: clear, shortfall: "score 0.74 below the review threshold 0.80 of SDN")] })
            try w.write([.result(ScreeningResult(query: ScreeningQuery(name: "Everlyte"), decision: .clear, matches: []), line: nil)])
            try w.write([.result(Self.result(), line: nil)])
        }
        #expect(text.contains("nearest candidates (none reached review):"))
        #expect(text.contains("score 0.74 below the review threshold 0.80 of SDN"))
        #expect(text.components(separatedBy: "nearest candidates").count == 2, "only the CLEAR result lists them")
        let none = try captured { sink in
            let w = ScreeningTableWriter(sink: sink, snapshots: [], style: TerminalStyle(colour: false), explain: true, nearest: { _ in [] })
            try w.write([.result(ScreeningResult(query: ScreeningQuery(name: "Nobody"), decision: .clear, matches: []), line: nil)])
        }
        #expect(none.contains("nearest candidates: none scored 0.50 or more"))
    }

    @Test("NO_COLOR turns colour off")
    func noColor() {
        #expect(TerminalStyle.forStandardOutput(environment: ["NO_COLOR": "1"]).colour == false)
    }

    @Test("tally: STOP wins, then unscreened records (65), then HOLD")
    func tally() {
        var t = ScreeningTally()
        t.add(.result(ScreeningResult(query: ScreeningQuery(name: "a"), decision: .clear, matches: []), line: 1))
        #expect(t.exitCode == 0)
        t.add(.result(ScreeningResult(query: ScreeningQuery(name: "b"), decision: .hold, matches: []), line: 2))
        #expect(t.exitCode == 1)
        t.add(.error(InputRecordError(line: 3, message: "empty name", input: [])))
        #expect(t.exitCode == 65)
        t.add(.result(Self.result(), line: 4))
        #expect(t.exitCode == 2)
        #expect(t.total == 4)
    }
}
