import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists

/// `redflag lists import PATH...`: parse list files and store them, replacing their sources.
struct ListsImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import list files into the store (each replaces its source; other sources are kept).",
        discussion: """
            Formats are detected from the content: CSL CSV/JSON, OFAC XML / legacy CSV set / Enhanced XML, \
            UN XML, EU XML, OFSI CSV, FCDO XML/CSV. Give one file (or OFAC CSV set) per source. \
            Exit 65 for a bad file, 66 for a missing one; nothing is written in either case. A list \
            published before the one in the store is refused (exit 65, naming both dates; nothing is \
            written) unless --allow-older; a file identical to the store's is reported unchanged and \
            nothing is written for it (exit 0). A file that would drop more than half of its source's \
            entries is refused (65) unless --allow-shrink; two files of one source are refused (64) \
            before anything is parsed.
            """
    )

    @OptionGroup var data: DataDirOptions

    @Argument(help: ArgumentHelp("List files to import.", valueName: "path"))
    var paths: [String]

    @Option(help: "Output: table (a human summary) or json.")
    var format: SummaryFormat = .table

    @Flag(name: .customLong("allow-shrink"), help: "Accept a file that drops more than half of its source's entries.")
    var allowShrink = false

    @Flag(name: .customLong("allow-older"), help: "Import a list even when it was published before the one in the store (a deliberate roll-back).")
    var allowOlder = false

    /// What `--format json` prints.
    struct Output: Encodable {
        var report: StoreImportReport
        var parseSeconds: Double
        var totalSeconds: Double
    }

    func run() throws {
        try runReportingErrors {
            let started = Date()
            let urls = paths.map { URL(fileURLWithPath: $0) }
            for url in urls where !FileManager.default.fileExists(atPath: url.path) {
                throw RedFlagError.fileNotFound(path: url.path)
            }
            let jobs = try ListFileLoader.plan(paths: urls)
            try ListFileLoader.checkDistinctSources(jobs)
            let parsed = try ListFileLoader.run(jobs)
            let parseSeconds = Date().timeIntervalSince(started)
            let store = ListStore(dataDirectory: data.directory)
            try store.checkShrink(parsed, allowShrink: allowShrink)
            let report = try store.importLists(parsed, artifacts: StoreArtifacts.all, allowOlder: allowOlder)
            let total = Date().timeIntervalSince(started)
            switch format {
            case .json:
                try printJSON(Output(report: report, parseSeconds: parseSeconds, totalSeconds: total))
            case .table:
                writeLine(importSummary(report))
                writeLine("Parsed in \(secondsText(parseSeconds)), stored in \(secondsText(report.seconds)), total \(secondsText(total)).")
            }
            return RedFlagCore.ExitCode.clear
        }
    }
}
