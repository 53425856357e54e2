import Foundation
import Testing
import RedFlagCore
@testable import RedFlagLists

extension HTTPDownloader {
    /// The downloaded body (small test bodies only).
    func body(_ url: URL, deadline: Date = .distantFuture) throws -> Data {
        let file = UpdateTests.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try download(url, to: file, deadline: deadline)
        return try Data(contentsOf: file)
    }
}

/// Downloads against a loopback server: never the internet.
@Suite struct UpdateTests {
    let fast = HTTPDownloader.Policy(idleTimeout: 2, retries: 2, backoff: 0.05)

    /// A file in a fresh temporary folder.
    static func temporaryFile() -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dl-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("body")
    }

    @Test func fetchesABody() throws {
        let server = try LoopbackHTTPServer()
        server.route("/sdn.xml", .ok(Data("<sdnList/>".utf8)))
        let data = try HTTPDownloader(policy: fast).body(URL(string: server.url("/sdn.xml"))!)
        #expect(String(decoding: data, as: UTF8.self) == "<sdnList/>")
        #expect(server.requests("/sdn.xml") == 1)
    }

    @Test func followsARedirectLikeTheOFACService() throws {
        let server = try LoopbackHTTPServer()
        server.route("/api/PublicationPreview/exports/SDN.XML", .redirect(to: server.url("/signed/sdn.xml?sig=abc")))
        server.route("/signed/sdn.xml?sig=abc", .ok(Data("<sdnList/>".utf8)))
        let data = try HTTPDownloader(policy: fast).body(URL(string: server.url("/api/PublicationPreview/exports/SDN.XML"))!)
        #expect(data == Data("<sdnList/>".utf8))
        #expect(server.requests("/signed/sdn.xml?sig=abc") == 1)
    }

    @Test func notFoundIsPermanentAndNotRetried() throws {
        let server = try LoopbackHTTPServer()
        #expect {
            try HTTPDownloader(policy: fast).body(URL(string: server.url("/missing.xml"))!)
        } throws: { error in
            (error as? HTTPDownloader.Failure)?.reason == "HTTP 404" && (error as? HTTPDownloader.Failure)?.transient == false
        }
        #expect(server.requests("/missing.xml") == 1)
    }

    @Test func serverErrorsAreRetriedThenReported() throws {
        let server = try LoopbackHTTPServer()
        server.route("/un.xml", .status(500))
        #expect {
            try HTTPDownloader(policy: fast).body(URL(string: server.url("/un.xml"))!)
        } throws: { error in
            "\(error)".contains("HTTP 500") && "\(error)".contains("after 3 attempts")
        }
        #expect(server.requests("/un.xml") == 3)
    }

    @Test func aTransientFailureThenSuccessSucceeds() throws {
        let server = try LoopbackHTTPServer()
        var flaky = LoopbackHTTPServer.Response.ok(Data("ok".utf8))
        flaky.failFirst = 2
        server.route("/eu.xml", flaky)
        #expect(try HTTPDownloader(policy: fast).body(URL(string: server.url("/eu.xml"))!) == Data("ok".utf8))
        #expect(server.requests("/eu.xml") == 3)
    }

    @Test func aSlowServerTimesOut() throws {
        let server = try LoopbackHTTPServer()
        var slow = LoopbackHTTPServer.Response.ok(Data("late".utf8))
        slow.delay = 3
        server.route("/slow.xml", slow)
        let started = Date()
        #expect {
            try HTTPDownloader(policy: .init(idleTimeout: 0.5, retries: 0, backoff: 0)).body(URL(string: server.url("/slow.xml"))!)
        } throws: { error in
            "\(error)".contains("timed out")
        }
        #expect(Date().timeIntervalSince(started) < 2.5)
    }

    @Test func aTruncatedBodyIsAFailureNotAList() throws {
        let server = try LoopbackHTTPServer()
        var cut = LoopbackHTTPServer.Response.ok(Data(repeating: UInt8(ascii: "x"), count: 10_000))
        cut.truncateAfter = 1_000
        server.route("/cut.xml", cut)
        #expect(throws: HTTPDownloader.Failure.self) {
            try HTTPDownloader(policy: .init(idleTimeout: 2, retries: 1, backoff: 0)).body(URL(string: server.url("/cut.xml"))!)
        }
        #expect(server.requests("/cut.xml") == 2)
    }

    @Test func aServerThatNeverAnswersIsStoppedAtTheDeadline() throws {
        let server = try LoopbackHTTPServer()
        var silent = LoopbackHTTPServer.Response.ok(Data("never".utf8))
        silent.neverAnswer = true
        server.route("/silent.xml", silent)
        let started = Date()
        // The idle timeout is far away: only the overall deadline can end this.
        let downloader = HTTPDownloader(policy: .init(idleTimeout: 60, retries: 3, backoff: 0))
        #expect {
            try downloader.body(URL(string: server.url("/silent.xml"))!, deadline: started.addingTimeInterval(1))
        } throws: { error in
            guard let failure = error as? HTTPDownloader.Failure else { return false }
            return failure.deadline && failure.reason.contains("stopped at the overall deadline")
        }
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed >= 0.9 && elapsed < 4, "stopped after \(elapsed) s")
        // The deadline ends the download: no retry after it.
        #expect(server.requests("/silent.xml") == 1)
    }

    @Test func anIdleConnectionIsAbandonedAndRetried() throws {
        let server = try LoopbackHTTPServer()
        var silent = LoopbackHTTPServer.Response.ok(Data("never".utf8))
        silent.neverAnswer = true
        server.route("/silent.xml", silent)
        #expect {
            try HTTPDownloader(policy: .init(idleTimeout: 0.3, retries: 1, backoff: 0)).body(URL(string: server.url("/silent.xml"))!)
        } throws: { error in
            "\(error)" == "timed out: no answer for 0.3 s (after 2 attempts)"
        }
        #expect(server.requests("/silent.xml") == 2)
    }

    @Test func aRetryThatCannotStartBeforeTheDeadlineIsNotWaitedFor() throws {
        let server = try LoopbackHTTPServer()
        server.route("/un.xml", .status(503))
        let started = Date()
        #expect {
            try HTTPDownloader(policy: .init(idleTimeout: 5, retries: 2, backoff: 30))
                .body(URL(string: server.url("/un.xml"))!, deadline: started.addingTimeInterval(5))
        } throws: { error in
            "\(error)".contains("HTTP 503; no time left for attempt 2 before the deadline")
        }
        #expect(Date().timeIntervalSince(started) < 4)
    }

    @Test func aSlowBodyReportsItsProgress() throws {
        let server = try LoopbackHTTPServer()
        var slow = LoopbackHTTPServer.Response.ok(Data(repeating: UInt8(ascii: "x"), count: 20_000))
        slow.chunkSize = 2_000
        slow.chunkDelay = 0.05
        server.route("/slow.xml", slow)
        let events = EventLog()
        let file = Self.temporaryFile()
        let result = try HTTPDownloader(policy: fast).download(URL(string: server.url("/slow.xml"))!, to: file) { events.add($0) }
        #expect(result.bytes == 20_000)
        let all = events.all
        #expect(all.first == .connecting(url: server.url("/slow.xml"), attempt: 1))
        let received = all.compactMap { event -> Int64? in
            if case .received(let bytes, let total) = event, total == 20_000 { return bytes }
            return nil
        }
        // The pieces arrive 50 ms apart, so several are seen, in order, ending at the whole body.
        #expect(received.count >= 5, "\(all)")
        #expect(received == received.sorted())
        #expect(received.last == 20_000)
    }

    @Test func aBodyLargerThanTheBufferIsStreamedToTheFile() throws {
        let server = try LoopbackHTTPServer()
        let body = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        server.route("/big.xml", .ok(body))
        let file = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let buffer = 64 * 1024
        let result = try HTTPDownloader(policy: .init(idleTimeout: 5, retries: 0, backoff: 0, bufferSize: buffer))
            .download(URL(string: server.url("/big.xml"))!, to: file)
        #expect(result.bytes == 3_000_000)
        #expect(try Data(contentsOf: file) == body)
        // Never more than the buffer in memory (a network chunk larger than it goes straight to
        // disk, and the loopback chunks are far smaller): the body went out in many writes.
        #expect(result.peakBuffered <= buffer, "peak \(result.peakBuffered)")
        #expect(result.writes >= 3_000_000 / buffer, "writes \(result.writes)")
    }

    @Test func aBodyOfUnknownLengthIsReadToTheEnd() throws {
        let server = try LoopbackHTTPServer()
        var open = LoopbackHTTPServer.Response.ok(Data(repeating: UInt8(ascii: "y"), count: 50_000))
        open.omitLength = true
        server.route("/open.xml", open)
        #expect(try HTTPDownloader(policy: fast).body(URL(string: server.url("/open.xml"))!).count == 50_000)
    }

    @Test func sourcesDownloadAtTheSameTimeAndTheDeadlineStopsOnlyTheSlowOne() throws {
        let server = try LoopbackHTTPServer()
        for path in ["/a.xml", "/b.xml", "/c.xml"] {
            var late = LoopbackHTTPServer.Response.ok(Data("UN-LIST".utf8))
            late.delay = 1.5
            server.route(path, late)
        }
        var silent = LoopbackHTTPServer.Response.ok(Data("UN-LIST".utf8))
        silent.neverAnswer = true
        server.route("/silent.xml", silent)
        let catalog = SourceCatalog(sources: [
            .init(source: .un, format: .unXML, files: [.init(fileName: "un.xml", url: server.url("/a.xml"))]),
            .init(source: .eu, format: .euXML, files: [.init(fileName: "eu.xml", url: server.url("/b.xml"))]),
            .init(source: .uk, format: .fcdoXML, files: [.init(fileName: "uk.xml", url: server.url("/c.xml"))]),
            .init(source: .csl, format: .cslCSV, files: [.init(fileName: "csl.csv", url: server.url("/silent.xml"))]),
        ])
        let downloader = ListDownloader(downloader: HTTPDownloader(policy: .init(idleTimeout: 60, retries: 0, backoff: 0))) { files in
            [StoreTestLists.parsed(.un, [StoreTestLists.entry(.un, "QDi.1", "GOLF")])]
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = SourceEventLog()
        let started = Date()
        let outcomes = downloader.fetch(catalog.sources, into: folder, deadline: started.addingTimeInterval(3.5)) { events.add($0, $1) }
        let elapsed = Date().timeIntervalSince(started)
        // Three 1.5 s answers one after another would not leave the silent source its deadline.
        #expect(elapsed < 6, "took \(elapsed) s")
        #expect(outcomes.map(\.source) == [.un, .eu, .uk, .csl])
        #expect(outcomes[0].error == nil && outcomes[0].bytes == 7)
        #expect(!outcomes[0].stoppedAtDeadline)
        #expect(outcomes[3].stoppedAtDeadline)
        guard case .download(let source, _, let reason)? = outcomes[3].error else {
            Issue.record("expected a download error, got \(String(describing: outcomes[3].error))")
            return
        }
        #expect(source == "CSL" && reason.contains("stopped at the overall deadline"))
        let un = events.events(of: .un)
        #expect(un.first == .transfer(.connecting(url: server.url("/a.xml"), attempt: 1)))
        #expect(un.contains(.parsing(bytes: 7)))
        if case .done(let bytes, _)? = un.last { #expect(bytes == 7) } else { Issue.record("UN did not end done: \(un)") }
        if case .failed(let reason)? = events.events(of: .csl).last {
            #expect(reason.contains("stopped at the overall deadline"))
        } else {
            Issue.record("CSL did not end failed")
        }
    }

    @Test func theWorkFolderIsInTheDataDirectoryAndOldOnesAreRemoved() throws {
        let data = DataDirectory(url: FileManager.default.temporaryDirectory.appendingPathComponent("data-\(UUID().uuidString)"))
        defer { try? FileManager.default.removeItem(at: data.url) }
        let first = try ListDownloader.makeWorkFolder(in: data)
        #expect(first.deletingLastPathComponent().standardizedFileURL.path == data.url.standardizedFileURL.path)
        #expect(first.lastPathComponent.hasPrefix(".update-"))
        // A folder left by an update killed two days ago goes; one still in use stays.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-2 * 86_400)], ofItemAtPath: first.path)
        let second = try ListDownloader.makeWorkFolder(in: data)
        let third = try ListDownloader.makeWorkFolder(in: data)
        #expect(!FileManager.default.fileExists(atPath: first.path))
        #expect(FileManager.default.fileExists(atPath: second.path) && FileManager.default.fileExists(atPath: third.path))
    }

    @Test func aRefusedConnectionSaysSoInAFewWords() throws {
        // A port nothing listens on: the server just closed, so its port is free.
        var port: UInt16 = 0
        do {
            let server = try LoopbackHTTPServer()
            port = server.port
            server.stop()
        }
        #expect {
            try HTTPDownloader(policy: .init(idleTimeout: 2, retries: 0, backoff: 0)).body(URL(string: "http://127.0.0.1:\(port)/un.xml")!)
        } throws: { error in
            "\(error)" == "cannot connect to 127.0.0.1:\(port): connection refused"
        }
    }

    @Test func findsTheFileLinkOnAPublicationPage() {
        let page = URL(string: "https://www.gov.uk/government/publications/the-uk-sanctions-list")!
        let html = """
            <a href="/guidance">guide</a>
            <a class="govuk-link" href="https://assets.publishing.service.gov.uk/media/6798/UK-Sanctions-List.xml?a=1&amp;b=2">XML</a>
            """
        let pattern = "href=\"([^\"]*UK[-_]Sanctions[-_]List\\.xml[^\"]*)\""
        #expect(HTTPDownloader.findLink(in: html, pattern: pattern, page: page)?.absoluteString
                == "https://assets.publishing.service.gov.uk/media/6798/UK-Sanctions-List.xml?a=1&b=2")
        #expect(HTTPDownloader.findLink(in: "<a href=\"media/1/UK_Sanctions_List.xml\">", pattern: pattern, page: page)?.absoluteString
                == "https://www.gov.uk/government/publications/media/1/UK_Sanctions_List.xml")
        #expect(HTTPDownloader.findLink(in: "<p>no link</p>", pattern: pattern, page: page) == nil)
    }

    @Test func theShippedCatalogNamesEverySourceWithAnOfficialLocation() throws {
        let catalog = try SourceCatalog.load(from: try ProjectData.file("sources.json"))
        #expect(Set(catalog.sources.map(\.source)) == Set(ListSource.allCases))
        let sdn = try #require(catalog.sources.first { $0.source == .ofacSDN }?.files.first?.url)
        #expect(sdn.hasPrefix("https://sanctionslistservice.ofac.treas.gov/"))
        #expect(catalog.sources.first { $0.source == .eu }?.files.first?.url?.contains("token=") == true)
        #expect(catalog.sources.first { $0.source == .uk }?.files.first?.page?.hasPrefix("https://www.gov.uk/") == true)
        #expect(try catalog.select(["ofac_sdn", "UN"]).map(\.source) == [.ofacSDN, .un])
        #expect(throws: RedFlagError.self) { try catalog.select(["nowhere"]) }
    }

    @Test func aCatalogEntryWithNeitherURLNorPageIsBadData() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sources-\(UUID().uuidString).json")
        try Data(#"{"sources":[{"source":"UN","format":"un-xml","files":[{"fileName":"un.xml"}]}]}"#.utf8).write(to: url)
        #expect {
            try SourceCatalog.load(from: url)
        } throws: { error in
            guard case .badData(let path, let location, _)? = error as? RedFlagError else { return false }
            return path == url.path && location == "sources[0] (UN)"
        }
    }

    @Test func downloaderChecksEachSourceIndependently() throws {
        let server = try LoopbackHTTPServer()
        server.route("/un.xml", .ok(Data("UN-LIST".utf8)))
        server.route("/page.html", .ok(Data("<a href=\"/files/UK-Sanctions-List.xml\">x</a>".utf8)))
        server.route("/files/UK-Sanctions-List.xml", .ok(Data("UN-LIST".utf8)))
        let catalog = SourceCatalog(sources: [
            .init(source: .un, format: .unXML, files: [.init(fileName: "un.xml", url: server.url("/un.xml"))]),
            .init(source: .eu, format: .euXML, files: [.init(fileName: "eu.xml", url: server.url("/gone.xml"))]),
            .init(source: .uk, format: .fcdoXML, files: [.init(fileName: "uk.xml", page: server.url("/page.html"),
                                                                linkPattern: "href=\"([^\"]*UK-Sanctions-List\\.xml)\"")]),
        ])
        // A stand-in parser: every file holding "UN-LIST" is a one-entry UN list.
        let downloader = ListDownloader(downloader: HTTPDownloader(policy: fast)) { files in
            try files.map { file in
                guard try String(contentsOf: file, encoding: .utf8) == "UN-LIST" else {
                    throw RedFlagError.unknownFormat(path: file.path, message: "not a list")
                }
                return StoreTestLists.parsed(.un, [StoreTestLists.entry(.un, "QDi.1", "GOLF")])
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcomes = downloader.fetch(catalog.sources, into: folder)
        #expect(outcomes.map(\.source) == [.un, .eu, .uk])
        #expect(outcomes[0].parsed?.entries.count == 1 && outcomes[0].error == nil)
        guard case .download(let source, let url, let reason)? = outcomes[1].error else {
            Issue.record("expected a download error, got \(String(describing: outcomes[1].error))")
            return
        }
        #expect(source == "EU" && url == server.url("/gone.xml") && reason == "HTTP 404")
        // The scraped link was followed, but the file is a UN list, not the UK one: refused.
        #expect(outcomes[2].urls == [server.url("/page.html").replacingOccurrences(of: "/page.html", with: "/files/UK-Sanctions-List.xml")])
        guard case .badData(_, _, let message)? = outcomes[2].error else {
            Issue.record("expected bad data, got \(String(describing: outcomes[2].error))")
            return
        }
        #expect(message.contains("expected a UK list"))
    }
}

/// Collects download events from the callback threads.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [HTTPDownloader.Event] = []
    func add(_ event: HTTPDownloader.Event) { lock.withLock { events.append(event) } }
    var all: [HTTPDownloader.Event] { lock.withLock { events } }
}

/// Collects per-source events from the download threads.
final class SourceEventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var log: [(ListSource, ListDownloader.Event)] = []
    func add(_ source: ListSource, _ event: ListDownloader.Event) { lock.withLock { log.append((source, event)) } }
    func events(of source: ListSource) -> [ListDownloader.Event] { lock.withLock { log.filter { $0.0 == source }.map(\.1) } }
}
