import Foundation

/// The project's own data (`Lists/`: country table, list sources, country groups, the red-flag
/// catalog, schemas…): the one way every module loads it.
///
/// Every file under `Lists/` is embedded in the binary at build time (the EmbedProjectData
/// plugin), so a copied `redflag` is a complete install that needs no folder beside it. People
/// editing the catalog point `--lists-data DIR` (or `$REDFLAG_LISTS_DATA`) at their own folder:
/// a file found there wins, any other file still comes from the embedded copy.
public enum ProjectData {
    /// Environment variable naming an override folder (same effect as `--lists-data`).
    public static let environmentKey = "REDFLAG_LISTS_DATA"

    nonisolated(unsafe) private static var explicitDirectory: URL?

    /// Sets the override folder (`--lists-data DIR`); call before any data is loaded.
    public static func useDirectory(_ directory: URL?) { explicitDirectory = directory }

    /// The override folder in effect: `--lists-data`, else `$REDFLAG_LISTS_DATA`, else nil.
    public static var overrideDirectory: URL? {
        if let explicitDirectory { return explicitDirectory }
        // `getenv`, not `ProcessInfo.environment`, which copies the whole environment into a
        // dictionary on every call: a fresh `redflag screen` asks here for every table it loads.
        if let env = getenv(environmentKey).map({ String(cString: $0) }), !env.isEmpty { return URL(fileURLWithPath: env) }
        return nil
    }

    /// The names (paths under `Lists/`) of the files embedded at build time.
    public static var embeddedNames: [String] { (Array(EmbeddedProjectData.texts.keys) + Array(EmbeddedProjectData.base64.keys)).sorted() }

    /// The bytes of `name` (a path under `Lists/`, e.g. `redflags.json`) and the path to cite in
    /// error messages: the override folder's file when it has one, else the embedded copy
    /// (cited as `<built-in>/name`). Throws `projectDataMissing` (exit 70) when neither has it.
    public static func contents(_ name: String) throws -> (data: Data, path: String) {
        if let dir = overrideDirectory {
            let url = dir.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path) {
                do { return (try Data(contentsOf: url), url.path) } catch {
                    throw RedFlagError.projectDataMissing("\(url.path): \(error.localizedDescription)")
                }
            }
        }
        // A text file is embedded as its text, copied out as is; only other files need decoding.
        if let text = EmbeddedProjectData.texts[name] { return (Data(text.utf8), "<built-in>/\(name)") }
        guard let encoded = EmbeddedProjectData.base64[name], let data = Data(base64Encoded: encoded) else {
            throw RedFlagError.projectDataMissing("\(name) is neither built in nor in \(overrideDirectory?.path ?? "an override folder (--lists-data DIR)")")
        }
        return (data, "<built-in>/\(name)")
    }

    /// The bytes of `name` (see `contents`).
    public static func data(_ name: String) throws -> Data { try contents(name).data }

    /// A file path for `name`, for code that needs a path rather than bytes: the override folder's
    /// file, else the embedded copy written once to a private folder under the temporary directory.
    public static func file(_ name: String) throws -> URL {
        if let dir = overrideDirectory {
            let url = dir.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        let data = try data(name)
        var hash = SHA256()
        hash.update(data)
        let digest = hash.finalizeHex()
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("redflag-data-\(getuid())-\(digest.prefix(16))")
        let url = folder.appendingPathComponent(name)
        if (try? Data(contentsOf: url)) == data { return url }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            try data.write(to: url, options: .atomic)
        } catch {
            throw RedFlagError.projectDataMissing("cannot write the built-in \(name) to \(url.path): \(error.localizedDescription)")
        }
        return url
    }

    /// The git commit the binary was built from (`-dirty` when the tree had local changes), or nil
    /// when it was built outside a git checkout.
    public static var buildCommit: String? { EmbeddedProjectData.commit }

    /// A digest of the name tables (`Lists/names/`) built in: a match index records it, since
    /// listed names normalised with other name knowledge would be misread by this build.
    public static var namesDigest: UInt64 { EmbeddedProjectData.namesDigest }
}
