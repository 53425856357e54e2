import Foundation
import RedFlagCore
import RedFlagLists
import RedFlagMatching

/// Screens known parties against only the entries that changed, so the nightly re-screen of the
/// whole customer base costs seconds: the screener is built over the changed entries alone.
public struct Rescreener: Sendable {
    /// Builds a screener over just these entries (the matching engine's in-memory index).
    public typealias ScreenerFactory = @Sendable (_ entries: [ListEntry], _ snapshots: [ListSnapshot]) throws -> any PartyScreener

    public let changeSet: RescreenChangeSet
    public let screener: any PartyScreener
    private let lists: [AuditListRef]

    public init(changeSet: RescreenChangeSet, factory: ScreenerFactory) throws {
        self.changeSet = changeSet
        self.screener = try factory(changeSet.entries, changeSet.snapshots)
        self.lists = changeSet.snapshots.map {
            AuditListRef(source: $0.source.rawValue, sha256: $0.sha256, published: $0.publicationDate, files: $0.files)
        }
    }

    /// The hit for one party, nil when it matches no changed entry or every match stays CLEAR
    /// after the allow-list.
    public func rescreen(_ party: KnownParty, allowList: ResolvedAllowList) -> RescreenHit? {
        guard !changeSet.entries.isEmpty else { return nil }
        let raw = screener.screen(party.query)
        var result = raw
        // The factory's screener only knows changed entries; the filter guards against one that
        // answers from a larger index.
        result.matches = raw.matches.filter { changeSet.changes[$0.id] != nil }
        if result.matches.count != raw.matches.count {
            result.decision = DecisionPolicy.overall(result.matches)
        }
        result = allowList.apply(to: result)
        guard result.decision != .clear else { return nil }
        let changes = result.matches.compactMap { changeSet.changes[$0.id] }
        return RescreenHit(party: party, decision: result.decision, matches: result.matches, changes: changes, lists: lists)
    }

    /// Re-screens the parties (in parallel, in party order), stopping between chunks when
    /// `shouldStop` says so. Returns one element per party screened (nil when it stays clear);
    /// fewer than `parties.count` when stopped early.
    public func rescreen(_ parties: [KnownParty], allowList: ResolvedAllowList,
                         processor: OrderedBatchProcessor = OrderedBatchProcessor(),
                         shouldStop: () -> Bool = { false }) -> [RescreenHit?] {
        var results: [RescreenHit?] = []
        results.reserveCapacity(parties.count)
        var offset = 0
        while offset < parties.count && !shouldStop() {
            let chunk = Array(parties[offset..<min(parties.count, offset + processor.chunkSize * processor.concurrency)])
            offset += chunk.count
            results.append(contentsOf: processor.map(chunk) { self.rescreen($0, allowList: allowList) })
        }
        return results
    }
}
