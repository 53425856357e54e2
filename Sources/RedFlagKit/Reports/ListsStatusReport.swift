import Foundation
import RedFlagCore
import RedFlagLists

/// What is imported, from when, and whether it is stale: `redflag lists status` and
/// `GET /v1/lists` (JSON through `DocumentJSON`: `{"store","storeID","updatedAt","maxAgeDays",
/// "sources": [{"source","format","records","names","publicationDate","sha256","importedAt",
/// "ageDays","stale","files","warnings"}], "stale": [source…]}`).
public struct ListsStatusReport: Encodable, Sendable {
    /// One imported source.
    public struct SourceStatus: Encodable, Sendable {
        public var source: ListSource
        public var format: ListFormat
        public var records: Int
        public var names: Int
        public var publicationDate: String?
        public var sha256: String
        public var importedAt: Date?
        /// Days since publication, else since import.
        public var ageDays: Int?
        /// Older than `maxAgeDays`: screening against it is itself a compliance failure.
        public var stale: Bool
        public var files: [String]
        public var warnings: [String: Int]
    }

    /// The store folder read.
    public var store: String
    public var storeID: String
    public var updatedAt: Date
    public var maxAgeDays: Int
    public var sources: [SourceStatus]
    /// The stale sources.
    public var stale: [ListSource]

    /// The status of the data directory's current store, ages counted at `now`. Throws
    /// `noLists` (exit 66) when nothing is imported.
    public static func load(dataDirectory: DataDirectory, maxAgeDays: Int, now: Date = Date()) throws -> ListsStatusReport {
        let store = ListStore(dataDirectory: dataDirectory)
        guard let snapshot = try store.currentSnapshot() else {
            throw RedFlagError.noLists("no lists imported in \(dataDirectory.url.path): run `redflag lists import PATH...` or `redflag lists update`")
        }
        let (folder, manifest) = snapshot
        let sources = manifest.sources.map { s in
            SourceStatus(source: s.source, format: s.format, records: s.recordCount, names: s.nameCount,
                         publicationDate: s.publicationDate, sha256: s.sha256, importedAt: s.importedAt,
                         ageDays: s.ageInDays(now: now), stale: s.isStale(maxAgeDays: maxAgeDays, now: now),
                         files: s.files, warnings: s.warnings)
        }
        return ListsStatusReport(store: folder.path, storeID: manifest.storeID, updatedAt: manifest.createdAt, maxAgeDays: maxAgeDays,
                           sources: sources, stale: sources.filter(\.stale).map(\.source))
    }

    /// The report for a caller on another machine (`GET /v1/lists`): the store by its folder's
    /// name (the snapshot it is), never where it lives on the server's disk.
    public func withoutServerPaths() -> ListsStatusReport {
        var report = self
        report.store = URL(fileURLWithPath: store).lastPathComponent
        return report
    }

    /// The JSON document, newline included: the bytes of `redflag lists status --format json`.
    public func json() throws -> [UInt8] { try DocumentJSON.encode(self) }
}
