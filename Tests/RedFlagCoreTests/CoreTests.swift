import Foundation
import Testing
@testable import RedFlagCore

@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Data(repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(long) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func streamingEqualsOneShot() {
        let data = Data((0..<10_000).map { UInt8($0 % 251) })
        var s = SHA256()
        s.update(data.prefix(63)); s.update(data.dropFirst(63).prefix(1000)); s.update(data.dropFirst(1063))
        #expect(s.finalizeHex() == SHA256.hex(data))
    }
}

@Suite struct PartialDateTests {
    @Test(arguments: [
        ("1957-10-10", "1957-10-10", false),
        ("1963", "1963", false),
        ("circa 1955", "circa 1955", true),
        ("10 Oct 1957", "1957-10-10", false),
        ("Oct 1957", "1957-10", false),
        ("25/03/1973", "1973-03-25", false),
        ("00/00/1980", "1980", false),
        ("dd/mm/1980", "1980", false),
        ("00/05/1980", "1980-05", false),
        ("03/1973", "1973-03", false),
        ("1973-03-25T00:00:00", "1973-03-25", false),
    ])
    func shapes(raw: String, expected: String, approximate: Bool) {
        let d = PartialDate.parse(raw)
        #expect(d.isValid)
        #expect(d.description == expected)
        #expect(d.approximate == approximate)
    }

    @Test func ranges() {
        let d = PartialDate.parse("1970 to 1975")
        #expect(d.from.year == 1970 && d.to?.year == 1975)
        #expect(d.yearSpan() == 1970...1975)
        #expect(PartialDate.parse("circa 1960").yearSpan() == 1958...1962)
    }

    @Test func monthFirst() {
        #expect(PartialDate.isoDay("05/07/2024", slashOrder: .monthFirst) == "2024-05-07")
        #expect(PartialDate.isoDay("05/07/2024") == "2024-07-05")
    }

    @Test func invalidKeepsRaw() {
        let d = PartialDate.parse("sometime in the 80s")
        #expect(!d.isValid)
        #expect(d.raw == "sometime in the 80s")
        #expect(!PartialDate.parse("32/01/1980").isValid)
    }
}

@Suite struct CountryTableTests {
    @Test(arguments: [
        ("Korea, North", "KP"), ("KOREA, NORTH", "KP"), ("Democratic People's Republic of Korea", "KP"),
        ("Iran, Islamic Republic of", "IR"), ("Burma", "MM"), ("Palestinian", "PS"), ("cn", "CN"),
        ("Congo, Democratic Republic of the", "CD"), ("the Netherlands", "NL"), ("Türkiye", "TR"), ("Macau", "MO"),
        ("Côte d'Ivoire", "CI"), ("RUS", "RU"),
    ])
    func resolves(name: String, code: String) {
        #expect(CountryTable.shared.code(for: name) == code)
    }

    @Test func unknownIsNil() {
        #expect(CountryTable.shared.code(for: "Atlantis") == nil)
        #expect(CountryTable.shared.code(for: "00") == nil)
        #expect(CountryTable.shared.name(for: "CN") == "China")
    }
}

@Suite struct CSVReaderTests {
    func read(_ text: String, encoding: CSVReader.Encoding = .utf8) throws -> [[String]] {
        try CSVReader(data: Data(text.utf8), path: "t.csv", encoding: encoding).readAll().map(\.fields)
    }

    @Test func quotedMultiline() throws {
        let rows = try read("a,b\r\n\"x, y\",\"line1\nline2\"\r\n\"he said \"\"hi\"\"\",\n")
        #expect(rows == [["a", "b"], ["x, y", "line1\nline2"], ["he said \"hi\"", ""]])
    }

    @Test func lineNumbersCountEmbeddedNewlines() throws {
        let r = CSVReader(data: Data("h\n\"a\nb\"\nc\n".utf8), path: "t.csv")
        #expect(try r.next()?.line == 1)
        #expect(try r.next()?.line == 2)
        #expect(try r.next()?.line == 4)
    }

