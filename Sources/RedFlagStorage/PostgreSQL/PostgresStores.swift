import Foundation
import PostgresNIO
import RedFlagCore
import RedFlagKit
import RedFlagLists
import RedFlagRules

/// A team's stores in one PostgreSQL database (`--database postgres://…`): every desk and the
/// nightly batch read and write the same order history, known parties, audit trail and
/// allow-list. Each store has a connection of its own (the pipeline writes the audit and the
/// parties on a background thread while the reading loop queries the history).
///
/// Concurrency: every write is one transaction; order history inserts ignore an order id already
/// recorded and party upserts add to `times_seen` in the statement itself, in key order (no lost
/// update, no deadlock between desks); allow-list writes take an advisory lock so two desks
/// adding the same rule at once make one rule. PostgreSQL has no "database is locked": writers
/// wait on row locks only.
public final class PostgresStores: StoreProvider, @unchecked Sendable {
    public let url: String
    public var description: String { target.description }
    private let target: PostgresTarget
    private let lock = NSLock()
    private var migrated = false

    /// Checks the URL; connects only when a store is opened.
    public init(url: String) throws {
        self.url = url
        self.target = try PostgresTarget(url: url)
    }

    /// A new connection with the schema up to date (migrated once per process).
    func session() throws -> PostgresSession {
        let session = try PostgresSession(url: url)
        lock.lock()
        defer { lock.unlock() }
        if !migrated {
            do { try PostgresSchema.migrate(session) } catch {
                throw RedFlagError.cannotWrite(path: description, reason: "migrating the schema: \(PostgresSession.message(error))")
            }
            migrated = true
        }
        return session
    }

    // The team database always exists once reachable: `create` changes nothing.
    public func allowList(create: Bool) throws -> (any AllowListStoring)? { PostgresAllowListStore(session: try session()) }
    public func audit(create: Bool) throws -> (any AuditStoring)? { PostgresAuditTrail(session: try session()) }
    public func knownParties(create: Bool) throws -> (any KnownPartyStoring)? { PostgresKnownPartyStore(session: try session()) }
    public func orderHistory(create: Bool) throws -> (any OrderHistoryStoring)? { PostgresOrderHistoryStore(session: try session()) }
}

/// Turns a failed statement into the error the CLI maps to its exit code.
func postgresWrite<T>(_ session: PostgresSession, _ what: String, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as RedFlagError { throw error } catch {
        throw RedFlagError.cannotWrite(path: session.description, reason: "\(what): \(PostgresSession.message(error))")
    }
}

func postgresRead<T>(_ session: PostgresSession, _ what: String, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as RedFlagError { throw error } catch {
        throw RedFlagError.unreadable(path: session.description, reason: "\(what): \(PostgresSession.message(error))")
    }
}

/// The order history in PostgreSQL: shared by every desk, so a customer who buys from two desks is one customer.
final class PostgresOrderHistoryStore: OrderHistoryStoring, @unchecked Sendable {
    private let session: PostgresSession

    init(session: PostgresSession) { self.session = session }

    func entries(customerID: String) throws -> [HistoryEntry] {
        try postgresRead(session, "order history") {
            try session.read { s in
                try s.query("SELECT order_id, order_date, quantity, total_tpp, advanced FROM orders WHERE customer_id = \(customerID)").compactMap { row in
                    let (id, date, quantity, tpp, advanced) = try row.decode((String, String, Double, Double, Bool).self)
                    guard let day = CalendarDay(iso: date) else { return nil }
                    return HistoryEntry(orderID: id, customerID: customerID, day: day, quantity: quantity, totalTPP: tpp, advanced: advanced)
                }
            }
        }
    }

    /// One statement per batch (arrays unnested), in order-id order; an order already recorded
    /// by any desk is left as it is.
    func record(_ entries: [HistoryEntry], checkedAt: String) throws {
        guard !entries.isEmpty else { return }
        var seen = Set<String>()
        let sorted = entries.filter { seen.insert($0.orderID).inserted }.sorted { $0.orderID < $1.orderID }
        try postgresWrite(session, "order history") {
            try session.transaction { s in
                try s.query("""
                    INSERT INTO orders (order_id, customer_id, order_date, quantity, total_tpp, advanced, checked_at)
                    SELECT o, c, d, q, t, a, \(checkedAt) FROM UNNEST(\(sorted.map(\.orderID))::text[], \(sorted.map(\.customerID))::text[],
                        \(sorted.map { $0.day.description })::text[], \(sorted.map(\.quantity))::float8[], \(sorted.map(\.totalTPP))::float8[],
                        \(sorted.map(\.advanced))::bool[]) AS u(o, c, d, q, t, a)
                    ON CONFLICT (order_id) DO NOTHING
                    """)
            }
        }
    }

    func count() throws -> Int {
        try postgresRead(session, "order history") { try session.read { try $0.query("SELECT COUNT(*) FROM orders").first?.decode(Int.self) ?? 0 } }
    }
}

/// The known parties in PostgreSQL.
final class PostgresKnownPartyStore: KnownPartyStoring, @unchecked Sendable {
    private let session: PostgresSession

    init(session: PostgresSession) { self.session = session }

