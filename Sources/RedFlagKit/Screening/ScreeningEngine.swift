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

    /// `remembering`: the matcher keeps each name's and address's scoring for the queries that
    /// repeat it (the default; false scores every query from scratch, with the same results).
    public init(index: MatchIndex, snapshots: [ListSnapshot], configuration: MatchConfiguration, remembering: Bool = true) {
        matcher = Matcher(index: index, configuration: configuration, remembering: remembering)
        self.snapshots = snapshots
    }

    /// An engine over entries already in memory (tests, `--lists`).
    public convenience init(listSet: ListSet, configuration: MatchConfiguration) throws {
        self.init(index: try MatchIndex(entries: listSet.entries), snapshots: listSet.snapshots, configuration: configuration)
    }

    /// Opens the lists to screen against: `listPaths` when given (parsed now), else the store of
    /// `dataDirectory` through its prebuilt index. Throws `noLists` when neither has anything.
    public static func open(dataDirectory: DataDirectory, listPaths: [URL], configuration: MatchConfiguration) throws -> ScreeningEngine {
        try ScreeningContext.load(dataDirectory: dataDirectory, listPaths: listPaths,
                                  settings: ScreeningSettings(screen: configuration)).screener
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
