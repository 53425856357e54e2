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
        let rules = try CheckRules.load(configPath: config)
        let catalog = rules.catalog

        let source = try OrderInput.open(path: input)
        let progress = source.progress
        let reader = try OrderInput.reader(source: source, map: columnMap, maxRecordBytes: pipeline.maxRecordBytes)

        let directory = dataDir.directory
        // The same policy `screen` applies, so a party gets the same verdict in both.
        let policy = try DecisionPolicy.load(configPath: config)
        let context: ScreeningContext? = skipScreening ? nil
            : try ScreeningContext.load(dataDirectory: directory, listPaths: listFiles.urls,
                                        settings: ScreeningSettings(screen: MatchConfiguration(policy: policy), checkPolicy: policy),
                                        rules: rules)
        let screener = context?.checkScreener
        try pipeline.checkStaleness(context?.snapshots ?? [])
        pipeline.noteIndex(context)

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

        let caseFiles = reportDir.map {
            CaseFileWriter(directory: URL(fileURLWithPath: $0), configuration: catalog.configuration, lists: context?.listStamps ?? [])
        }
        try caseFiles?.prepare()

        let sink: OutputSink
        if let out {
            sink = try OutputSink.openFile(out)
        } else {
            sink = Console.out
        }
        let kind: CheckOutputFormat.Kind = format.flatMap { CheckOutputFormat.Kind(rawValue: $0.rawValue) }
            ?? (isatty(STDOUT_FILENO) == 1 && out == nil ? .table : .jsonl)
        let output = CheckOutputFormat(kind: kind, rules: rules, context: context,
                                       passthroughNames: reader.header.passthrough.map(\.name),
                                       style: out == nil ? .forStandardOutput() : TerminalStyle(colour: false), details: details)

        let run = try PipelineRun.begin(
            info: .check(rules: rules, policy: policy, context: context, inputPath: input),
            settings: pipeline.settings, stores: stores, screener: screener)
        do {
            let runner = OrderCheckRunner(rules: rules, context: context, history: store, allowList: run.allowList)
            let inputName = input == "-" ? "<stdin>" : input
            sink.write(output.header)
            var first = true
            let audited = pipeline.settings.audit
            let counts = try runner.run(
                reader: reader,
                render: { output.render($0) },
                renderAudit: { output.auditJSON($0, audited: audited) },
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
                    try run.recordChecked(rows, output: output, fraction: progress?.fraction)
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
