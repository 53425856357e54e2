import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists
import RedFlagSynthetic
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `redflag-bench screen`: fresh-process latency of one name, batch throughput and peak memory,
/// measured by running this very executable as a user would.
struct BenchScreen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Time `redflag screen` for one name (fresh process) and for a batch of N names.",
        discussion: """
            Without --data-dir, every list file under --shared (default ../shared/lists beside the package) is \
            parsed and the largest list per source is imported into a temporary data directory, as \
            `lists import` would; with --data-dir its store is used from a throw-away data directory, so \
            the runs' audit trail and party memory never reach the caller's databases. Then: `redflag \
            screen NAME` is run --runs times as a fresh process (median and p95 wall time, target < 100 ms), \
            and `redflag screen --input FILE --format jsonl` over --names generated names (`redflag-bench \
            generate-names` writes the same file: a fifth list names with a typo or a dropped word, the \
            rest invented company and person names, mostly distinct, deterministic), once as users run it \
            (audit trail, allow-list, party memory) and once bare (--no-audit --no-remember-parties): \
            names/s, CPU time per name (comparable on a loaded machine) and the child's peak memory. \
            Targets on 2 cores: ≥ 5,000 names/s for 100,000 names, ≥ 20,000 names/s for 1,000,000, \
            peak < 500 MB. Build with `-c release` for real figures.
            """
    )

    @Option(help: ArgumentHelp("Names in the batch run.", valueName: "n"))
    var names = 100_000

    @Option(help: ArgumentHelp("Fresh-process single-name runs.", valueName: "n"))
    var runs = 21

    @Option(help: ArgumentHelp("Folder of list snapshots (default: ../shared/lists beside the package).", valueName: "dir"))
    var shared: String?

    @Option(name: .customLong("data-dir"), help: ArgumentHelp("Use this already imported data directory.", valueName: "dir"))
    var dataDir: String?

    @Option(help: "Output: table or json.")
    var format: SummaryFormat = .table

    @OptionGroup var redflag: RedflagBinaryOptions

    struct Latency: Encodable {
        var label: String
        var runs: Int
        var medianMilliseconds: Double
        var p95Milliseconds: Double
    }

    struct Output: Encodable {
        var dataDirectory: String
        var importSeconds: Double?
        var sources: [String]
        var singleName: [Latency]
        var batchNames: Int
        var batches: [Batch]
    }

    /// One `screen --input` run over the generated names.
    struct Batch: Encodable {
        var label: String
        var seconds: Double
        var namesPerSecond: Double
        /// User + system CPU time of the child: comparable across runs on a loaded machine.
        var cpuSeconds: Double
        var peakMemoryMB: Double
        var exitCode: Int32
        var decisions: [String: Int]
    }

    func validate() throws {
        if names < 1 { throw ValidationError("--names must be at least 1") }
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        try runReportingErrors {
            // The child's stores are the throw-away directory's, never a team database from the environment.
            unsetenv("REDFLAG_DATABASE_URL")
            let executable = try redflag.executable()
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-bench-screen-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            var (listSources, importSeconds) = try BenchSupport.prepareRunDirectory(directory, dataDir: dataDir, shared: shared)
            let store = ListStore(dataDirectory: DataDirectory(url: directory))
            guard let manifest = try store.manifest() else {
                throw RedFlagError.noLists("\(directory.path): no lists imported")
            }
            if listSources.isEmpty { listSources = manifest.sources.map(\.source) }
            let sample = try ListSet.load(store: store)
            let batch = SyntheticNames.benchmarkBatch(count: names, entries: sample.entries)

            let probes = ["Huawei Technologies Co Ltd", "Everbright Trading Co., Ltd.", "Bank Melli Iran", "Ivan Petrov",
                          "Rosoboronexport", "Mohammed Ali Hassan", "Shenzhen Velocity Compute"]
            var singles: [Latency] = []
            for (label, extra) in [("screen NAME (defaults: audit, allow-list, party memory)", [String]()),
                                   ("screen NAME --no-audit --no-remember-parties", ["--no-audit", "--no-remember-parties"])] {
                var times: [Double] = []
                for i in 0..<runs {
                    let (seconds, _, _, _) = try BenchSupport.time(executable, ["screen", probes[i % probes.count], "--data-dir", directory.path] + extra)
                    times.append(seconds * 1000)
                }
                times.sort()
                singles.append(Latency(label: label, runs: runs, medianMilliseconds: times[times.count / 2],
                                       p95Milliseconds: times[min(times.count - 1, Int((Double(times.count) * 0.95).rounded(.up)) - 1)]))
            }

            let inputFile = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-bench-names-\(UUID().uuidString).txt")
            defer { try? FileManager.default.removeItem(at: inputFile) }
            try Data((batch.joined(separator: "\n") + "\n").utf8).write(to: inputFile)
            // The nightly job as users run it (audit trail and party memory for rescreen on, in a
            // data directory of its own so the store under test stays clean), then the bare matcher.
            var batches: [Batch] = []
            for (label, extra) in [("screen --input (defaults: audit, allow-list, party memory)", [String]()),
                                   ("screen --input --no-audit --no-remember-parties", ["--no-audit", "--no-remember-parties"])] {
                let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-bench-out-\(UUID().uuidString).jsonl")
                defer { try? FileManager.default.removeItem(at: outputFile) }
                let (seconds, status, peak, cpu) = try BenchSupport.time(executable, [
                    "screen", "--input", inputFile.path, "--format", "jsonl", "--data-dir", directory.path, "--quiet",
                ] + extra, stdout: outputFile)
                // Counted in blocks: reading a GB of output into this process would also inflate the
                // next child's peak (posix_spawn's child starts out sharing this process's pages).
                var decisions = try BenchSupport.count(["CLEAR", "HOLD", "STOP"].map { "\"decision\":\"\($0)\",\"matches\"" }, in: outputFile)
                    .reduce(into: [String: Int]()) { $0[String($1.key.dropFirst(12).prefix { $0 != "\"" })] = $1.value }
                decisions["records"] = try BenchSupport.countLines(outputFile)
                batches.append(Batch(label: label, seconds: seconds, namesPerSecond: Double(batch.count) / seconds,
                                     cpuSeconds: cpu, peakMemoryMB: peak, exitCode: status, decisions: decisions))
            }
            let output = Output(dataDirectory: dataDir ?? "(temporary)", importSeconds: importSeconds,
                                sources: listSources.map(\.rawValue), singleName: singles, batchNames: batch.count, batches: batches)
            switch format {
            case .json:
                try printJSON(output)
            case .table:
                if let importSeconds { writeLine("Imported \(output.sources.joined(separator: ", ")) in \(secondsText(importSeconds))") }
                writeLine(table(["SINGLE NAME, FRESH PROCESS", "RUNS", "MEDIAN", "P95"], singles.map {
                    [$0.label, String($0.runs), String(format: "%.1f ms", $0.medianMilliseconds), String(format: "%.1f ms", $0.p95Milliseconds)]
                }))
                writeLine("Target: under 100 ms.")
                for b in batches {
                    writeLine("\(b.label): \(grouped(batch.count)) names in \(secondsText(b.seconds)) = \(grouped(Int(b.namesPerSecond))) names/s "
                        + "on \(ProcessInfo.processInfo.activeProcessorCount) cores; CPU \(secondsText(b.cpuSeconds)) "
                        + "(\(String(format: "%.0f", b.cpuSeconds / Double(max(1, batch.count)) * 1e6)) µs per name); exit \(b.exitCode); "
                        + "peak memory \(String(format: "%.0f", b.peakMemoryMB)) MB")
                }
                writeLine("Targets: ≥ 5,000 names/s for 100,000 names and ≥ 20,000 names/s for 1,000,000; peak memory < 500 MB.")
            }
            return RedFlagCore.ExitCode.clear
        }
    }
}

/// `redflag-bench generate-names`: writes the names `bench screen` times, one per line.
struct BenchGenerateNames: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-names",
        abstract: "Write the benchmark's names (invented companies and persons, perturbed list names), one per line.")

    @Option(help: "Names to write.")
    var names: Int = 100_000

    @Option(help: ArgumentHelp("Output file.", valueName: "file"))
    var out: String

    @OptionGroup var dataDir: DataDirOptions

    func run() throws {
        try runReportingErrors {
            // The perturbed list names come from the imported store when there is one.
            let entries = (try? ListSet.load(store: ListStore(dataDirectory: dataDir.directory)).entries) ?? []
            let batch = SyntheticNames.benchmarkBatch(count: names, entries: entries)
            do {
                try Data((batch.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: out))
            } catch {
                throw RedFlagError.cannotWrite(path: out, reason: error.localizedDescription)
            }
            return 0
        }
    }
}
