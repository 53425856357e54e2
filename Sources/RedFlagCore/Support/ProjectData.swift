import Foundation

/// Finds the project's own data folder (`Lists/`: country table, list sources, country groups,
/// the red-flag catalog).
///
/// Looked up in order: `$REDFLAG_PROJECT_LISTS`, a `Lists` folder beside or above the running
/// executable (a build tree or an installed `share/redflag/Lists`), and the source tree this
/// library was compiled from. The data stays a plain folder so compliance can read and review it.
public enum ProjectData {
    public static let environmentKey = "REDFLAG_PROJECT_LISTS"

    /// The `Lists/` folder, or nil when none can be found.
    public static let listsDirectory: URL? = locate()

    /// URL of a file in `Lists/`; throws a clear error when the folder or file is missing.
    public static func file(_ name: String) throws -> URL {
        guard let dir = listsDirectory else {
            throw RedFlagError.projectDataMissing("cannot find the project's Lists/ folder (set \(environmentKey))")
        }
        let url = dir.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw RedFlagError.projectDataMissing("\(url.path) does not exist")
        }
        return url
    }

    private static func locate() -> URL? {
        let fm = FileManager.default
        func isLists(_ url: URL) -> Bool {
            fm.fileExists(atPath: url.appendingPathComponent("countries.tsv").path)
        }
        if let env = ProcessInfo.processInfo.environment[environmentKey], !env.isEmpty {
            let url = URL(fileURLWithPath: env)
            if isLists(url) { return url }
        }
        var candidates: [URL] = []
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("Lists"))
            candidates.append(dir.appendingPathComponent("share/redflag/Lists"))
            dir = dir.deletingLastPathComponent()
        }
        // Sources/RedFlagCore/Support/ProjectData.swift → the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent("Lists"))
        return candidates.first(where: isLists)
    }
}
