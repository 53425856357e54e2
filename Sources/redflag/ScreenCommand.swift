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
        if let name, name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("the name is empty") }
        if input != nil, address != nil || country != nil || type != nil || dob != nil {
            throw ValidationError("--address, --country, --type and --dob describe one NAME; with --input put them in columns")
        }
        if nameColumn != nil && input == nil { throw ValidationError("--name-column needs --input") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        for (flag, value) in [("--threshold", threshold), ("--strong-threshold", strongThreshold)] {
            if let value, !(0...1).contains(value) { throw ValidationError("\(flag) must be between 0 and 1, not \(value)") }
        }
        if let country, CountryTable.shared.code(for: country) == nil {
            throw ValidationError("unknown country \"\(country)\": give an ISO 3166 code (CN) or an English name (China)")
        }
        if let type, PartyType(listValue: type) == .unknown {
            throw ValidationError("unknown type \"\(type)\": person, entity, vessel or aircraft")
        }
        if let dob, !PartialDate.parse(dob).isValid { throw ValidationError("unreadable date of birth \"\(dob)\"") }
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
        let engine = try ScreeningEngine.open(dataDirectory: dataDir.directory, listPaths: listFiles.urls, configuration: configuration)
        try pipeline.checkStaleness(engine.snapshots)
        let batch = reader != nil
        let kind = format ?? (isatty(STDOUT_FILENO) == 1 ? .table : batch ? .jsonl : .json)
        let sink = Console.out
        let writer = ScreeningWriter(kind: kind, sink: sink, snapshots: engine.snapshots, asArray: batch, explain: explain,
                                     nearest: explain ? { engine.nearest($0) } : nil)

        let run = try PipelineRun.begin(
            info: AuditRunInfo(command: "screen", inputPath: input, snapshots: engine.snapshots,
                               configurationJSON: AuditRunInfo.json(["configuration": configuration])),
            settings: pipeline.settings, stores: try database.stores(dataDir), screener: engine)
        do {
            var tally = ScreeningTally()
            let json = ScreeningJSON(snapshots: engine.snapshots)
            // JSON Lines rows, and the audit JSON of HOLD and STOP records, are encoded beside the
            // screening on every core; the writing loop only copies them out (it encoded every
            // record on one thread, and the audit writer encoded HOLD/STOP records again).
            let encodeAll = kind == .jsonl
            let audited = pipeline.settings.audit
            let screened: @Sendable (ScreeningOutputRecord) -> ScreenedRecord = { r in
                let wanted = encodeAll || (audited && (r.decision == .hold || r.decision == .stop))
                return ScreenedRecord(record: r, json: wanted ? json.encode(r) : nil)
            }
            let emit: ([ScreenedRecord]) throws -> Void = { items in
                let records = items.map(\.record)
                if encodeAll { try writer.write(encoded: items.map { $0.json ?? json.encode($0.record) }) } else { try writer.write(records) }
                for r in records {
                    tally.add(r)
                    if case .error(let e) = r {
                        Console.message("redflag: \(reader?.path ?? "input"): line \(e.line): \(e.message)")
                    }
                }
                try run.record(items.map { item in (item.record.decision, { item.json ?? json.encode(item.record) }) },
                               fraction: reader?.fraction)
                let queries = records.compactMap { r -> ScreeningQuery? in
                    if case .result(let result, _) = r { return result.query }
                    return nil
                }
                if !queries.isEmpty { try run.remember(queries) }
            }
            try writer.begin()
            if let reader {
                let source = ScreeningRecordSource(reader: reader)
                // Chunks of 1,024: the per-chunk flush and audit transaction vanish next to the matching.
                try OrderedBatchProcessor(chunkSize: 1_024).run(
                    next: { try source.next() },
                    transform: { record -> ScreenedRecord in
                        switch record.query {
                        case .success(let query): return screened(.result(run.applyAllowList(to: engine.screen(query)), line: record.line))
                        case .failure(let error): return screened(.error(error))
                        }
                    },
                    emit: emit,
                    shouldStop: { run.shouldStop })
            } else if let name {
                let query = ScreeningQuery(name: name.trimmingCharacters(in: .whitespacesAndNewlines), address: address,
                                           country: country.flatMap { CountryTable.shared.code(for: $0) },
                                           type: type.map { PartyType(listValue: $0) }, dateOfBirth: dob)
                try emit([screened(.result(run.applyAllowList(to: engine.screen(query)), line: nil))])
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
        let remote: [ServiceClient.RemoteRecord]
        if let input {
            let data: Data
            if input == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard FileManager.default.fileExists(atPath: input) else { throw RedFlagError.fileNotFound(path: input) }
                guard let d = FileManager.default.contents(atPath: input) else {
                    throw RedFlagError.unreadable(path: input, reason: "permission denied or not a file")
                }
                data = d
            }
            remote = try client.screenBatch(data)
        } else if let name {
            let query = ScreeningQuery(name: name.trimmingCharacters(in: .whitespacesAndNewlines), address: address,
                                       country: country.flatMap { CountryTable.shared.code(for: $0) },
                                       type: type.map { PartyType(listValue: $0) }, dateOfBirth: dob)
            remote = [try client.screen(query)]
        } else {
            remote = []
        }
        let kind = format ?? (isatty(STDOUT_FILENO) == 1 ? .table : batch ? .jsonl : .json)
        let snapshots = remote.first { !$0.snapshots.isEmpty }?.snapshots ?? []
        var tally = ScreeningTally()
        for r in remote {
            tally.add(r.record)
            if case .error(let e) = r.record { Console.message("redflag: \(input ?? "input"): line \(e.line): \(e.message)") }
        }
        if kind == .jsonl || (kind == .json && !batch) {
            // The service's own text: byte for byte what local screening prints.
            for r in remote { writeLine(r.text) }
        } else {
            let writer = ScreeningWriter(kind: kind, sink: Console.out, snapshots: snapshots, asArray: batch, explain: explain)
            try writer.begin()
            try writer.write(remote.map(\.record))
            try writer.end()
        }
        return tally.exitCode
    }
}

/// Turns a read error in the middle of the input (a CSV field that is not UTF-8, an unreadable
/// stream) into a final error record, so the records before it are still written and the run
/// says where it stopped instead of losing the chunk in progress.
final class ScreeningRecordSource {
    private let reader: ScreeningInputReader
    private var failed = false

    init(reader: ScreeningInputReader) { self.reader = reader }

    func next() throws -> ScreeningInputRecord? {
        if failed { return nil }
        do {
            return try reader.next()
        } catch let error as RedFlagError {
            failed = true
            var line = 0
            if case .badData(_, let location?, _) = error, let n = Int(location.replacingOccurrences(of: "line ", with: "")) { line = n }
            return ScreeningInputRecord(line: line, query: .failure(InputRecordError(
                line: line, message: "\(error.description); reading stopped here", input: [])))
        }
    }
}

/// An output record with its JSON when it was encoded in the parallel stage.
struct ScreenedRecord: Sendable {
    var record: ScreeningOutputRecord
    var json: String?
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
