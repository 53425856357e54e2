import Foundation
import Testing

/// The committed man page (`docs/redflag.1`) and the shell completion scripts follow the command
/// definitions: every subcommand and option the binary knows is in them.
@Suite struct ManualAndCompletionTests {
    /// One command of `redflag --experimental-dump-help` (swift-argument-parser's tool info).
    struct Command: Decodable {
        struct Argument: Decodable {
            struct Name: Decodable {
                var kind: String
                var name: String
            }
            var kind: String
            var shouldDisplay: Bool
            var names: [Name]?
        }
        var commandName: String
        var shouldDisplay: Bool?
        var subcommands: [Command]?
        var arguments: [Argument]?

        /// Every subcommand below this one, depth first, as (path, command).
        func walk(_ path: [String] = []) -> [([String], Command)] {
            (subcommands ?? []).flatMap { sub in [(path + [sub.commandName], sub)] + sub.walk(path + [sub.commandName]) }
        }
    }

    struct ToolInfo: Decodable { var command: Command }

    static func tool() throws -> Command {
        let r = try CLI.run(["--experimental-dump-help"])
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONDecoder().decode(ToolInfo.self, from: Data(r.stdout.utf8)).command
    }

    static var manualPage: URL { CLI.packageRoot.appendingPathComponent("docs/redflag.1") }

    @Test func theCommittedManPageListsEverySubcommandAndOptionInOrder() throws {
        let root = try Self.tool()
        let page = try String(contentsOf: Self.manualPage, encoding: .utf8)
        let items = page.split(separator: "\n").filter { $0.hasPrefix(".It ") }
        let regenerate = "docs/redflag.1 is out of date: regenerate it with docs/generate-manual.sh"
        // The generator lists each command's subcommands as `.It Em name`, depth first.
        let pageCommands = items.filter { $0.hasPrefix(".It Em ") }.map { String($0.dropFirst(7)) }
        let commands = root.walk()
        #expect(pageCommands == commands.map { $0.0.last! }, "\(regenerate)")
        // …and each displayed option as `.It Fl -name …`.
        for (path, command) in [([String](), root)] + commands {
            for argument in command.arguments ?? [] where argument.shouldDisplay && argument.kind != "positional" {
                for name in argument.names ?? [] where name.kind == "long" {
                    let shown = items.contains { $0.hasPrefix(".It Fl ") && $0.split(separator: " ").contains { $0 == "-\(name.name)" || $0 == "-\(name.name)," } }
                    #expect(shown, "redflag \(path.joined(separator: " ")) --\(name.name) is not in the man page; \(regenerate)")
                }
            }
        }
        #expect(page.contains(".Dt REDFLAG 1"))
    }

    static func installed(_ path: String) -> Bool { FileManager.default.isExecutableFile(atPath: path) }

    @Test(.enabled(if: installed("/usr/bin/groff"), "groff is not installed"))
    func theManPageRendersWithoutWarnings() throws {
        let groff = Process()
        groff.executableURL = URL(fileURLWithPath: "/usr/bin/groff")
        // -P-cbou: plain text, no overstriking or SGR escapes.
        groff.arguments = ["-mandoc", "-Tutf8", "-ww", "-P-cbou", Self.manualPage.path]
        let out = Pipe(), err = Pipe()
        groff.standardOutput = out
        groff.standardError = err
        try groff.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        groff.waitUntilExit()
        #expect(groff.terminationStatus == 0)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(text.contains("SYNOPSIS") && text.contains("--idle-timeout"))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func eachShellGetsACompletionScriptNamingEverySubcommand(_ shell: String) throws {
        let r = try CLI.run(["--generate-completion-script", shell])
        #expect(r.status == 0, "\(r.stderr)")
        let root = try Self.tool()
        for (path, command) in root.walk() where command.shouldDisplay != false {
            #expect(r.stdout.contains(path.last!), "\(shell) completion lacks \(path.joined(separator: " "))")
        }
        for option in ["data-dir", "timeout", "idle-timeout", "format"] {
            // fish names a long option `-l 'name'`; bash and zsh write `--name`.
            let written = shell == "fish" ? "-l '\(option)'" : "--\(option)"
            #expect(r.stdout.contains(written), "\(shell) completion lacks --\(option)")
        }
    }

    /// Writes the script for `shell` and checks that `interpreter` parses it without running it.
    static func parses(_ shell: String, with interpreter: String, _ flags: [String]) throws {
        let r = try CLI.run(["--generate-completion-script", shell])
        let script = CLI.temporaryDirectory().appendingPathComponent("redflag.\(shell)")
        try Data(r.stdout.utf8).write(to: script)
        let check = Process()
        check.executableURL = URL(fileURLWithPath: interpreter)
        check.arguments = flags + [script.path]
        let err = Pipe()
        check.standardError = err
        try check.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "\(shell) cannot parse the script: \(message)")
    }

    @Test func bashParsesItsScript() throws { try Self.parses("bash", with: "/bin/bash", ["-n"]) }

    @Test(.enabled(if: installed("/usr/bin/zsh"), "zsh is not installed"))
    func zshParsesItsScript() throws { try Self.parses("zsh", with: "/usr/bin/zsh", ["-n"]) }

    @Test(.enabled(if: installed("/usr/bin/fish"), "fish is not installed"))
    func fishParsesItsScript() throws { try Self.parses("fish", with: "/usr/bin/fish", ["--no-execute"]) }

    @Test func theBashScriptCompletesSubcommandsWhenSourced() throws {
        let r = try CLI.run(["--generate-completion-script", "bash"])
        let script = CLI.temporaryDirectory().appendingPathComponent("redflag.bash")
        try Data(r.stdout.utf8).write(to: script)
        // Source the script and ask it what follows `redflag lists `, as bash would on TAB.
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = ["-c", """
            source "$1"
            COMP_WORDS=(redflag lists ""); COMP_CWORD=2; COMP_LINE="redflag lists "; COMP_POINT=${#COMP_LINE}
            _redflag
            printf '%s\\n' "${COMPREPLY[@]}"
            """, "bash", script.path]
        let out = Pipe()
        bash.standardOutput = out
        bash.standardError = Pipe()
        try bash.run()
        let words = Set(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").map(String.init))
        bash.waitUntilExit()
        #expect(words.isSuperset(of: ["import", "update", "status", "changes"]), "\(words)")
    }
}
