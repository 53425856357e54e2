import Foundation
import RedFlagCore
import RedFlagLists
import RedFlagMatching

/// Screens parties against the loaded lists: the one `PartyScreener` the commands use.
///
/// Opened either from list files given with `--lists` (parsed and indexed in memory) or from the
/// store's prebuilt index (`match-index.bin`, written at every import), which loads with one file
/// read and no list parsing or entry decoding, so a fresh `redflag screen` answers in well under
/// 100 ms. Thread-safe: share one engine across a parallel batch.
public final class ScreeningEngine: PartyScreener, Sendable {
    public let matcher: Matcher
    /// What was screened against: source, SHA-256 and publication date of each list.
    public let snapshots: [ListSnapshot]

    public var configuration: MatchConfiguration { matcher.configuration }

    public init(index: MatchIndex, snapshots: [ListSnapshot], configuration: MatchConfiguration) {
        matcher = Matcher(index: index, configuration: configuration)
        self.snapshots = snapshots
    }

    /// An engine over entries already in memory (tests, `--lists`).
    public convenience init(listSet: ListSet, configuration: MatchConfiguration) throws {
        self.init(index: try MatchIndex(entries: listSet.entries), snapshots: listSet.snapshots, configuration: configuration)
    }

    /// Opens the lists to screen against: `listPaths` when given (parsed now), else the store of
    /// `dataDirectory` through its prebuilt index. Throws `noLists` when neither has anything.
    public static func open(dataDirectory: DataDirectory, listPaths: [URL], configuration: MatchConfiguration) throws -> ScreeningEngine {
        try configuration.validate()
        if !listPaths.isEmpty {
            let parsed = try ListSet.checkedUnique(ListFileLoader.load(paths: listPaths))
            return try ScreeningEngine(listSet: ListSet(parsed: parsed), configuration: configuration)
        }
        let store = ListStore(dataDirectory: dataDirectory)
        guard let manifest = try store.manifest() else {
            throw RedFlagError.noLists("no lists imported: run `redflag lists import` or pass --lists")
        }
        // An index of another format (written by an older redflag) is never read: the entries are
        // indexed in memory instead until the next import rebuilds the file.
        if let url = store.artifactURL(named: MatchIndex.fileName), MatchIndex.isCurrentFile(at: url) {
            return ScreeningEngine(index: try MatchIndex(contentsOf: url), snapshots: manifest.sources, configuration: configuration)
        }
        // A store imported before the index existed or by another version: build it in memory
        // (slow, but correct).
        return try ScreeningEngine(listSet: ListSet.load(store: store), configuration: configuration)
    }

    public func screen(_ query: ScreeningQuery) -> ScreeningResult {
        matcher.screen(query)
    }

    /// The listed names nearest to a query that reached no decision, and why each fell short
    /// (`--explain` on a CLEAR result).
    public func nearest(_ query: ScreeningQuery, count: Int = 3) -> [NearCandidate] {
        matcher.nearest(query, count: count)
    }

    /// The full entry behind a match id (decoded from the index on demand).
    public func entry(id: String) -> ListEntry? {
        matcher.index.entryIndex(id: id).flatMap { matcher.index.entry(at: $0) }
    }
}
