import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists

/// `redflag lists changes`: the change log, what each import added, removed and modified.
struct ListsChanges: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "Show what each import added, removed and modified, per source."
    )

    @OptionGroup var data: DataDirOptions

    @Option(help: ArgumentHelp("Only imports after this time (yyyy-mm-dd or ISO 8601 date-time).", valueName: "date"))
    var since: String?

    @Option(name: .customLong("source"), help: ArgumentHelp("Only this source; repeatable.", valueName: "name"))
    var sources: [String] = []

    @Option(help: "Output: table (counts) or json (with the entry ids).")
    var format: SummaryFormat = .table

    func run() throws {
        try runReportingErrors {
            let sinceDate = try since.map(Self.parseDate)
            let wanted = try sources.isEmpty ? nil : Set(sources.map { name in
                guard let source = ListSource(slug: name) else { throw RedFlagError.usage("unknown source \(name)") }
                return source
            })
            let changes = try ListStore(dataDirectory: data.directory).changes(since: sinceDate, sources: wanted)
            switch format {
            case .json:
                try printJSON(changes)
            case .table:
                if changes.isEmpty { writeLine("No changes recorded.") }
                for change in changes {
                    writeLine(TerminalText.escape("\(isoMinute(change.importedAt))  \(change.summary)  (published \(change.publicationDate ?? "unknown"), was \(change.previousPublicationDate ?? "-"))"))
                }
            }
            return RedFlagCore.ExitCode.clear
        }
    }

    /// `2026-01-22` (midnight UTC) or a full ISO 8601 date-time.
    static func parseDate(_ text: String) throws -> Date {
        let full = ISO8601DateFormatter()
        if let date = full.date(from: text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        if let date = day.date(from: text) { return date }
        throw RedFlagError.usage("--since \(text): expected yyyy-mm-dd or an ISO 8601 date-time")
    }
}
