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
    /// A screener over the removed entries as they were (nil when nothing was removed): who
    /// matched them then is who a delisting concerns.
    public let removedScreener: (any PartyScreener)?
    /// Every entry listed now, for the verdict of a party whose entry was removed.
    public let currentScreener: (any PartyScreener)?
    private let lists: [AuditListRef]
    private let currentLists: [AuditListRef]
    private let removedAllowList: ResolvedAllowList
    private let currentAllowList: ResolvedAllowList

    /// `current` (every entry listed now, with its snapshots) is needed only to report
    /// delistings; without it no `removed` record is made. `allowList` is applied to the matches
    /// against the removed entries (a party adjudicated as not that entry did not alert on it)
    /// and to the verdict now.
    public init(changeSet: RescreenChangeSet, factory: ScreenerFactory,
                current: (screener: any PartyScreener, snapshots: [ListSnapshot])? = nil,
                allowList: AllowList = .empty) throws {
        self.changeSet = changeSet
        self.screener = try factory(changeSet.entries, changeSet.snapshots)
        self.lists = changeSet.snapshots.map(Self.reference)
        if let current, !changeSet.removedEntries.isEmpty {
            let removed = try factory(changeSet.removedEntries, [])
            removedScreener = removed
            currentScreener = current.screener
            currentLists = current.snapshots.map(Self.reference)
            removedAllowList = allowList.resolved(against: removed)
            currentAllowList = allowList.resolved(against: current.screener)
        } else {
            removedScreener = nil
            currentScreener = nil
            currentLists = []
            removedAllowList = AllowList.empty.resolved(against: screener)
            currentAllowList = removedAllowList
        }
    }

    static func reference(_ snapshot: ListSnapshot) -> AuditListRef {
        AuditListRef(source: snapshot.source.rawValue, sha256: snapshot.sha256, published: snapshot.publicationDate, files: snapshot.files)
    }

    /// The alert for one party, nil when it matches no changed entry or every match stays CLEAR
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

    /// The delisting record for one party, nil unless it matches (HOLD or STOP, allow-list
    /// applied) an entry removed since: the entries as they were, and the party's verdict now.
    public func delisting(_ party: KnownParty) -> RescreenHit? {
        guard let removedScreener, let currentScreener else { return nil }
        var before = removedScreener.screen(party.query)
        before.matches = before.matches.filter { changeSet.removals[$0.id] != nil }
        before.decision = before.matches.map(\.decision).max() ?? .clear
        before = removedAllowList.apply(to: before)
        let alerted = before.matches.filter { $0.suppressed == nil && $0.decision != .clear }
        guard !alerted.isEmpty else { return nil }
        let removed = alerted.compactMap { match -> RescreenHit.RemovedMatch? in
            guard let entry = removedScreener.entry(id: match.id), let change = changeSet.removals[match.id] else { return nil }
            return RescreenHit.RemovedMatch(entry: entry, match: match, change: change)
        }
        let now = currentAllowList.apply(to: currentScreener.screen(party.query))
        return RescreenHit(kind: .removed, party: party, decision: now.decision, matches: now.matches, changes: [],
                           lists: currentLists, removed: removed)
    }

    /// Every record for one party: its alert on changed entries, then its delisting, each when any.
    public func records(_ party: KnownParty, allowList: ResolvedAllowList) -> [RescreenHit] {
        [rescreen(party, allowList: allowList), delisting(party)].compactMap { $0 }
    }

    /// `records` for every party (in parallel, in party order), stopping between chunks when
    /// `shouldStop` says so; fewer elements than `parties` when stopped early.
    public func records(_ parties: [KnownParty], allowList: ResolvedAllowList,
                        processor: OrderedBatchProcessor = OrderedBatchProcessor(),
                        shouldStop: () -> Bool = { false }) -> [[RescreenHit]] {
        Self.batch(parties, processor: processor, shouldStop: shouldStop) { self.records($0, allowList: allowList) }
    }

    /// Re-screens the parties (in parallel, in party order), stopping between chunks when
    /// `shouldStop` says so. Returns one element per party screened (nil when it stays clear);
    /// fewer than `parties.count` when stopped early.
    public func rescreen(_ parties: [KnownParty], allowList: ResolvedAllowList,
                         processor: OrderedBatchProcessor = OrderedBatchProcessor(),
                         shouldStop: () -> Bool = { false }) -> [RescreenHit?] {
        Self.batch(parties, processor: processor, shouldStop: shouldStop) { self.rescreen($0, allowList: allowList) }
    }

    /// `transform` over the parties in parallel chunks, in order, checking `shouldStop` between chunks.
    static func batch<T: Sendable>(_ parties: [KnownParty], processor: OrderedBatchProcessor, shouldStop: () -> Bool,
                                   _ transform: @Sendable (KnownParty) -> T) -> [T] {
        var results: [T] = []
        results.reserveCapacity(parties.count)
        var offset = 0
        while offset < parties.count && !shouldStop() {
            let chunk = Array(parties[offset..<min(parties.count, offset + processor.chunkSize * processor.concurrency)])
            offset += chunk.count
            results.append(contentsOf: processor.map(chunk, transform))
        }
        return results
    }
}
