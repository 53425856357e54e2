import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit

/// `redflag audit`: the record of every screen, check and rescreen run.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "List and export the audit trail of screening and checking runs.",
        discussion: """
            Every screen, check and rescreen run is recorded in audit.sqlite in the data directory: time, user,
            command line, input SHA-256, list snapshot hashes, configuration, counts per decision and each
            HOLD/STOP result. A run is stored as "incomplete" when it starts and marked complete, interrupted
            or failed when it ends, so a crashed run shows as incomplete.
            Records are stored compressed and chained by hash per run; `audit show` and `audit export` give
            each record back exactly as it was first written, and `audit verify` checks every run and names the
            first record that does not match (exit 65 when one does not).
            Retention: export records must be kept five years (15 CFR 762.6). Nothing is deleted except by
            `audit purge --older-than DATE --confirm`, which refuses dates within those five years and is
            itself recorded.
            """,
        subcommands: [List.self, Export.self, Show.self, Verify.self, Purge.self],
        defaultSubcommand: List.self
    )

    /// The audit trail of the data directory, or nil when no run was ever recorded.
    static func trail(_ data: DataDirOptions, _ database: DatabaseOptions) throws -> (any AuditStoring)? {
        try database.stores(data).audit(create: false)
    }

    static func since(_ text: String?) throws -> Date? { try text.map(AuditTimestamp.parse) }

    static let csvHeader = "id,command,status,started_at,finished_at,user,input,input_sha256,lists,clear,hold,stop,errors,exit_code,arguments"

    static func csvRow(_ run: AuditRunRecord) -> String {
        let lists = run.lists.map { "\($0.source)@\($0.sha256)" }.joined(separator: " ")
        return [String(run.id), run.command, run.status.rawValue, run.startedAt, run.finishedAt ?? "", run.user,
                run.input ?? "", run.inputSHA256 ?? "", lists, String(run.counts.clear), String(run.counts.hold),
                String(run.counts.stop), String(run.counts.errors), run.exitCode.map { String($0) } ?? "",
                run.arguments.joined(separator: " ")].map(CSVText.field).joined(separator: ",")
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "One line per recorded run.")

        @OptionGroup var data: DataDirOptions

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Only runs started on or after this date (yyyy-mm-dd or ISO 8601).") var since: String?
        @Option(help: "table, json, jsonl or csv.") var format: OutputFormat = .table

        func run() throws {
            try runReportingErrors {
                let runs = try Audit.trail(data, database)?.runs(since: try Audit.since(since)) ?? []
                switch format {
                case .table:
                    if runs.isEmpty { Console.message("redflag: no runs recorded") }
                    for r in runs {
                        writeLine([String(r.id), r.startedAt, r.user, r.command, r.status.rawValue, r.counts.summary, r.input ?? "-"]
                            .map(TerminalText.escape).joined(separator: "\t"))
                    }
                case .json:
                    writeLine(String(decoding: try Allow.encoder(pretty: true).encode(runs), as: UTF8.self))
                case .jsonl:
                    let encoder = Allow.encoder(pretty: false)
                    for r in runs { writeLine(String(decoding: try encoder.encode(r), as: UTF8.self)) }
                case .csv:
                    writeLine(Audit.csvHeader)
                    for r in runs { writeLine(Audit.csvRow(r)) }
                }
                return 0
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export runs with their HOLD/STOP results (JSONL: one run per line; CSV: one row per result).")

        enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv }

        @OptionGroup var data: DataDirOptions

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Only runs started on or after this date (yyyy-mm-dd or ISO 8601).") var since: String?
        @Option(help: "jsonl or csv.") var format: Format = .jsonl

        /// A run with its results as one JSON object (`{"results":[{"decision","index","record"}],"run":{…}}`),
        /// each record spliced in exactly as it was first written, not decoded and encoded again
        /// (that would reorder keys and rewrite numbers). `pretty` indents as `show` prints it.
        static func json(run: AuditRunRecord, results: [AuditResultRecord], pretty: Bool) throws -> String {
            let runJSON = String(decoding: try Allow.encoder(pretty: pretty).encode(run), as: UTF8.self)
            guard pretty else {
                let items = results.map { "{\"decision\":\"\($0.decision.rawValue)\",\"index\":\($0.index),\"record\":\($0.json)}" }
                return "{\"results\":[" + items.joined(separator: ",") + "],\"run\":" + runJSON + "}"
            }
            let items = results.map {
                "    {\n      \"decision\" : \"\($0.decision.rawValue)\",\n      \"index\" : \($0.index),\n      \"record\" : \($0.json)\n    }"
            }
            let indentedRun = runJSON.replacingOccurrences(of: "\n", with: "\n  ")
            let list = items.isEmpty ? "[]" : "[\n" + items.joined(separator: ",\n") + "\n  ]"
            return "{\n  \"results\" : " + list + ",\n  \"run\" : " + indentedRun + "\n}"
        }

        func run() throws {
            try runReportingErrors {
                guard let trail = try Audit.trail(data, database) else { return 0 }
                if format == .csv {
                    writeLine(Audit.csvHeader + ",record_index,decision,record")
                }
                for run in try trail.runs(since: try Audit.since(since)) {
                    let results = try trail.results(runID: run.id)
                    switch format {
                    case .jsonl:
                        writeLine(try Export.json(run: run, results: results, pretty: false))
                    case .csv:
                        let head = Audit.csvRow(run)
                        if results.isEmpty { writeLine(head + ",,,") }
                        for r in results {
                            writeLine(head + "," + [String(r.index), r.decision.rawValue, r.json].map(CSVText.field).joined(separator: ","))
                        }
                    }
                }
                return 0
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "One run with its HOLD/STOP results, as JSON.")

        @OptionGroup var data: DataDirOptions

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The run id (see `redflag audit list`).") var id: Int64

        func run() throws {
            try runReportingErrors {
                guard let trail = try Audit.trail(data, database), let run = try trail.run(id: id) else {
                    throw RedFlagError.usage("audit show: no run \(id) (see `redflag audit list`)")
                }
                writeLine(try Export.json(run: run, results: try trail.results(runID: id), pretty: true))
                return 0
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check every run's records against its hash chain; name the first record that does not match.",
            discussion: """
                One line per run: intact (records and seal match), incomplete (never finished; the records written \
                match), unchained (recorded before the chain) or BROKEN with the first record that does not match. \
                Exit 0 when nothing is broken, 65 when a run is.
                """)

        @OptionGroup var data: DataDirOptions

        @OptionGroup var database: DatabaseOptions
        @Option(help: "table or jsonl.") var format: OutputFormat = .table

        func run() throws {
            try runReportingErrors {
                let results = try Audit.trail(data, database)?.verify() ?? []
                switch format {
                case .jsonl, .json:
                    let encoder = Allow.encoder(pretty: false)
                    for r in results { writeLine(String(decoding: try encoder.encode(r), as: UTF8.self)) }
                case .table, .csv:
                    if results.isEmpty { Console.message("redflag: no runs recorded") }
                    for r in results {
                        let label = r.outcome == .broken ? "BROKEN" : r.outcome.rawValue
                        writeLine("\(r.runID)\t\(label)\t\(r.recordsVerified)\t\(r.detail)")
                    }
                }
                guard let bad = results.first(where: { $0.outcome == .broken }) else { return 0 }
                let at = bad.firstBadRecord.map { ", record \($0)" } ?? ""
                throw RedFlagError.badData(path: "audit trail", location: "run \(bad.runID)\(at)", message: bad.detail)
            }
        }
    }

    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "purge",
            abstract: "Delete runs older than a date at least five years back (15 CFR 762.6).")

        @OptionGroup var data: DataDirOptions

        @OptionGroup var database: DatabaseOptions
        @Option(name: .customLong("older-than"), help: "Delete runs started before this date (yyyy-mm-dd); must be ≥ 5 years ago.")
        var olderThan: String
        @Flag(help: "Confirm the deletion (required).") var confirm = false

        func run() throws {
            try runReportingErrors {
                let cutoff = try AuditTimestamp.parse(olderThan)
                try AuditRetention.validatePurge(olderThan: cutoff, confirmed: confirm)
                guard let trail = try Audit.trail(data, database) else {
                    Console.message("redflag: no audit trail, nothing to purge")
                    return 0
                }
                let deleted = try trail.purge(olderThan: cutoff, confirmed: confirm)
                Console.message("redflag: purged \(deleted.runs) runs and \(deleted.results) results started before \(olderThan) (recorded in the audit trail)")
                return 0
            }
        }
    }
}
