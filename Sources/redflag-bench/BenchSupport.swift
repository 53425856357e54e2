import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the `bench` subcommands share: finding the real list snapshots and reading resource usage.
enum BenchSupport {
    /// `--shared DIR`, else `../shared/lists` beside the package.
    static func sharedListsFolder(_ shared: String?, hint: String) throws -> URL {
        if let shared { return URL(fileURLWithPath: shared) }
        // The checkout this binary was built from (Sources/redflag/BenchSupport.swift → package root).
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let shared = package.deletingLastPathComponent().appendingPathComponent("shared/lists")
        guard FileManager.default.fileExists(atPath: shared.path) else {
            throw RedFlagError.usage("cannot find \(shared.path): pass --shared DIR or \(hint)")
        }
        return shared
    }

    /// Every regular file under `folder` except notes (`.md`), grouped by folder with `sdn.csv`
    /// first so an OFAC CSV set is loaded as a set before its members.
    static func listFiles(under folder: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw RedFlagError.fileNotFound(path: folder.path)
        }
        var files: [URL] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            if url.pathExtension.lowercased() != "md" { files.append(url) }
        }
        guard !files.isEmpty else { throw RedFlagError.fileNotFound(path: folder.path) }
        return files.sorted { a, b in
            let (fa, fb) = (a.deletingLastPathComponent().path, b.deletingLastPathComponent().path)
            if fa != fb { return fa < fb }
            if (a.lastPathComponent.lowercased() == "sdn.csv") != (b.lastPathComponent.lowercased() == "sdn.csv") {
                return a.lastPathComponent.lowercased() == "sdn.csv"
            }
            return a.lastPathComponent < b.lastPathComponent
        }
    }

    /// CPU time (user + system) and peak resident memory of this process, or of its largest
    /// finished child (getrusage; ru_maxrss is in kB on Linux, bytes on macOS).
    static func resourceUsage(children: Bool = false) -> (cpuSeconds: Double, peakMemoryMB: Double) {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t((children ? RUSAGE_CHILDREN : RUSAGE_SELF).rawValue), &usage)
        let peak = Double(usage.ru_maxrss) / 1024
        #else
        getrusage(children ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage)
        let peak = Double(usage.ru_maxrss) / 1_048_576
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
        return (seconds(usage.ru_utime) + seconds(usage.ru_stime), peak)
    }

    /// Parses every file under the shared folder and imports the largest list per source.
    static func importShared(_ shared: String?, into directory: URL) throws -> [ListSource] {
        let folder = try sharedListsFolder(shared, hint: "--data-dir DIR")
        var largest: [ListSource: ParsedList] = [:]
        for url in try listFiles(under: folder) {
            guard let lists = try? ListFileLoader.load(paths: [url]) else { continue }
            for list in lists where list.entries.count > (largest[list.source]?.entries.count ?? -1) { largest[list.source] = list }
        }
        guard !largest.isEmpty else { throw RedFlagError.noLists("\(folder.path): no list file could be parsed") }
        _ = try ListStore(dataDirectory: DataDirectory(url: directory)).importLists(Array(largest.values), artifacts: StoreArtifacts.all)
        return largest.keys.sorted()
    }

    /// Runs `executable` with `arguments`, output to `stdout` (default /dev/null), and returns the wall time, exit status and the child's peak memory (MB) and CPU seconds.
    ///
    /// Spawns with posix_spawn and waits with waitpid: Foundation's `Process.waitUntilExit()` on
    /// Linux polls its run loop in 50 ms steps, which would round every measurement up to 50 ms.
    static func time(_ executable: URL, _ arguments: [String], stdout: URL? = nil) throws -> (seconds: Double, status: Int32, peakMB: Double, cpuSeconds: Double) {
        let outPath = stdout?.path ?? "/dev/null"
        if stdout != nil { _ = FileManager.default.createFile(atPath: outPath, contents: nil) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = DispatchTime.now().uptimeNanoseconds
        let rc = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
        guard rc == 0 else {
            throw RedFlagError.unreadable(path: executable.path, reason: "cannot start: \(String(cString: strerror(rc)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        // wait4 rather than waitpid: the rusage of this child alone (RUSAGE_CHILDREN would give the
        // largest of every child so far).
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        // WIFEXITED / WEXITSTATUS, spelled out: the C macros are not imported into Swift.
        let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        #if os(Linux)
        let peakMB = Double(usage.ru_maxrss) / 1024
        #else
        let peakMB = Double(usage.ru_maxrss) / 1_048_576
        #endif
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_stime.tv_sec)
            + (Double(usage.ru_utime.tv_usec) + Double(usage.ru_stime.tv_usec)) / 1e6
        return (seconds, exitStatus, peakMB, cpu)
    }

    /// This running executable (the `redflag` to time is looked for beside it).
    static func ownExecutable() -> URL {
        #if os(Linux)
        let proc = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        if FileManager.default.isExecutableFile(atPath: proc.path) { return proc }
        #endif
        return Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }

    /// Number of newline-terminated lines in a file, read in blocks (output files run to GBs).
    static func countLines(_ url: URL) throws -> Int {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return 0 }
        defer { try? handle.close() }
        var lines = 0
        while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty {
            lines += block.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        }
        return lines
    }

    /// How often each of `patterns` occurs in a file, read in blocks (output files run to GBs).
    static func count(_ patterns: [String], in url: URL) throws -> [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: patterns.map { ($0, 0) })
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return counts }
        defer { try? handle.close() }
        let needles = patterns.map { Data($0.utf8) }
        let keep = (needles.map(\.count).max() ?? 1) - 1
        var carry = Data()
        while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty {
            let window = carry + block
            for (pattern, needle) in zip(patterns, needles) {
                var from = window.startIndex
                // A match lying wholly in the carried tail was counted with the previous block.
                while let r = window.range(of: needle, in: from..<window.endIndex) {
                    if r.upperBound > window.startIndex + carry.count { counts[pattern, default: 0] += 1 }
                    from = r.upperBound
                }
            }
            carry = window.suffix(keep)
        }
        return counts
    }

    /// Fills the throw-away run directory `directory`: with the list store of `dataDir` when given
    /// (the runs' audit trail and party memory never land in the caller's databases), else with
    /// the lists of `shared` imported afresh, timed. Returns the imported sources and the import time.
    static func prepareRunDirectory(_ directory: URL, dataDir: String?, shared: String?) throws -> (sources: [ListSource], importSeconds: Double?) {
        if let dataDir {
            guard let folder = ListStore(dataDirectory: DataDirectory(url: URL(fileURLWithPath: dataDir))).currentFolder() else {
                throw RedFlagError.noLists("\(dataDir): no lists imported")
            }
            try makeRunDirectory(directory, usingStore: folder)
            return ([], nil)
        }
        let started = Date()
        let sources = try importShared(shared, into: directory)
        return (sources, Date().timeIntervalSince(started))
    }

    /// Makes `directory` a data directory whose list store is `storeFolder` (a symlink), so a
    /// benchmarked run records its audit trail, history and party memory there and never in the
    /// data directory the lists came from.
    static func makeRunDirectory(_ directory: URL, usingStore storeFolder: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("lists").path,
                                                   withDestinationPath: storeFolder.standardizedFileURL.path)
    }
}
