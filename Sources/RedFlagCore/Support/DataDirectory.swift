import Foundation

/// Where redflag keeps its state: the list store, the prebuilt index, the history, allow-list
/// and audit databases.
///
/// `--data-dir` wins, then `$REDFLAG_DATA_DIR`, then `$XDG_DATA_HOME/redflag`, then
/// `~/.local/share/redflag`, following the XDG base-directory convention.
public struct DataDirectory: Sendable, Equatable {
    public let url: URL

    public init(url: URL) { self.url = url }

    /// Resolves the directory from an explicit option and the environment.
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> DataDirectory {
        if let explicit, !explicit.isEmpty { return DataDirectory(url: URL(fileURLWithPath: explicit)) }
        if let env = environment["REDFLAG_DATA_DIR"], !env.isEmpty { return DataDirectory(url: URL(fileURLWithPath: env)) }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return DataDirectory(url: URL(fileURLWithPath: xdg).appendingPathComponent("redflag"))
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return DataDirectory(url: home.appendingPathComponent(".local/share/redflag"))
    }

    /// The list store folder (`lists/`), swapped atomically on every import.
    public var listStore: URL { url.appendingPathComponent("lists") }
    /// The order history database.
    public var historyDatabase: URL { url.appendingPathComponent("history.sqlite") }
    /// The allow-list (adjudicated false positives) database.
    public var allowListDatabase: URL { url.appendingPathComponent("allowlist.sqlite") }
    /// The audit trail database.
    public var auditDatabase: URL { url.appendingPathComponent("audit.sqlite") }

    /// Creates the directory if needed.
    public func create() throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw RedFlagError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }
}
