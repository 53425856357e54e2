import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists
import RedFlagMatching

/// `redflag rescreen`: screens the known parties against only the list entries that changed.
struct Rescreen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rescreen",
        abstract: "Screen known parties again against the list entries added or modified since the last rescreen.",
        discussion: """
            Known parties are every party `screen` and `check` have seen (kept in history.sqlite) plus those in
            --parties files. The changed entries come from the change log every `lists import`/`update` writes;
            only they are indexed, so the run takes seconds. By default the changes since the start of the last
            completed rescreen are used (all recorded changes the first time). Output: one record per party
            that now alerts, with the matches and whether each entry was added or modified. Exit 0 when nothing
            alerts, 1 for a HOLD, 2 for a STOP, 130/143 when interrupted.
            """
    )

    @OptionGroup var data: DataDirOptions
    @OptionGroup var pipeline: PipelineOptions

    @Option(help: "Use the changes imported after this date (yyyy-mm-dd or ISO 8601) instead of since the last rescreen.")
    var since: String?
    @Flag(help: "Use only the changes of the newest import.") var last = false
    @Option(parsing: .upToNextOption, help: ArgumentHelp(
        "CSV files of parties to rescreen as well (header with name, optional country, address, type).", valueName: "csv"))
    var parties: [String] = []
    @Option(help: ArgumentHelp("Matcher configuration JSON (thresholds).", valueName: "file")) var config: String?
    @Option(help: "jsonl, json, csv or table.") var format: OutputFormat = .jsonl

    func validate() throws {
        if since != nil && last { throw ValidationError("--since and --last exclude each other") }
    }

    func run() throws {
        try runReportingErrors {
            let directory = data.directory
            let configuration = try config.map { try MatchConfiguration.load(from: URL(fileURLWithPath: $0)) } ?? .default
            try configuration.validate()
            let store = ListStore(dataDirectory: directory)
            guard try store.manifest() != nil else {
                throw RedFlagError.noLists("no lists imported: run `redflag lists import` first (rescreen works on the store's change log)")
            }
            var start = RescreenStart(since: try since.map(AuditTrail.parseDate), consumed: [])
            if since == nil && !last {
                let trail = FileManager.default.fileExists(atPath: directory.auditDatabase.path) ? try AuditTrail(dataDirectory: directory) : nil
                start = try RescreenStart.afterLastRescreen(in: trail)
            }
            let changeSet = try RescreenChangeSet.load(store: store, since: start.since, lastImportOnly: last, excluding: start.consumed)
            let rescreener = try Rescreener(changeSet: changeSet) { entries, snapshots in
                try ScreeningEngine(listSet: ListSet(entries: entries, snapshots: snapshots), configuration: configuration)
            }
            var known = try KnownPartyStore.openIfPresent(dataDirectory: directory)?.all() ?? []
            for path in parties { known += try PartyFileReader.read(URL(fileURLWithPath: path), maxRecordBytes: pipeline.maxRecordBytes) }
            known = PartyFileReader.unique(known)

            let recorded = RescreenConfiguration(matcher: AuditRunInfo.json(configuration),
                                                 consumedChanges: changeSet.logs.map(RescreenChangeSet.key))
            try pipeline.checkStaleness(changeSet.snapshots)
            var info = AuditRunInfo(command: "rescreen", snapshots: changeSet.snapshots, configurationJSON: AuditRunInfo.json(recorded))
            info.inputPath = parties.count == 1 ? parties[0] : nil
            var settings = pipeline.settings
            settings.rememberParties = false
            let run = try PipelineRun.begin(info: info, settings: settings, dataDirectory: directory, screener: rescreener.screener)
            if !pipeline.quiet {
                let sinceText = last ? "the newest import" : start.since.map { AuditTrail.timestamp($0) } ?? "the first import"
                let logs = changeSet.logs.isEmpty ? "no list changes" : changeSet.logs.map(\.summary).joined(separator: "; ")
                Console.message("redflag rescreen: \(known.count) known parties against \(changeSet.entries.count) changed entries since \(sinceText) (\(logs))")
            }
            do {
                let results = rescreener.rescreen(known, allowList: run.allowList, shouldStop: { run.shouldStop })
                let hits = results.compactMap { $0 }
                try RescreenOutput(format: RescreenOutput.Format(rawValue: format.rawValue) ?? .jsonl).write(hits)
                try run.record(results.map { hit in
                    (decision: hit?.decision ?? .clear, json: { @Sendable in
                        let encoder = JSONEncoder()
                        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                        encoder.dateEncodingStrategy = .iso8601
                        return hit.flatMap { try? encoder.encode($0) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
                    })
                })
                return try run.finish(exitCode: hits.map(\.decision).max()?.exitCode ?? ExitCode.clear)
            } catch {
                run.fail(error)
                throw error
            }
        }
    }
}
