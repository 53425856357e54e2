import Foundation
import Testing

/// Issue 13: output that never lies or crashes (full disk, closed pipe, closed stderr), CSV cells
/// a spreadsheet cannot run, names that cannot drive the terminal, JSON into a pipe, suggestions
/// for a mistyped subcommand, `--version`, and a binary that is a complete install by itself.
@Suite("output safety and installation (CLI)")
struct OutputSafetyCLITests {
    static let lists = [CLI.fixture("lists/ofac-sdn.xml"), CLI.fixture("lists/csl.csv")]

    /// Runs `script` in /bin/sh with `$REDFLAG` the built binary and `$LISTS` the fixture lists.
    func sh(_ script: String, cwd: URL? = nil) throws -> CLI.Result {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        var env = ProcessInfo.processInfo.environment
        env["REDFLAG"] = CLI.executable.path
        env["LISTS"] = Self.lists.joined(separator: " ")
        env["DATA"] = dir.path
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "COLUMNS")
        process.environment = env
        if let cwd { process.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test("a full stdout is exit 73 with a message, for every kind of command", arguments: [
        "$REDFLAG rules list",
        "$REDFLAG rules show AC-02",
        "$REDFLAG rules list --format json",
        "$REDFLAG screen ACME --lists $LISTS --data-dir $DATA --format json",
        "$REDFLAG allow list --data-dir $DATA --format csv",
        "$REDFLAG screen ACME --lists $LISTS --data-dir $DATA --format json >/dev/null; $REDFLAG audit list --data-dir $DATA",
        "$REDFLAG lists import $LISTS --data-dir $DATA >/dev/null; $REDFLAG lists status --data-dir $DATA --format json",
        "$REDFLAG lists import $LISTS --data-dir $DATA >/dev/null; $REDFLAG lists changes --data-dir $DATA",
    ])
    func fullStdout(command: String) throws {
        let r = try sh("\(command) >/dev/full; echo \"rc=$?\" >&2")
        #expect(r.stderr.contains("rc=73"), "\(command): \(r.stderr)")
        #expect(r.stderr.contains("cannot write"), "\(command): \(r.stderr)")
    }

    @Test("a reader that stops early ends the run quietly (exit 141, no message, no crash)")
    func earlyReader() throws {
        let r = try sh("""
            i=0; while [ $i -lt 4000 ]; do echo "Party number $i"; i=$((i+1)); done > $DATA/names.txt
            ( $REDFLAG screen --input $DATA/names.txt --lists $LISTS --data-dir $DATA --format jsonl --quiet --max-age-days 36500 2>$DATA/err2; echo "rc=$?" >$DATA/rc ) | head -3 >/dev/null
            cat $DATA/rc; cat $DATA/err2
            """)
        #expect(r.stdout.contains("rc=141"), "\(r.stdout)")
        #expect(!r.stdout.contains("redflag:"), "no message for a reader that went away: \(r.stdout)")
    }

    @Test("a closed stderr never crashes", arguments: [
        "$REDFLAG scren x", "$REDFLAG screen ACME --lists /no/such/file", "$REDFLAG screen --input - --lists $LISTS --data-dir $DATA </dev/null",
    ])
    func closedStderr(command: String) throws {
        let r = try sh("\(command) >/dev/null 2>&-; echo \"rc=$?\"")
        let code = Int(r.stdout.split(separator: "=").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? -1
        #expect([0, 1, 2, 64, 65, 66].contains(code), "\(command) exited \(code)")
    }

    @Test("CSV output neutralises spreadsheet formulas from names")
    func csvFormulas() throws {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = "name\n\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"\n+1\n-1\n@SUM(1)\n\"\tTab Name\"\n"
        let r = try CLI.run(["screen", "--input", "-", "--format", "csv", "--lists"] + Self.lists + ["--data-dir", dir.path],
                            stdin: Data(input.utf8))
        #expect(r.status == 0 || r.status == 1)
        let cells = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" }
        for cell in cells {
            #expect(!["=", "+", "-", "@", "\t"].contains(cell.first.map(String.init) ?? ""), "\(cell)")
        }
        #expect(r.stdout.contains("\"'=HYPERLINK("))
        #expect(r.stdout.contains("\"'+1\""))
    }

    @Test("escape sequences in a name do not reach the terminal, in tables or messages")
    func terminalEscapes() throws {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let hostile = "\u{1B}]0;owned\u{07}\u{1B}[2JACME"
        let r = try CLI.run(["screen", hostile, "--format", "table", "--lists"] + Self.lists + ["--data-dir", dir.path])
        #expect(!r.stdout.contains("\u{1B}"), "no raw ESC on stdout")
        #expect(r.stdout.contains("\\x1B]0;owned"))
        let bad = try CLI.run(["screen", "ACME", "--lists", dir.appendingPathComponent("x\u{1B}[2J.csv").path, "--data-dir", dir.path])
        #expect(bad.status == 66)
        #expect(!bad.stderr.contains("\u{1B}"), "no raw ESC on stderr: \(bad.stderr)")
        #expect(bad.stderr.contains("\\x1B[2J"))
    }

    @Test("one name screened into a pipe is JSON; --format table forces a table")
    func jsonIntoPipe() throws {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["screen", "Zhongshan Everlight Microelectronics Co., Ltd.", "--lists"] + Self.lists + ["--data-dir", dir.path])
        #expect(r.status == 2)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(object?["decision"] as? String == "STOP")
        let table = try CLI.run(["screen", "Zhongshan Everlight Microelectronics Co., Ltd.", "--format", "table", "--lists"] + Self.lists
                                + ["--data-dir", dir.path])
        #expect(table.stdout.hasPrefix("STOP"))
    }

    @Test("a mistyped subcommand suggests the right one", arguments: [
        (["scren", "ACME"], "redflag screen"), (["lists", "stauts"], "redflag lists status"), (["chekc"], "redflag check"),
        (["audti", "list"], "redflag audit"),
    ])
    func suggestion(arguments: [String], expected: String) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 64)
        #expect(r.stderr.contains("Did you mean '\(expected)'?"), "\(r.stderr)")
    }

    @Test("--version prints the version and the commit")
    func version() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.range(of: #"^redflag \d+\.\d+\.\d+ \(commit ([0-9a-f]{7,}(-dirty)?|unknown)\)\n$"#, options: .regularExpression) != nil,
                "\(r.stdout)")
    }

    @Test("the binary copied outside the checkout and run through PATH is a complete install")
    func copiedBinary() throws {
        let bin = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: bin) }
        try FileManager.default.copyItem(at: CLI.executable, to: bin.appendingPathComponent("redflag"))
        let r = try sh("""
            export PATH="\(bin.path):/usr/bin:/bin"
            cd /
            redflag rules show AC-02 | head -1
            redflag screen "Zhongshan Everlight Microelectronics Co., Ltd." --lists $LISTS --data-dir $DATA --country China --format table >/dev/null; echo "screen=$?"
            redflag check "\(CLI.fixture("orders/scenario.csv"))" --lists $LISTS --data-dir $DATA --format jsonl >/dev/null; echo "check=$?"
            """, cwd: URL(fileURLWithPath: "/"))
        #expect(r.stdout.hasPrefix("AC-02:"), "\(r.stdout) \(r.stderr)")
        #expect(r.stdout.contains("screen=2"), "\(r.stdout) \(r.stderr)")
        #expect(r.stdout.contains("check=2"), "\(r.stdout) \(r.stderr)")
        #expect(!r.stderr.contains("project data missing"))
    }

    @Test("--lists-data DIR overrides the built-in project data; a missing folder is a usage error")
    func listsDataOverride() throws {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = CLI.packageRoot.appendingPathComponent("Lists/redflags.json")
        let edited = try String(contentsOf: catalog, encoding: .utf8)
            .replacingOccurrences(of: "Order volume spike or large first order", with: "Edited title for the override test")
        try edited.write(to: dir.appendingPathComponent("redflags.json"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["rules", "show", "AC-02", "--lists-data", dir.path])
        #expect(r.stdout.hasPrefix("AC-02: Edited title for the override test"), "\(r.stdout) \(r.stderr)")
        let env = try CLI.run(["rules", "show", "AC-02"], environment: ["REDFLAG_LISTS_DATA": dir.path])
        #expect(env.stdout.hasPrefix("AC-02: Edited title"))
        // Files the folder does not have still come from the built-in copy.
        let screen = try CLI.run(["screen", "ACME", "--country", "China", "--format", "json", "--lists-data", dir.path, "--lists"] + Self.lists
                                 + ["--data-dir", dir.path])
        #expect(screen.status == 0, "\(screen.stderr)")
        #expect(try CLI.run(["rules", "list", "--lists-data", "/no/such/folder"]).status == 64)
    }

    @Test("check table: one line per order with its flags; --details adds the findings")
    func checkTable() throws {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["check", CLI.fixture("orders/erp-export.csv"), "--map-file", CLI.fixture("orders/erp-export.map"), "--lists"]
            + Self.lists + ["--data-dir", dir.path, "--quiet", "--no-history", "--format", "table"]
        let short = try CLI.run(args)
        let orderLines = short.stdout.split(separator: "\n").filter { $0.hasPrefix("45000120") }
        #expect(orderLines.count == 3, "\(short.stdout)")
        #expect(orderLines.contains { $0.contains("STOP") && $0.contains("REG-LIST-EL") })
        #expect(!short.stdout.contains("          · "))
        let long = try CLI.run(args + ["--details"])
        #expect(long.stdout.contains("          · ") && long.stdout.split(separator: "\n").count > short.stdout.split(separator: "\n").count)
    }

}
