import Foundation
import RedFlagCore
import RedFlagLists
import RedFlagMatching

/// What a rescreen covers: `redflag rescreen [--since D | --last] [--config F]`, or the same
/// asked of the service. Known parties come from the caller (the store's known parties plus
/// any files), so a front end decides where parties come from.
public struct RescreenRequest: Sendable {
    /// Changes imported after this date; nil with `lastImportOnly` false: after the last
    /// completed rescreen recorded in the audit trail (every change the first time).
    public var since: Date?
    /// Only the changes of the newest import.
    public var lastImportOnly: Bool
    public var configuration: MatchConfiguration

    public init(since: Date? = nil, lastImportOnly: Bool = false, configuration: MatchConfiguration = .default) {
        self.since = since
        self.lastImportOnly = lastImportOnly
        self.configuration = configuration
    }
}

/// A rescreen ready to run: the changes it covers, the screeners over them and what the audit
/// trail records. Prepared by `prepare`, run by `records`; every record encodes with
/// `RescreenOutput.jsonLine`.
public struct RescreenPlan: Sendable {
    public let request: RescreenRequest
    /// Where the changes start (after the last rescreen, `since`, or the newest import).
    public let start: RescreenStart
    public let changeSet: RescreenChangeSet
    public let rescreener: Rescreener

    /// Loads the change log of `dataDirectory` from the request's start (`audit` gives the
    /// trail holding the last completed rescreen, asked only when the request names no start),
    /// builds the screener over the changed entries and, when entries were removed, opens the
    /// full current lists for the verdict now. `allowList` (read after the lists) is applied to
    /// delistings and verdicts now. Throws `noLists` when nothing is imported.
    public static func prepare(_ request: RescreenRequest, dataDirectory: DataDirectory,
                               audit: () throws -> (any AuditStoring)?,
                               allowList: () throws -> AllowList = { .empty }) throws -> RescreenPlan {
        let configuration = request.configuration
        try configuration.validate()
        let store = ListStore(dataDirectory: dataDirectory)
        guard try store.manifest() != nil else {
            throw RedFlagError.noLists("no lists imported: run `redflag lists import` first (rescreen works on the store's change log)")
        }
        var start = RescreenStart(since: request.since, consumed: [])
        if request.since == nil && !request.lastImportOnly {
            start = try RescreenStart.afterLastRescreen(in: try audit())
        }
        let changeSet = try RescreenChangeSet.load(store: store, since: start.since, lastImportOnly: request.lastImportOnly,
                                                   excluding: start.consumed)
        // Delistings need the verdict now: the full lists, opened only when something was removed.
        let current = try changeSet.removedEntries.isEmpty ? nil
            : ScreeningEngine.open(dataDirectory: dataDirectory, listPaths: [], configuration: configuration)
        let allowList = try allowList()
        let rescreener = try Rescreener(changeSet: changeSet, factory: { entries, snapshots in
            try ScreeningEngine(listSet: ListSet(entries: entries, snapshots: snapshots), configuration: configuration)
        }, current: current.map { ($0, $0.snapshots) }, allowList: allowList)
        return RescreenPlan(request: request, start: start, changeSet: changeSet, rescreener: rescreener)
    }

    /// What the audit trail records as the run's configuration (the next rescreen starts after
    /// the change-log records named in it).
    public var recordedConfiguration: RescreenConfiguration {
        RescreenConfiguration(matcher: AuditRunInfo.json(request.configuration), consumedChanges: changeSet.logs.map(RescreenChangeSet.key))
    }

    /// `redflag rescreen: N known parties against … since …` for stderr.
    public func summary(partyCount: Int) -> String {
        let sinceText = request.lastImportOnly ? "the newest import" : start.since.map { AuditTimestamp.string($0) } ?? "the first import"
        let logs = changeSet.logs.isEmpty ? "no list changes" : changeSet.logs.map(\.summary).joined(separator: "; ")
        return "redflag rescreen: \(partyCount) known parties against \(changeSet.entries.count) changed entries and "
            + "\(changeSet.removedEntries.count) removed entries since \(sinceText) (\(logs))"
    }

    /// The records per party, in party order (empty for a party that stays clear), on every
    /// core; fewer elements than `parties` when `shouldStop` ended it early.
    public func records(_ parties: [KnownParty], allowList: ResolvedAllowList, shouldStop: () -> Bool = { false }) -> [[RescreenHit]] {
        rescreener.records(parties, allowList: allowList, shouldStop: shouldStop)
    }
}
