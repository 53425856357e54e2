import Foundation
import RedFlagCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ListStore {
    /// Writes a new store holding `lists` (each replacing its source) plus every other source of
    /// the current store, builds `artifacts` from the full new entry set, and switches to it
    /// atomically. On any error nothing changes: the half-built folder is removed and the
    /// previous store stays in use. Also records the change log (added, removed, modified ids
    /// per imported source).
    ///
    /// A list whose publication date is older than the store's is refused (`rollbackRefusal`)
    /// unless `allowOlder`; a list identical to the store's (same file, same entries) is left as
    /// it is and reported `unchanged`, and when every list is, no new store is written at all.
    @discardableResult
    public func importLists(_ lists: [ParsedList], artifacts: [StoreArtifact], now: Date = Date(),
                            allowOlder: Bool = false) throws -> StoreImportReport {
        let started = Date()
        var lists = try ListSet.checkedUnique(lists)
        guard !lists.isEmpty else { throw RedFlagError.usage("nothing to import") }
        // ISO 8601 in the JSON keeps whole seconds; round now so what is returned equals what is read back.
        let importedAt = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        try dataDirectory.create()
        let lock = try StoreFileSystem.lock(lockFile)
        defer { StoreFileSystem.unlock(lock) }

        try ensureNotPlainFolder()
        try? publishChangeLog()
        removeLeftovers()

        let previousFolder = currentFolder()
        let previous = try previousFolder.map { try Self.readManifest(in: $0) }
        try Self.refuseRollback(lists, previous: previous, allowOlder: allowOlder)

        // Encoding every entry is the bulk of the work and feeds the entries files, the
        // fingerprints and the artifacts; it runs first, on every core.
        var encoded = lists.map { Self.encodeEntries($0.entries) }
        var fingerprinted = zip(lists, encoded).map { Self.fingerprints($1, of: $0.entries) }
        var unchanged: [ListSnapshot] = []
        for index in lists.indices.reversed() {
            let current = previous?.snapshot(for: lists[index].source)
            let same = try Self.isIdentical(lists[index], fingerprints: fingerprinted[index].map, current: current) {
                try self.fingerprints(of: lists[index].source, in: previousFolder!)
            }
            if same, let current {
                unchanged.insert(current, at: 0)
                lists.remove(at: index)
                encoded.remove(at: index)
                fingerprinted.remove(at: index)
            }
        }
        if lists.isEmpty, let previous, let previousFolder,
           artifacts.allSatisfy({ $0.isCurrent(previousFolder.appendingPathComponent($0.fileName)) }) {
            return StoreImportReport(storeID: previous.storeID, store: previousFolder.path, imported: [],
                                     carriedOver: previous.sources.filter { s in !unchanged.contains { $0.source == s.source } },
                                     artifacts: previous.artifacts, seconds: Date().timeIntervalSince(started), unchanged: unchanged)
        }
        let storeID = Self.newStoreID(importedAt)
        let folder = dataDirectory.url.appendingPathComponent(storeID)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw RedFlagError.cannotWrite(path: folder.path, reason: error.localizedDescription)
        }

        do {
            let importedSources = Set(lists.map(\.source))
            // Unchanged sources are carried over like any other source not imported.
            let carried = (previous?.sources ?? []).filter { !importedSources.contains($0.source) }

            // The artifacts are built on another thread while this one writes (and fsyncs) the
            // entries files: one is CPU, the other mostly waiting for the disk.
            let build = ArtifactBuild()
            if !artifacts.isEmpty {
                var bySource: [ListSource: (entries: [ListEntry], json: [Data])] = [:]
                for (list, json) in zip(lists, encoded) { bySource[list.source] = (list.entries, json) }
                if !carried.isEmpty, let previousFolder {
                    let old = try Self.readEntries(of: carried.map(\.source), in: previousFolder)
                    let oldJSON = Self.encodeEntries(old)
                    for (entry, json) in zip(old, oldJSON) {
                        bySource[entry.source, default: ([], [])].entries.append(entry)
                        bySource[entry.source, default: ([], [])].json.append(json)
                    }
                }
                let ordered = ListSource.allCases.compactMap { bySource[$0] }
                build.start(artifacts, entries: ordered.flatMap(\.entries), json: ordered.flatMap(\.json))
            }
            // Whatever happens below, the builder thread is done before the folder can be removed.
            defer { build.wait() }

            var imported: [StoreImportReport.Imported] = []
            for ((list, json), fingerprinted) in zip(zip(lists, encoded), fingerprinted) {
                let fingerprints = fingerprinted.map
                try writeEntries(json, hashes: fingerprinted.hashes, fingerprints: fingerprints, source: list.source, in: folder)
                let before = previous?.snapshot(for: list.source)
                var old: [String: String] = [:]
                if before != nil, let previousFolder { old = try self.fingerprints(of: list.source, in: previousFolder) }
                let diff = StoreChanges.between(old: old, new: fingerprints)
                var changes = StoreChanges(source: list.source, storeID: storeID, importedAt: importedAt,
                                           previousSHA256: before?.sha256, previousPublicationDate: before?.publicationDate,
                                           sha256: list.sha256, publicationDate: list.publicationDate,
                                           added: diff.added, removed: diff.removed, modified: diff.modified)
                changes.attach(try Self.changeDetails(added: diff.added, removed: diff.removed, modified: diff.modified,
                                                      newEntries: list.entries, oldFingerprints: old, source: list.source,
                                                      previousFolder: before == nil ? nil : previousFolder))
                imported.append(.init(snapshot: ListSnapshot(parsed: list, importedAt: importedAt), changes: changes,
                                      warningExamples: list.warnings.examples))
            }
            for snapshot in carried {
                for name in [StoreManifest.entriesFileName(snapshot.source), StoreManifest.fingerprintsFileName(snapshot.source)] {
                    try StoreFileSystem.linkOrCopy(previousFolder!.appendingPathComponent(name), to: folder.appendingPathComponent(name))
                }
            }
            // The change log is encoded while the artifacts are still being built (its files are
            // published after the swap, from this encoding, without reading changes.json back).
            let changes = imported.map(\.changes)
            let encodedChanges = try OrderedBatchProcessor(chunkSize: 1).map(changes) { change in
                Result { try Self.jsonEncoder().encode(change) }
            }.map { try $0.get() }
            for (artifact, result) in zip(artifacts, build.wait()) {
                let url = folder.appendingPathComponent(artifact.fileName)
                let data: Data
                do {
                    data = try result.get()
                } catch let error as RedFlagError {
                    throw error
                } catch {
                    throw RedFlagError.cannotWrite(path: url.path, reason: "building \(artifact.fileName) failed: \(error)")
                }
                try StoreFileSystem.writeDurably(data, to: url)
            }

            try StoreFileSystem.writeDurably(Self.jsonArray(encodedChanges), to: folder.appendingPathComponent(StoreManifest.changesFileName))
            let manifest = StoreManifest(storeID: storeID, createdAt: importedAt,
                                         sources: imported.map(\.snapshot) + carried,
                                         artifacts: artifacts.map(\.fileName))
            try StoreFileSystem.writeDurably(try Self.jsonEncoder().encode(manifest), to: folder.appendingPathComponent(StoreManifest.fileName))
            try StoreFileSystem.syncDirectory(folder)

            try StoreFileSystem.replaceSymlink(link, target: storeID)
            try StoreFileSystem.syncDirectory(dataDirectory.url)

            // The new store is in use from here on; tidying up can no longer undo the import.
            if let previousFolder, previousFolder.standardizedFileURL != folder.standardizedFileURL {
                try? FileManager.default.removeItem(at: previousFolder)
            }
            try? publishChanges(Array(zip(changes, encodedChanges)))
            return StoreImportReport(storeID: storeID, store: folder.path, imported: imported,
                                     carriedOver: carried.filter { s in !unchanged.contains { $0.source == s.source } },
                                     artifacts: artifacts.map(\.fileName), seconds: Date().timeIntervalSince(started),
                                     unchanged: unchanged)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    /// A JSON array of values already encoded, one per line.
    static func jsonArray(_ items: [Data]) -> Data {
        var body = Data("[".utf8)
        for (index, item) in items.enumerated() {
            body.append(contentsOf: Array((index == 0 ? "\n" : ",\n").utf8))
            body.append(item)
        }
        body.append(contentsOf: Array("\n]\n".utf8))
        return body
    }

    /// Every entry's canonical JSON (`EntryFingerprint`), encoded in parallel.
    static func encodeEntries(_ entries: [ListEntry]) -> [Data] {
        let chunks = stride(from: 0, to: entries.count, by: 256).map { $0..<min($0 + 256, entries.count) }
        return OrderedBatchProcessor(chunkSize: 1).map(chunks) { range in range.map { entries[$0].canonicalJSON } }.flatMap { $0 }
    }

    /// The SHA-256 of every entry's canonical JSON (`json[i]` being `entries[i]`) and the
    /// fingerprint map id → SHA-256 the change log and the identical-import check compare.
    static func fingerprints(_ json: [Data], of entries: [ListEntry]) -> (hashes: [String], map: [String: String]) {
        guard !entries.isEmpty else { return ([], [:]) }
        // Hashing is the costly part: in parallel, in chunks.
        let chunks = stride(from: 0, to: json.count, by: 512).map { $0..<min($0 + 512, json.count) }
        let hashes = OrderedBatchProcessor(chunkSize: 1).map(chunks) { range in range.map { SHA256.hex(json[$0]) } }.flatMap { $0 }
        var fingerprints: [String: String] = [:]
        fingerprints.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            let fingerprint = hashes[index]
            // A list repeating an id: the pair counts as one entry whose content is both records.
            fingerprints[entry.id] = fingerprints[entry.id].map { SHA256.hex(Data(($0 + fingerprint).utf8)) } ?? fingerprint
        }
        return (hashes, fingerprints)
    }

    /// Writes one source's entries (already encoded) as a JSON array with one entry per line, and
    /// their fingerprints.
    func writeEntries(_ json: [Data], hashes: [String], fingerprints: [String: String], source: ListSource, in folder: URL) throws {
        let url = folder.appendingPathComponent(StoreManifest.entriesFileName(source))
        var body = Data()
        body.reserveCapacity(json.reduce(2) { $0 + $1.count + 2 })
        body.append(UInt8(ascii: "["))
        for (index, item) in json.enumerated() {
            body.append(contentsOf: index == 0 ? [UInt8(ascii: "\n")] : [UInt8(ascii: ","), UInt8(ascii: "\n")])
            body.append(item)
        }
        body.append(contentsOf: Array("\n]\n".utf8))
        try StoreFileSystem.writeDurably(body, to: url)
        let fingerprintsURL = folder.appendingPathComponent(StoreManifest.fingerprintsFileName(source))
        try StoreFileSystem.writeDurably(try Self.jsonEncoder(pretty: false).encode(fingerprints), to: fingerprintsURL)
    }

    /// Removes store folders and temporary links left by an import that was killed or failed.
    /// Runs under the import lock, so no other import is writing them.
    func removeLeftovers() {
        let fm = FileManager.default
        let current = currentFolder()?.lastPathComponent
        guard let names = try? fm.contentsOfDirectory(atPath: dataDirectory.url.path) else { return }
        for name in names where name != current {
            let isStoreFolder = name.hasPrefix(Self.folderPrefix)
            let isTemporaryLink = name.hasPrefix(".\(link.lastPathComponent).") && name.hasSuffix(".tmp")
            if isStoreFolder || isTemporaryLink {
                try? fm.removeItem(at: dataDirectory.url.appendingPathComponent(name))
            }
        }
    }

    /// The store must be our symlink (or absent): a real folder at `lists` cannot be swapped atomically.
    func ensureNotPlainFolder() throws {
        var isDirectory: ObjCBool = false
        if StoreFileSystem.symlinkTarget(link) == nil, FileManager.default.fileExists(atPath: link.path, isDirectory: &isDirectory) {
            throw RedFlagError.cannotWrite(path: link.path,
                reason: "exists and is not the store's symlink; move it away (redflag keeps `lists` as a link to the current store folder)")
        }
    }

    static func newStoreID(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ v: Int?, _ width: Int = 2) -> String {
            let s = String(v ?? 0)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        let stamp = "\(pad(c.year, 4))\(pad(c.month))\(pad(c.day))T\(pad(c.hour))\(pad(c.minute))\(pad(c.second))Z"
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return "\(folderPrefix)\(stamp)-\(String(repeating: "0", count: 8 - random.count))\(random)"
    }
}
