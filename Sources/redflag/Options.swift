import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagStorage

/// Where redflag keeps its state; shared by every command that reads or writes it.
struct DataDirOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "Data directory (default: $REDFLAG_DATA_DIR, else $XDG_DATA_HOME/redflag, else ~/.local/share/redflag).",
        valueName: "dir"))
    var dataDir: String?

    var directory: DataDirectory { DataDirectory.resolve(explicit: dataDir) }
}

/// Where the stores (order history, known parties, audit trail, allow-list) are, for every
/// command that reads or writes them.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database"), help: ArgumentHelp(
        "A team's PostgreSQL database for history, known parties, audit trail and allow-list "
            + "(postgres://user@host:port/db; default: $REDFLAG_DATABASE_URL, else SQLite files in the data directory).",
        valueName: "url"))
    var database: String?

    /// The stores this command reads and writes.
    func stores(_ data: DataDirOptions) throws -> any StoreProvider {
        try StoreLocation.resolve(databaseURL: database, dataDirectory: data.directory)
    }
}

/// List files to screen against directly, without importing them into the store.
struct ListFileOptions: ParsableArguments {
    @Option(name: .customLong("lists"), parsing: .upToNextOption, help: ArgumentHelp(
        "Load these list files directly instead of the imported store.", valueName: "path"))
    var lists: [String] = []

    var urls: [URL] { lists.map { URL(fileURLWithPath: $0) } }
}

/// Output formats shared by the commands that print results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl, csv
}

/// Runs a command body, turning library errors into a one-line message on stderr and the exit
/// code the README documents, so every command honours the same contract.
func runReportingErrors(_ body: () throws -> Int32) throws {
    let code: Int32
    do {
        code = try body()
    } catch let error as RedFlagError {
        FileHandle.standardError.write(Data("redflag: \(error.description)\n".utf8))
        throw ExitCode(error.exitCode)
    }
    if code != 0 { throw ExitCode(code) }
}
