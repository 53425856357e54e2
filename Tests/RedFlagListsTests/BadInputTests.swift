import Foundation
import Testing
@testable import RedFlagLists
import RedFlagCore

@Suite("Bad input to the CSV parsers and the loader")
struct BadInputTests {
    @Test func missingPathIsFileNotFound() {
        let missing = URL(fileURLWithPath: "/nonexistent/redflag/sdn.csv")
        #expect(CSVListFiles.error { _ = try ListFileLoader.load(paths: [missing]) } == .fileNotFound(path: missing.path))
        #expect(CSVListFiles.error { _ = try CSLCSVParser.parse(missing) } == .fileNotFound(path: missing.path))
        #expect(CSVListFiles.error { _ = try OFSICSVParser.parse(missing) } == .fileNotFound(path: missing.path))
        #expect(CSVListFiles.error { _ = try CSLJSONParser.parse(missing) } == .fileNotFound(path: missing.path))
        #expect(CSVListFiles.error { _ = try ListFileLoader.load(paths: [missing]) }?.exitCode == 66)
    }

    @Test func emptyFile() {
        let url = CSVListFiles.bad("empty.csv")
        #expect(CSVListFiles.error { _ = try ListFileLoader.load(paths: [url]) } == .badData(path: url.path, location: "line 1", message: "empty file"))
        let e = CSVListFiles.error { _ = try CSLCSVParser.parse(url) }
        #expect(e?.exitCode == 65)
        #expect(e?.description.hasPrefix("\(url.path): line 1:") == true)
    }

    @Test func binaryGarbage() {
        let url = CSVListFiles.bad("garbage.bin")
        let e = CSVListFiles.error { _ = try ListFileLoader.load(paths: [url]) }
        guard case .badData(let path, let location, let message)? = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(path == url.path && location == "line 1" && message.contains("binary"))
    }

    @Test func wrongHeaderNamesTheLineAndTheMissingColumns() {
        let url = CSVListFiles.bad("wrong-header.csv")
        // Detected as a CSL CSV by its first column; the parser then says what is missing.
        #expect((try? ListFormatDetector.detect(url))?.format == .cslCSV)
        let e = CSVListFiles.error { _ = try ListFileLoader.load(paths: [url]) }
        guard case .badData(let path, let location, let message)? = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(path == url.path && location == "line 1")
        #expect(message.contains("name") && message.contains("alt_names"))
    }

    @Test func invalidUTF8NamesTheLine() {
        let url = CSVListFiles.bad("latin1-as-utf8.csv")
        let e = CSVListFiles.error { _ = try ListFileLoader.load(paths: [url]) }
        guard case .badData(let path, let location, let message)? = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(path == url.path && location == "line 3" && message.contains("UTF-8"))
    }

    @Test func unknownCSVLayout() throws {
        let url = try CSVListFiles.temporary(Data("order_id,customer,country\n1,Acme,DE\n".utf8), name: "orders.csv")
        let e = CSVListFiles.error { _ = try ListFileLoader.load(paths: [url]) }
        guard case .unknownFormat(let path, let message)? = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(path == url.path && message.hasPrefix("line 1:"))
    }

    @Test func parsersRefuseOtherFormatsByHeader() {
        let fcdo = CSVListFiles.fixture("uk-fcdo.csv"), csl = CSVListFiles.fixture("csl.csv")
        #expect(CSVListFiles.error { _ = try CSLCSVParser.parse(fcdo) }?.exitCode == 65)
        #expect(CSVListFiles.error { _ = try OFSICSVParser.parse(fcdo) }?.description.contains("line 1") == true)
        #expect(CSVListFiles.error { _ = try FCDOCSVParser.parse(csl) }?.description.contains("line 1") == true)
        #expect(CSVListFiles.error {
            _ = try OFACLegacyCSVParser.parse(sdn: csl, add: nil, alt: nil, comments: nil)
        }?.description.contains("line 1") == true)
    }

    @Test func truncatedQuotedFieldNamesTheLine() throws {
        var text = try String(contentsOf: CSVListFiles.fixture("csl.csv"), encoding: .utf8)
        // The unclosed record starts on the file's last line (the text ends with a line end).
        text += "deadbeef,Entity List (EL) - Bureau of Industry and Security,,,,\"Unclosed Name Co\n"
        let url = try CSVListFiles.temporary(Data(text.utf8), name: "csl.csv")
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let e = CSVListFiles.error { _ = try CSLCSVParser.parse(url) }
        guard case .badData(_, let location, let message)? = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(location == "line \(lastLine)")
        #expect(message.contains("never closed"))
    }

    @Test func shortAndLongRowsAreKeptAndCounted() throws {
        var text = try String(contentsOf: CSVListFiles.fixture("csl.csv"), encoding: .utf8)
        text += "short01,Entity List (EL) - Bureau of Industry and Security,,,,Short Row Co\n"
        text += "long01,Entity List (EL) - Bureau of Industry and Security,,,,Long Row Co" + String(repeating: ",", count: 30) + "extra\n"
        let list = try CSLCSVParser.parse(try CSVListFiles.temporary(Data(text.utf8), name: "csl.csv"))
        #expect(list.entries.count == 10)
        #expect(list.entries.contains { $0.name == "Short Row Co" } && list.entries.contains { $0.name == "Long Row Co" })
        #expect(list.warnings.counts["short row"] == 1 && list.warnings.counts["long row"] == 1)
    }

    @Test func badJSON() throws {
        let broken = try CSVListFiles.temporary(Data("{\"results\": [ {\"id\": 1,, } ]}".utf8), name: "csl.json")
        #expect(CSVListFiles.error { _ = try CSLJSONParser.parse(broken) }?.description.contains("invalid JSON") == true)
        let noResults = try CSVListFiles.temporary(Data("{\"total\": 0}".utf8), name: "csl.json")
        #expect(CSVListFiles.error { _ = try ListFileLoader.load(paths: [noResults]) }?.exitCode == 65)
        let notObject = try CSVListFiles.temporary(Data("{\"results\": [1]}".utf8), name: "csl.json")
        #expect(CSVListFiles.error { _ = try CSLJSONParser.parse(notObject) }?.description.contains("results[0]") == true)
    }
}
