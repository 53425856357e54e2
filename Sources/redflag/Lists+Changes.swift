import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists

/// `redflag lists changes`: the change log, what each import added, removed and modified.
struct ListsChanges: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "Show what each import added, removed and modified, per source.",
        discussion: """
            The table lists, under each import's counts, every entry added (+), removed (-) and modified (~), \
            and for a modified entry each field that changed (alias added: …, address removed: …, \
            name changed: old → new). JSON carries the same: added/removed/modified ids, addedNames, \
            modifiedFields (per entry: field, change, old, new) and removedEntries (each entry as it was). \
            Change logs written by an older redflag have ids only.
            """
    )

    @OptionGroup var data: DataDirOptions

    @Option(help: ArgumentHelp("Only imports after this time (yyyy-mm-dd or ISO 8601 date-time).", valueName: "date"))
    var since: String?

    @Option(name: .customLong("source"), help: ArgumentHelp("Only this source; repeatable.", valueName: "name"))
    var sources: [String] = []

    @Option(help: "Output: table (per entry, with the fields that changed) or json.")
    var format: SummaryFormat = .table

    @Flag(help: "Table: only the counts per import and source.")
    var summary = false

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
                    if !summary { Console.out.write(Self.details(change)) }
                }
            }
            return RedFlagCore.ExitCode.clear
        }
    }

    /// One line per added, removed and modified entry, and under a modified one a line per field
    /// change; ids only for a change log written before the details were kept.
    static func details(_ change: StoreChanges) -> String {
        var out = ""
        // List data is printed: control characters escaped (TerminalText), never sent to the terminal.
        func line(_ mark: String, _ id: String, _ name: String?) -> String {
            "  \(mark) \(TerminalText.escape(id))\(name.map { "  " + TerminalText.escape($0) } ?? "")\n"
        }
        for id in change.added { out += line("+", id, change.addedNames?[id]) }
        for id in change.removed { out += line("-", id, change.removedEntry(id: id)?.name) }
        let fields = Dictionary((change.modifiedFields ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for id in change.modified {
            out += line("~", id, fields[id]?.name)
            for field in fields[id]?.fields ?? [] { out += "      \(TerminalText.escape(field.text))\n" }
        }
        return out
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
