import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagMatching

@main
struct RedFlag: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redflag",
        abstract: "Export-control due diligence: screen parties against restricted-party lists and check orders for BIS red flags.",
        discussion: """
            Exit codes: 0 all CLEAR (or success), 1 at least one HOLD, 2 at least one STOP, \
            64 usage error, 65 bad data, 66 missing input or no lists, 69 download failed, \
            70 project data missing, 73 cannot write (disk full, output not writable), \
            75 a list is stale with --fail-if-stale, \
            130 interrupted (SIGINT), 141 the reader of stdout went away (| head), 143 terminated (SIGTERM).
            Global option: --lists-data DIR reads the project data (Lists/: red-flag catalog, country \
            table, sources…) from DIR instead of the copy built into the binary ($REDFLAG_LISTS_DATA too).
            """,
        version: "redflag " + BuildInfo.description,
        subcommands: [Lists.self, Screen.self, Check.self, Rules.self, Allow.self, Audit.self, Rescreen.self, Store.self, Serve.self]
    )

    /// Entry point: prepares the standard streams, takes the global `--lists-data DIR`, then parses
    /// and runs the command; a mistyped subcommand gets a suggestion.
    static func main() {
        AllocatorTuning.apply()
        Console.prepare()
        var arguments = Array(CommandLine.arguments.dropFirst())
        do {
            if let dir = try GlobalOptions.takeListsData(from: &arguments) {
                ProjectData.useDirectory(URL(fileURLWithPath: dir))
            }
            // The commands that screen names build the name tables on the second core meanwhile.
            if let first = arguments.first, ["screen", "check", "rescreen"].contains(first) {
                NameTables.prepareInBackground()
            }
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            if let hint = SubcommandSuggestion.hint(for: arguments, root: RedFlag.self), !(error is ArgumentParser.ExitCode) {
                // The parser's own message, minus its usage footer, then the suggestion.
                let lines = fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
                for line in lines.prefix(1) { Console.message(String(line)) }
                Console.message(hint)
                exit(withError: ArgumentParser.ExitCode(RedFlagCore.ExitCode.usage))
            }
            exit(withError: error)
        }
    }
}

/// Options every command accepts, taken from the arguments before they are parsed.
enum GlobalOptions {
    /// Removes `--lists-data DIR` (or `--lists-data=DIR`) from `arguments` (before a `--`) and
    /// returns DIR; a usage error when DIR is missing or not a folder.
    static func takeListsData(from arguments: inout [String]) throws -> String? {
        var found: String?
        var i = 0
        while i < arguments.count, arguments[i] != "--" {
            let a = arguments[i]
            if a == "--lists-data" {
                guard i + 1 < arguments.count else { throw ValidationError("--lists-data needs a folder") }
                found = arguments[i + 1]
                arguments.removeSubrange(i...(i + 1))
            } else if a.hasPrefix("--lists-data=") {
                found = String(a.dropFirst("--lists-data=".count))
                arguments.remove(at: i)
            } else {
                i += 1
            }
        }
        if let found {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: found, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--lists-data \(found): no such folder")
            }
        }
        return found
    }
}
