import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists
import RedFlagMatching
import RedFlagRules
import RedFlagStorage

extension Check {
    /// Opens everything, streams the export and returns the exit code.
    func execute() throws -> Int32 {
        var columnMap = ColumnMap()
        if let mapFile { columnMap = try ColumnMap.load(path: mapFile) }
        if let map { columnMap = columnMap.merging(try ColumnMap.parse(option: map)) }
        let checkConfig = try config.map { try CheckConfiguration.load(path: $0) } ?? .default
        let catalog = try RedFlagCatalog.bundled().applying(checkConfig)
        let engine = try RuleEngine(catalog: catalog, groups: CountryGroups.bundled())

        let csv: CSVReader
        var progress: InputProgress?
        if input == "-" {
            csv = CSVReader(handle: .standardInput, path: "<stdin>")
        } else {
            // Opened here rather than by CSVReader(url:) so the progress line can follow the read position.
            let path = URL(fileURLWithPath: input).path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw RedFlagError.fileNotFound(path: path)
            }
            guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
                throw RedFlagError.unreadable(path: path, reason: "permission denied or not a file")
            }
            progress = InputProgress(handle: handle)
            csv = CSVReader(handle: handle, path: path)
        }
        csv.maxRecordBytes = pipeline.maxRecordBytes
        let reader = try OrderReader(csv: csv, map: columnMap)

        let directory = dataDir.directory
        // The same policy `screen` applies, so a party gets the same verdict in both.
        let policy = try DecisionPolicy.load(configPath: config)
        let screener: ScreeningEngine? = skipScreening ? nil
            : try ScreeningEngine.open(dataDirectory: directory, listPaths: listFiles.urls,
                                       configuration: MatchConfiguration(policy: policy))
        try pipeline.checkStaleness(screener?.snapshots ?? [])
        let stamps = screener?.snapshots.map { ListStamp(source: $0.source.rawValue, sha256: $0.sha256, stale: $0.isStale ? true : nil) } ?? []

        let stores = try database.stores(dataDir)
        let store: (any OrderHistoryStoring)?
        if noHistory {
            store = nil
        } else if let history {
            store = try OrderHistoryStore(url: URL(fileURLWithPath: history))
        } else {
            if stores is SQLiteStores { try directory.create() }
            store = try stores.orderHistory(create: true)
        }

        let caseFiles = reportDir.map { CaseFileWriter(directory: URL(fileURLWithPath: $0), configuration: catalog.configuration, lists: stamps) }
        try caseFiles?.prepare()

        let sink: OutputSink
        if let out {
            sink = try OutputSink.openFile(out)
        } else {
            sink = Console.out
        }
        let kind: CheckOutputFormat.Kind = format.flatMap { CheckOutputFormat.Kind(rawValue: $0.rawValue) }
            ?? (isatty(STDOUT_FILENO) == 1 && out == nil ? .table : .jsonl)
        let output = CheckOutputFormat(kind: kind, configuration: catalog.configuration, lists: stamps,
                                       passthroughNames: reader.header.passthrough.map(\.name),
                                       style: out == nil ? .forStandardOutput() : TerminalStyle(colour: false), details: details)

        let run = try PipelineRun.begin(
            info: AuditRunInfo(command: "check", inputPath: input, snapshots: screener?.snapshots ?? [],
                               configurationJSON: AuditRunInfo.json(["configuration": catalog.configuration, "decisionPolicy": policy.identity])),
            settings: pipeline.settings, stores: stores, screener: screener)
        do {
            let runner = OrderCheckRunner(engine: engine, screener: screener, history: store,
                                          adjust: { run.applyAllowList(to: $0) })
            let inputName = input == "-" ? "<stdin>" : input
            sink.write(output.header)
            var first = true
            let audited = pipeline.settings.audit
            let counts = try runner.run(
                reader: reader,
                render: { output.render($0) },
                // A JSON Lines row already is the audit record (plus its newline): render it once.
                renderAudit: { c in
                    audited && kind != .jsonl && c.error == nil && c.decision != .clear && c.decision != nil ? output.recordJSON(c) : nil
                },
                emit: { rows in
                    for row in rows {
                        if !first { sink.write(output.separator) }
                        first = false
                        sink.write(row.text)
                        if let e = row.check.error {
                            Console.message("redflag: \(inputName): line \(row.check.line): \(e)")
                        }
                        if let caseFiles, row.check.decision == .stop, let line = row.line {
                            try caseFiles.write(row.check, line: line)
                        }
                    }
                    try sink.flush()
                    try run.record(rows.map { row in
                        (row.check.decision, {
                            if let json = row.auditJSON { return json }
                            // Drop the row's newline by its UTF-8 byte: `String.dropLast()` counts every Character first.
                            return kind == .jsonl ? String(Substring(row.text.utf8.dropLast())) : output.recordJSON(row.check)
                        })
                    }, fraction: progress?.fraction)
                    var byRole: [PartyScreening.Role: [ScreeningQuery]] = [:]
                    for row in rows {
                        for party in row.check.parties { byRole[party.role, default: []].append(party.result.query) }
                    }
                    for role in PartyScreening.Role.allCases {
                        if let queries = byRole[role] { try run.remember(queries, role: role.rawValue) }
                    }
                },
                shouldStop: { run.shouldStop })
            sink.write(output.footer(counts))
            try sink.flush()
            return try run.finish(exitCode: OrderCheckRunner.exitCode(for: counts))
        } catch {
            run.fail(error)
            throw error
        }
    }
}
