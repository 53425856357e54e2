import Foundation
import GRDB

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
        try enableWAL(queue)
        return queue
    }

    /// Switches the file to WAL once, however many processes open it for the first time together.
    ///
    /// Changing the journal mode needs an exclusive lock, and SQLite can answer SQLITE_BUSY at once
    /// without calling the busy handler (another process is creating the file or switching it
    /// itself), so four desks starting on a fresh shared data directory saw "database is locked".
    /// WAL is persistent in the file: a file already in WAL needs no switch; otherwise the switch is
    /// retried with a short back-off for as long as the busy timeout would have waited.
    static func enableWAL(_ queue: DatabaseQueue, deadline: TimeInterval = 10) throws {
        let start = Date()
        var pause: useconds_t = 2_000
        while true {
            do {
                let mode = try queue.writeWithoutTransaction { db in
                    try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
                }
                if mode.lowercased() == "wal" { return }
                try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                if Date().timeIntervalSince(start) > deadline { throw error }
                usleep(pause)
                pause = min(pause * 2, 100_000)
            }
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
