import RedFlagLists

/// The derived files every list import writes into the store (see `StoreArtifact`).
public enum StoreArtifacts {
    public static var all: [StoreArtifact] { [] }
}
