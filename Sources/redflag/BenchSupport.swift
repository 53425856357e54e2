import Foundation
import RedFlagCore
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
        guard let lists = ProjectData.listsDirectory else {
            throw RedFlagError.usage("cannot find ../shared/lists: pass --shared DIR or \(hint)")
        }
        return lists.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/lists")
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
}
