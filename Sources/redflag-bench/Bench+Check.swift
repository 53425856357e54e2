import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists
import RedFlagSynthetic
import RedFlagRules

extension SyntheticOrders.Mix: ExpressibleByArgument {}
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `redflag-bench check`: the nightly job as users run it. Generates a synthetic export and
/// times `redflag check FILE --format jsonl --out FILE` as a child process with everything a
/// default run does (history, audit trail, allow-list, party memory), reporting rows/s, CPU
/// time and the child's peak memory.
struct BenchCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Time `redflag check` over synthetic order lines (default 100,000), end to end.",
        discussion: """
            Generates an export (or reads --input) and runs this very executable as `redflag check` on it, \
            output JSON Lines to a temporary file, in a throw-away data directory whose list store is the \
            one under test (--data-dir, else the default data directory's, else every file under --shared \
            imported), so history and audit start empty and the user's databases are untouched. With \
            --lists the child screens those files instead. Targets (release build, 2 cores, all real \
            lists): 1,000,000 lines at ≥ 10,000 lines/s, peak memory < 1 GB.
            """)

    @Option(help: "Synthetic rows to generate.")
    var rows: Int = 100_000

    @Option(help: "standard (47 % CLEAR, few list matches) or heavy (60 % of the customers named after listed entries).")
    var mix: SyntheticOrders.Mix = .standard

    @Option(help: ArgumentHelp("Check this export instead of generating one.", valueName: "file"))
    var input: String?

    @OptionGroup var listFiles: ListFileOptions
    @OptionGroup var dataDir: DataDirOptions

    @OptionGroup var redflag: RedflagBinaryOptions

    @Option(help: ArgumentHelp("Folder of list snapshots, imported when no store exists (default: ../shared/lists).", valueName: "dir"))
    var shared: String?

    @Flag(name: .customLong("skip-screening"), help: "Do not screen parties.")
    var skipScreening = false

    @Flag(name: .customLong("bare"), help: "Pass --no-history --no-audit --no-remember-parties to the child.")
    var bare = false

    @Option(name: .customLong("database"), help: ArgumentHelp(
        "Run the child against this PostgreSQL database (postgres://…) instead of SQLite files in the throw-away data directory.",
        valueName: "url"))
    var database: String?

    func run() throws {
        try runReportingErrors {
            // The child's stores are the throw-away directory's (or --database), never a team database from the environment.
            unsetenv("REDFLAG_DATABASE_URL")
            let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-bench-check-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: tmp) }
            let runDirectory = tmp.appendingPathComponent("data")
            try FileManager.default.createDirectory(at: runDirectory, withIntermediateDirectories: true)
            var arguments = ["check", "--data-dir", runDirectory.path, "--format", "jsonl", "--quiet"]
            var listsLabel: String
            var listedNames: () throws -> [String] = { [] }
            if skipScreening {
                arguments.append("--skip-screening")
                listsLabel = "none (--skip-screening)"
            } else if !listFiles.urls.isEmpty {
                arguments += ["--lists"] + listFiles.urls.map(\.path)
                listsLabel = listFiles.urls.map(\.lastPathComponent).joined(separator: ", ")
                listedNames = { [listFiles] in ListSet(parsed: try ListFileLoader.load(paths: listFiles.urls)).entries.map(\.name) }
            } else {
                var store = ListStore(dataDirectory: dataDir.directory)
                if store.currentFolder() == nil {
                    let imported = tmp.appendingPathComponent("imported")
                    let t0 = Date()
                    let sources = try BenchSupport.importShared(shared, into: imported)
                    writeLine("imported \(sources.map(\.rawValue).joined(separator: ", ")) in \(secondsText(Date().timeIntervalSince(t0)))")
                    store = ListStore(dataDirectory: DataDirectory(url: imported))
                }
                guard let folder = store.currentFolder(), let manifest = try store.manifest() else {
                    throw RedFlagError.noLists("no list store to screen against")
                }
                try BenchSupport.makeRunDirectory(runDirectory, usingStore: folder)
                listsLabel = manifest.sources.map { "\($0.source.rawValue) \(grouped($0.recordCount))" }.joined(separator: ", ")
                listedNames = { [store] in try ListSet.load(store: store).entries.map(\.name) }
            }
            let exportURL: URL
            if let input {
                exportURL = URL(fileURLWithPath: input)
            } else {
                exportURL = tmp.appendingPathComponent("orders.csv")
                let t0 = Date()
                try SyntheticOrders(rows: rows, mix: mix, listedNames: mix == .heavy ? try listedNames() : []).write(to: exportURL)
                writeLine("generated \(grouped(rows)) rows, \(mix.rawValue) mix (\(grouped(SyntheticOrders.customerCount(rows: rows))) customers) in \(secondsText(Date().timeIntervalSince(t0)))")
            }
            arguments.insert(exportURL.path, at: 1)
            if bare { arguments += ["--no-history", "--no-audit", "--no-remember-parties"] }
            if let database { arguments += ["--database", database] }
            let outputFile = tmp.appendingPathComponent("results.jsonl")
            arguments += ["--out", outputFile.path]

            let result = try BenchSupport.time(try redflag.executable(), arguments)
            let rowsOut = try BenchSupport.countLines(outputFile)
            let bytes = (try? FileManager.default.attributesOfItem(atPath: outputFile.path)[.size] as? Int) ?? 0
            writeLine("lists: \(listsLabel)")
            writeLine("redflag \(arguments.map { $0.hasPrefix(tmp.path) ? "…" + $0.dropFirst(tmp.path.count) : $0 }.joined(separator: " "))")
            writeLine("checked \(grouped(rowsOut)) rows in \(secondsText(result.seconds)) = \(grouped(Int(Double(rowsOut) / max(result.seconds, 1e-9)))) rows/s "
                + "on \(ProcessInfo.processInfo.activeProcessorCount) cores; CPU \(secondsText(result.cpuSeconds)) "
                + "(\(String(format: "%.0f", result.cpuSeconds / Double(max(1, rowsOut)) * 1e6)) µs per row); exit \(result.status)")
            writeLine("peak memory \(String(format: "%.0f", result.peakMB)) MB; output \(bytes / 1_048_576) MB of JSON Lines")
            if !bare && database == nil {
                // What the audit trail costs to keep: the database with its journal, per checked line.
                let audit = ["audit.sqlite", "audit.sqlite-wal"].reduce(0) { sum, name in
                    sum + ((try? FileManager.default.attributesOfItem(atPath: runDirectory.appendingPathComponent(name).path)[.size] as? Int) ?? 0)
                }
                writeLine("audit trail \(grouped(audit)) bytes = \(String(format: "%.0f", Double(audit) / Double(max(1, rowsOut)))) bytes per line")
            }
            writeLine("Targets: 1,000,000 lines at ≥ 10,000 lines/s, peak memory < 1 GB.")
            // 0 (CLEAR), 1 (HOLD) and 2 (STOP) are results; anything else is a failed run.
            return result.status <= 2 ? 0 : result.status
        }
    }
}

/// `redflag-bench generate-orders`: writes the synthetic export the check benchmark uses.
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

    @Option(help: "standard or heavy (customers named after the listed entries of --lists or the data directory's lists).")
    var mix: SyntheticOrders.Mix = .standard

    @OptionGroup var listFiles: ListFileOptions
    @OptionGroup var dataDir: DataDirOptions

    func run() throws {
        try runReportingErrors {
            var names: [String] = []
            if mix == .heavy {
                names = listFiles.urls.isEmpty
                    ? ((try? ListSet.load(store: ListStore(dataDirectory: dataDir.directory)).entries) ?? []).map(\.name)
                    : ListSet(parsed: try ListFileLoader.load(paths: listFiles.urls)).entries.map(\.name)
            }
            try SyntheticOrders(rows: rows, seed: seed, mix: mix, listedNames: names).write(to: URL(fileURLWithPath: out))
            return 0
        }
    }
}
