import Foundation
import RedFlagCore

/// The local list store: every imported source's entries, its snapshot facts and the derived
/// artifacts, in one folder of the data directory that is replaced atomically on every import.
///
/// Layout: `<data-dir>/lists` is a symlink to the current folder `<data-dir>/lists-<time>-<rand>`,
/// which holds `manifest.json`, per source `<slug>.entries.json` and `<slug>.fingerprints.json`,
/// the artifacts (prebuilt index…) and `changes.json`. An import builds a complete new folder,
/// flushes it to disk and only then renames a new symlink over `lists`, so a failed or killed
/// import leaves the previous store exactly as it was. The change log of every import is also
/// kept in `<data-dir>/changes/`.
public struct ListStore: Sendable {
    public let dataDirectory: DataDirectory

    public init(dataDirectory: DataDirectory) {
        self.dataDirectory = dataDirectory
    }

    /// The `lists` symlink.
    public var link: URL { dataDirectory.listStore }
    /// Folder of the change log (one JSON file per import and source).
    public var changesDirectory: URL { dataDirectory.url.appendingPathComponent("changes") }
    var lockFile: URL { dataDirectory.url.appendingPathComponent(".lists.lock") }
    static let folderPrefix = "lists-"

    /// The folder the store currently points at, nil when nothing has been imported.
    ///
    /// Resolve it once and read everything from the returned folder, so a concurrent import
    /// cannot mix two stores in one read.
    public func currentFolder() -> URL? {
        if let target = StoreFileSystem.symlinkTarget(link) {
            let folder = target.hasPrefix("/") ? URL(fileURLWithPath: target)
                : dataDirectory.url.appendingPathComponent(target)
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(StoreManifest.fileName).path) ? folder : nil
        }
        // A plain folder (copied by hand, or restored from a backup) is read too.
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: link.path, isDirectory: &isDirectory), isDirectory.boolValue,
           FileManager.default.fileExists(atPath: link.appendingPathComponent(StoreManifest.fileName).path) {
            return link
        }
        return nil
    }

    /// A cheap identity of the current snapshot (two file-system calls, nothing read): the
    /// folder the `lists` link points at and its manifest's modification time, nil when nothing
    /// is imported. Every import makes a new folder, so a long-running process compares this
    /// with the identity it loaded to learn whether to load again.
    public func currentSnapshotID() -> String? {
        guard let folder = currentFolder() else { return nil }
        let manifest = folder.appendingPathComponent(StoreManifest.fileName).path
        let modified = (try? FileManager.default.attributesOfItem(atPath: manifest)[.modificationDate] as? Date)
            .map { String($0.timeIntervalSince1970) } ?? "?"
        return "\(folder.path)@\(modified)"
    }

    /// The current folder with its manifest, read together so a concurrent import cannot pair
    /// one store's folder with another's manifest; nil when nothing is imported.
    public func currentSnapshot() throws -> (folder: URL, manifest: StoreManifest)? {
        guard let folder = currentFolder() else { return nil }
        return (folder, try Self.readManifest(in: folder))
    }

    /// The current manifest, nil when nothing has been imported.
    public func manifest() throws -> StoreManifest? {
        guard let folder = currentFolder() else { return nil }
        return try Self.readManifest(in: folder)
    }

    /// URL of a derived file (e.g. the prebuilt screening index) in the current store, nil when
    /// nothing is imported or the current store has no such file.
    public func artifactURL(named name: String) -> URL? {
        guard let folder = currentFolder() else { return nil }
        let url = folder.appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Every entry and snapshot of the current store (optionally only some sources), read from
    /// one folder. Throws `noLists` when nothing is imported.
    public func load(sources: Set<ListSource>? = nil) throws -> ListSet {
        // An import may remove the folder between resolving the link and reading: retry once.
        for attempt in 0..<2 {
            guard let folder = currentFolder() else {
                throw RedFlagError.noLists("no lists imported in \(dataDirectory.url.path): run `redflag lists import` or `redflag lists update`, or pass --lists")
            }
            do {
                let manifest = try Self.readManifest(in: folder)
                let snapshots = manifest.sources.filter { sources?.contains($0.source) ?? true }
                let entries = try Self.readEntries(of: snapshots.map(\.source), in: folder)
                return ListSet(entries: entries, snapshots: snapshots)
            } catch is RedFlagError where attempt == 0 && !FileManager.default.fileExists(atPath: folder.path) {
                continue
            }
        }
        throw RedFlagError.noLists("the list store in \(dataDirectory.url.path) changed while it was being read; try again")
    }

    /// The fingerprints (entry id → SHA-256) of one source in a store folder.
    func fingerprints(of source: ListSource, in folder: URL) throws -> [String: String] {
        let url = folder.appendingPathComponent(StoreManifest.fingerprintsFileName(source))
        return try Self.decode([String: String].self, from: url)
    }

    static func readManifest(in folder: URL) throws -> StoreManifest {
        let url = folder.appendingPathComponent(StoreManifest.fileName)
        let manifest = try decode(StoreManifest.self, from: url)
        guard manifest.formatVersion == StoreManifest.currentFormatVersion else {
            throw RedFlagError.badData(path: url.path, location: nil,
                message: "store format version \(manifest.formatVersion), this redflag reads version \(StoreManifest.currentFormatVersion): re-import the lists")
        }
        return manifest
    }

    /// Reads the entries of several sources, in parallel, concatenated in the given order.
    static func readEntries(of sources: [ListSource], in folder: URL) throws -> [ListEntry] {
        let urls = sources.map { folder.appendingPathComponent(StoreManifest.entriesFileName($0)) }
        let decoded = OrderedBatchProcessor(chunkSize: 1).map(urls) { url -> Result<[ListEntry], RedFlagError> in
            do {
                return .success(try decode([ListEntry].self, from: url))
            } catch let error as RedFlagError {
                return .failure(error)
            } catch {
                return .failure(.badData(path: url.path, location: nil, message: "\(error)"))
            }
        }
        var entries: [ListEntry] = []
        entries.reserveCapacity(decoded.reduce(0) { $0 + ((try? $1.get())?.count ?? 0) })
        for result in decoded { entries += try result.get() }
        return entries
    }

    static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw FileManager.default.fileExists(atPath: url.path)
                ? RedFlagError.unreadable(path: url.path, reason: error.localizedDescription)
                : RedFlagError.fileNotFound(path: url.path)
        }
        do {
            return try jsonDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw RedFlagError.badData(path: url.path, location: nil, message: "damaged store file: \(describe(error))")
        }
    }

    static func jsonDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    static func jsonEncoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
