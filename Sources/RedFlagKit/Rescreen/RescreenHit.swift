import Foundation
import RedFlagCore

/// One output record of `rescreen`: a known party that now matches a changed entry (`alert`), or
/// one that matched an entry since removed from its list (`removed`, a delisting).
public struct RescreenHit: Codable, Hashable, Sendable {
    /// `alert`: the party matches an added or modified entry. `removed`: the party matched entries
    /// that are no longer listed; `decision` and `matches` are then its verdict against the lists
    /// as they are now, so held orders can be released (or not) with the reason on file.
    public enum Kind: String, Codable, Sendable { case alert, removed }

    /// How the party matched an entry that is no longer listed.
    public struct RemovedMatch: Codable, Hashable, Sendable {
        /// The entry as it was before its removal.
        public var entry: ListEntry
        /// The match against that entry (score, matched name, the decision it gave).
        public var match: ScreeningMatch
        /// Which import removed it, when.
        public var change: RescreenChangeSet.Change

        public init(entry: ListEntry, match: ScreeningMatch, change: RescreenChangeSet.Change) {
            self.entry = entry
            self.match = match
            self.change = change
        }
    }

    public var kind: Kind
    public var party: KnownParty
    /// `alert`: the decision against the changed entries. `removed`: the party's verdict now,
    /// against every current entry (allow-list applied).
    public var decision: Decision
    /// `alert`: the matches against changed entries (suppressed ones included, marked), best
    /// first. `removed`: the party's current matches.
    public var matches: [ScreeningMatch]
    /// For each match id of an `alert`: added or modified, by which import (empty for `removed`).
    public var changes: [RescreenChangeSet.Change]
    /// The snapshots (source + SHA-256) the matched entries come from.
    public var lists: [AuditListRef]
    /// `removed` only: each delisted entry the party matched, as it was.
    public var removed: [RemovedMatch]?

    public init(kind: Kind = .alert, party: KnownParty, decision: Decision, matches: [ScreeningMatch],
                changes: [RescreenChangeSet.Change], lists: [AuditListRef], removed: [RemovedMatch]? = nil) {
        self.kind = kind
        self.party = party
        self.decision = decision
        self.matches = matches
        self.changes = changes
        self.lists = lists
        self.removed = removed
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // Records written before delistings were reported have no kind: they are alerts.
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .alert
        party = try c.decode(KnownParty.self, forKey: .party)
        decision = try c.decode(Decision.self, forKey: .decision)
        matches = try c.decode([ScreeningMatch].self, forKey: .matches)
        changes = try c.decode([RescreenChangeSet.Change].self, forKey: .changes)
        lists = try c.decode([AuditListRef].self, forKey: .lists)
        removed = try c.decodeIfPresent([RemovedMatch].self, forKey: .removed)
    }
}
