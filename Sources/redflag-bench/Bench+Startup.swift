import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagLists

/// `redflag-bench startup`: what one name costs a fresh process beyond starting the binary, as
/// the ratio of `redflag screen NAME` to `redflag --help`, run in pairs so that a shared machine's
/// drifting speed falls on both sides of each ratio.
struct BenchStartup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "startup",
        abstract: "Time a fresh-process `redflag screen NAME` against `redflag --help`, in pairs.",
        discussion: """
            Without --data-dir, the largest list per source under --shared (default ../shared/lists beside \
            the package) is imported into a temporary data directory; with --data-dir its store is used from \
            a throw-away data directory (the runs' audit trail never reaches the caller's). After one \
            warm-up, each of --runs rounds runs `redflag --help`, `redflag screen NAME` as users run it \
            (audit trail, allow-list, party memory) and `redflag screen NAME --no-audit --no-remember-parties`, \
            each a fresh process, and prints per command the median wall and CPU time and the median of \
            the per-round ratios to --help. Target: a screen at most 2.5 times --help. Build with \
            `-c release` for real figures.
            """
    )

    @Option(help: ArgumentHelp("Rounds (each one --help and one of each screen).", valueName: "n"))
    var runs = 31

    @Option(help: ArgumentHelp("Folder of list snapshots (default: ../shared/lists beside the package).", valueName: "dir"))
    var shared: String?

    @Option(name: .customLong("data-dir"), help: ArgumentHelp("Use this already imported data directory.", valueName: "dir"))
    var dataDir: String?

    @Option(help: ArgumentHelp("The name screened.", valueName: "name"))
    var name = "Naftiran Trading Services"

    @Option(help: "Output: table or json.")
    var format: SummaryFormat = .table

    @OptionGroup var redflag: RedflagBinaryOptions

    /// One command's figures over every round.
    struct Figures: Encodable {
        var command: String
        var medianWallMilliseconds: Double
        var medianCPUMilliseconds: Double
        /// Median over rounds of this command's wall time divided by --help's in the same round.
        var medianWallRatio: Double
        var medianCPURatio: Double
    }

    struct Output: Encodable {
        var rounds: Int
        var sources: [String]
        var commands: [Figures]
        var target: Double
    }

    func validate() throws {
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        try runReportingErrors {
            unsetenv("REDFLAG_DATABASE_URL")
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-bench-startup-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            _ = try BenchSupport.prepareRunDirectory(directory, dataDir: dataDir, shared: shared)
            let sources = try ListStore(dataDirectory: DataDirectory(url: directory)).manifest()?.sources.map(\.source.rawValue) ?? []
            let executable = try redflag.executable()
            let screen = ["screen", name, "--data-dir", directory.path, "--format", "json"]
            let commands: [(label: String, arguments: [String])] = [
                ("--help", ["--help"]),
                ("screen NAME", screen),
                ("screen NAME --no-audit --no-remember-parties", screen + ["--no-audit", "--no-remember-parties"]),
            ]
            for c in commands { _ = try BenchSupport.time(executable, c.arguments) }
            var wall = Array(repeating: [Double](), count: commands.count)
            var cpu = wall
            for _ in 0..<runs {
                for (i, c) in commands.enumerated() {
                    let t = try BenchSupport.time(executable, c.arguments)
                    wall[i].append(t.seconds * 1000)
                    cpu[i].append(t.cpuSeconds * 1000)
                }
            }
            func median(_ values: [Double]) -> Double {
                let s = values.sorted()
                return s.isEmpty ? 0 : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
            }
            // getrusage counts CPU in clock ticks on some kernels: a zero --help time gives no ratio.
            func ratios(_ a: [Double], _ b: [Double]) -> [Double] { zip(a, b).compactMap { $1 > 0 ? $0 / $1 : nil } }
            let figures = commands.indices.map { i in
                Figures(command: "redflag " + commands[i].label, medianWallMilliseconds: median(wall[i]), medianCPUMilliseconds: median(cpu[i]),
                        medianWallRatio: median(ratios(wall[i], wall[0])), medianCPURatio: median(ratios(cpu[i], cpu[0])))
            }
            let output = Output(rounds: runs, sources: sources, commands: figures, target: 2.5)
            switch format {
            case .json:
                try printJSON(output)
            case .table:
                writeLine("\(runs) rounds after one warm-up; lists: \(sources.joined(separator: ", "))")
                writeLine(table(["FRESH PROCESS", "WALL (MEDIAN)", "CPU (MEDIAN)", "WALL / --help", "CPU / --help"], figures.map {
                    [$0.command, String(format: "%.1f ms", $0.medianWallMilliseconds), String(format: "%.1f ms", $0.medianCPUMilliseconds),
                     String(format: "%.2f×", $0.medianWallRatio), String(format: "%.2f×", $0.medianCPURatio)]
                }))
                writeLine("Target: a screen at most 2.5× --help (ratios are medians of per-round ratios).")
            }
            return RedFlagCore.ExitCode.clear
        }
    }
}
