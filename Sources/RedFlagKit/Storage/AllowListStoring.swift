import Foundation
import RedFlagCore

/// Where the allow-list lives. One store per team (PostgreSQL) or per desk (SQLite); screening
/// reads it once per run, so a rule one desk adds applies to the next run of every desk.
public protocol AllowListStoring: AnyObject, Sendable {
    /// Records an adjudication of `entry` (as it is now, kept with the rule) for the query `query`
    /// in `country`; `renews` names the lapsed rule it re-adjudicates (`renew`), nil for a first
    /// one. Refuses an empty query, reason or adjudicator, and an exact duplicate of a live rule.
    @discardableResult
    func add(query: String, country: String?, entry: ListEntry, reason: String, by: String, now: Date, renews: Int64?) throws -> AllowListRule
    /// Every rule, oldest first.
    func rules() throws -> [AllowListRule]
    /// Deletes a rule; returns it, or throws `usage` when there is no such rule.
    @discardableResult
    func remove(id: Int64) throws -> AllowListRule
}

extension AllowListStoring {
    @discardableResult
    public func add(query: String, country: String?, entry: ListEntry, reason: String, by: String) throws -> AllowListRule {
        try add(query: query, country: country, entry: entry, reason: reason, by: by, now: Date(), renews: nil)
    }

    @discardableResult
    public func add(query: String, country: String?, entry: ListEntry, reason: String, by: String, now: Date) throws -> AllowListRule {
        try add(query: query, country: country, entry: entry, reason: reason, by: by, now: now, renews: nil)
    }

    /// The rules as an in-memory value for applying to results (read once per run).
    public func load() throws -> AllowList { AllowList(rules: try rules()) }
}
