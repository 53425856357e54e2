import Foundation
import RedFlagCore
import RedFlagLists
import RedFlagMatching

/// The allow-list as read for one run, ready to apply to screening results.
///
/// Applying marks a match suppressed when its query name (folded), country and entry id are
/// allow-listed AND the entry is unchanged since the adjudication; the result's decision is then
/// recomputed from the matches left. When the entry changed, the match stays live and carries a
/// qualifier saying the suppression lapsed, so the reviewer sees why an old case alerts again.
public struct AllowList: Sendable {
    public let rules: [AllowListRule]
    private let byEntry: [String: [AllowListRule]]

    public init(rules: [AllowListRule]) {
        self.rules = rules
        self.byEntry = Dictionary(grouping: rules, by: \.entryID)
    }

    public static let empty = AllowList(rules: [])

    public var isEmpty: Bool { rules.isEmpty }

    /// Binds the rules to the entries as they are now (fingerprints taken once per listed entry,
    /// not per result), giving what batch loops call per result.
    public func resolved(against screener: some PartyScreener) -> ResolvedAllowList {
        var current: [String: String] = [:]
        for id in byEntry.keys {
            if let entry = screener.entry(id: id), let fingerprint = try? EntryFingerprint.sha256(of: entry) {
                current[id] = fingerprint
            }
        }
        return ResolvedAllowList(rulesByEntry: byEntry, currentFingerprints: current)
    }
}

/// An allow-list bound to the current list entries; cheap to apply to every result.
public struct ResolvedAllowList: Sendable {
    let rulesByEntry: [String: [AllowListRule]]
    /// Current fingerprint per allow-listed entry id; absent when the entry is no longer listed.
    let currentFingerprints: [String: String]

    public init(rulesByEntry: [String: [AllowListRule]], currentFingerprints: [String: String]) {
        self.rulesByEntry = rulesByEntry
        self.currentFingerprints = currentFingerprints
    }

    /// Name of the qualifier added to a match whose suppression lapsed.
    public static let lapsedQualifier = "allow-list lapsed"

    /// The result with allow-listed matches suppressed and the decision recomputed.
    public func apply(to result: ScreeningResult) -> ScreeningResult {
        guard !rulesByEntry.isEmpty, !result.matches.isEmpty else { return result }
        var key: String?
        var out = result
        var changed = false
        for index in out.matches.indices {
            let match = out.matches[index]
            guard let candidates = rulesByEntry[match.id] else { continue }
            let queryKey = key ?? AllowListRule.key(result.query.name)
            key = queryKey
            let covering = candidates.filter { $0.covers(queryKey: queryKey, country: result.query.country, entryID: match.id) }
            guard !covering.isEmpty else { continue }
            let now = currentFingerprints[match.id]
            if let valid = covering.last(where: { $0.entryFingerprint == now }) {
                out.matches[index].suppressed = Suppression(reason: valid.reason, by: valid.by, at: valid.at)
            } else if let stale = covering.last {
                out.matches[index].suppressed = nil
                out.matches[index].explanation.qualifiers.append(Qualifier(
                    name: Self.lapsedQualifier, effect: 0,
                    detail: "allow-listed as rule \(stale.id) by \(stale.by) on \(stale.at) (\(stale.reason)), "
                        + "but the listed entry has changed since: the suppression lapsed, review again"))
            }
            changed = true
        }
        if changed {
            out.decision = DecisionPolicy.overall(out.matches)
        }
        return out
    }
}
