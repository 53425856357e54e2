import Foundation
import RedFlagCore

extension ListStore {
    /// The change log: what every import changed, per source, oldest first; only imports made
    /// after `since` when given, only the given sources when given.
    ///
    /// Read from `<data-dir>/changes/` plus the current store's own `changes.json` (written inside
    /// the atomic swap, so the newest import is never missing even if publishing its log failed).
    public func changes(since: Date? = nil, sources: Set<ListSource>? = nil) throws -> [StoreChanges] {
        var all: [String: StoreChanges] = [:]
        let fm = FileManager.default
        if let names = try? fm.contentsOfDirectory(atPath: changesDirectory.path) {
            for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
                let change = try Self.decode(StoreChanges.self, from: changesDirectory.appendingPathComponent(name))
                all["\(change.storeID)/\(change.source.rawValue)"] = change
            }
        }
        if let folder = currentFolder() {
            let url = folder.appendingPathComponent(StoreManifest.changesFileName)
            if fm.fileExists(atPath: url.path) {
                for change in try Self.decode([StoreChanges].self, from: url) {
                    all["\(change.storeID)/\(change.source.rawValue)"] = change
                }
            }
        }
        return all.values
            .filter { change in since.map { change.importedAt > $0 } ?? true }
            .filter { sources?.contains($0.source) ?? true }
            .sorted { ($0.importedAt, $0.storeID, $0.source) < ($1.importedAt, $1.storeID, $1.source) }
    }

    /// Copies the current store's change log into `<data-dir>/changes/` (one file per source,
    /// `<time>-<rand>-<slug>.json`), skipping files already there. Idempotent, so an import that
    /// was interrupted right after its swap is completed by the next one.
    func publishChangeLog() throws {
        guard let folder = currentFolder() else { return }
        let url = folder.appendingPathComponent(StoreManifest.changesFileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        try publishChanges(try Self.decode([StoreChanges].self, from: url).map { ($0, nil) })
    }

    /// Writes each of `changes` into `<data-dir>/changes/` unless already there, from its
    /// encoding when the caller has it (an import has just encoded them for its changes.json).
    func publishChanges(_ changes: [(change: StoreChanges, encoded: Data?)]) throws {
        do {
            try FileManager.default.createDirectory(at: changesDirectory, withIntermediateDirectories: true)
        } catch {
            throw RedFlagError.cannotWrite(path: changesDirectory.path, reason: error.localizedDescription)
        }
        for (change, encoded) in changes {
            let stamp = change.storeID.dropFirst(Self.folderPrefix.count)
            let destination = changesDirectory.appendingPathComponent("\(stamp)-\(change.source.slug).json")
            if FileManager.default.fileExists(atPath: destination.path) { continue }
            let temporary = changesDirectory.appendingPathComponent(".\(destination.lastPathComponent).tmp")
            try StoreFileSystem.writeDurably(try encoded ?? Self.jsonEncoder().encode(change), to: temporary)
            guard rename(temporary.path, destination.path) == 0 else { throw StoreFileSystem.posixError(destination) }
        }
        try StoreFileSystem.syncDirectory(changesDirectory)
    }
}
