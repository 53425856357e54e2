import Foundation
import RedFlagCore

/// A known party that now matches a changed entry: one output record of `rescreen`.
public struct RescreenHit: Codable, Hashable, Sendable {
    public var party: KnownParty
    public var decision: Decision
    /// The matches against changed entries (suppressed ones included, marked), best first.
    public var matches: [ScreeningMatch]
    /// For each match id: added or modified, by which import.
    public var changes: [RescreenChangeSet.Change]
    /// The snapshots (source + SHA-256) the changed entries come from.
    public var lists: [AuditListRef]

    public init(party: KnownParty, decision: Decision, matches: [ScreeningMatch], changes: [RescreenChangeSet.Change],
                lists: [AuditListRef]) {
        self.party = party
        self.decision = decision
        self.matches = matches
        self.changes = changes
        self.lists = lists
    }
}
