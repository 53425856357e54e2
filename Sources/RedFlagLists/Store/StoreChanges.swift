import Foundation
import RedFlagCore

/// What one import changed in one source, versus the store it replaced: the input of re-screening
/// (screen the known parties against just the added and modified entries).
public struct StoreChanges: Codable, Hashable, Sendable {
    public var source: ListSource
    /// The import that made the change (store folder name) and when.
    public var storeID: String
    public var importedAt: Date
    /// SHA-256 and publication date of the list before (nil when the source was not in the store)
    /// and after the import.
    public var previousSHA256: String?
    public var previousPublicationDate: String?
    public var sha256: String
    public var publicationDate: String?
    /// Entry ids (`OFAC-SDN:6915`) new in this import, sorted.
    public var added: [String]
    /// Entry ids no longer listed, sorted.
    public var removed: [String]
    /// Entry ids still listed whose content changed (new alias, address, program…), sorted.
    public var modified: [String]
    /// Primary name of each added entry (id → name). Nil in change logs written before redflag
    /// kept the details, like the two fields below.
    public var addedNames: [String: String]?
    /// Per modified entry, the fields that changed, old → new, in `modified` order.
    public var modifiedFields: [ModifiedEntry]?
    /// The removed entries as they were before the import, so a delisting can be reported with
    /// what was listed.
    public var removedEntries: [ListEntry]?

    /// One modified entry: its id, primary name now, and what changed.
    public struct ModifiedEntry: Codable, Hashable, Sendable {
        public var id: String
        public var name: String
        public var fields: [EntryFieldChange]

        public init(id: String, name: String, fields: [EntryFieldChange]) {
            self.id = id
            self.name = name
            self.fields = fields
        }
    }

    /// The details of one import's changes (see the fields of the same names).
    public struct Details: Sendable {
        public var addedNames: [String: String]
        public var modifiedFields: [ModifiedEntry]
        public var removedEntries: [ListEntry]
    }

    /// Sets the details recorded beside the ids.
    public mutating func attach(_ details: Details) {
        addedNames = details.addedNames
        modifiedFields = details.modifiedFields
        removedEntries = details.removedEntries
    }

    /// The entry removed by this import, as it was, nil when not removed or not recorded.
    public func removedEntry(id: String) -> ListEntry? { removedEntries?.first { $0.id == id } }

    public init(source: ListSource, storeID: String, importedAt: Date, previousSHA256: String?,
                previousPublicationDate: String?, sha256: String, publicationDate: String?,
                added: [String], removed: [String], modified: [String]) {
        self.source = source
        self.storeID = storeID
        self.importedAt = importedAt
        self.previousSHA256 = previousSHA256
        self.previousPublicationDate = previousPublicationDate
        self.sha256 = sha256
        self.publicationDate = publicationDate
        self.added = added
        self.removed = removed
        self.modified = modified
    }

    /// Compares the fingerprints (id → SHA-256 of the entry) of the old and new entry sets.
    public static func between(old: [String: String], new: [String: String]) -> (added: [String], removed: [String], modified: [String]) {
        var added: [String] = [], modified: [String] = []
        for (id, fingerprint) in new {
            if let previous = old[id] {
                if previous != fingerprint { modified.append(id) }
            } else {
                added.append(id)
            }
        }
        let removed = old.keys.filter { new[$0] == nil }
        return (added.sorted(), removed.sorted(), modified.sorted())
    }

    /// Ids of every entry to re-screen against: added and modified.
    public var changedIDs: [String] { (added + modified).sorted() }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && modified.isEmpty }

    /// `OFAC-SDN: +12 added, -3 removed, ~7 modified`.
    public var summary: String {
        "\(source.rawValue): +\(added.count) added, -\(removed.count) removed, ~\(modified.count) modified"
    }

    /// Number of field changes per field name over every modified entry (`alias` → 41), nil when
    /// this log predates field-level details.
    public var fieldChangeCounts: [String: Int]? {
        modifiedFields.map { entries in
            entries.reduce(into: [:]) { counts, entry in for change in entry.fields { counts[change.field, default: 0] += 1 } }
        }
    }
}
