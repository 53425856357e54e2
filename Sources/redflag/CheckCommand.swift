import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagRules

/// `redflag check`: the BIS red flags, list screening and license determination for every line
/// of an order export.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check an order export (CSV) for BIS red flags, screen its parties and determine licenses.",
        discussion: """
            One result per input row, in input order. Decision per line: STOP if any STOP flag, else HOLD if any
            HOLD flag, else CLEAR (NOTE flags never block). Rules whose columns the export lacks are listed as
            "not evaluated", never passed silently. `redflag rules` lists the flags.

            Exit codes: 2 if any STOP, else 1 if any HOLD, else 65 if any row could not be read (missing
            order_id, bad date or quantity, unknown country: each is an ERROR record), else 0. 64 usage,
            66 missing input or lists, 73 cannot write, 130/143 interrupted.
            """)

    @Argument(help: ArgumentHelp("Order export (CSV with a header row), or - for standard input.", valueName: "file"))
    var input: String

    @Option(name: .customLong("map"), help: ArgumentHelp("Rename headers: column=HEADER,... (canonical columns: README, 'Order export').", valueName: "map"))
    var map: String?

    @Option(name: .customLong("map-file"), help: ArgumentHelp("File with one column=HEADER per line.", valueName: "file"))
    var mapFile: String?

    @OptionGroup var listFiles: ListFileOptions
    @OptionGroup var dataDir: DataDirOptions

    @Flag(name: .customLong("skip-screening"), help: "Do not screen parties (list flags are reported as not evaluated).")
    var skipScreening = false

    @Option(name: .customLong("history"), help: ArgumentHelp("Order history database (default: history.sqlite in the data directory).", valueName: "path"))
    var history: String?

    @Flag(name: .customLong("no-history"), help: "Use only the earlier rows of this export as order history; record nothing.")
    var noHistory = false

    @Option(name: .customLong("config"), help: ArgumentHelp("Check configuration (JSON): per-flag enabled, severity, thresholds, terms.", valueName: "file"))
    var config: String?

    @Option(name: .customLong("format"), help: "Output format: table, json, jsonl or csv (default: table on a terminal, else jsonl).")
    var format: OutputFormat?

    @Flag(name: .customLong("details"), help: "Table: show each finding and its facts under the order's line.")
    var details = false

    @Option(name: .customLong("out"), help: ArgumentHelp("Write results to this file instead of standard output.", valueName: "file"))
    var out: String?

    @Option(name: .customLong("report-dir"), help: ArgumentHelp("Write a Markdown + JSON case file for every STOP order here.", valueName: "dir"))
    var reportDir: String?

    @OptionGroup var pipeline: PipelineOptions

    func validate() throws {
        if history != nil && noHistory { throw ValidationError("--history and --no-history exclude each other") }
        if skipScreening && !listFiles.lists.isEmpty { throw ValidationError("--skip-screening and --lists exclude each other") }
    }

    func run() throws {
        try runReportingErrors { try execute() }
    }
}
