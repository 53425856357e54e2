import Foundation
import RedFlagCore
import RedFlagLists

/// The listed entries that changed since a point in time, as they are now: what `rescreen`
/// screens the known parties against.
public struct RescreenChangeSet: Sendable {
    /// Why an entry is in the set.
    public struct Change: Codable, Hashable, Sendable {
        public var id: String
        /// `added`, `modified` or `removed`.
        public var kind: String
        public var source: ListSource
        /// The import that made the change, and when.
        public var storeID: String
        public var importedAt: Date
    }

    /// The changed entries still listed now (entries added then removed again are gone).
    public var entries: [ListEntry]
    /// The latest change per entry id.
    public var changes: [String: Change]
    /// The change-log records read (one per source and import).
    public var logs: [StoreChanges]
    /// Snapshots of the sources the entries come from, as the store holds them now.
    public var snapshots: [ListSnapshot]
    /// Ids removed by those imports and not listed again since (a delisting never raises an
    /// alert; `Rescreener.delisting` reports the parties that matched them).
    public var removed: [String]
    /// The removed entries as they were before their removal, for the ids in `removed` whose
    /// change log recorded them (logs written before redflag kept them have ids only).
    public var removedEntries: [ListEntry] = []
    /// The removal of each id in `removed`: by which import, when.
    public var removals: [String: Change] = [:]

    /// The identity of one change-log record (one source in one import).
    public static func key(_ log: StoreChanges) -> String { "\(log.storeID)/\(log.source.rawValue)" }

    /// Reads the change log of `store` (imports after `since`, or only the newest import when
    /// `lastImportOnly`), leaving out the records in `excluding` (already rescreened), and loads
    /// the changed entries from the current store.
    public static func load(store: ListStore, since: Date?, lastImportOnly: Bool = false,
                            excluding: Set<String> = []) throws -> RescreenChangeSet {
        var logs = try store.changes(since: since).filter { !excluding.contains(key($0)) }
        // The current store is the newest import (log times have whole seconds, so two imports in
        // one second cannot be ordered by time).
        if lastImportOnly, let newest = try store.manifest()?.storeID ?? logs.last?.storeID {
            logs = logs.filter { $0.storeID == newest }
        }
        var changes: [String: Change] = [:]
        var removed = Set<String>()
        var removals: [String: Change] = [:]
        var removedEntries: [String: ListEntry] = [:]
        for log in logs {
            for id in log.added {
                changes[id] = Change(id: id, kind: "added", source: log.source, storeID: log.storeID, importedAt: log.importedAt)
                removed.remove(id)
                removals[id] = nil
                removedEntries[id] = nil
            }
            for id in log.modified where changes[id]?.kind != "added" {
                changes[id] = Change(id: id, kind: "modified", source: log.source, storeID: log.storeID, importedAt: log.importedAt)
            }
            for id in log.removed {
                changes[id] = nil
                removed.insert(id)
                removals[id] = Change(id: id, kind: "removed", source: log.source, storeID: log.storeID, importedAt: log.importedAt)
                // Removed twice (listed again in between without a log in range): keep the latest version known.
                if let entry = log.removedEntry(id: id) { removedEntries[id] = entry }
            }
        }
        let delisted = removed.sorted().compactMap { removedEntries[$0] }
        let sources = Set(changes.values.map(\.source))
        guard !sources.isEmpty else {
            return RescreenChangeSet(entries: [], changes: [:], logs: logs, snapshots: [], removed: removed.sorted(),
                                     removedEntries: delisted, removals: removals)
        }
        let set = try store.load(sources: sources)
        let entries = set.entries.filter { changes[$0.id] != nil }
        let present = Set(entries.map(\.id))
        return RescreenChangeSet(entries: entries, changes: changes.filter { present.contains($0.key) }, logs: logs,
                                 snapshots: set.snapshots, removed: removed.sorted(), removedEntries: delisted, removals: removals)
    }

    public init(entries: [ListEntry], changes: [String: Change], logs: [StoreChanges], snapshots: [ListSnapshot], removed: [String],
                removedEntries: [ListEntry] = [], removals: [String: Change] = [:]) {
        self.entries = entries
        self.changes = changes
        self.logs = logs
        self.snapshots = snapshots
        self.removed = removed
        self.removedEntries = removedEntries
        self.removals = removals
    }
}
