import Foundation
import RedFlagCore

/// The lists a command screens or checks against, with the snapshot facts of each source: the
/// one loading API for both list files given with `--lists` and the imported store.
public struct ListSet: Sendable {
    public var entries: [ListEntry]
    /// One per source, in `ListSource` order.
    public var snapshots: [ListSnapshot]

    public init(entries: [ListEntry], snapshots: [ListSnapshot]) {
        self.entries = entries
        self.snapshots = snapshots
    }

    /// Reads the current store of a data directory. Throws `noLists` when nothing is imported.
    public static func load(store: ListStore) throws -> ListSet {
        try store.load()
    }

    /// The set made of freshly parsed lists (not imported: snapshots have no import time).
    public init(parsed lists: [ParsedList]) {
        let ordered = lists.sorted { $0.source < $1.source }
        self.init(entries: ordered.flatMap(\.entries), snapshots: ordered.map { ListSnapshot(parsed: $0, importedAt: nil) })
    }

    /// Refuses two parsed lists of one source (e.g. `sdn.xml` and `sdn.csv` together): one file
    /// (or OFAC CSV set) per source, so entry ids stay unique and an import replaces one list.
    public static func checkedUnique(_ lists: [ParsedList]) throws -> [ParsedList] {
        var seen: [ListSource: ParsedList] = [:]
        for list in lists {
            if let other = seen[list.source] {
                let names = (other.files + list.files).map(\.path).joined(separator: ", ")
                throw RedFlagError.usage("\(names): \(list.source.rawValue) given twice; give one file (or OFAC CSV set) per source")
            }
            seen[list.source] = list
        }
        return lists
    }

    /// Entry by id (linear: for occasional look-ups; build a dictionary for many).
    public func entry(id: String) -> ListEntry? { entries.first { $0.id == id } }
}
