import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagStorage

/// `redflag store`: the stores behind the commands (history, known parties, audit, allow-list).
struct Store: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Move a desk's stores into a team's PostgreSQL database.",
        subcommands: [Copy.self]
    )

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: "Copy a data directory's SQLite stores (history, known parties, allow-list, audit trail) into PostgreSQL.",
            discussion: """
                Orders already recorded by another desk are kept as they are; parties seen by both add their \
                sightings; an identical allow-list rule is not added twice; audit runs keep their records, hash \
                chain and seal and are copied once however often the copy runs. The SQLite files are only read.
                """)

        @Option(name: .customLong("from"), help: ArgumentHelp("The data directory to copy from.", valueName: "dir"))
        var from: String
        @Option(name: .customLong("to"), help: ArgumentHelp("The team database (postgres://user@host:port/db).", valueName: "url"))
        var to: String

        func run() throws {
            try runReportingErrors {
                let directory = DataDirectory(url: URL(fileURLWithPath: from))
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: directory.url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                    throw RedFlagError.fileNotFound(path: directory.url.path)
                }
                guard case let target as PostgresStores = try StoreLocation.resolve(databaseURL: to, dataDirectory: directory) else {
                    throw RedFlagError.usage("store copy: --to must be a postgres:// URL")
                }
                let r = try StoreCopier.copy(from: directory, to: target)
                print("copied \(r.orders) orders (\(r.ordersAlreadyThere) already there), \(r.parties) known parties, "
                    + "\(r.rules) allow-list rules (\(r.rulesAlreadyThere) already there), \(r.runs) audit runs "
                    + "(\(r.runsAlreadyThere) already there) from \(directory.url.path) to \(target.description)")
                return 0
            }
        }
    }
}
