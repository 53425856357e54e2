import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists
import RedFlagMatching
import RedFlagServer

/// `redflag screen`: one name for the sales desk, or a stream of parties from `--input`.
struct Screen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Screen a name (or a file of names) against the restricted-party lists.",
        discussion: """
            One name: `redflag screen "Huawei Technologies" --country CN` prints a verdict and the matches.
            Many: `--input FILE|-` reads CSV with a header (name column: --name-column, else the first of
            name, customer_name, party_name, full_name; address, country, type, dob columns are used when
            present), JSON Lines ({"name":…,"address":…,"country":…}) or one name per line, detected from the
            content, and writes exactly one record per input record, in input order (an error record for a
            record that cannot be screened).
            Decision: STOP for a match at or above the strong threshold on a list that bars the deal, HOLD for
            any other match at or above the review threshold, CLEAR otherwise.
            Exit codes: 0 all CLEAR, 1 any HOLD, 2 any STOP, 64 usage, 65 bad data (also: a record could not
            be screened and nothing was STOP), 66 missing input or no lists.
            """
    )

    @Argument(help: ArgumentHelp("The name to screen (omit with --input).", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("The party's address (matched against listed addresses).", valueName: "address"))
    var address: String?

    @Option(help: ArgumentHelp("The party's country: ISO code or English name.", valueName: "country"))
    var country: String?

    @Option(help: ArgumentHelp("person, entity, vessel or aircraft.", valueName: "type"))
    var type: String?

    @Option(help: ArgumentHelp("Date of birth of a person (1973-03-25, 1973, 25/03/1973…).", valueName: "date"))
    var dob: String?

    @OptionGroup var listFiles: ListFileOptions
    @OptionGroup var dataDir: DataDirOptions
    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("Read parties from this file (CSV, JSON Lines or one name per line); - for standard input.",
                               valueName: "file"))
    var input: String?

    @Option(name: .customLong("name-column"), help: ArgumentHelp("CSV column holding the name.", valueName: "column"))
    var nameColumn: String?

    @Option(help: "Output format: table, json, jsonl or csv (default: table on a terminal; else json for one name, jsonl for --input).")
    var format: OutputFormat?

    @Option(help: ArgumentHelp("Most matches reported per party (default 10).", valueName: "n"))
    var limit: Int?

    @Option(help: ArgumentHelp("Review threshold in 0…1: matches at or above it are reported and HOLD (default 0.80).",
                               valueName: "score"))
    var threshold: Double?

    @Option(name: .customLong("strong-threshold"),
            help: ArgumentHelp("Strong threshold in 0…1: a match at or above it on a barring list is STOP (default 0.92).",
                               valueName: "score"))
    var strongThreshold: Double?

    @Option(help: ArgumentHelp("Matcher configuration (JSON): thresholds, per-list overrides, limit.", valueName: "file"))
    var config: String?

    @Flag(help: "Show each match's token alignment, per-token scores and qualifiers; on a CLEAR result, the nearest candidates and why each fell short (table format).")
    var explain = false

    @Option(help: ArgumentHelp(
        "Ask a running `redflag serve` at this URL instead of screening locally (API key from $REDFLAG_API_KEY); the output is the same.",
        valueName: "url"))
    var server: String?

    @OptionGroup var pipeline: PipelineOptions

    func validate() throws {
        if server != nil, !listFiles.lists.isEmpty || config != nil || threshold != nil || strongThreshold != nil || limit != nil {
            throw ValidationError("--server screens with the service's lists and configuration: --lists, --config, --threshold, --strong-threshold and --limit do not apply")
        }
        if name == nil && input == nil { throw ValidationError("give a NAME to screen or --input FILE (- for standard input)") }
        if name != nil && input != nil { throw ValidationError("give either a NAME or --input, not both") }
        if let name, name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError(ScreenRequestError.emptyName.description)
        }
        if input != nil, address != nil || country != nil || type != nil || dob != nil {
            throw ValidationError("--address, --country, --type and --dob describe one NAME; with --input put them in columns")
        }
        if nameColumn != nil && input == nil { throw ValidationError("--name-column needs --input") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        for (flag, value) in [("--threshold", threshold), ("--strong-threshold", strongThreshold)] {
            if let value, !(0...1).contains(value) { throw ValidationError("\(flag) must be between 0 and 1, not \(value)") }
        }
        do {
            _ = try request?.query()
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The one party to screen (nil with `--input`).
    var request: ScreenRequest? {
        name.map { ScreenRequest(name: $0, address: address, country: country, type: type, dob: dob) }
    }

    func run() throws {
        try runReportingErrors { try execute() }
    }

    /// The matcher configuration: the file's (or the defaults), then the command-line overrides.
    func matchConfiguration() throws -> MatchConfiguration {
        var c = try config.map { try MatchConfiguration.load(from: URL(fileURLWithPath: $0)) } ?? .default
        if let threshold { c.reviewThreshold = threshold }
        if let strongThreshold { c.strongThreshold = strongThreshold }
        if let limit { c.limit = limit }
        if c.reviewThreshold > c.strongThreshold {
            throw RedFlagError.usage("the review threshold \(c.reviewThreshold) is above the strong threshold \(c.strongThreshold)")
        }
        return c
    }

    private func execute() throws -> Int32 {
        if let server { return try executeRemotely(server: server) }
        let configuration = try matchConfiguration()
        // Open the input before the lists so a missing file is reported at once.
        let reader = try input.map { try ScreeningInputReader(path: $0, nameColumn: nameColumn, maxRecordBytes: pipeline.maxRecordBytes) }
        let context = try ScreeningContext.load(dataDirectory: dataDir.directory, listPaths: listFiles.urls,
                                                settings: ScreeningSettings(screen: configuration))
        let engine = context.screener
        try pipeline.checkStaleness(context.snapshots)
        pipeline.noteIndex(context)
        let batch = reader != nil
        let kind = format ?? (isatty(STDOUT_FILENO) == 1 ? .table : batch ? .jsonl : .json)
        let sink = Console.out
        let writer = ScreeningWriter(kind: kind, sink: sink, snapshots: context.snapshots, asArray: batch, explain: explain,
                                     nearest: explain ? { engine.nearest($0) } : nil)

        let run = try PipelineRun.begin(
            info: .screen(context: context, inputPath: input),
            settings: pipeline.settings, stores: try database.stores(dataDir), screener: engine)
        do {
            var tally = ScreeningTally()
            // After the staleness check: the records' "lists" mark the stale ones.
            let json = context.screeningJSON()
            // JSON Lines rows, and the audit JSON of HOLD and STOP records, are encoded beside the
            // screening on every core; the writing loop only copies them out.
            let encodeAll = kind == .jsonl
            let wanted = ScreeningBatch.encoding(all: encodeAll, audited: pipeline.settings.audit)
            let emit: ([ScreenedRecord]) throws -> Void = { items in
                let records = items.map(\.record)
                if encodeAll { try writer.write(encoded: items.map { $0.json ?? json.encode($0.record) }) } else { try writer.write(records) }
                for r in records {
                    tally.add(r)
                    if case .error(let e) = r {
                        Console.message("redflag: \(reader?.path ?? "input"): line \(e.line): \(e.message)")
                    }
                }
                try run.recordScreened(items, json: json, fraction: reader?.fraction)
            }
            try writer.begin()
            if let reader {
                try ScreeningBatch(screener: engine, json: json, adjust: { run.applyAllowList(to: $0) })
                    .run(reader: reader, encode: wanted, emit: emit, shouldStop: { run.shouldStop })
            } else if let request {
                let record = ScreeningOutputRecord.result(try context.screen(request, allowList: run.allowList), line: nil)
                try emit([ScreenedRecord(record: record, json: wanted(record) ? json.encode(record) : nil)])
            }
            try writer.end()
            return try run.finish(exitCode: tally.exitCode, printSummary: batch)
        } catch {
            run.fail(error)
            throw error
        }
    }
}

extension Screen {
    /// `--server URL`: the service screens (and keeps the audit trail, under the key's name); the
    /// records it returns are printed by the same writers as local results.
    func executeRemotely(server: String) throws -> Int32 {
        let client = try ServiceClient(server: server, apiKey: ProcessInfo.processInfo.environment["REDFLAG_API_KEY"])
        let batch = input != nil
        let kind = format ?? (isatty(STDOUT_FILENO) == 1 ? .table : batch ? .jsonl : .json)
        var tally = ScreeningTally()
        // The service's own text, byte for byte what local screening prints; other formats go
        // through the local writers, begun with the lists of the first record.
        let verbatim = kind == .jsonl || (kind == .json && !batch)
        var writer: ScreeningWriter?
        var listsChecked = false
        func print(_ r: ServiceClient.RemoteRecord) throws {
            if !listsChecked, !r.snapshots.isEmpty {
                // The lists the service screened against: warned about (and refused with
                // --fail-if-stale) by this desk's age limit, as local lists would be.
                listsChecked = true
                try pipeline.checkStaleness(r.snapshots)
            }
            tally.add(r.record)
            if case .error(let e) = r.record { Console.message("redflag: \(input ?? "input"): line \(e.line): \(e.message)") }
            if verbatim { return writeLine(r.text) }
            if writer == nil {
                writer = ScreeningWriter(kind: kind, sink: Console.out, snapshots: r.snapshots, asArray: batch, explain: explain)
                try writer?.begin()
            }
            try writer?.write([r.record])
        }
        if let input {
            // Streamed both ways: a pipe of a million names is neither held nor waited for.
            let source = try InputByteSource.open(input)
            try client.screenBatch(streaming: source, inputName: source.path, record: print, waiting: { try Console.out.flush() })
        } else if let request {
            do { try print(try client.screen(try request.query())) } catch let error as ScreenRequestError {
                throw RedFlagError.usage(error.description)
            }
        }
        if !verbatim {
            if writer == nil {
                writer = ScreeningWriter(kind: kind, sink: Console.out, snapshots: [], asArray: batch, explain: explain)
                try writer?.begin()
            }
            try writer?.end()
        }
        return tally.exitCode
    }
}

/// The writer for the chosen format, behind one type so the command drives any of them alike.
struct ScreeningWriter {
    private let beginBody: () throws -> Void
    private let writeBody: ([ScreeningOutputRecord]) throws -> Void
    private let endBody: () throws -> Void
    /// JSON Lines only: writes records already encoded.
    private var writeEncodedBody: (([String]) throws -> Void)?

    init(kind: OutputFormat, sink: OutputSink, snapshots: [ListSnapshot], asArray: Bool, explain: Bool,
         nearest: ((ScreeningQuery) -> [NearCandidate])? = nil) {
        switch kind {
        case .table:
            let w = ScreeningTableWriter(sink: sink, snapshots: snapshots, style: .forStandardOutput(), explain: explain, nearest: nearest)
            (beginBody, writeBody, endBody) = (w.begin, w.write, w.end)
        case .json:
            let w = ScreeningJSONWriter(sink: sink, snapshots: snapshots, asArray: asArray)
            (beginBody, writeBody, endBody) = (w.begin, w.write, w.end)
        case .jsonl:
            let w = ScreeningJSONLinesWriter(sink: sink, snapshots: snapshots)
            (beginBody, writeBody, endBody) = (w.begin, w.write, w.end)
            writeEncodedBody = w.write(encoded:)
        case .csv:
            let w = ScreeningCSVWriter(sink: sink, snapshots: snapshots)
            (beginBody, writeBody, endBody) = (w.begin, w.write, w.end)
        }
    }

    func begin() throws { try beginBody() }
    func write(_ records: [ScreeningOutputRecord]) throws { try writeBody(records) }
    /// Writes records `ScreeningJSON` has encoded (JSON Lines).
    func write(encoded lines: [String]) throws {
        guard let writeEncodedBody else { preconditionFailure("only the JSON Lines writer takes encoded records") }
        try writeEncodedBody(lines)
    }
    func end() throws { try endBody() }
}
