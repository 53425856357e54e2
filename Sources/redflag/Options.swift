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

    /// The stores (history, known parties, audit, allow-list) this command reads and writes.
    var stores: any StoreProvider { SQLiteStores(dataDirectory: directory) }
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
///
/// Everything a command prints goes through `Console.out`; it is flushed here, so a full disk or
/// a closed stdout is reported (exit 73) even for a command that printed one line, and a reader
/// that closed the pipe early (`| head`) ends the run quietly with exit 141.
func runReportingErrors(_ body: () throws -> Int32) throws {
    let code: Int32
    do {
        code = try body()
        try Console.out.flush()
    } catch is OutputClosed {
        throw ExitCode(OutputClosed.exitCode)
    } catch let error as RedFlagError {
        // Results already produced still reach the reader before the message.
        try? Console.out.flush()
        Console.message("redflag: \(error.description)")
        throw ExitCode(error.exitCode)
    }
    if code != 0 { throw ExitCode(code) }
}

/// Writes one line of a command's output to stdout (through `Console.out`, flushed by
/// `runReportingErrors`).
func writeLine(_ line: String) {
    Console.out.write(line)
    Console.out.write("\n")
}
