import Foundation
import RedFlagCore

/// A derived file written into the list store with every import, inside the same atomic swap as
/// the lists themselves, so it can never disagree with them (the matcher's prebuilt index).
public struct StoreArtifact: Sendable {
    /// File name inside the store folder.
    public let fileName: String
    /// Builds the file's bytes from every entry the new store will hold.
    public let build: @Sendable (_ entries: [ListEntry]) throws -> Data

    public init(fileName: String, build: @escaping @Sendable (_ entries: [ListEntry]) throws -> Data) {
        self.fileName = fileName
        self.build = build
    }
}
