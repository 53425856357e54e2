import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists

/// `redflag lists update`: download every list from its official URL and import what parses.
struct ListsUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Download the lists from their official URLs (Lists/sources.json) and import them.",
        discussion: """
            The sources are downloaded at the same time, each streamed to a file in the data directory, \
            checked to parse, then all good downloads are imported in one atomic step. Progress goes to \
            stderr per source (a live line on a terminal, plain lines into a pipe; --quiet silences it). \
            The whole update stops at the --timeout deadline; an attempt that receives nothing for \
            --idle-timeout seconds is abandoned (and retried while time is left). A source whose download \
            fails or is stopped keeps its old list, and the command says why and exits 69 (65 when a \
            download arrived but does not parse, or was published before the list in the store: refused \
            unless --allow-older); the other sources are still updated. A download identical to the \
            store's list changes nothing and is reported unchanged.
            """
    )

    @OptionGroup var data: DataDirOptions

    @Option(name: .customLong("source"), help: ArgumentHelp(
        "Update only this source (csl, ofac-sdn, ofac-cons, un, eu, uk); repeatable.", valueName: "name"))
    var sources: [String] = []

    @Option(help: ArgumentHelp("Overall deadline in seconds: downloads still running then are stopped.", valueName: "s"))
    var timeout: Double = 120

    @Option(name: .customLong("idle-timeout"), help: ArgumentHelp(
        "Seconds without a byte from a server (connecting included) before an attempt is abandoned.", valueName: "s"))
    var idleTimeout: Double = 30

    @Option(help: ArgumentHelp("Further attempts after a transient failure (network error, 5xx, truncated body).", valueName: "n"))
    var retries: Int = 2

    @Option(name: .customLong("retry-delay"), help: ArgumentHelp("Seconds before the first retry, doubled for each further one.", valueName: "s"))
    var retryDelay: Double = 1

    @Option(name: .customLong("sources-file"), help: ArgumentHelp(
        "Alternative sources JSON (default: $REDFLAG_SOURCES_FILE, else Lists/sources.json).", valueName: "file"))
    var sourcesFile: String?

    @Option(help: "Output: table (a human summary) or json.")
    var format: SummaryFormat = .table

    @Flag(name: [.customShort("q"), .long], help: "No progress on stderr (failures are still reported).")
    var quiet = false

    @Flag(name: .customLong("allow-shrink"), help: "Accept a download that drops more than half of a source's entries.")
    var allowShrink = false

    @Flag(name: .customLong("allow-older"), help: "Import a download even when it was published before the list in the store.")
    var allowOlder = false

    /// One source's result in `--format json`.
    struct SourceResult: Encodable {
        var source: ListSource
        var urls: [String]
        var updated: Bool
        var error: String?
        var downloadSeconds: Double
        var bytes: Int64
        var stoppedAtDeadline: Bool
    }

    struct Output: Encodable {
        var sources: [SourceResult]
        var report: StoreImportReport?
    }

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        guard idleTimeout > 0 else { throw ValidationError("--idle-timeout must be positive") }
        guard retries >= 0 else { throw ValidationError("--retries must be 0 or more") }
        guard retryDelay >= 0 else { throw ValidationError("--retry-delay must be 0 or more") }
    }

    func run() throws {
        try runReportingErrors {
            let catalog = try SourceCatalog.resolve(explicit: sourcesFile)
            let selected = try catalog.select(sources)
            let store = ListStore(dataDirectory: data.directory)
            let previous = try? store.manifest()

            let deadline = Date().addingTimeInterval(timeout)
            let folder = try ListDownloader.makeWorkFolder(in: data.directory)
            defer { try? FileManager.default.removeItem(at: folder) }
            let downloader = ListDownloader(
                downloader: HTTPDownloader(policy: .init(idleTimeout: idleTimeout, retries: retries, backoff: retryDelay)),
                parse: { try ListFileLoader.load(paths: $0) })
            let display = DownloadProgressDisplay.forCommand(sources: selected.map(\.source), quiet: quiet)
            var outcomes = downloader.fetch(selected, into: folder, deadline: deadline) { display.report($0, $1) }
            display.finish()
            let stopped = outcomes.filter(\.stoppedAtDeadline).map(\.source.rawValue)
            if !stopped.isEmpty {
                let limit = timeout == timeout.rounded() ? "\(Int(timeout))" : "\(timeout)"
                printError("redflag: stopped at the \(limit) s deadline (--timeout): \(stopped.joined(separator: ", ")) not downloaded")
            }
            // A download older than the store's list (a stale mirror, a cached response) is refused
            // for its source alone; the other sources are still updated.
            if !allowOlder {
                for index in outcomes.indices {
                    guard let parsed = outcomes[index].parsed,
                          let refusal = ListStore.rollbackRefusal(parsed, current: previous?.snapshot(for: parsed.source)) else { continue }
                    outcomes[index].parsed = nil
                    outcomes[index].error = refusal
                }
            }

            var failures: [RedFlagError] = []
            // A download that would drop more than half of a source is refused; the others go in.
            var good: [ParsedList] = []
            for list in outcomes.compactMap(\.parsed) {
                do {
                    try store.checkShrink([list], allowShrink: allowShrink)
                    good.append(list)
                } catch let error as RedFlagError {
                    failures.append(error)
                    printError("redflag: \(list.source.rawValue) not updated: \(error.description)")
                }
            }
            let report = good.isEmpty ? nil : try store.importLists(good, artifacts: StoreArtifacts.all, allowOlder: allowOlder)

            for outcome in outcomes {
                guard let error = outcome.error else { continue }
                failures.append(error)
                let kept = previous?.snapshot(for: outcome.source).map {
                    "keeping the list imported \(isoMinute($0.importedAt)) (published \($0.publicationDate ?? "unknown"))"
                } ?? "no list of this source is in the store"
                printError("redflag: \(outcome.source.rawValue) not updated: \(error.description); \(kept)")
            }

            switch format {
            case .json:
                try printJSON(Output(sources: outcomes.map {
                    SourceResult(source: $0.source, urls: $0.urls, updated: $0.parsed != nil,
                                 error: $0.error?.description, downloadSeconds: $0.seconds,
                                 bytes: $0.bytes, stoppedAtDeadline: $0.stoppedAtDeadline)
                }, report: report))
            case .table:
                for outcome in outcomes where outcome.parsed != nil {
                    writeLine("\(outcome.source.rawValue): downloaded \(outcome.urls.joined(separator: ", ")) in \(secondsText(outcome.seconds))")
                }
                if let report { writeLine(importSummary(report)) }
                if report == nil { writeLine("Nothing updated.") }
            }
            if failures.isEmpty { return RedFlagCore.ExitCode.clear }
            let downloadFailed = failures.contains { if case .download = $0 { return true } else { return false } }
            return downloadFailed ? RedFlagCore.ExitCode.unavailable : failures[0].exitCode
        }
    }
}
