import Foundation
import RedFlagCore

/// The table of contents of one store folder (`manifest.json`), written last so a folder without
/// it is recognisably incomplete.
public struct StoreManifest: Codable, Hashable, Sendable {
    /// Bumped when the folder layout changes incompatibly; a store of another version is refused.
    public static let currentFormatVersion = 1
    public static let fileName = "manifest.json"

    public var formatVersion: Int
    /// The store folder's name (`lists-20260122T031500Z-1a2b3c4d`): identifies one import.
    public var storeID: String
    public var createdAt: Date
    /// One snapshot per imported source, in `ListSource` order.
    public var sources: [ListSnapshot]
    /// The derived files (prebuilt index…) written with this import.
    public var artifacts: [String]

    public init(storeID: String, createdAt: Date, sources: [ListSnapshot], artifacts: [String]) {
        self.formatVersion = Self.currentFormatVersion
        self.storeID = storeID
        self.createdAt = createdAt
        self.sources = sources.sorted { $0.source < $1.source }
        self.artifacts = artifacts
    }

    public func snapshot(for source: ListSource) -> ListSnapshot? { sources.first { $0.source == source } }

    /// File holding a source's entries: a JSON array, one entry per line.
    public static func entriesFileName(_ source: ListSource) -> String { "\(source.slug).entries.json" }
    /// File holding a source's entry fingerprints (id → SHA-256), used to compute the change log.
    public static func fingerprintsFileName(_ source: ListSource) -> String { "\(source.slug).fingerprints.json" }
    /// The change log of the import that produced the folder.
    public static let changesFileName = "changes.json"
}
