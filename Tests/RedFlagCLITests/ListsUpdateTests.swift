import Foundation
import Testing

/// `redflag lists update` against a loopback HTTP server serving the fixtures (never the internet).
@Suite struct ListsUpdateTests {
    /// Writes a sources file aiming each source at the server.
    static func sourcesFile(_ entries: [(source: String, format: String, url: String)]) throws -> String {
        let sources = entries.map { e in
            ["source": e.source, "format": e.format, "files": [["fileName": "\(e.source.lowercased()).download", "url": e.url]]] as [String: Any]
        }
        let url = CLI.temporaryDirectory().appendingPathComponent("sources.json")
        try JSONSerialization.data(withJSONObject: ["sources": sources]).write(to: url)
        return url.path
    }

    static func fixtureData(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: CLI.fixture(path))) }

    static func sha(_ dir: URL, _ source: String) throws -> String? {
        let r = try CLI.run(["lists", "status", "--data-dir", dir.path, "--format", "json"])
        let json = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any] ?? [:]
        return (json["sources"] as? [[String: Any]] ?? []).first { $0["source"] as? String == source }?["sha256"] as? String
    }

    @Test func updatesWhatDownloadsAndKeepsTheOldListWhereADownloadFails() throws {
        let server = try LoopbackHTTPServer()
        server.route("/exports/SDN.XML", .redirect(to: server.url("/signed/sdn.xml")))
        server.route("/signed/sdn.xml", .ok(try Self.fixtureData("lists/ofac-sdn.xml")))
        server.route("/csl.csv", .ok(try Self.fixtureData("lists/csl.csv")))
        let dir = CLI.temporaryDirectory()
        let sources = try Self.sourcesFile([("OFAC-SDN", "ofac-xml", server.url("/exports/SDN.XML")),
                                            ("CSL", "csl-csv", server.url("/csl.csv"))])
        let first = try CLI.run(["lists", "update", "--data-dir", dir.path, "--sources-file", sources, "--retry-delay", "0"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("OFAC-SDN: +"))
        #expect(server.requests("/signed/sdn.xml") == 1)
        let sdnBefore = try #require(try Self.sha(dir, "OFAC-SDN"))

        // Now OFAC answers 500 (retried, then given up) and the CSL 404: both keep their old lists.
        server.route("/signed/sdn.xml", .status(500))
        server.route("/csl.csv", .status(404))
        let second = try CLI.run(["lists", "update", "--data-dir", dir.path, "--sources-file", sources,
                                  "--retries", "1", "--retry-delay", "0"])
        #expect(second.status == 69)
        #expect(second.stderr.contains("OFAC-SDN not updated") && second.stderr.contains("HTTP 500"))
        #expect(second.stderr.contains("CSL not updated") && second.stderr.contains("HTTP 404"))
        #expect(second.stderr.contains("keeping the list imported"))
        #expect(server.requests("/signed/sdn.xml") == 3)
        #expect(try Self.sha(dir, "OFAC-SDN") == sdnBefore)
    }

    @Test func oneSourceFailingDoesNotStopTheOthers() throws {
        let server = try LoopbackHTTPServer()
        server.route("/csl.csv", .ok(try Self.fixtureData("lists/csl.csv")))
        let dir = CLI.temporaryDirectory()
        let sources = try Self.sourcesFile([("CSL", "csl-csv", server.url("/csl.csv")),
                                            ("UN", "un-xml", server.url("/un.xml"))])
        let r = try CLI.run(["lists", "update", "--data-dir", dir.path, "--sources-file", sources, "--format", "json"])
        #expect(r.status == 69)
        #expect(r.stderr.contains("UN not updated") && r.stderr.contains("no list of this source is in the store"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let results = try #require(json["sources"] as? [[String: Any]])
        #expect(results.map { $0["updated"] as? Bool } == [true, false])
        #expect(try Self.sha(dir, "CSL") != nil)
    }

    @Test func onlyTheNamedSourcesAreUpdated() throws {
        let server = try LoopbackHTTPServer()
        server.route("/csl.csv", .ok(try Self.fixtureData("lists/csl.csv")))
        let dir = CLI.temporaryDirectory()
        let sources = try Self.sourcesFile([("CSL", "csl-csv", server.url("/csl.csv")),
                                            ("UN", "un-xml", server.url("/un.xml"))])
        let r = try CLI.run(["lists", "update", "--data-dir", dir.path, "--source", "csl"],
                            environment: ["REDFLAG_SOURCES_FILE": sources])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(server.requests("/un.xml") == 0)
    }

    @Test func aDownloadThatIsNotTheExpectedListIsRefused() throws {
        let server = try LoopbackHTTPServer()
        server.route("/un.xml", .ok(try Self.fixtureData("lists/csl.csv")))
        let dir = CLI.temporaryDirectory()
        let sources = try Self.sourcesFile([("UN", "un-xml", server.url("/un.xml"))])
        let r = try CLI.run(["lists", "update", "--data-dir", dir.path, "--sources-file", sources])
        #expect(r.status == 65)
        #expect(r.stderr.contains("expected a UN list"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("lists").path))
    }

    @Test func aSlowServerTimesOutWithExit69() throws {
        let server = try LoopbackHTTPServer()
        var slow = LoopbackHTTPServer.Response.ok(try Self.fixtureData("lists/csl.csv"))
        slow.delay = 4
        server.route("/csl.csv", slow)
        let dir = CLI.temporaryDirectory()
        let sources = try Self.sourcesFile([("CSL", "csl-csv", server.url("/csl.csv"))])
        let r = try CLI.run(["lists", "update", "--data-dir", dir.path, "--sources-file", sources, "--timeout", "0.5", "--retries", "0"])
        #expect(r.status == 69)
        #expect(r.stderr.contains("timed out"))
    }

    @Test func anUnknownSourceNameIsAUsageError() throws {
        let r = try CLI.run(["lists", "update", "--data-dir", CLI.temporaryDirectory().path, "--source", "atlantis"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("unknown source atlantis"))
    }
    @Test func anOlderDownloadIsRefusedForItsSourceOnly() throws {
        let server = try LoopbackHTTPServer()
        server.route("/cons.xml", .ok(try Self.fixtureData("lists/ofac-cons-2025.xml")))
        server.route("/csl.csv", .ok(try Self.fixtureData("lists/csl.csv")))
        let dir = CLI.temporaryDirectory()
        let sources = try Self.sourcesFile([("OFAC-CONS", "ofac-xml", server.url("/cons.xml")), ("CSL", "csl-csv", server.url("/csl.csv"))])
        #expect(try CLI.run(["lists", "update", "--data-dir", dir.path, "--sources-file", sources]).status == 0)
        let before = try #require(try Self.sha(dir, "OFAC-CONS"))

        // A stale mirror serves the 2020 edition; the CSL changed meanwhile.
        server.route("/cons.xml", .ok(try Self.fixtureData("lists/ofac-cons-oldns.xml")))
        server.route("/csl.csv", .ok(try Self.fixtureData("lists/csl-2025.csv")))
        // --allow-shrink: the fixture editions are small (CSL 8 → 3 entries); only the roll-back is under test.
        let r = try CLI.run(["lists", "update", "--data-dir", dir.path, "--sources-file", sources, "--allow-shrink"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("OFAC-CONS not updated") && r.stderr.contains("older than the list in the store"))
        #expect(r.stdout.contains("CSL: "))
        #expect(try Self.sha(dir, "OFAC-CONS") == before)
        #expect(try CLI.run(["lists", "update", "--data-dir", dir.path, "--sources-file", sources, "--allow-older", "--allow-shrink"]).status == 0)
        #expect(try Self.sha(dir, "OFAC-CONS") != before)
    }

    @Test func aServerThatNeverAnswersEndsAtTheDeadlineKeepingTheListsWithoutBurningCPU() throws {
        let server = try LoopbackHTTPServer()
        server.route("/csl.csv", .ok(try Self.fixtureData("lists/csl.csv")))
        let dir = CLI.temporaryDirectory()
        let sources = try Self.sourcesFile([("CSL", "csl-csv", server.url("/csl.csv"))])
        #expect(try CLI.run(["lists", "update", "--data-dir", dir.path, "--sources-file", sources]).status == 0)
        let before = try #require(try Self.sha(dir, "CSL"))

        var silent = LoopbackHTTPServer.Response.ok(Data())
        silent.neverAnswer = true
        server.route("/csl.csv", silent)
        let started = Date()
        let (r, cpu) = try CLI.runMeasuringCPU(["lists", "update", "--data-dir", dir.path, "--sources-file", sources, "--timeout", "3"])
        let elapsed = Date().timeIntervalSince(started)
        #expect(r.status == 69, "\(r.stderr)")
        #expect(elapsed >= 2.9 && elapsed < 10, "ran \(elapsed) s")
        #expect(r.stderr.contains("redflag: stopped at the 3 s deadline (--timeout): CSL not downloaded"))
        #expect(r.stderr.contains("CSL not updated") && r.stderr.contains("stopped at the overall deadline"))
        #expect(r.stderr.contains("keeping the list imported"))
        #expect(r.stderr.contains("CSL: connecting to \(server.url("/csl.csv"))"))
        #expect(try Self.sha(dir, "CSL") == before)
        // Waiting is sleeping: three seconds of it cost a small part of a second of CPU (start-up
        // and the status command's work included), not seconds of spinning.
        if let cpu { #expect(cpu < 1.0, "used \(cpu) s of CPU in \(elapsed) s") }
        // The download folder in the data directory is gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".update-") }.isEmpty)
    }

    @Test func aSlowDownloadShowsProgressLinesIntoAPipe() throws {
        let server = try LoopbackHTTPServer()
        let body = try Self.fixtureData("lists/csl.csv")
        var slow = LoopbackHTTPServer.Response.ok(body)
        slow.chunkSize = max(1, body.count / 8)
        slow.chunkDelay = 0.15
        server.route("/csl.csv", slow)
        let dir = CLI.temporaryDirectory()
        let sources = try Self.sourcesFile([("CSL", "csl-csv", server.url("/csl.csv"))])
        let r = try CLI.run(["lists", "update", "--data-dir", dir.path, "--sources-file", sources])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stderr.split(separator: "\n").map(String.init)
        // Plain lines (no carriage returns into a pipe): connecting, the body by tenths, parsing, done.
        #expect(!r.stderr.contains("\r"))
        #expect(lines.first == "CSL: connecting to \(server.url("/csl.csv"))")
        let amounts = lines.filter { $0.hasPrefix("CSL: ") && $0.contains(" of ") && $0.hasSuffix("%)") }
        #expect(amounts.count >= 3, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("CSL: downloaded ") && $0.hasSuffix(", parsing") })
        #expect(lines.contains { $0.hasPrefix("CSL: done (") })

        let quiet = try CLI.run(["lists", "update", "--data-dir", CLI.temporaryDirectory().path, "--sources-file", sources, "--quiet"])
        #expect(quiet.status == 0)
        #expect(!quiet.stderr.contains("CSL: "), "\(quiet.stderr)")
    }

    @Test func nonPositiveTimeoutsAreUsageErrors() throws {
        for option in ["--timeout", "--idle-timeout"] {
            let r = try CLI.run(["lists", "update", "--data-dir", CLI.temporaryDirectory().path, option, "0"])
            #expect(r.status == 64)
            #expect(r.stderr.contains("\(option) must be positive"))
        }
    }
}
