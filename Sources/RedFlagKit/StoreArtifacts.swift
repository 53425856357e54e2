import RedFlagLists
import RedFlagMatching

/// The derived files every list import writes into the store (see `StoreArtifact`).
public enum StoreArtifacts {
    /// The matcher's prebuilt index (`match-index.bin`), so screening never re-parses lists. It
    /// keeps the JSON the store has just encoded rather than encoding every entry again; an index of
    /// another format version is rebuilt by the next import, even of unchanged lists.
    public static var all: [StoreArtifact] {
        [StoreArtifact(fileName: MatchIndex.fileName, isCurrent: { MatchIndex.isCurrentFile(at: $0) }) { entries, json in
            try MatchIndex(entries: entries, encodedEntries: json).serialized()
        }]
    }
}
