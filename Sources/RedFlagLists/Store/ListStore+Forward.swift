import Foundation
import RedFlagCore

extension ListStore {
    /// Why `list` must not replace `current` (the store's snapshot of its source): its publication
    /// date is older, so importing it would silently drop every listing published since. Nil when
    /// it is as new or newer, or when either date is unknown (nothing to compare; the change log
    /// still shows what the import removed).
    ///
    /// Kept apart from the import so `lists update` can refuse one source and import the others.
    public static func rollbackRefusal(_ list: ParsedList, current: ListSnapshot?) -> RedFlagError? {
        guard let current, let old = current.publicationDate, let new = list.publicationDate,
              new.prefix(10) < old.prefix(10) else { return nil }
        let file = list.files.first?.path ?? list.source.rawValue
        return .badData(path: file, location: nil, message: """
            \(list.source.rawValue) published \(new.prefix(10)) is older than the list in the store \
            (published \(old.prefix(10)), imported \(current.importedAt.map(Self.isoTime) ?? "earlier")): \
            importing it would roll back every change published since; refused, the store is unchanged \
            (pass --allow-older to roll back on purpose)
            """)
    }

    /// Throws the first rollback refusal among `lists` (nothing is imported then), unless `allowOlder`.
    static func refuseRollback(_ lists: [ParsedList], previous: StoreManifest?, allowOlder: Bool) throws {
        guard !allowOlder, let previous else { return }
        for list in lists {
            if let refusal = rollbackRefusal(list, current: previous.snapshot(for: list.source)) { throw refusal }
        }
    }

    /// True when importing `list` would change nothing: the same file bytes as the current snapshot
    /// and the same entries once parsed (a newer redflag parsing the same file differently does
    /// re-import it, so parser fixes reach the store).
    static func isIdentical(_ list: ParsedList, fingerprints: [String: String], current: ListSnapshot?,
                            currentFingerprints: () throws -> [String: String]) rethrows -> Bool {
        guard let current, current.sha256 == list.sha256 else { return false }
        return try currentFingerprints() == fingerprints
    }

    static func isoTime(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
