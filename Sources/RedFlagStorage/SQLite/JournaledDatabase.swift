import Foundation
import GRDB
import RedFlagCore

/// Opens redflag's SQLite files (order history and known parties, audit trail) the one way a
/// nightly batch can afford: WAL journal with `synchronous = NORMAL`.
///
/// A commit is atomic and survives a killed process (a run interrupted mid-chunk leaves the
/// file consistent); only a power cut may lose the last commits. The default (rollback journal,
/// FULL) fsynced every chunk's commit on the thread that feeds the cores, so a million-row check
/// waited on the disk hundreds of times. A 10 s busy timeout lets the background writer and the
/// reading loop share one file.
public enum JournaledDatabase {
    public static func open(path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        // A 32 MiB page cache rather than SQLite's 2 MB: a night's upserts land all over tables of
        // hundreds of MB (order ids, party keys), and with the small cache most of them re-read pages.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768") }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        return queue
    }

    /// Opens (creating it and its folder when needed) the SQLite file at `url` with these
    /// settings and brings its schema up to date with `migrator`: the preamble of every redflag
    /// store. A failure is a `RedFlagError.cannotWrite` naming the file, its reason prefixed with
    /// `failure` (which database it is); a `RedFlagError` passes through unchanged.
    public static func open(url: URL, migrator: DatabaseMigrator, failure: String) throws -> DatabaseQueue {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let queue = try open(path: url.path)
            try migrate(migrator, queue)
            return queue
        } catch let error as RedFlagError {
            throw error
        } catch {
            throw RedFlagError.cannotWrite(path: url.path, reason: "\(failure): \(error)")
        }
    }

    /// Brings a file's schema up to date when several processes may open it for the first time
    /// at once (desks starting together on a shared data directory): each migration is one
    /// transaction, but the migrator decides what to apply before it takes the write lock, so
    /// the loser of that race fails on the winner's work and is rolled back. Trying again then
    /// finds the migrations applied.
    public static func migrate(_ migrator: DatabaseMigrator, _ queue: DatabaseQueue) throws {
        var attempt = 0
        while true {
            do {
                try migrator.migrate(queue)
                return
            } catch is DatabaseError where attempt < 4 {
                attempt += 1
                if try queue.read({ try migrator.hasCompletedMigrations($0) }) { return }
            }
        }
    }
}
