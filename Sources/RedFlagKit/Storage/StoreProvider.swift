import Foundation
import RedFlagRules

/// Opens the stores a run reads and writes: SQLite files in the data directory (the embedded
/// default) or a team's PostgreSQL database. `RedFlagStorage` implements it; the pipeline only
/// sees the protocols, so every backend runs the same code.
///
/// `create: false` answers nil when the store was never written (screening and listing must not
/// create files as a side effect); `create: true` always opens one.
public protocol StoreProvider: Sendable {
    /// Where the stores are, for messages (a directory or a URL without its password).
    var description: String { get }
    func allowList(create: Bool) throws -> (any AllowListStoring)?
    func audit(create: Bool) throws -> (any AuditStoring)?
    func knownParties(create: Bool) throws -> (any KnownPartyStoring)?
    func orderHistory(create: Bool) throws -> (any OrderHistoryStoring)?
}
