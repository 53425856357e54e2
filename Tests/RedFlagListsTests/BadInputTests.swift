import Foundation
import Testing
@testable import RedFlagLists
import RedFlagCore

@Suite("Bad input to the CSV parsers and the loader")
struct BadInputTests {
    @Test func missingPathIsFileNotFound() {
        let missing = URL(fileURLWithPath: "/nonexistent/redflag/sdn.csv")
        #expect(ListTestFiles.error { _ = try ListFileLoader.load(paths: [missing]) } == .fileNotFound(path: missing.path))
        #expect(ListTestFiles.error { _ = try CSLCSVParser.parse(missing) } == .fileNotFound(path: missing.path))
        #expect(ListTestFiles.error { _ = try OFSICSVParser.parse(missing) } == .fileNotFound(path: missing.path))
        #expect(ListTestFiles.error { _ = try CSLJSONParser.parse(missing) } == .fileNotFound(path: missing.path))
        #expect(ListTestFiles.error { _ = try ListFileLoader.load(paths: [missing]) }?.exitCode == 66)
    }

    @Test func emptyFile() {
        let url = ListTestFiles.bad("empty.csv")
        #expect(ListTestFiles.error { _ = try ListFileLoader.load(paths: [url]) } == .badData(path: url.path, location: "line 1", message: "empty file"))
        let e = ListTestFiles.error { _ = try CSLCSVParser.parse(url) }
        #expect(e?.exitCode == 65)
        #expect(e?.description.hasPrefix("\(url.path): line 1:") == true)
    }

    @Test func binaryGarbage() {
        let url = ListTestFiles.bad("garbage.bin")
        let e = ListTestFiles.error { _ = try ListFileLoader.load(paths: [url]) }
        guard case .badData(let path, let location, let message)? = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(path == url.path && location == "line 1" && message.contains("binary"))
    }

    @Test func wrongHeaderNamesTheLineAndTheMissingColumns() {
        let url = ListTestFiles.bad("wrong-header.csv")
        // Detected as a CSL CSV by its first column; the parser then says what is missing.
        #expect((try? ListFormatDetector.detect(url))?.format == .cslCSV)
        let e = ListTestFiles.error { _ = try ListFileLoader.load(paths: [url]) }
        guard case .badData(let path, let location, let message)? = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(path == url.path && location == "line 1")
        #expect(message.contains("name") && message.contains("alt_names"))
    }

    @Test func invalidUTF8NamesTheLine() {
        let url = ListTestFiles.bad("latin1-as-utf8.csv")
        let e = ListTestFiles.error { _ = try ListFileLoader.load(paths: [url]) }
        guard case .badData(let path, let location, let message)? = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(path == url.path && location == "line 3" && message.contains("UTF-8"))
    }

    @Test func unknownCSVLayout() throws {
        let url = try ListTestFiles.temporary(Data("order_id,customer,country\n1,Acme,DE\n".utf8), name: "orders.csv")
        let e = ListTestFiles.error { _ = try ListFileLoader.load(paths: [url]) }
        guard case .unknownFormat(let path, let message)? = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(path == url.path && message.hasPrefix("line 1:"))
    }

    @Test func parsersRefuseOtherFormatsByHeader() {
        let fcdo = ListTestFiles.fixture("uk-fcdo.csv"), csl = ListTestFiles.fixture("csl.csv")
        #expect(ListTestFiles.error { _ = try CSLCSVParser.parse(fcdo) }?.exitCode == 65)
        #expect(ListTestFiles.error { _ = try OFSICSVParser.parse(fcdo) }?.description.contains("line 1") == true)
        #expect(ListTestFiles.error { _ = try FCDOCSVParser.parse(csl) }?.description.contains("line 1") == true)
        #expect(ListTestFiles.error {
            _ = try OFACLegacyCSVParser.parse(sdn: csl, add: nil, alt: nil, comments: nil)
        }?.description.contains("line 1") == true)
    }

    @Test func truncatedQuotedFieldNamesTheLine() throws {
        var text = try String(contentsOf: ListTestFiles.fixture("csl.csv"), encoding: .utf8)
        // The unclosed record starts on the file's last line (the text ends with a line end).
        text += "deadbeef,Entity List (EL) - Bureau of Industry and Security,,,,\"Unclosed Name Co\n"
        let url = try ListTestFiles.temporary(Data(text.utf8), name: "csl.csv")
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let e = ListTestFiles.error { _ = try CSLCSVParser.parse(url) }
        guard case .badData(_, let location, let message)? = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(location == "line \(lastLine)")
        #expect(message.contains("never closed"))
    }

    @Test func shortAndLongRowsAreKeptAndCounted() throws {
        var text = try String(contentsOf: ListTestFiles.fixture("csl.csv"), encoding: .utf8)
        text += "short01,Entity List (EL) - Bureau of Industry and Security,,,,Short Row Co\n"
        text += "long01,Entity List (EL) - Bureau of Industry and Security,,,,Long Row Co" + String(repeating: ",", count: 30) + "extra\n"
        let list = try CSLCSVParser.parse(try ListTestFiles.temporary(Data(text.utf8), name: "csl.csv"))
        #expect(list.entries.count == 10)
        #expect(list.entries.contains { $0.name == "Short Row Co" } && list.entries.contains { $0.name == "Long Row Co" })
        #expect(list.warnings.counts["short row"] == 1 && list.warnings.counts["long row"] == 1)
    }

    @Test func badJSON() throws {
        let broken = try ListTestFiles.temporary(Data("{\"results\": [ {\"id\": 1,, } ]}".utf8), name: "csl.json")
        #expect(ListTestFiles.error { _ = try CSLJSONParser.parse(broken) }?.description.contains("invalid JSON") == true)
        let noResults = try ListTestFiles.temporary(Data("{\"total\": 0}".utf8), name: "csl.json")
        #expect(ListTestFiles.error { _ = try ListFileLoader.load(paths: [noResults]) }?.exitCode == 65)
        let notObject = try ListTestFiles.temporary(Data("{\"results\": [1]}".utf8), name: "csl.json")
        #expect(ListTestFiles.error { _ = try CSLJSONParser.parse(notObject) }?.description.contains("results[0]") == true)
    }
}
