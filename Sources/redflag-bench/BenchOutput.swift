import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit

/// The data directory a benchmark reads its imported lists from.
struct DataDirOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "Data directory whose imported lists are used (default: $REDFLAG_DATA_DIR, else $XDG_DATA_HOME/redflag, else ~/.local/share/redflag).",
        valueName: "dir"))
    var dataDir: String?

    var directory: DataDirectory { DataDirectory.resolve(explicit: dataDir) }
}

/// List files to screen against directly instead of an imported store.
struct ListFileOptions: ParsableArguments {
    @Option(name: .customLong("lists"), parsing: .upToNextOption, help: ArgumentHelp(
        "Use these list files instead of the imported store.", valueName: "path"))
    var lists: [String] = []

    var urls: [URL] { lists.map { URL(fileURLWithPath: $0) } }
}

/// The `redflag` binary a benchmark times.
struct RedflagBinaryOptions: ParsableArguments {
    @Option(name: .customLong("redflag"), help: ArgumentHelp(
        "The redflag executable to time (default: the one built beside redflag-bench).", valueName: "path"))
    var path: String?

    /// `--redflag`, else `redflag` in this executable's folder (`.build/release`, `.build/debug`).
    func executable() throws -> URL {
        if let path { return URL(fileURLWithPath: path) }
        let beside = BenchSupport.ownExecutable().deletingLastPathComponent().appendingPathComponent("redflag")
        guard FileManager.default.isExecutableFile(atPath: beside.path) else {
            throw RedFlagError.usage("no redflag executable at \(beside.path): build it (swift build -c release) or pass --redflag PATH")
        }
        return beside
    }
}

/// How a benchmark prints its summary.
enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// Runs a benchmark body: a library error becomes a one-line message and its documented exit code.
func runReportingErrors(_ body: () throws -> Int32) throws {
    let code: Int32
    do {
        code = try body()
        try Console.out.flush()
    } catch let error as RedFlagError {
        try? Console.out.flush()
        Console.message("redflag-bench: \(error.description)")
        throw ArgumentParser.ExitCode(error.exitCode)
    }
    if code != 0 { throw ArgumentParser.ExitCode(code) }
}

/// One line of results to stdout.
func writeLine(_ line: String) {
    Console.out.write(line + "\n")
}

/// A JSON document (sorted keys) and a newline to stdout.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    writeLine(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// `12,345`.
func grouped(_ value: Int) -> String {
    var digits = Array(String(value.magnitude))
    var at = digits.count - 3
    while at > 0 {
        digits.insert(",", at: at)
        at -= 3
    }
    return (value < 0 ? "-" : "") + String(digits)
}

/// `0.84 s`.
func secondsText(_ seconds: Double) -> String { String(format: "%.2f s", seconds) }

/// Left-aligned columns two spaces apart, measured in display columns.
func table(_ header: [String], _ rows: [[String]]) -> String {
    let all = ([header] + rows).map { $0.map(TerminalText.escape) }
    let widths = header.indices.map { column in all.map { TerminalText.width($0[column]) }.max() ?? 0 }
    return all.map { row in
        zip(row, widths).enumerated().map { i, cell in i == row.count - 1 ? cell.0 : TerminalText.pad(cell.0, to: cell.1) }
            .joined(separator: "  ")
    }.joined(separator: "\n")
}