    @Test func bomAndOfacEndByte() throws {
        var d = Data([0xEF, 0xBB, 0xBF]); d.append(Data("1,x\r\n2,y\r\n".utf8)); d.append(0x1A)
        #expect(try CSVReader(data: d, path: "t").readAll().map(\.fields) == [["1", "x"], ["2", "y"]])
    }

    @Test func unclosedQuoteIsAnErrorNamingTheLine() {
        #expect(throws: RedFlagError.badData(path: "t.csv", location: "line 2", message: "quoted field never closed (file truncated?)")) {
            _ = try read("a\n\"open\n")
        }
    }

    @Test func invalidUTF8IsRefusedAndWindows1252Decodes() throws {
        let bytes = Data([0x41, 0x92, 0x42, 0x0A])
        #expect(throws: RedFlagError.self) { _ = try CSVReader(data: bytes, path: "t").readAll() }
        #expect(try CSVReader(data: bytes, path: "t", encoding: .windows1252).readAll()[0].fields == ["A\u{2019}B"])
    }

    @Test func streamsFromAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID()).csv")
        var text = "id,name\n"
        for i in 0..<50_000 { text += "\(i),\"Name \(i)\"\n" }
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try CSVReader(url: url)
        var n = 0
        while let rec = try r.next() { n += 1; if n == 50_001 { #expect(rec.fields == ["49999", "Name 49999"]) } }
        #expect(n == 50_001)
    }
}

@Suite struct ScriptDetectorTests {
    @Test func scripts() {
        #expect(ScriptDetector.script(of: "Иванов") == "Cyrl")
        #expect(ScriptDetector.script(of: "华为技术有限公司") == "Hani")
        #expect(ScriptDetector.script(of: "Huawei") == "Latn")
        #expect(ScriptDetector.script(of: "محمد") == "Arab")
    }
}

@Suite struct DataDirectoryTests {
    @Test func precedence() {
        #expect(DataDirectory.resolve(explicit: "/x", environment: ["REDFLAG_DATA_DIR": "/y"]).url.path == "/x")
        #expect(DataDirectory.resolve(explicit: nil, environment: ["REDFLAG_DATA_DIR": "/y", "XDG_DATA_HOME": "/z"]).url.path == "/y")
        #expect(DataDirectory.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/z"]).url.path == "/z/redflag")
        #expect(DataDirectory.resolve(explicit: nil, environment: ["HOME": "/h"]).url.path == "/h/.local/share/redflag")
    }
}

@Suite struct OrderedBatchProcessorTests {
    @Test func keepsOrderAcrossChunks() throws {
        var source = Array(0..<10_007).makeIterator()
        var out: [Int] = []
        var chunks = 0
        let n = try OrderedBatchProcessor(chunkSize: 100, concurrency: 4).run(
            next: { source.next() }, transform: { $0 * 2 }, emit: { out += $0; chunks += 1 })
        #expect(n == 10_007)
        #expect(out == (0..<10_007).map { $0 * 2 })
        #expect(chunks == 101)
    }

    @Test func stopsBetweenChunks() throws {
        var source = Array(0..<1000).makeIterator()
        var out: [Int] = []
        var read = 0
        _ = try OrderedBatchProcessor(chunkSize: 10).run(next: { read += 1; return source.next() }, transform: { $0 }, emit: { out += $0 },
                                                         shouldStop: { out.count >= 30 })
        // The chunk already being transformed when the stop came is finished and written; no more is read.
        #expect(out == Array(0..<40))
        #expect(read == 40)
    }

    @Test func readsTheNextChunkWhileTransforming() throws {
        // The first chunk's transform waits for the reader to reach the second chunk: that only
        // happens if reading overlaps the transform (a serial pipeline would time out here).
        let reachedSecondChunk = DispatchSemaphore(value: 0)
        let overlapped = Flag()
        var i = 0
        let n = try OrderedBatchProcessor(chunkSize: 4, concurrency: 1).run(
            next: { () -> Int? in
                defer { i += 1 }
                if i == 4 { reachedSecondChunk.signal() }
                return i < 12 ? i : nil
            },
            transform: { x -> Int in
                if x == 0, reachedSecondChunk.wait(timeout: .now() + 10) == .success { overlapped.set() }
                return x
            },
            emit: { _ in })
        #expect(n == 12)
        #expect(overlapped.value)
    }

