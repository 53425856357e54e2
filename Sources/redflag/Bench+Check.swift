import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagRules
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `redflag bench check`: time to check N synthetic order lines end to end (read, history,
/// screening, rules, JSON Lines rendering), and the peak memory.
struct BenchCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Time checking synthetic order lines (default 100,000) with screening, history and rules.",
        discussion: """
            Generates an export (or reads --input), then runs the same pipeline as `redflag check` with a \
            throw-away history database, rendering JSON Lines into memory. Screens against --lists, else the \
            imported store; --skip-screening measures the rules alone. Use a release build.
            """)

    @Option(help: "Synthetic rows to generate.")
    var rows: Int = 100_000

    @Option(help: ArgumentHelp("Check this export instead of generating one.", valueName: "file"))
    var input: String?

    @OptionGroup var listFiles: ListFileOptions
    @OptionGroup var dataDir: DataDirOptions

    @Flag(name: .customLong("skip-screening"), help: "Do not screen parties.")
    var skipScreening = false

    func run() throws {
        try runReportingErrors {
            let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-bench-check-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: tmp) }
            let exportURL: URL
            if let input {
                exportURL = URL(fileURLWithPath: input)
            } else {
                exportURL = tmp.appendingPathComponent("orders.csv")
                let t0 = Date()
                try SyntheticOrders(rows: rows).write(to: exportURL)
                print("generated \(rows) rows in \(String(format: "%.2f", Date().timeIntervalSince(t0))) s")
            }
            let t1 = Date()
            let screener: ScreeningEngine? = skipScreening ? nil
                : try ScreeningEngine.open(dataDirectory: dataDir.directory, listPaths: listFiles.urls, configuration: .default)
            let openSeconds = Date().timeIntervalSince(t1)
            let engine = try RuleEngine(catalog: RedFlagCatalog.bundled(), groups: CountryGroups.bundled())
            let store = try OrderHistoryStore(url: tmp.appendingPathComponent("history.sqlite"))
            let runner = OrderCheckRunner(engine: engine, screener: screener, history: store)
            let output = CheckOutputFormat(kind: .jsonl, configuration: "default", lists: [], passthroughNames: [])
            let reader = try OrderReader(csv: CSVReader(url: exportURL))
            var bytes = 0
            let t2 = Date()
            let counts = try runner.run(reader: reader, render: { output.render($0) }, emit: { rows in
                for r in rows { bytes += r.text.utf8.count }
            })
            let seconds = Date().timeIntervalSince(t2)
            print("lists: \(screener.map { "\($0.snapshots.map(\.source.rawValue).joined(separator: ", ")) (opened in \(String(format: "%.2f", openSeconds)) s)" } ?? "none (--skip-screening)")")
            print("checked \(counts.total) rows in \(String(format: "%.2f", seconds)) s = \(Int(Double(counts.total) / max(seconds, 1e-9))) rows/s on \(ProcessInfo.processInfo.activeProcessorCount) cores")
            print("decisions: \(counts.summary); output \(bytes / 1_048_576) MB of JSON Lines")
            print("peak memory \(String(format: "%.0f", BenchSupport.resourceUsage().peakMemoryMB)) MB")
            return 0
        }
    }
}

/// `redflag bench generate-orders`: writes the synthetic export the check benchmark uses.
struct BenchGenerateOrders: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-orders",
        abstract: "Write a synthetic order export (all canonical columns) for benchmarks and demos.")

    @Option(help: "Rows to write.")
    var rows: Int = 100_000

    @Option(help: ArgumentHelp("Output file.", valueName: "file"))
    var out: String

    @Option(help: "Random seed (same seed, same file).")
    var seed: UInt64 = 42

    func run() throws {
        try runReportingErrors {
            try SyntheticOrders(rows: rows, seed: seed).write(to: URL(fileURLWithPath: out))
            return 0
        }
    }
}