    func record(_ parties: [KnownParty], now: Date) throws {
        let batch = KnownPartyStore.batch(parties)
        guard !batch.isEmpty else { return }
        let stamp = AuditTimestamp.string(now)
        try postgresWrite(session, "recording known parties") {
            try session.transaction { s in
                // times_seen + 1 in the statement: two desks naming one party both count.
                try s.query("""
                    INSERT INTO known_party (key, name, country, address, type, role, first_seen, last_seen)
                    SELECT k, n, CASE WHEN cn THEN NULL ELSE c END, CASE WHEN an THEN NULL ELSE a END,
                           CASE WHEN tn THEN NULL ELSE t END, CASE WHEN rn THEN NULL ELSE r END, \(stamp), \(stamp)
                    FROM UNNEST(\(batch.map(\.key))::text[], \(batch.map(\.party.name))::text[],
                        \(batch.map { $0.party.country?.uppercased() ?? "" })::text[], \(batch.map { $0.party.country == nil })::bool[],
                        \(batch.map { $0.party.address ?? "" })::text[], \(batch.map { $0.party.address == nil })::bool[],
                        \(batch.map { $0.party.type?.rawValue ?? "" })::text[], \(batch.map { $0.party.type == nil })::bool[],
                        \(batch.map { $0.party.role ?? "" })::text[], \(batch.map { $0.party.role == nil })::bool[])
                        AS u(k, n, c, cn, a, an, t, tn, r, rn)
                    ON CONFLICT (key) DO UPDATE SET last_seen = excluded.last_seen, times_seen = known_party.times_seen + 1,
                        role = COALESCE(known_party.role, excluded.role)
                    """)
            }
        }
    }

    func all() throws -> [KnownParty] {
        try postgresRead(session, "known parties") {
            try session.read { s in
                try s.query("SELECT name, country, address, type, role, first_seen, last_seen FROM known_party ORDER BY first_seen, key").map { row in
                    let (name, country, address, type, role, first, last) = try row.decode((String, String?, String?, String?, String?, String, String).self)
                    return KnownParty(name: name, country: country, address: address, type: type.flatMap(PartyType.init(rawValue:)),
                                      role: role, firstSeen: first, lastSeen: last)
                }
            }
        }
    }

    func count() throws -> Int {
        try postgresRead(session, "known parties") { try session.read { try $0.query("SELECT COUNT(*) FROM known_party").first?.decode(Int.self) ?? 0 } }
    }
}

/// The allow-list in PostgreSQL: a rule one desk adds applies to the next run of every desk.
final class PostgresAllowListStore: AllowListStoring, @unchecked Sendable {
    /// Advisory lock taken by allow-list writes, so the duplicate check and the insert are one step for all desks.
    static let writeLock: Int64 = 0x7265_6466_6C61_6702
    private let session: PostgresSession

    init(session: PostgresSession) { self.session = session }

    func add(query: String, country: String?, entry: ListEntry, reason: String, by: String, now: Date, renews: Int64?) throws -> AllowListRule {
        var rule = try AllowListStore.draft(query: query, country: country, entry: entry, reason: reason, by: by, now: now, renews: renews)
        try postgresWrite(session, "allow-list") {
            try session.transaction { s in
                try s.query("SELECT pg_advisory_xact_lock(\(Self.writeLock))")
                if let existing = try s.query("""
                    SELECT id FROM allow_rule WHERE query_key = \(rule.queryKey) AND entry_id = \(rule.entryID)
                        AND country IS NOT DISTINCT FROM \(rule.country) AND entry_fingerprint = \(rule.entryFingerprint)
                    """).first {
                    throw RedFlagError.usage("allow add: rule \(try existing.decode(Int64.self)) already allow-lists '\(rule.query)' against \(rule.entryID)")
                }
                let id = try s.query("""
                    INSERT INTO allow_rule (query, query_key, country, entry_id, entry_name, entry_fingerprint, reason, "by", at,
                                            entry_json, renews)
                    VALUES (\(rule.query), \(rule.queryKey), \(rule.country), \(rule.entryID), \(rule.entryName), \(rule.entryFingerprint),
                            \(rule.reason), \(rule.by), \(rule.at), \(String(decoding: entry.canonicalJSON, as: UTF8.self)), \(renews)) RETURNING id
                    """).first?.decode(Int64.self)
                rule.id = id ?? 0
            }
        }
        return rule
    }

    func rules() throws -> [AllowListRule] {
        try postgresRead(session, "allow-list") {
            try session.read { s in
                try s.query("""
                    SELECT id, query, country, entry_id, entry_name, entry_fingerprint, reason, "by", at, entry_json, renews FROM allow_rule ORDER BY id
                    """).map(Self.rule(from:))
            }
        }
    }

    func remove(id: Int64) throws -> AllowListRule {
        let removed = try postgresWrite(session, "allow-list") {
            try session.transaction { s -> AllowListRule? in
                try s.query("SELECT pg_advisory_xact_lock(\(Self.writeLock))")
                return try s.query("""
                    DELETE FROM allow_rule WHERE id = \(id)
                    RETURNING id, query, country, entry_id, entry_name, entry_fingerprint, reason, "by", at, entry_json, renews
                    """).first.map(Self.rule(from:))
            }
        }
        guard let removed else { throw RedFlagError.usage("allow remove: no allow-list rule \(id) (see `redflag allow list`)") }
        return removed
    }

    static func rule(from row: PostgresRow) throws -> AllowListRule {
        let (id, query, country, entryID, entryName, fingerprint, reason, by, at, json, renews) =
            try row.decode((Int64, String, String?, String, String, String, String, String, String, String?, Int64?).self)
        return AllowListRule(id: id, query: query, country: country, entryID: entryID, entryName: entryName,
                             entryFingerprint: fingerprint, reason: reason, by: by, at: at, renews: renews,
                             adjudicatedEntry: json.flatMap { try? JSONDecoder().decode(ListEntry.self, from: Data($0.utf8)) })
    }
}