    @Test func aReadErrorStillWritesWhatWasReadBeforeIt() throws {
        struct Broken: Error {}
        var i = 0
        var out: [Int] = []
        #expect(throws: Broken.self) {
            try OrderedBatchProcessor(chunkSize: 10).run(
                next: { () throws -> Int? in
                    defer { i += 1 }
                    if i == 25 { throw Broken() }
                    return i
                },
                transform: { $0 }, emit: { out += $0 })
        }
        #expect(out == Array(0..<25))
    }

    @Test func anEmitErrorStopsTheRun() throws {
        struct Full: Error {}
        var source = Array(0..<100).makeIterator()
        var emitted = 0
        #expect(throws: Full.self) {
            try OrderedBatchProcessor(chunkSize: 10).run(next: { source.next() }, transform: { $0 }, emit: { _ in
                emitted += 1
                if emitted == 2 { throw Full() }
            })
        }
        #expect(emitted == 2)
    }
}

private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    func set() { lock.lock(); raised = true; lock.unlock() }
    var value: Bool { lock.lock(); defer { lock.unlock() }; return raised }
}

@Suite struct NationalityAdjectiveTests {
    @Test(arguments: [("Afghan", "AF"), ("Iraqi", "IQ"), ("Saudi Arabian", "SA"), ("Russian", "RU"), ("British", "GB")])
    func resolves(adjective: String, code: String) {
        #expect(CountryTable.shared.code(for: adjective) == code)
    }
}

@Suite struct TextFoldingTests {
    /// The ASCII path of `fold` gives exactly what Foundation's folding gives, on every ASCII
    /// character (controls and punctuation included) and on random ASCII text.
    @Test func asciiFoldMatchesFoundation() throws {
        var samples = ["", " ", "People's Bank of China", "U.S. Army  (Ret.)", "ACME-TRADING_co;ltd", " lead", "trail. ", "x\t\ny"]
        samples += (0..<128).map { String(UnicodeScalar(UInt8($0))) + "Ab" + String(UnicodeScalar(UInt8($0))) }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...24, using: &rng)
            samples.append(String(decoding: (0..<length).map { _ in UInt8.random(in: 0...127, using: &rng) }, as: UTF8.self))
        }
        for s in samples {
            let fast = try #require(TextFolding.foldedASCII(s))
            #expect(fast == TextFolding.foldedByFoundation(s), "\(s.debugDescription)")
        }
        #expect(TextFolding.foldedASCII("Café") == nil)
        #expect(TextFolding.fold("Café  Münch’s") == TextFolding.foldedByFoundation("Café  Münch’s"))
    }

    /// The fast paths of `collapseWhitespace` give exactly what the character walk gives, also
    /// where a whitespace scalar shares a grapheme cluster with a mark or a prepended character.
    @Test(arguments: [
        "", " ", "  a  ", "plain ascii", "two  spaces", "tab\there", "line\r\nend\n", " lead", "trail ",
        "Мухаммад  Ахмад\n", "Café — “quoted” text", "a\u{00A0}b", "x\u{3000}y", "nel\u{0085}z", "\u{2028}sep\u{2029}",
        "space then mark \u{0301}x", "a \u{0301}", "\u{0301} start", "a \u{200D}b", "a \u{FF9E}b", "a \u{1F3FB}b",
        "\u{0600} 5", "x\u{0600} y", "\u{0D4E} a", "a\u{0D4E}\n", "ok \u{0915}\u{094D}\u{0937}", "a \u{0903}b", "emoji 👍🏽  ok",
        "\u{1F1E9}\u{1F1EA} flag", "a\u{000B}b\u{000C}c", "ctrl\u{0001} \u{0001}", "del\u{007F} x", "한국어  텍스트 ",
    ])
    func collapseMatchesCharacterWalk(_ s: String) {
        #expect(TextFolding.collapseWhitespace(s) == TextFolding.collapsedByCharacters(s))
        #expect(Array(TextFolding.collapseWhitespace(s).unicodeScalars) == Array(TextFolding.collapsedByCharacters(s).unicodeScalars))
    }
}
