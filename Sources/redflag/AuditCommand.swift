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
            Retention: export records must be kept five years (15 CFR 762.6). Nothing is deleted except by
            `audit purge --older-than DATE --confirm`, which refuses dates within those five years and is
            itself recorded.
            """,
        subcommands: [List.self, Export.self, Show.self, Purge.self],
        defaultSubcommand: List.self
    )

    /// The audit trail of the data directory, or nil when no run was ever recorded.
    static func trail(_ data: DataDirOptions) throws -> (any AuditStoring)? { try data.stores.audit(create: false) }

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
        @Option(help: "Only runs started on or after this date (yyyy-mm-dd or ISO 8601).") var since: String?
        @Option(help: "table, json, jsonl or csv.") var format: OutputFormat = .table

        func run() throws {
            try runReportingErrors {
                let runs = try Audit.trail(data)?.runs(since: try Audit.since(since)) ?? []
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
        @Option(help: "Only runs started on or after this date (yyyy-mm-dd or ISO 8601).") var since: String?
        @Option(help: "jsonl or csv.") var format: Format = .jsonl

        /// A run with its results, as exported.
        struct RunExport: Encodable {
            var run: AuditRunRecord
            var results: [Result]
            struct Result: Encodable {
                var index: Int
                var decision: Decision
                var record: AuditJSONFragment
            }
        }

        func run() throws {
            try runReportingErrors {
                guard let trail = try Audit.trail(data) else { return 0 }
                let encoder = Allow.encoder(pretty: false)
                if format == .csv {
                    writeLine(Audit.csvHeader + ",record_index,decision,record")
                }
                for run in try trail.runs(since: try Audit.since(since)) {
                    let results = try trail.results(runID: run.id)
                    switch format {
                    case .jsonl:
                        let export = RunExport(run: run, results: results.map {
                            .init(index: $0.index, decision: $0.decision, record: AuditJSONFragment(json: $0.json))
                        })
                        writeLine(String(decoding: try encoder.encode(export), as: UTF8.self))
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
        @Argument(help: "The run id (see `redflag audit list`).") var id: Int64

        func run() throws {
            try runReportingErrors {
                guard let trail = try Audit.trail(data), let run = try trail.run(id: id) else {
                    throw RedFlagError.usage("audit show: no run \(id) (see `redflag audit list`)")
                }
                let results = try trail.results(runID: id)
                let export = Export.RunExport(run: run, results: results.map {
                    .init(index: $0.index, decision: $0.decision, record: AuditJSONFragment(json: $0.json))
                })
                writeLine(String(decoding: try Allow.encoder(pretty: true).encode(export), as: UTF8.self))
                return 0
            }
        }
    }

    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "purge",
            abstract: "Delete runs older than a date at least five years back (15 CFR 762.6).")

        @OptionGroup var data: DataDirOptions
        @Option(name: .customLong("older-than"), help: "Delete runs started before this date (yyyy-mm-dd); must be ≥ 5 years ago.")
        var olderThan: String
        @Flag(help: "Confirm the deletion (required).") var confirm = false

        func run() throws {
            try runReportingErrors {
                let cutoff = try AuditTimestamp.parse(olderThan)
                try AuditRetention.validatePurge(olderThan: cutoff, confirmed: confirm)
                guard let trail = try Audit.trail(data) else {
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

/// Already-encoded JSON embedded as is in an encoded value (a stored result record).
struct AuditJSONFragment: Encodable {
    var json: String

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value = try? JSONDecoder().decode(AuditJSONValue.self, from: Data(json.utf8)) {
            try container.encode(value)
        } else {
            try container.encode(json)
        }
    }
}

/// Any JSON value, to re-encode stored records inside an export.
enum AuditJSONValue: Codable {
    case null, bool(Bool), number(Double), string(String), array([AuditJSONValue]), object([String: AuditJSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([AuditJSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: AuditJSONValue].self)) }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n): try c.encode(n)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}
