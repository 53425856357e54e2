import Foundation
import RedFlagKit
import Testing

/// The output helpers every command shares: CSV formula neutralisation, terminal escaping,
/// display width, tables that fit, write errors.
@Suite("Output safety")
struct OutputSafetyTests {
    @Test("cells that a spreadsheet would run as a formula are neutralised", arguments: [
        ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("+1", "\"'+1\""), ("-1", "\"'-1\""), ("@SUM(1)", "\"'@SUM(1)\""),
        ("\tcmd", "\"'\tcmd\""), ("\rcmd", "\"'\rcmd\""),
    ])
    func formulas(value: String, written: String) {
        #expect(CSVText.field(value) == written)
    }

    @Test("ordinary cells, and formula characters after the first, are left alone")
    func ordinary() {
        #expect(CSVText.field("ACME = Co") == "ACME = Co")
        #expect(CSVText.field("a-b") == "a-b")
        #expect(CSVText.field("") == "")
        #expect(CSVText.row(["=1", "x"]) == "\"'=1\",x\n")
    }

    @Test("control characters, OSC sequences and bidi overrides are shown, not obeyed")
    func escapes() {
        let hostile = "\u{1B}]0;pwned\u{07}ACME\u{1B}[2J\u{9B}31m\u{202E}x\nline"
        let safe = TerminalText.escape(hostile)
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || $0.value == 0x202E })
        #expect(safe == "\\x1B]0;pwned\\x07ACME\\x1B[2J\\x9B31m\\u{202E}x\\nline")
        #expect(TerminalText.escape("Zhōngshān 中山 Ñandú") == "Zhōngshān 中山 Ñandú")
    }

    @Test("display width: wide CJK is two columns, combining accents none")
    func width() {
        #expect(TerminalText.width("ABC") == 3)
        #expect(TerminalText.width("中山市") == 6)
        #expect(TerminalText.width("e\u{301}") == 1)
        #expect(TerminalText.width("한국") == 4)
        #expect(TerminalText.truncate("中山市中山", toWidth: 5) == "中山…")
    }

    @Test("table columns line up in display columns with wide and combining characters")
    func tableAlignment() {
        var t = TextTable(columns: [.init("NAME", maxWidth: 40), .init("X", maxWidth: 3)])
        t.add(["中山市电子", "1"])
        t.add(["Cafe\u{301} Ltd", "2"])
        t.add(["Plain", "3"])
        let lines = t.render(width: nil).split(separator: "\n").map(String.init)
        let columnOfX = lines.map { line in TerminalText.width(String(line.dropLast())) }
        #expect(Set(columnOfX).count == 1, "the second column starts at the same display column on every line: \(lines)")
    }

    @Test("a table fits the terminal width by cutting its widest column; no width means no cut")
    func tableFits() {
        var t = TextTable(columns: [.init("#", maxWidth: 3, alignRight: true), .init("NAME", maxWidth: 40), .init("LIST", maxWidth: 12)])
        let long = String(repeating: "Long Name ", count: 10)
        t.add(["1", long, "OFAC-SDN"])
        for line in t.render(width: 60).split(separator: "\n") { #expect(TerminalText.width(String(line)) <= 60) }
        #expect(t.render(width: 60).contains("…"))
        #expect(t.render(width: nil).contains(long.trimmingCharacters(in: .whitespaces)), "a wide terminal or a file keeps the whole name")
        #expect(t.render(width: 200).contains(long.trimmingCharacters(in: .whitespaces)))
    }

    @Test("a full device is a cannot-write error, not a crash")
    func fullDevice() throws {
        let handle = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let sink = OutputSink(handle: handle, path: "/dev/full")
        sink.write("x")
        #expect(throws: (any Error).self) { try sink.flush() }
    }

    @Test("a closed pipe is OutputClosed")
    func closedPipe() throws {
        Console.prepare()
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let sink = OutputSink(handle: pipe.fileHandleForWriting, path: "<pipe>")
        sink.write("x")
        #expect(throws: OutputClosed.self) { try sink.flush() }
    }
}

@Suite("screen --input progress")
struct ScreeningInputProgressTests {
    @Test("a file input reports how far it has been read (for percentage and ETA)")
    func fraction() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-progress-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try (0..<2_000).map { "Party \($0)" }.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        let reader = try ScreeningInputReader(path: url.path)
        #expect(reader.fraction != nil)
        while try reader.next() != nil {}
        #expect(reader.fraction == 1)
    }
}
