import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists
import RedFlagMatching
import RedFlagRules
import Testing

/// The library API every front end (the CLI, the service) calls: requests, runs, record
/// encoding, the swappable context and the documents of `lists status` and `rules`. Where the
/// CLI prints the same thing, the test compares bytes with the built binary's output.
@Suite("Front-end API")
struct FrontEndAPITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let csl = root.appendingPathComponent("Fixtures/lists/csl.csv")
    static let sdn = root.appendingPathComponent("Fixtures/lists/ofac-sdn.xml")
    static let scenario = root.appendingPathComponent("Fixtures/orders/scenario.csv")
    static var binaryBuilt: Bool { RedFlagBinary.executable != nil }
    /// The switches that keep a CLI run from writing anything but its output.
    static let quiet = ["--no-audit", "--no-remember-parties", "--no-allow-list", "--quiet"]

    // MARK: requests and their errors

    @Test("a screen request's errors name the field, with the CLI's message and the batch record's message")
    func requestErrors() throws {
        let cases: [(ScreenRequest, ScreenRequestError, String, String, String)] = [
            (ScreenRequest(name: "  \n"), .emptyName, "name", "the name is empty", "empty name"),
            (ScreenRequest(name: "Acme", country: "Atlantis"), .unknownCountry("Atlantis"), "country",
             "unknown country \"Atlantis\": give an ISO 3166 code (CN) or an English name (China)", "unknown country \"Atlantis\""),
            (ScreenRequest(name: "Acme", type: "robot"), .unknownType("robot"), "type",
             "unknown type \"robot\": person, entity, vessel or aircraft", "unknown type \"robot\" (person, entity, vessel or aircraft)"),
            (ScreenRequest(name: "Acme", dob: "yesterday"), .unreadableDateOfBirth("yesterday"), "dob",
             "unreadable date of birth \"yesterday\"", "unreadable date of birth \"yesterday\""),
        ]
        for (request, error, field, message, record) in cases {
            #expect(throws: error) { try request.query() }
            #expect(error.field == field)
            #expect(error.description == message)
            #expect(error.recordMessage == record)
        }
        // The first wrong field in the order name, country, type, dob.
        #expect(throws: ScreenRequestError.unknownCountry("XX")) { try ScreenRequest(name: "A", country: "XX", type: "robot").query() }
        let query = try ScreenRequest(name: "  Huawei Technologies ", address: " 1 Main St", country: "China", type: "entity", dob: "1970").query()
        #expect(query == ScreeningQuery(name: "Huawei Technologies", address: " 1 Main St", country: "CN", type: .entity, dateOfBirth: "1970"))
    }

    @Test("a JSON request reads like a JSON Lines record: first spelling, trimmed, empty and null absent; errors named")
    func decodeJSON() throws {
        let request = try ScreenRequest.decodeJSON(Array(#"{"customer_name":" Acme ","country_code":"","dob":null,"type":"entity","x":1}"#.utf8))
        #expect(request == ScreenRequest(name: "Acme", address: nil, country: nil, type: "entity", dob: nil))
        #expect(try ScreenRequest.decodeJSON(Array("{}".utf8)).name == "")
        #expect(throws: ScreenRequestError.emptyName) { try ScreenRequest.decodeJSON(Array("{}".utf8)).query() }
        #expect(throws: ScreenRequestError.invalidJSON) { try ScreenRequest.decodeJSON(Array("{\"name\":".utf8)) }
        #expect(throws: ScreenRequestError.notAnObject) { try ScreenRequest.decodeJSON(Array("[1]".utf8)) }
        do {
            _ = try ScreenRequest.decodeJSON(Array(#"{"name":5}"#.utf8))
            Issue.record("a number as name was accepted")
        } catch {
            #expect(error.field == "name")
            #expect(error.description == "\"name\" must be a string")
        }
    }

    // MARK: screen: one request, a batch

    @Test("request → record: the library's JSON is the bytes `redflag screen --format json` prints",
          .enabled(if: binaryBuilt, "needs the redflag binary (swift build --build-tests)"))
    func screenRecordEqualsCLI() throws {
        let dir = PipelineFixtures.temporaryDirectory()
        let context = try ScreeningContext.load(dataDirectory: DataDirectory(url: dir), listPaths: [Self.csl])
        for request in [ScreenRequest(name: "Shenzhen Velocity Compute Tech Co Ltd", country: "CN"),
                        ScreenRequest(name: "Everbright Trading Co., Ltd.", address: "12 Harbour Road", type: "entity"),
                        ScreenRequest(name: "Ivan Petrov", type: "person", dob: "1970")] {
            var arguments = ["screen", request.name, "--lists", Self.csl.path, "--data-dir", dir.path, "--format", "json"] + Self.quiet
            if let a = request.address { arguments += ["--address", a] }
            if let c = request.country { arguments += ["--country", c] }
            if let t = request.type { arguments += ["--type", t] }
            if let d = request.dob { arguments += ["--dob", d] }
            let cli = try RedFlagBinary.run(arguments)
            #expect(cli.stdout == (try context.screenJSON(request)) + "\n", "\(request.name)")
            let result = try context.screen(request)
            #expect(cli.status == result.decision.exitCode)
        }
    }

    static let batchInput = """
        {"name": "Shenzhen Velocity Compute Tech Co Ltd", "country": "CN"}
        {"name": ""}
        {bad json

        {"name": 5}
        {"name": "Acme Widgets", "country": "Atlantis"}
        [1, 2]
        {"name": "Acme Widgets", "type": "robot"}
        {"name": "Everbright Trading Co., Ltd."}

        """

    @Test("a batch from any byte stream gives one record per input line, error records included, the CLI's bytes",
          .enabled(if: binaryBuilt, "needs the redflag binary (swift build --build-tests)"))
    func batchEqualsCLI() throws {
        let dir = PipelineFixtures.temporaryDirectory()
        let file = dir.appendingPathComponent("parties.jsonl")
        try Self.batchInput.write(to: file, atomically: true, encoding: .utf8)
        let context = try ScreeningContext.load(dataDirectory: DataDirectory(url: dir), listPaths: [Self.csl])

        var bytes: [UInt8] = []
        var chunks = 0
        let reader = try ScreeningInputReader(source: InputByteSource(reader: MemoryByteReader(Self.batchInput), path: "request body"))
        let tally = try context.batch(chunkSize: 3).writeJSONLines(reader: reader) { chunk in
            bytes += chunk
            chunks += 1
        }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 8)
        #expect(chunks == 3)
        #expect(tally.errors == 6)
        #expect(tally.exitCode == ExitCode.stop)
        #expect(lines[1] == #"{"error":{"line":2,"message":"empty name"},"input":{"name":""}}"#)
        #expect(lines[2] == #"{"error":{"line":3,"message":"invalid JSON"},"input":{"line":"{bad json"}}"#)
        #expect(lines[3] == #"{"error":{"line":5,"message":"\"name\" must be a string"},"input":{"name":"5"}}"#)
        #expect(lines[5] == #"{"error":{"line":7,"message":"a JSON Lines record must be an object"},"input":{"line":"[1, 2]"}}"#)
        #expect(lines[7].hasPrefix(#"{"line":9,"query":{"name":"Everbright Trading Co., Ltd.""#))

        let cli = try RedFlagBinary.run(["screen", "--input", file.path, "--lists", Self.csl.path, "--data-dir", dir.path,
                                         "--format", "jsonl"] + Self.quiet)
        #expect(cli.stdout == String(decoding: bytes, as: UTF8.self))
        #expect(cli.status == tally.exitCode)
    }

    @Test("a batch streams: records come out while the producer still writes, through a bounded channel")
    func batchStreamsFromChannel() throws {
        let context = try ScreeningContext.load(dataDirectory: DataDirectory(url: PipelineFixtures.temporaryDirectory()),
                                                listPaths: [Self.csl])
        let channel = ByteChannel(capacity: 64)
        let lines = (1...50).map { #"{"name": "Party number \#($0)"}"# + "\n" }
        let producer = Thread {
            for line in lines { channel.write(Array(line.utf8)) }
            channel.finish()
        }
        producer.start()
        let reader = try ScreeningInputReader(source: InputByteSource(reader: channel, path: "request body"))
        var records: [ScreenedRecord] = []
        var chunkSizes: [Int] = []
        try context.batch(chunkSize: 8).run(reader: reader, emit: { chunk in
            records += chunk
            chunkSizes.append(chunk.count)
        })
        #expect(records.count == 50)
        #expect(chunkSizes.first == 8)
        for (i, r) in records.enumerated() {
            guard case .result(let result, let line) = r.record else { Issue.record("line \(i + 1) is an error"); continue }
            #expect(line == i + 1)
            #expect(result.query.name == "Party number \(i + 1)")
            #expect(r.json == context.screeningJSON().encode(r.record))
        }
    }

    @Test("a stream that breaks ends the batch with its error, after the records read before it")
    func brokenStream() throws {
        struct Broken: Error {}
        let context = try ScreeningContext.load(dataDirectory: DataDirectory(url: PipelineFixtures.temporaryDirectory()),
                                                listPaths: [Self.csl])
        let channel = ByteChannel()
        channel.write(Array("{\"name\": \"Acme\"}\n{\"name\": \"Beta\"}\n".utf8))
        channel.finish(error: Broken())
        let reader = try ScreeningInputReader(source: InputByteSource(reader: channel, path: "request body"))
        var count = 0
        #expect(throws: Broken.self) {
            try context.batch().run(reader: reader, emit: { count += $0.count })
        }
        #expect(count == 2)
    }

    // MARK: check

    @Test("check from a byte stream: the library's JSON Lines are the bytes `redflag check --format jsonl` prints",
          .enabled(if: binaryBuilt, "needs the redflag binary (swift build --build-tests)"))
    func checkEqualsCLI() throws {
        let dir = PipelineFixtures.temporaryDirectory()
        let rules = try CheckRules()
        let context = try ScreeningContext.load(dataDirectory: DataDirectory(url: dir), listPaths: [Self.csl, Self.sdn], rules: rules)
        let source = InputByteSource(reader: MemoryByteReader(try Data(contentsOf: Self.scenario)), path: "request body")
        let reader = try OrderInput.reader(source: source)
        let output = CheckOutputFormat(kind: .jsonl, rules: rules, context: context, passthroughNames: reader.header.passthrough.map(\.name))
        var bytes: [UInt8] = []
        let counts = try OrderCheckRunner(rules: rules, context: context, history: nil).writeJSONLines(reader: reader, output: output) {
            bytes += $0
        }
        let cli = try RedFlagBinary.run(["check", Self.scenario.path, "--lists", Self.csl.path, Self.sdn.path, "--data-dir", dir.path,
                                         "--no-history", "--format", "jsonl"] + Self.quiet)
        #expect(!bytes.isEmpty)
        #expect(cli.stdout == String(decoding: bytes, as: UTF8.self))
        #expect(cli.status == OrderCheckRunner.exitCode(for: counts))
    }

    @Test("an order export in JSON Lines gives the same records as the same export in CSV")
    func checkJSONLinesOrders() throws {
        let rules = try CheckRules()
        let context = try ScreeningContext.load(dataDirectory: DataDirectory(url: PipelineFixtures.temporaryDirectory()),
                                                listPaths: [Self.csl, Self.sdn], rules: rules)
        let csvRecords = try CSVReader(url: Self.scenario).readAll()
        let header = csvRecords[0].fields
        // Each row as an object; empty cells left out, so a key may be missing on some lines.
        var jsonl = ""
        for row in csvRecords.dropFirst() {
            var object: [String: String] = [:]
            for (i, name) in header.enumerated() where !row[i].isEmpty { object[name] = row[i] }
            jsonl += String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self) + "\n"
        }
        // The first object carries every column, as an export's first line with all keys would.
        var first = [String: String](uniqueKeysWithValues: header.map { ($0, "") })
        for (i, name) in header.enumerated() { first[name] = csvRecords[1][i] }
        var lines = jsonl.split(separator: "\n").map(String.init)
        lines[0] = String(decoding: try JSONSerialization.data(withJSONObject: first, options: [.sortedKeys]), as: UTF8.self)

        func check(_ text: String) throws -> [OrderCheck] {
            let reader = try OrderInput.reader(source: InputByteSource(reader: MemoryByteReader(text), path: "body"))
            var out: [OrderCheck] = []
            try OrderCheckRunner(rules: rules, context: context, history: nil).run(reader: reader, render: { _ in "" },
                                                                                    emit: { out += $0.map(\.check) })
            return out
        }
        let fromCSV = try check(String(decoding: try Data(contentsOf: Self.scenario), as: UTF8.self))
        let fromJSON = try check(lines.joined(separator: "\n") + "\n")
        #expect(fromJSON.count == fromCSV.count)
        for (a, b) in zip(fromCSV, fromJSON) {
            #expect(a.orderID == b.orderID)
            #expect(a.decision == b.decision, "\(a.orderID ?? "?")")
            #expect(a.findings.map(\.id) == b.findings.map(\.id), "\(a.orderID ?? "?")")
            #expect(a.error == b.error)
        }
    }

    @Test("JSON Lines orders: numbers, arrays and null read as cells; a bad line is an error row naming it, the run goes on")
    func jsonLinesOrderErrors() throws {
        let text = """
            {"order_id":"A1","order_date":"2026-03-01","customer_id":"C1","customer_name":"Acme","customer_country":"DE","quantity":8,"transit_countries":["AE","SG"],"notes":null}
            {"order_id":"A2","order_date":"2026-03-01","customer_id":"C1","customer_name":"Acme","customer_country":"DE","quantity":2,"colour":"red"}
            {"order_id":"A3","order_date":"2026-03-01","customer_id":"C1","customer_name":"Acme","customer_country":"DE","quantity":{"n":1}}
            not json
            {"order_id":"A5","order_date":"2026-03-01","customer_id":"C1","customer_name":"Acme","customer_country":"DE","quantity":1.0}
            """
        let reader = try OrderInput.reader(source: InputByteSource(reader: MemoryByteReader(text), path: "body"))
        var rows: [Result<OrderLine, OrderRowError>] = []
        while let row = try reader.next() { rows.append(row) }
        #expect(rows.count == 5)
        let first = try rows[0].get()
        #expect(first.quantity == 8)
        #expect(first.transit == ["AE", "SG"])
        guard case .failure(let e2) = rows[1], case .failure(let e3) = rows[2], case .failure(let e4) = rows[3] else {
            Issue.record("lines 2 to 4 should be error rows")
            return
        }
        #expect(e2.line == 2)
        #expect(e2.message.contains("key \"colour\" is not in the first record"))
        #expect(e3.line == 3)
        #expect(e3.message == "\"quantity\" must be a string, number, boolean, null or array of strings")
        #expect(e4.line == 4)
        #expect(e4.message == "a JSON Lines order record must be an object")
        #expect(try rows[4].get().quantity == 1)
    }

    // MARK: the context and its swap

    @Test("a context knows when the store has a newer snapshot; the holder swaps it in, a request on the old one finishes on it")
    func contextSwap() throws {
        let dir = DataDirectory(url: PipelineFixtures.temporaryDirectory())
        let store = ListStore(dataDirectory: dir)
        let first = PipelineFixtures.entry("1", "Arktos Freight Forwarding LLC", list: .deniedPersons, source: .ofacSDN)
        let second = PipelineFixtures.entry("2", "Kestrel Microwave Systems Ltd.", list: .entityList, source: .ofacSDN)
        _ = try store.importLists([PipelineFixtures.parsed([first], tag: "one")], artifacts: StoreArtifacts.all)

        let holder = ScreeningContextHolder(try ScreeningContext.load(dataDirectory: dir))
        let old = holder.current
        #expect(!old.hasNewerSnapshot)
        #expect(try holder.refreshIfNewer() == nil)
        #expect(try old.screen(ScreenRequest(name: "Arktos Freight Forwarding LLC")).decision == .stop)

        _ = try store.importLists([PipelineFixtures.parsed([second], tag: "two")], artifacts: StoreArtifacts.all)
        #expect(old.hasNewerSnapshot)
        let new = try #require(try holder.refreshIfNewer())
        #expect(holder.current === new)
        #expect(!new.hasNewerSnapshot)
        #expect(try holder.refreshIfNewer() == nil)
        #expect(new.snapshots.first?.sha256 == SHA256.hex(Data("two".utf8)))
        #expect(try new.screen(ScreenRequest(name: "Kestrel Microwave Systems Ltd.")).decision == .stop)
        #expect(try new.screen(ScreenRequest(name: "Arktos Freight Forwarding LLC")).decision == .clear)
        // The old context is whole and unchanged for a request that took it before the swap.
        #expect(try old.screen(ScreenRequest(name: "Arktos Freight Forwarding LLC")).decision == .stop)
        #expect(old.snapshots.first?.sha256 == SHA256.hex(Data("one".utf8)))
    }

    @Test("a store index written by another build is indexed in memory, screens the same, and says so")
    func indexOfAnotherBuild() throws {
        let dir = DataDirectory(url: PipelineFixtures.temporaryDirectory())
        let store = ListStore(dataDirectory: dir)
        let entry = PipelineFixtures.entry("1", "Arktos Freight Forwarding LLC", list: .deniedPersons, source: .ofacSDN)
        _ = try store.importLists([PipelineFixtures.parsed([entry], tag: "one")], artifacts: StoreArtifacts.all)
        let current = try ScreeningContext.load(dataDirectory: dir)
        #expect(!current.indexBuiltInMemory)
        // Another build's index: the same file with another name-data digest in its header.
        let folder = try #require(try store.currentSnapshot()).0
        let url = folder.appendingPathComponent(MatchIndex.fileName)
        var bytes = try Data(contentsOf: url)
        bytes[16] ^= 0xFF
        try bytes.write(to: url)
        let other = try ScreeningContext.load(dataDirectory: dir)
        #expect(other.indexBuiltInMemory)
        #expect(try other.screen(ScreenRequest(name: "Arktos Freight Forwarding LLC")).decision == .stop)
    }

    @Test("list files never have a newer snapshot; an empty data directory is a noLists error")
    func contextOrigins() throws {
        let dir = DataDirectory(url: PipelineFixtures.temporaryDirectory())
        let files = try ScreeningContext.load(dataDirectory: dir, listPaths: [Self.csl])
        #expect(!files.hasNewerSnapshot)
        #expect(files.origin == .files([Self.csl]))
        #expect(throws: RedFlagError.noLists("no lists imported: run `redflag lists import` or pass --lists")) {
            try ScreeningContext.load(dataDirectory: dir)
        }
    }

    // MARK: documents

    @Test("lists status, rules list and rules show: the library's JSON documents are the CLI's bytes",
          .enabled(if: binaryBuilt, "needs the redflag binary (swift build --build-tests)"))
    func documentsEqualCLI() throws {
        let dir = PipelineFixtures.temporaryDirectory()
        let imported = try RedFlagBinary.run(["lists", "import", Self.csl.path, Self.sdn.path, "--data-dir", dir.path])
        #expect(imported.status == 0)
        let status = try ListsStatusReport.load(dataDirectory: DataDirectory(url: dir), maxAgeDays: 7)
        #expect(status.sources.map(\.source) == [.csl, .ofacSDN])
        #expect(status.stale == status.sources.filter(\.stale).map(\.source))
        let cliStatus = try RedFlagBinary.run(["lists", "status", "--format", "json", "--data-dir", dir.path])
        #expect(cliStatus.stdout == String(decoding: try status.json(), as: UTF8.self))

        let catalog = try CheckRules().catalog
        let cliList = try RedFlagBinary.run(["rules", "list", "--format", "json"])
        #expect(cliList.stdout == String(decoding: try RuleListDocument(catalog: catalog).json(), as: UTF8.self))
        let rule = try RuleDocument(catalog: catalog, id: "ac-02")
        #expect(rule.flag.id == "AC-02")
        #expect(rule.status == "checked")
        let cliShow = try RedFlagBinary.run(["rules", "show", "AC-02", "--format", "json"])
        #expect(cliShow.stdout == String(decoding: try rule.json(), as: UTF8.self))
        #expect(throws: RedFlagError.usage("unknown flag id 'XX-99' (see `redflag rules`)")) { try RuleDocument(catalog: catalog, id: "XX-99") }
    }

    @Test("lists status of an empty data directory is noLists")
    func statusWithoutLists() {
        let dir = PipelineFixtures.temporaryDirectory()
        #expect(throws: RedFlagError.self) { try ListsStatusReport.load(dataDirectory: DataDirectory(url: dir), maxAgeDays: 7) }
    }
}
