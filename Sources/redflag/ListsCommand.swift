import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists

/// `redflag lists …`: the local list store.
struct Lists: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lists",
        abstract: "Import, update and inspect the local list store.",
        discussion: """
            The store lives in <data-dir>/lists and is replaced atomically: a failed import or update \
            leaves the previous lists in use. Importing a source replaces that source only.
            """,
        subcommands: [ListsImport.self, ListsUpdate.self, ListsStatus.self, ListsChanges.self]
    )
}

/// Output of the `lists` commands: a human summary or one JSON document.
enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// Writes a JSON document (sorted keys, ISO dates) and a newline to stdout.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    Console.out.write(bytes: Array(try encoder.encode(value)))
    Console.out.write("\n")
}

/// Writes a line to stderr (warnings, progress: never results).
func printError(_ line: String) {
    Console.message(line)
}

/// `12,345`.
func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return value < 0 ? "-" + out : out
}

/// `2026-01-22 03:15:00Z`.
func isoMinute(_ date: Date?) -> String {
    guard let date else { return "-" }
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime, .withTimeZone]
    return f.string(from: date)
}

/// `0.84 s`.
func secondsText(_ seconds: Double) -> String { String(format: "%.2f s", seconds) }

/// Left-aligned columns separated by two spaces; cells escaped and measured in display columns
/// (a publication date or file name from a list must not drive the terminal).
func table(_ header: [String], _ rows: [[String]]) -> String {
    let all = ([header] + rows).map { $0.map(TerminalText.escape) }
    let widths = header.indices.map { column in all.map { TerminalText.width($0[column]) }.max() ?? 0 }
    return all.map { row in
        row.enumerated().map { i, cell in
            i == row.count - 1 ? cell : TerminalText.pad(cell, to: widths[i])
        }.joined(separator: "  ")
    }.joined(separator: "\n")
}

/// The human summary of an import (used by `import` and `update`).
func importSummary(_ report: StoreImportReport) -> String {
    var lines: [String] = []
    for item in report.imported {
        let s = item.snapshot
        lines.append("\(s.source.rawValue): \(grouped(s.recordCount)) records, \(grouped(s.nameCount)) names, "
            + "format \(s.format.rawValue), published \(s.publicationDate ?? "unknown"), sha256 \(s.sha256.prefix(16)), "
            + "from \(s.files.joined(separator: ", "))")
        lines.append("  warnings: \(s.warningSummary)")
        for example in item.warningExamples.prefix(3) {
            lines.append("    e.g. \(example.record) \(example.field) \"\(example.value)\": \(example.message)")
        }
        lines.append("  changes: " + item.changes.summary)
    }
    for s in report.unchanged {
        lines.append("\(s.source.rawValue): unchanged: identical to the list in the store "
            + "(from \(s.files.joined(separator: ", ")), published \(s.publicationDate ?? "unknown"), sha256 \(s.sha256.prefix(16)), imported \(isoMinute(s.importedAt))); nothing changed")
    }
    for s in report.carriedOver {
        lines.append("\(s.source.rawValue): kept (\(grouped(s.recordCount)) records, published \(s.publicationDate ?? "unknown"))")
    }
    lines.append("Store: \(report.store)")
    // Each line escaped on its own: a publication date or warning example from a list cannot drive the terminal.
    return lines.map(TerminalText.escape).joined(separator: "\n")
}
