import Foundation
import Testing
@testable import RedFlagLists
import RedFlagCore

/// Hostile and broken input: every case must end in `RedFlagError.badData` (exit 65) naming the
/// file, never in a crash, a hang, a network or file access, or libxml2 printing to stderr.
@Suite("Hostile XML")
struct HostileXMLTests {
    /// Reads every node of `url` the way the parsers do, collecting all text.
    private func drain(_ url: URL) throws -> String {
        let r = try XMLStreamReader(url: url)
        var all = ""
        while try r.read() {
            if r.nodeType == .element { all += try r.readElementText() }
        }
        return all
    }

    private func expectBadData(_ url: URL, _ body: (URL) throws -> Void, messageContains: String? = nil) {
        do {
            try body(url)
            Issue.record("\(url.lastPathComponent) was accepted")
        } catch let error as RedFlagError {
            guard case .badData(let path, _, let message) = error else {
                Issue.record("expected badData, got \(error)")
                return
            }
            #expect(path == url.path)
            #expect(error.exitCode == 65)
            if let messageContains { #expect(message.contains(messageContains), "message: \(message)") }
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("an external entity never brings /etc/passwd into the data")
    func xxe() throws {
        let url = ListTestFiles.bad("xxe.xml")
        var text = ""
        do {
            text = try drain(url)
        } catch let error as RedFlagError {
            #expect(error.exitCode == 65)
            text = error.description
        }
        #expect(!text.contains("root:"))
        #expect(!text.contains("/bin/"))
        expectBadData(url, { _ = try OFACXMLParser.parse($0) })
    }

    @Test("billion laughs is refused quickly")
    func billionLaughs() {
        let start = Date()
        expectBadData(ListTestFiles.bad("billion-laughs.xml"), { _ = try UNXMLParser.parse($0) })
        expectBadData(ListTestFiles.bad("billion-laughs.xml"), { _ = try drain($0) }, messageContains: "entit")
        do {
            _ = try drain(ListTestFiles.bad("billion-laughs.xml"))
        } catch let RedFlagError.badData(_, location, _) {
            // The position of the reference in the document, not a line inside the entity text.
            #expect(location == "line 18")
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test("a truncated file names its line and libxml2's message")
    func truncated() {
        let url = ListTestFiles.bad("truncated.xml")
        expectBadData(url, { _ = try EUXMLParser.parse($0) })
        do {
            _ = try drain(url)
        } catch let RedFlagError.badData(_, location, message) {
            #expect(location?.hasPrefix("line ") == true)
            #expect(!message.isEmpty)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("empty file, binary garbage and a non-XML text file are bad data")
    func garbage() throws {
        let empty = try ListTestFiles.temporary("", name: "empty.xml")
        expectBadData(empty, { _ = try drain($0) })
        expectBadData(empty, { _ = try OFACXMLParser.parse($0) })
        var bytes = [UInt8]()
        var seed: UInt32 = 12345
        for _ in 0..<4096 {
            seed = seed &* 1_103_515_245 &+ 12345
            bytes.append(UInt8(truncatingIfNeeded: seed >> 16))
        }
        let dir = FileManager.default.temporaryDirectory
        let binary = dir.appendingPathComponent("redflag-garbage-\(UUID().uuidString).xml")
        try Data(bytes).write(to: binary)
        expectBadData(binary, { _ = try drain($0) })
        expectBadData(binary, { _ = try EUXMLParser.parse($0) })
        let csv = try ListTestFiles.temporary("uid,name\n1,ACME\n", name: "list.csv")
        expectBadData(csv, { _ = try UNXMLParser.parse($0) })
    }

    @Test("mismatched tags are bad data with a line")
    func mismatched() throws {
        let url = try ListTestFiles.temporary("<a>\n<b>\n</a>\n")
        expectBadData(url, { _ = try drain($0) }, messageContains: "mismatch")
    }
}
