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

    @OptionGroup var database: DatabaseOptions
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
            let configuration = try config.map { try MatchConfiguration.load(from: URL(fileURLWithPath: $0)) } ?? .default
            let plan = try RescreenPlan.prepare(
                RescreenRequest(since: try since.map(AuditTimestamp.parse), lastImportOnly: last, configuration: configuration),
                dataDirectory: data.directory, audit: { try database.stores(data).audit(create: false) },
                allowList: { pipeline.settings.allowList ? try database.stores(data).allowList(create: false)?.load() ?? .empty : .empty })
            var known = try database.stores(data).knownParties(create: false)?.all() ?? []
            for path in parties { known += try PartyFileReader.read(URL(fileURLWithPath: path), maxRecordBytes: pipeline.maxRecordBytes) }
            known = PartyFileReader.unique(known)

            try pipeline.checkStaleness(plan.changeSet.snapshots)
            var info = AuditRunInfo(command: "rescreen", snapshots: plan.changeSet.snapshots,
                                    configurationJSON: AuditRunInfo.json(plan.recordedConfiguration))
            info.inputPath = parties.count == 1 ? parties[0] : nil
            var settings = pipeline.settings
            settings.rememberParties = false
            let run = try PipelineRun.begin(info: info, settings: settings, stores: try database.stores(data), screener: plan.rescreener.screener)
            if !pipeline.quiet { Console.message(plan.summary(partyCount: known.count)) }
            do {
                let perParty = plan.records(known, allowList: run.allowList, shouldStop: { run.shouldStop })
                let hits = perParty.flatMap { $0 }
                try RescreenOutput(format: RescreenOutput.Format(rawValue: format.rawValue) ?? .jsonl).write(hits)
                // One audit record per output record (delistings kept even when the party is CLEAR
                // now), and a CLEAR one per party with none.
                let results: [RescreenHit?] = perParty.flatMap { $0.isEmpty ? [nil] : $0.map { Optional($0) } }
                try run.record(entries: results.map { hit in
                    (decision: hit?.decision ?? .clear, keep: hit?.kind == .removed, json: { @Sendable in
                        hit.flatMap { try? RescreenOutput.jsonLine($0) } ?? ""
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
