import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagRules

/// The embedded default: the stores as SQLite files in the data directory (`history.sqlite` for
/// the order history and known parties, `audit.sqlite`, `allowlist.sqlite`), or the order history
/// in a file of its own (`check --history PATH`).
public struct SQLiteStores: StoreProvider {
    public let dataDirectory: DataDirectory
    /// The order history file when it is not the data directory's (`--history PATH`).
    public let historyURL: URL

    public init(dataDirectory: DataDirectory, historyURL: URL? = nil) {
        self.dataDirectory = dataDirectory
        self.historyURL = historyURL ?? dataDirectory.historyDatabase
    }

    public var description: String { dataDirectory.url.path }

    public func allowList(create: Bool) throws -> (any AllowListStoring)? {
        create || exists(dataDirectory.allowListDatabase) ? try AllowListStore(dataDirectory: dataDirectory) : nil
    }

    public func audit(create: Bool) throws -> (any AuditStoring)? {
        create || exists(dataDirectory.auditDatabase) ? try AuditTrail(dataDirectory: dataDirectory) : nil
    }

    public func knownParties(create: Bool) throws -> (any KnownPartyStoring)? {
        create || exists(dataDirectory.historyDatabase) ? try KnownPartyStore(dataDirectory: dataDirectory) : nil
    }

    public func orderHistory(create: Bool) throws -> (any OrderHistoryStoring)? {
        create || exists(historyURL) ? try OrderHistoryStore(url: historyURL) : nil
    }

    private func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }
}
