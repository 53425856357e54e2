import Foundation
import PackagePlugin

/// Embeds every file under the package's `Lists/` folder (country table, country groups, red-flag
/// catalog, list sources, schemas, name data…) into the target as generated Swift, with the git
/// commit the build was made from, so one copied binary is a complete install. The generated file
/// is never committed: a file added, edited or removed in `Lists/` is picked up by the next build.
@main
struct EmbedProjectData: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let lists = package.appendingPathComponent("Lists")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedProjectData.swift")
        // SwiftPM keeps its build plan, and so the inputs declared here, until the package's
        // targets change: a list of Lists/ files taken here would miss a file added later and fail
        // the build ("missing inputs") once one is removed (a sub-folder too). So the inputs are
        // SwiftPM's own build database, which changes on every build, so the command runs each time
        // (a file edited in place is picked up too), and, should that file be missing when the plan
        // is made, the Lists/ folder and the git folders, whose modification time changes when an
        // entry is added, removed or replaced (git checkouts, merges, commits, editors that save by
        // rename). The tool re-lists Lists/ and asks git for the commit each time it runs, and
        // rewrites the generated file only when its text changes: an unchanged catalog recompiles
        // nothing.
        var inputs = [lists] + Self.gitFolders(of: package)
        var scratch = context.pluginWorkDirectoryURL  // <scratch>/plugins/outputs/<package>/<target>/destination/<plugin>
        for _ in 0..<6 { scratch = scratch.deletingLastPathComponent() }
        let buildDatabase = scratch.appendingPathComponent("build.db")
        if FileManager.default.fileExists(atPath: buildDatabase.path) { inputs.append(buildDatabase) }
        return [.buildCommand(
            displayName: "Embedding project data from Lists/",
            executable: try context.tool(named: "ProjectDataEmbedder").url,
            arguments: [lists.path, output.path, package.path],
            inputFiles: inputs,
            outputFiles: [output])]
    }

    /// The git folders whose entries change with HEAD and with a new commit on a branch (the
    /// worktree's git folder, the shared refs/heads), so the embedded commit follows; none when
    /// git or the repository is absent.
    static func gitFolders(of package: URL) -> [URL] {
        var folders: [URL] = []
        if let dir = git(["rev-parse", "--absolute-git-dir"], in: package) { folders.append(URL(fileURLWithPath: dir)) }
        if let common = git(["rev-parse", "--git-common-dir"], in: package) {
            let url = URL(fileURLWithPath: common, relativeTo: package).standardizedFileURL
            for candidate in [url, url.appendingPathComponent("refs/heads")]
            where FileManager.default.fileExists(atPath: candidate.path) {
                folders.append(candidate)
            }
        }
        var seen = Set<String>()
        return folders.filter { seen.insert($0.path).inserted }
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
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
