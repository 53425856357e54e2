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
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        return queue
    }
}
