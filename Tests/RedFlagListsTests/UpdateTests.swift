import Foundation
import Testing
import RedFlagCore
@testable import RedFlagLists

/// Downloads against a loopback server: never the internet.
@Suite struct UpdateTests {
    let fast = HTTPDownloader.Policy(timeout: 2, retries: 2, backoff: 0.05)

    @Test func fetchesABody() throws {
        let server = try LoopbackHTTPServer()
        server.route("/sdn.xml", .ok(Data("<sdnList/>".utf8)))
        let data = try HTTPDownloader(policy: fast).fetch(URL(string: server.url("/sdn.xml"))!)
        #expect(String(decoding: data, as: UTF8.self) == "<sdnList/>")
        #expect(server.requests("/sdn.xml") == 1)
    }

    @Test func followsARedirectLikeTheOFACService() throws {
        let server = try LoopbackHTTPServer()
        server.route("/api/PublicationPreview/exports/SDN.XML", .redirect(to: server.url("/signed/sdn.xml?sig=abc")))
        server.route("/signed/sdn.xml?sig=abc", .ok(Data("<sdnList/>".utf8)))
        let data = try HTTPDownloader(policy: fast).fetch(URL(string: server.url("/api/PublicationPreview/exports/SDN.XML"))!)
        #expect(data == Data("<sdnList/>".utf8))
        #expect(server.requests("/signed/sdn.xml?sig=abc") == 1)
    }

    @Test func notFoundIsPermanentAndNotRetried() throws {
        let server = try LoopbackHTTPServer()
        #expect {
            try HTTPDownloader(policy: fast).fetch(URL(string: server.url("/missing.xml"))!)
        } throws: { error in
            (error as? HTTPDownloader.Failure)?.reason == "HTTP 404" && (error as? HTTPDownloader.Failure)?.transient == false
        }
        #expect(server.requests("/missing.xml") == 1)
    }

    @Test func serverErrorsAreRetriedThenReported() throws {
        let server = try LoopbackHTTPServer()
        server.route("/un.xml", .status(500))
        #expect {
            try HTTPDownloader(policy: fast).fetch(URL(string: server.url("/un.xml"))!)
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
        #expect(try HTTPDownloader(policy: fast).fetch(URL(string: server.url("/eu.xml"))!) == Data("ok".utf8))
        #expect(server.requests("/eu.xml") == 3)
    }

    @Test func aSlowServerTimesOut() throws {
        let server = try LoopbackHTTPServer()
        var slow = LoopbackHTTPServer.Response.ok(Data("late".utf8))
        slow.delay = 3
        server.route("/slow.xml", slow)
        let started = Date()
        #expect {
            try HTTPDownloader(policy: .init(timeout: 0.5, retries: 0, backoff: 0)).fetch(URL(string: server.url("/slow.xml"))!)
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
            try HTTPDownloader(policy: .init(timeout: 2, retries: 1, backoff: 0)).fetch(URL(string: server.url("/cut.xml"))!)
        }
        #expect(server.requests("/cut.xml") == 2)
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
