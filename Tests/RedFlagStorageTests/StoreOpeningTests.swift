import Foundation
import RedFlagCore
import RedFlagStorage
import Testing

/// Every SQLite store opens through one preamble (`JournaledDatabase.open(url:migrator:failure:)`):
/// a file that cannot be created is exit 73 naming the file and which database it is.
@Suite struct StoreOpeningTests {
    /// A path whose parent is a regular file: no folder, hence no database, can be made there.
    static func impossiblePath(_ name: String) throws -> URL {
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("rf-blocker-\(UUID().uuidString)")
        try Data("not a folder".utf8).write(to: blocker)
        return blocker.appendingPathComponent(name)
    }

    static func failure(_ open: () throws -> Void) -> (path: String, reason: String)? {
        do {
            try open()
        } catch let RedFlagError.cannotWrite(path, reason) {
            return (path, reason)
        } catch {
            return nil
        }
        return nil
    }

    @Test(arguments: [
        ("allowlist.sqlite", "cannot open the allow-list database: "),
        ("audit.sqlite", "cannot open the audit database: "),
        ("history.sqlite", "history database: "),
        ("parties.sqlite", "history database (known parties): "),
    ])
    func unopenableFileNamesItsDatabase(file: String, prefix: String) throws {
        let url = try Self.impossiblePath(file)
        let failure = Self.failure {
            switch file {
            case "allowlist.sqlite": _ = try AllowListStore(url: url)
            case "audit.sqlite": _ = try AuditTrail(url: url)
            case "history.sqlite": _ = try OrderHistoryStore(url: url)
            default: _ = try KnownPartyStore(url: url)
            }
        }
        let got = try #require(failure, "expected cannotWrite for \(file)")
        #expect(got.path == url.path)
        #expect(got.reason.hasPrefix(prefix), "\(got.reason)")
    }

}
