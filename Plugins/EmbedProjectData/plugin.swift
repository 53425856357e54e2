import Foundation
import PackagePlugin

/// Embeds every file under the package's `Lists/` folder (country table, country groups, red-flag
/// catalog, list sources, schemas, name data…) into the target as generated Swift, with the git
/// commit the build was made from, so one copied binary is a complete install.
///
/// The folder is listed afresh each time SwiftPM plans a build, so a file added, edited or removed
/// in `Lists/` is picked up by the next `swift build` without a regeneration step; the generated
/// file is never committed.
@main
struct EmbedProjectData: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let lists = package.appendingPathComponent("Lists")
        let files = Self.files(under: lists)
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedProjectData.swift")
        let commit = Self.commit(of: package)
        // The commit is an argument: a new commit changes the command, so SwiftPM reruns it.
        return [.buildCommand(
            displayName: "Embedding \(files.count) project data files from Lists/",
            executable: try context.tool(named: "ProjectDataEmbedder").url,
            arguments: [lists.path, output.path, commit ?? ""] + files.map(\.path),
            inputFiles: files,
            outputFiles: [output])]
    }

    /// Regular files under `folder`, sorted, hidden files and folders skipped.
    static func files(under folder: URL) -> [URL] {
        let keys: [URLResourceKey] = [.isRegularFileKey]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys,
                                                           options: [.skipsHiddenFiles]) else { return [] }
        var files: [URL] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: Set(keys)).isRegularFile) == true {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The commit checked out in `package` (with `-dirty` when tracked files differ), or nil when
    /// git or the repository is absent (a source tarball).
    static func commit(of package: URL) -> String? {
        guard let head = git(["rev-parse", "--short=12", "HEAD"], in: package), !head.isEmpty else { return nil }
        let dirty = git(["status", "--porcelain", "--untracked-files=no"], in: package).map { !$0.isEmpty } ?? false
        return head + (dirty ? "-dirty" : "")
    }

    static func git(_ arguments: [String], in directory: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
