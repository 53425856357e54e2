import Foundation
import RedFlagCore

/// A stable content hash of a listed entry: SHA-256 of its canonical JSON encoding (sorted keys).
///
/// Two entries with the same id and fingerprint carry exactly the same data, so the change log
/// can tell "modified" from "unchanged", and an adjudicated false positive can lapse when the
/// entry it was made against changes.
public enum EntryFingerprint {
    /// The canonical encoding the fingerprint is taken over (also what the store writes):
    /// `ListEntry.canonicalJSON`, the bytes `canonicalEncoder()` writes, made without it.
    public static func canonicalJSON(_ entry: ListEntry) throws -> Data {
        entry.canonicalJSON
    }

    /// The encoder defining the canonical form (`ListEntry.canonicalJSON` writes the same bytes faster).
    public static func canonicalEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Hex SHA-256 of the entry's canonical encoding.
    public static func sha256(of entry: ListEntry) throws -> String {
        SHA256.hex(try canonicalJSON(entry))
    }
}
