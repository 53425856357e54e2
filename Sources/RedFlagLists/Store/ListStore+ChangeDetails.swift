import Foundation
import RedFlagCore

extension ListStore {
    /// What a reviewer needs beyond the ids of one import's changes: the field-level differences of
    /// every modified entry, the removed entries as they were (so `rescreen` can report a
    /// delisting), and the primary names of the added ones.
    ///
    /// Only the old versions of modified and removed entries are decoded: the previous entries
    /// file holds one canonical entry per line and its fingerprints are the SHA-256 of those lines,
    /// so the wanted lines are found by hashing, not by decoding the whole file.
    static func changeDetails(added: [String], removed: [String], modified: [String], newEntries: [ListEntry],
                              oldFingerprints: [String: String], source: ListSource,
                              previousFolder: URL?) throws -> StoreChanges.Details {
        var newByID: [String: ListEntry] = [:]
        let wantedNew = Set(added + modified)
        for entry in newEntries where wantedNew.contains(entry.id) && newByID[entry.id] == nil { newByID[entry.id] = entry }
        var oldByID: [String: ListEntry] = [:]
        if let previousFolder, !(removed.isEmpty && modified.isEmpty) {
            oldByID = try oldEntries(ids: removed + modified, fingerprints: oldFingerprints, source: source, in: previousFolder)
        }
        var fields: [StoreChanges.ModifiedEntry] = []
        for id in modified {
            guard let new = newByID[id] else { continue }
            // An old version that cannot be found (a store damaged by hand) still lists the id.
            let changes = oldByID[id].map { EntryFieldChange.between(old: $0, new: new) } ?? []
            fields.append(StoreChanges.ModifiedEntry(id: id, name: new.name, fields: changes))
        }
        return StoreChanges.Details(
            addedNames: Dictionary(uniqueKeysWithValues: added.compactMap { id in newByID[id].map { (id, $0.name) } }),
            modifiedFields: fields,
            removedEntries: removed.compactMap { oldByID[$0] })
    }

    /// The stored versions of `ids` in a store folder's entries file of `source`.
    static func oldEntries(ids: [String], fingerprints: [String: String], source: ListSource, in folder: URL) throws -> [String: ListEntry] {
        let url = folder.appendingPathComponent(StoreManifest.entriesFileName(source))
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RedFlagError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        let wanted = Dictionary(ids.compactMap { id in fingerprints[id].map { ($0, id) } }, uniquingKeysWith: { a, _ in a })
        var lines: [Range<Int>] = []
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
            var last = end
            if last > start, data[last - 1] == UInt8(ascii: ",") { last -= 1 }
            if last - start > 2 { lines.append(start..<last) }
            start = end + 1
        }
        let chunks = stride(from: 0, to: lines.count, by: 512).map { lines[$0..<min($0 + 512, lines.count)] }
        let hits = OrderedBatchProcessor(chunkSize: 1).map(chunks) { chunk in
            chunk.compactMap { range -> (String, Range<Int>)? in
                wanted[SHA256.hex(data[range])].map { ($0, range) }
            }
        }.flatMap { $0 }
        var found: [String: ListEntry] = [:]
        let decoder = jsonDecoder()
        for (id, range) in hits {
            if let entry = try? decoder.decode(ListEntry.self, from: data[range]) { found[id] = entry }
        }
        if found.count < Set(ids).count {
            // A list that repeated an id has one combined fingerprint for it, which matches no
            // line: fall back to decoding the file (rare).
            let missing = Set(ids).subtracting(found.keys)
            for entry in try decode([ListEntry].self, from: url) where missing.contains(entry.id) && found[entry.id] == nil {
                found[entry.id] = entry
            }
        }
        return found
    }
}
