import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists

/// `redflag lists status`: what is imported, from when, and whether it is stale.
struct ListsStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each imported source: counts, publication date, sha256, import time, age.",
        discussion: """
            Warns (on stderr, and as `stale` in JSON) when a list is older than --max-age-days, counted from \
            its publication date, else its import time: screening against a stale list is itself a \
            compliance failure. Exit 66 when nothing is imported.
            """
    )

    @OptionGroup var data: DataDirOptions

    @Option(help: "Output: table or json.")
    var format: SummaryFormat = .table

    @Option(name: .customLong("max-age-days"), help: ArgumentHelp("Age in days after which a list is stale.", valueName: "days"))
    var maxAgeDays: Int = 7

    func validate() throws {
        guard maxAgeDays >= 0 else { throw ValidationError("--max-age-days must be 0 or more") }
    }

    func run() throws {
        try runReportingErrors {
            let status = try ListsStatusReport.load(dataDirectory: data.directory, maxAgeDays: maxAgeDays)
            let sources = status.sources
            for s in sources where s.stale {
                let basis = s.publicationDate.map { "published \($0)" } ?? "imported \(isoMinute(s.importedAt))"
                printError("redflag: warning: \(s.source.rawValue) is \(s.ageDays ?? 0) days old (\(basis)), older than \(maxAgeDays) days: run `redflag lists update`")
            }
            switch format {
            case .json:
                Console.out.write(bytes: try status.json())
            case .table:
                writeLine(table(["SOURCE", "FORMAT", "RECORDS", "NAMES", "PUBLISHED", "IMPORTED", "AGE", "WARNINGS", "SHA256"],
                            sources.map { s in
                                [s.source.rawValue, s.format.rawValue, grouped(s.records), grouped(s.names),
                                 s.publicationDate ?? "-", isoMinute(s.importedAt),
                                 s.ageDays.map { "\($0) d" + (s.stale ? " STALE" : "") } ?? "-",
                                 grouped(s.warnings.values.reduce(0, +)), String(s.sha256.prefix(16))]
                            }))
                writeLine("Store: \(status.store) (updated \(isoMinute(status.updatedAt)))")
            }
            return RedFlagCore.ExitCode.clear
        }
    }
}
