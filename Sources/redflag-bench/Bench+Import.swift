import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `redflag-bench import`: how long parsing and storing the lists takes, and the peak memory.
struct BenchImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Time parsing every list file (per file and all together) and writing the store.",
        discussion: """
            Default input: every file under ../shared/lists beside the package. Phase 1 parses each file \
            alone (an OFAC CSV set counts once, under its sdn.csv); phase 2 parses all of them together \
            (in parallel, as `lists import` does) and writes one store of one list per source (the \
            largest) with the artifacts into a temporary data directory. Targets (release build): \
            total under 3 s, peak memory under 500 MB.
            """
    )

    @Argument(help: ArgumentHelp("List files (default: every file under --shared).", valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Folder of list snapshots (default: ../shared/lists beside the package).", valueName: "dir"))
    var shared: String?

    @Option(help: "Output: table or json.")
    var format: SummaryFormat = .table

    struct FileResult: Encodable {
        var file: String
        var bytes: Int
        var source: ListSource?
        var format: ListFormat?
        var records: Int
        var seconds: Double
        var recordsPerSecond: Double
        var error: String?
    }

    struct Output: Encodable {
        var files: [FileResult]
        var parseAllSeconds: Double
        var parseAllRecords: Int
        /// CPU seconds (all threads) of the parse-all phase: on a shared machine, what wall time would be without the others.
        var parseAllCPUSeconds: Double
        var storeSeconds: Double
        var storeSources: [ListSource]
        var storeCPUSeconds: Double
        /// Part of `storeSeconds` spent building the artifacts (the prebuilt screening index).
        var artifactSeconds: Double
        /// Reading every entry back from the written store (`ListSet.load(store:)`).
        var storeLoadSeconds: Double
        var storeLoadRecords: Int
        var totalSeconds: Double
        /// User plus system CPU time of the whole run: meaningful even on a loaded machine.
        var cpuSeconds: Double
        var peakMemoryMB: Double
    }

    func run() throws {
        try runReportingErrors {
            let files = try inputFiles()
            let folderPrefix = Self.commonFolder(files)
            // Phase 1: each file alone.
            var results: [FileResult] = []
            var inSets = Set<String>()
            for url in files {
                if inSets.contains(url.standardizedFileURL.path) { continue }
                let bytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
                let started = Date()
                do {
                    let lists = try ListFileLoader.load(paths: [url])
                    let seconds = Date().timeIntervalSince(started)
                    for list in lists {
                        for member in list.files where list.files.count > 1 { inSets.insert(member.standardizedFileURL.path) }
                        let records = list.entries.count
                        results.append(FileResult(file: list.files.map(\.path).joined(separator: " + "), bytes: bytes,
                                                  source: list.source, format: list.format, records: records, seconds: seconds,
                                                  recordsPerSecond: seconds > 0 ? Double(records) / seconds : 0, error: nil))
                    }
                } catch let error as RedFlagError {
                    results.append(FileResult(file: url.path, bytes: bytes, source: nil, format: nil, records: 0,
                                              seconds: Date().timeIntervalSince(started), recordsPerSecond: 0, error: error.description))
                }
            }
            // A set member tried on its own before its sdn.csv failed; it is counted with the set.
            results.removeAll { $0.error != nil && inSets.contains(URL(fileURLWithPath: $0.file).standardizedFileURL.path) }

            // Phase 2: everything loadable together, then one store of the largest list per source.
            let loadable = results.filter { $0.error == nil }.flatMap { $0.file.components(separatedBy: " + ") }
                .filter { path in !inSets.contains(URL(fileURLWithPath: path).standardizedFileURL.path) || path.hasSuffix("sdn.csv") }
                .map { URL(fileURLWithPath: $0) }
            let started = Date()
            let parseCPUStarted = BenchSupport.resourceUsage().cpuSeconds
            let all = loadable.isEmpty ? [] : try ListFileLoader.load(paths: loadable)
            let parseAll = Date().timeIntervalSince(started)
            let parseAllCPU = BenchSupport.resourceUsage().cpuSeconds - parseCPUStarted
            var largest: [ListSource: ParsedList] = [:]
            for list in all where list.entries.count > (largest[list.source]?.entries.count ?? -1) { largest[list.source] = list }
            let storeStarted = Date()
            let storeCPUStarted = BenchSupport.resourceUsage().cpuSeconds
            let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-bench-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: temporary) }
            let artifactClock = ArtifactClock()
            let timedArtifacts = StoreArtifacts.all.map { artifact in
                StoreArtifact(fileName: artifact.fileName) { entries, json in
                    let started = Date()
                    defer { artifactClock.add(Date().timeIntervalSince(started)) }
                    return try artifact.buildWithJSON(entries, json)
                }
            }
            if !largest.isEmpty {
                try ListStore(dataDirectory: DataDirectory(url: temporary)).importLists(Array(largest.values), artifacts: timedArtifacts)
            }
            let storeSeconds = Date().timeIntervalSince(storeStarted)
            let storeCPU = BenchSupport.resourceUsage().cpuSeconds - storeCPUStarted
            let loadStarted = Date()
            let reloaded = largest.isEmpty ? 0 : try ListSet.load(store: ListStore(dataDirectory: DataDirectory(url: temporary))).entries.count
            let storeLoadSeconds = Date().timeIntervalSince(loadStarted)
            let output = Output(files: results, parseAllSeconds: parseAll, parseAllRecords: all.reduce(0) { $0 + $1.entries.count },
                                parseAllCPUSeconds: parseAllCPU, storeSeconds: storeSeconds, storeSources: largest.keys.sorted(),
                                storeCPUSeconds: storeCPU, artifactSeconds: artifactClock.total,
                                storeLoadSeconds: storeLoadSeconds, storeLoadRecords: reloaded,
                                totalSeconds: parseAll + storeSeconds, cpuSeconds: BenchSupport.resourceUsage().cpuSeconds,
                                peakMemoryMB: BenchSupport.resourceUsage().peakMemoryMB)
            switch format {
            case .json:
                try printJSON(output)
            case .table:
                writeLine(table(["FILE", "MB", "SOURCE", "FORMAT", "RECORDS", "SECONDS", "RECORDS/S"], results.map { r in
                    [r.file.replacingOccurrences(of: folderPrefix, with: ""), String(format: "%.1f", Double(r.bytes) / 1_048_576),
                     r.source?.rawValue ?? "-", r.format?.rawValue ?? "ERROR", grouped(r.records),
                     String(format: "%.3f", r.seconds), grouped(Int(r.recordsPerSecond))]
                }))
                for r in results { if let error = r.error { writeLine("  not loaded: \(error)") } }
                writeLine("All \(loadable.count) files parsed together: \(grouped(output.parseAllRecords)) records in \(secondsText(parseAll)) (\(secondsText(parseAllCPU)) CPU)")
                writeLine("Store written (\(output.storeSources.map(\.rawValue).joined(separator: ", ")), \(StoreArtifacts.all.count) artifacts): \(secondsText(storeSeconds)) (\(secondsText(storeCPU)) CPU), of which artifacts \(secondsText(artifactClock.total)) (built beside the entries writes)")
                writeLine("Store read back (ListSet.load(store:)): \(grouped(reloaded)) entries in \(secondsText(storeLoadSeconds))")
                writeLine("Total: \(secondsText(output.totalSeconds)) wall (target < 3 s in a release build), \(secondsText(output.cpuSeconds)) CPU; peak memory \(String(format: "%.0f", output.peakMemoryMB)) MB (target < 500 MB)")
            }
            return RedFlagCore.ExitCode.clear
        }
    }

    /// The folder all inputs share (with a trailing slash), shortened away in the table.
    static func commonFolder(_ files: [URL]) -> String {
        guard var common = files.first?.deletingLastPathComponent().path else { return "" }
        for file in files.dropFirst() {
            while !file.path.hasPrefix(common + "/") && common.count > 1 {
                common = (common as NSString).deletingLastPathComponent
            }
        }
        return common.count > 1 ? common + "/" : ""
    }

    /// The given paths, or every regular file under the shared folder (not its notes).
    func inputFiles() throws -> [URL] {
        if !paths.isEmpty {
            return try paths.map { path in
                guard FileManager.default.fileExists(atPath: path) else { throw RedFlagError.fileNotFound(path: path) }
                return URL(fileURLWithPath: path)
            }
        }
        return try BenchSupport.listFiles(under: BenchSupport.sharedListsFolder(shared, hint: "the files"))
    }

}

/// Sums the time spent in artifact builders (they may run on any thread).
private final class ArtifactClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: Double = 0
    func add(_ value: Double) { lock.lock(); seconds += value; lock.unlock() }
    var total: Double { lock.lock(); defer { lock.unlock() }; return seconds }
}
