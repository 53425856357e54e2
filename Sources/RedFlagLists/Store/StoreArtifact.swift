import Foundation
import RedFlagCore

/// A derived file written into the list store with every import, inside the same atomic swap as
/// the lists themselves, so it can never disagree with them (the matcher's prebuilt index).
public struct StoreArtifact: Sendable {
    /// File name inside the store folder.
    public let fileName: String
    /// Builds the file's bytes from every entry the new store will hold, given with each entry's
    /// canonical JSON (`EntryFingerprint.canonicalJSON`, the bytes the store writes) at the same
    /// position, so a builder that keeps entries as JSON need not encode them again.
    public let buildWithJSON: @Sendable (_ entries: [ListEntry], _ json: [Data]) throws -> Data
    /// Whether the file at the URL was written in the format this build reads. An import whose
    /// lists are all unchanged still builds a new store when an artifact is not current (a
    /// redflag update changed the index format), so re-importing the same files rebuilds it.
    public let isCurrent: @Sendable (URL) -> Bool

    /// An artifact built from the entries alone.
    public init(fileName: String, isCurrent: @escaping @Sendable (URL) -> Bool = { _ in true },
                build: @escaping @Sendable (_ entries: [ListEntry]) throws -> Data) {
        self.fileName = fileName
        self.isCurrent = isCurrent
        self.buildWithJSON = { entries, _ in try build(entries) }
    }

    /// An artifact built from the entries and their canonical JSON.
    public init(fileName: String, isCurrent: @escaping @Sendable (URL) -> Bool = { _ in true },
                buildWithJSON: @escaping @Sendable (_ entries: [ListEntry], _ json: [Data]) throws -> Data) {
        self.fileName = fileName
        self.isCurrent = isCurrent
        self.buildWithJSON = buildWithJSON
    }

    /// Builds the file's bytes from `entries` alone (encoding them where the builder needs JSON).
    public func build(_ entries: [ListEntry]) throws -> Data {
        try buildWithJSON(entries, entries.map(\.canonicalJSON))
    }
}
