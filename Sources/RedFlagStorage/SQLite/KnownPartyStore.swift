import Foundation
import GRDB
import RedFlagCore
import RedFlagKit
import RedFlagRules

/// The parties seen by screen and check, kept in the history database (`history.sqlite`, table
/// `known_party`, beside the order history) so `rescreen` can screen them again when lists change.
/// One row per distinct party (`KnownParty.key`: name, country, address), with first and last sight.
public final class KnownPartyStore: KnownPartyStoring, Sendable {
    public let url: URL
    private let queue: DatabaseQueue

    public init(url: URL) throws {
        self.url = url
        queue = try HistoryDatabase.open(url: url, failure: "history database (known parties)")
    }

    public convenience init(dataDirectory: DataDirectory) throws {
        try self.init(url: dataDirectory.historyDatabase)
    }


    /// Records parties as seen now (one transaction; duplicates within the batch count once).
    public func record(_ parties: [KnownParty], now: Date = Date()) throws {
        let batch = Self.batch(parties)
        guard !batch.isEmpty else { return }
        let stamp = AuditTimestamp.string(now)
        do {
            try queue.write { db in
                let statement = try db.makeStatement(sql: """
                    INSERT INTO known_party (key, name, country, address, type, role, first_seen, last_seen)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(key) DO UPDATE SET last_seen = excluded.last_seen, times_seen = times_seen + 1,
                        role = COALESCE(known_party.role, excluded.role)
                    """)
                for (key, party) in batch {
                    try statement.execute(arguments: [key, party.name, party.country?.uppercased(), party.address,
                                                      party.type?.rawValue, party.role, stamp, stamp])
                }
            }
        } catch {
            throw RedFlagError.cannotWrite(path: url.path, reason: "recording known parties: \(error)")
        }
    }

    /// Every known party, in the order first seen.
    public func all() throws -> [KnownParty] {
        do {
            return try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM known_party ORDER BY first_seen, key").map { row in
                    let type: String? = row["type"]
                    return KnownParty(name: row["name"], country: row["country"], address: row["address"],
                                      type: type.flatMap(PartyType.init(rawValue:)), role: row["role"],
                                      firstSeen: row["first_seen"], lastSeen: row["last_seen"])
                }
            }
        } catch {
            throw RedFlagError.unreadable(path: url.path, reason: "known parties: \(error)")
        }
    }

    /// The parties of a batch to write: named, once per key (the last sighting wins), in key
    /// order, so the upserts walk the key index from one end to the other instead of landing on
    /// random pages of a table of a million parties, and concurrent writers lock rows in one order.
    static func batch(_ parties: [KnownParty]) -> [(key: String, party: KnownParty)] {
        var unique: [String: KnownParty] = [:]
        for party in parties where party.name.contains(where: { !$0.isWhitespace }) { unique[party.key] = party }
        return unique.sorted { $0.key < $1.key }.map { (key: $0.key, party: $0.value) }
    }

    public func count() throws -> Int {
        do { return try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM known_party") ?? 0 } } catch {
            throw RedFlagError.unreadable(path: url.path, reason: "known parties: \(error)")
        }
    }
}
