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
            that now alerts, with the matches and whether each entry was added or modified (kind "alert"), and one
            record per party that matched an entry since removed from its list (kind "removed": the entry as it
            was, the match then, and the party's verdict against the lists now). Exit 0 when nothing alerts,
            1 for a HOLD, 2 for a STOP (a delisting counts with its verdict now), 130/143 when interrupted.
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
            var start = RescreenStart(since: try since.map(AuditTimestamp.parse), consumed: [])
            if since == nil && !last {
                start = try RescreenStart.afterLastRescreen(in: try data.stores.audit(create: false))
            }
            let changeSet = try RescreenChangeSet.load(store: store, since: start.since, lastImportOnly: last, excluding: start.consumed)
            // Delistings need the verdict now: the full lists, opened only when something was removed.
            let current = try changeSet.removedEntries.isEmpty ? nil
                : ScreeningEngine.open(dataDirectory: directory, listPaths: [], configuration: configuration)
            let allowList = pipeline.settings.allowList ? try data.stores.allowList(create: false)?.load() ?? .empty : .empty
            let rescreener = try Rescreener(changeSet: changeSet, factory: { entries, snapshots in
                try ScreeningEngine(listSet: ListSet(entries: entries, snapshots: snapshots), configuration: configuration)
            }, current: current.map { ($0, $0.snapshots) }, allowList: allowList)
            var known = try data.stores.knownParties(create: false)?.all() ?? []
            for path in parties { known += try PartyFileReader.read(URL(fileURLWithPath: path), maxRecordBytes: pipeline.maxRecordBytes) }
            known = PartyFileReader.unique(known)

            let recorded = RescreenConfiguration(matcher: AuditRunInfo.json(configuration),
                                                 consumedChanges: changeSet.logs.map(RescreenChangeSet.key))
            try pipeline.checkStaleness(changeSet.snapshots)
            var info = AuditRunInfo(command: "rescreen", snapshots: changeSet.snapshots, configurationJSON: AuditRunInfo.json(recorded))
            info.inputPath = parties.count == 1 ? parties[0] : nil
            var settings = pipeline.settings
            settings.rememberParties = false
            let run = try PipelineRun.begin(info: info, settings: settings, stores: data.stores, screener: rescreener.screener)
            if !pipeline.quiet {
                let sinceText = last ? "the newest import" : start.since.map { AuditTimestamp.string($0) } ?? "the first import"
                let logs = changeSet.logs.isEmpty ? "no list changes" : changeSet.logs.map(\.summary).joined(separator: "; ")
                Console.message("redflag rescreen: \(known.count) known parties against \(changeSet.entries.count) changed entries and \(changeSet.removedEntries.count) removed entries since \(sinceText) (\(logs))")
            }
            do {
                let perParty = rescreener.records(known, allowList: run.allowList, shouldStop: { run.shouldStop })
                let hits = perParty.flatMap { $0 }
                try RescreenOutput(format: RescreenOutput.Format(rawValue: format.rawValue) ?? .jsonl).write(hits)
                // One audit record per output record (delistings kept even when the party is CLEAR
                // now), and a CLEAR one per party with none.
                let results: [RescreenHit?] = perParty.flatMap { $0.isEmpty ? [nil] : $0.map { Optional($0) } }
                try run.record(entries: results.map { hit in
                    (decision: hit?.decision ?? .clear, keep: hit?.kind == .removed, json: { @Sendable in
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
