import RedFlagLists
import RedFlagMatching

/// The derived files every list import writes into the store (see `StoreArtifact`).
public enum StoreArtifacts {
    /// The matcher's prebuilt index (`match-index.bin`), so screening never re-parses lists.
    public static var all: [StoreArtifact] {
        [StoreArtifact(fileName: MatchIndex.fileName) { entries in try MatchIndex(entries: entries).serialized() }]
    }
}
