import Foundation
import Testing

/// Issue 13 items 5–7: every input row gets a record; bounded line size.
@Suite("every input row gets a record (CLI)")
struct InputRecoveryCLITests {
    static let lists = [CLI.fixture("lists/ofac-sdn.xml"), CLI.fixture("lists/csl.csv")]

    @Test("check: a row that is not UTF-8 is an error record and the other 999 rows are checked")
    func checkInvalidUTF8() throws {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = try String(contentsOfFile: CLI.fixture("orders/scenario.csv"), encoding: .utf8)
        let lines = scenario.split(separator: "\n")
        let row = try #require(lines.first { $0.hasPrefix("SO-0901,") })
        var data = Data((lines[0] + "\n").utf8)
        for i in 0..<1_000 {
            var text = "X\(i)" + row.dropFirst("SO-0901".count) + "\n"
            if i == 499 { text = text.replacingOccurrences(of: "Cascade", with: "Cas\u{FFFD}cade") }
            var bytes = Data(text.utf8)
            if i == 499, let r = bytes.range(of: Data("\u{FFFD}".utf8)) { bytes.replaceSubrange(r, with: [0xFF]) }
            data.append(bytes)
        }
        let input = dir.appendingPathComponent("orders.csv")
        try data.write(to: input)
        let r = try CLI.run(["check", input.path, "--lists"] + Self.lists + ["--no-history", "--data-dir", dir.path, "--format", "jsonl", "--quiet"])
        let records = r.stdout.split(separator: "\n")
        #expect(records.count == 1_000, "\(r.stderr)")
        let errors = records.filter { $0.contains("\"ERROR\"") }
        #expect(errors.count == 1)
        #expect(errors.first?.contains("\"line\":501") == true, "\(errors)")
        #expect(r.stderr.contains("line 501") && r.stderr.contains("UTF-8"))
    }

    @Test("screen --input CSV: a bad row, a blank name and an over-long line each give an error record; the rest are screened")
    func screenRecords() throws {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var data = Data("name,country\nAlpha Trading,DE\n".utf8)
        data.append(Data([0x42, 0xFF, 0x2C, 0x44, 0x45, 0x0A]))           // line 3: not UTF-8
        data.append(Data(",DE\n".utf8))                                   // line 4: blank name
        data.append(Data(String(repeating: "x", count: 5_000).utf8))    // line 5: too long
        data.append(Data(",DE\n\"Quoted\rName\",DE\nOmega Ltd,FR\n".utf8)) // lines 6 (bare CR inside quotes), 7
        let input = dir.appendingPathComponent("parties.csv")
        try data.write(to: input)
        let r = try CLI.run(["screen", "--input", input.path, "--format", "jsonl", "--max-record-bytes", "2048", "--lists"] + Self.lists
                            + ["--data-dir", dir.path, "--quiet"])
        let records = r.stdout.split(separator: "\n").map(String.init)
        #expect(records.count == 6, "\(r.stdout)\n\(r.stderr)")
        let errors = records.filter { $0.hasPrefix("{\"error\":") }
        #expect(errors.count == 3, "\(errors)")
        #expect(records.last?.contains("Omega Ltd") == true)
        #expect(records.contains { $0.contains("Quoted\\rName") })
    }

    @Test("one name per line: an over-long line is an error record, memory bounded")
    func longLine() throws {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var data = Data("Alpha Trading\n".utf8)
        data.append(Data(count: 3 << 20))  // 3 MiB of NUL bytes, no line end until the next line
        data.append(Data("\nOmega Ltd\n".utf8))
        let input = dir.appendingPathComponent("names.txt")
        try data.write(to: input)
        let r = try CLI.run(["screen", "--input", input.path, "--format", "jsonl", "--lists"] + Self.lists + ["--data-dir", dir.path, "--quiet"])
        let records = r.stdout.split(separator: "\n")
        #expect(records.count == 3, "\(r.stderr)")
        #expect(records[1].hasPrefix("{\"error\":") && records[1].contains("longer than 1048576 bytes"), "\(records[1])")
    }
}
