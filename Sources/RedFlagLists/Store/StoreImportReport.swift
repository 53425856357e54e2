import Foundation
import RedFlagCore

/// What an import did: the new snapshot and change log of each imported source, and the sources
/// carried over unchanged from the previous store.
public struct StoreImportReport: Codable, Sendable {
    public struct Imported: Codable, Sendable {
        public var snapshot: ListSnapshot
        public var changes: StoreChanges
        /// The first few warnings, so a user can look the records up.
        public var warningExamples: [ParseWarnings.Example]
    }

    public var storeID: String
    public var store: String
    public var imported: [Imported]
    /// Sources kept from the previous store as they were.
    public var carriedOver: [ListSnapshot]
    public var artifacts: [String]
    /// Wall-clock seconds spent writing the store (parsing is timed by the caller).
    public var seconds: Double
    /// Sources whose file was identical to the store's (same bytes, same entries): left as they
    /// were, no change logged. When every imported list is, `storeID` is the current store's.
    public var unchanged: [ListSnapshot] = []
}
