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
        var lapsed: [Int64: [EntryFieldChange]] = [:]
        for (id, rules) in byEntry {
            guard let entry = screener.entry(id: id), let fingerprint = try? EntryFingerprint.sha256(of: entry) else { continue }
            current[id] = fingerprint
            for rule in rules where rule.entryFingerprint != fingerprint {
                if let changes = rule.changes(now: entry) { lapsed[rule.id] = changes }
            }
        }
        return ResolvedAllowList(rulesByEntry: byEntry, currentFingerprints: current, lapsedChanges: lapsed)
    }

    /// Each rule as active or lapsed against the entries listed now (`entry(id)`, nil when no
    /// longer listed), with the date it lapsed taken from the change log (the first import after
    /// the adjudication that modified or removed the entry) and the fields that changed.
    public func statuses(entry: (String) -> ListEntry?, changeLog: [StoreChanges]) -> [AllowRuleStatus] {
        statuses(lookup: entry, changeLog: changeLog)
    }

    /// The rules with status `unknown`: there are no lists to compare them with.
    public func statusesWithoutLists() -> [AllowRuleStatus] {
        rules.map { AllowRuleStatus(rule: $0, state: .unknown, since: nil, entryListed: false, changes: nil, renewedBy: nil) }
    }

    private func statuses(lookup entry: (String) -> ListEntry?, changeLog: [StoreChanges]) -> [AllowRuleStatus] {
        var renewedBy: [Int64: Int64] = [:]
        for rule in rules { if let renews = rule.renews { renewedBy[renews] = rule.id } }
        return rules.map { rule in
            let now = entry(rule.entryID)
            let fingerprint = now.flatMap { try? EntryFingerprint.sha256(of: $0) }
            guard fingerprint != rule.entryFingerprint else {
                return AllowRuleStatus(rule: rule, state: .active, since: rule.at, entryListed: true, changes: [], renewedBy: nil)
            }
            let adjudicated = AllowListRule.date(rule.at)
            let lapse = changeLog.first { log in
                (adjudicated.map { log.importedAt >= $0 } ?? true)
                    && (log.modified.contains(rule.entryID) || log.removed.contains(rule.entryID))
            }
            return AllowRuleStatus(rule: rule, state: .lapsed, since: lapse.map { AllowListRule.timestamp($0.importedAt) },
                                   entryListed: now != nil, changes: now.flatMap { rule.changes(now: $0) },
                                   renewedBy: renewedBy[rule.id])
        }
    }
}

/// One allow-list rule as it stands against the lists now: what `allow list` shows.
public struct AllowRuleStatus: Codable, Hashable, Sendable {
    /// `unknown`: no lists to compare with (none imported and no `--lists`).
    public enum State: String, Codable, Sendable { case active, lapsed, unknown }

    public var rule: AllowListRule
    public var state: State
    /// Active: when the rule was adjudicated. Lapsed: when the import that changed (or removed)
    /// the entry was made, nil when the change log does not go back that far.
    public var since: String?
    /// False when the entry is no longer on its list (the rule has nothing left to suppress).
    public var entryListed: Bool
    /// The fields of the entry changed since the adjudication (empty when active); nil when
    /// unknown (a rule recorded before redflag kept the adjudicated entry, or the entry removed).
    public var changes: [EntryFieldChange]?
    /// The rule that re-adjudicated this lapsed one (`allow renew`), if any.
    public var renewedBy: Int64?

    enum CodingKeys: String, CodingKey { case state, since, entryListed, changes, renewedBy }

    public init(rule: AllowListRule, state: State, since: String?, entryListed: Bool, changes: [EntryFieldChange]?, renewedBy: Int64?) {
        self.rule = rule
        self.state = state
        self.since = since
        self.entryListed = entryListed
        self.changes = changes
        self.renewedBy = renewedBy
    }

    /// The rule's own fields and the status fields side by side in one object, so `allow list
    /// --format json` keeps the rule objects it always printed and only gains keys.
    public func encode(to encoder: Encoder) throws {
        try rule.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(state, forKey: .state)
        try c.encodeIfPresent(since, forKey: .since)
        try c.encode(entryListed, forKey: .entryListed)
        try c.encodeIfPresent(changes, forKey: .changes)
        try c.encodeIfPresent(renewedBy, forKey: .renewedBy)
    }

    public init(from decoder: Decoder) throws {
        rule = try AllowListRule(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        state = try c.decode(State.self, forKey: .state)
        since = try c.decodeIfPresent(String.self, forKey: .since)
        entryListed = try c.decode(Bool.self, forKey: .entryListed)
        changes = try c.decodeIfPresent([EntryFieldChange].self, forKey: .changes)
        renewedBy = try c.decodeIfPresent(Int64.self, forKey: .renewedBy)
    }

    /// `active since 2026-01-02T…`, `lapsed 2026-03-04T… (renewed as rule 7)`, for people.
    public var summary: String {
        switch state {
        case .active: return "active since \(since ?? rule.at)"
        case .unknown: return "status unknown (no lists imported)"
        case .lapsed:
            var text = "lapsed \(since ?? "(date not in the change log)")"
            if !entryListed { text += ", entry no longer listed" }
            if let renewedBy { text += ", renewed as rule \(renewedBy)" }
            return text
        }
    }
}

extension AllowListRule {
    /// The fields changed between the entry as adjudicated and `now`; nil when the adjudicated
    /// version was not kept.
    public func changes(now: ListEntry) -> [EntryFieldChange]? {
        adjudicatedEntry.map { EntryFieldChange.between(old: $0, new: now) }
    }
}

/// An allow-list bound to the current list entries; cheap to apply to every result.
public struct ResolvedAllowList: Sendable {
    /// `list` as the adjustment a batch applies to every result; nil (no adjustment) for nil.
    public static func adjustment(_ list: ResolvedAllowList?) -> (@Sendable (ScreeningResult) -> ScreeningResult)? {
        guard let list else { return nil }
        return { list.apply(to: $0) }
    }

    let rulesByEntry: [String: [AllowListRule]]
    /// Current fingerprint per allow-listed entry id; absent when the entry is no longer listed.
    let currentFingerprints: [String: String]
    /// Per lapsed rule id, the fields of its entry that changed since the adjudication.
    let lapsedChanges: [Int64: [EntryFieldChange]]

    public init(rulesByEntry: [String: [AllowListRule]], currentFingerprints: [String: String],
                lapsedChanges: [Int64: [EntryFieldChange]] = [:]) {
        self.rulesByEntry = rulesByEntry
        self.currentFingerprints = currentFingerprints
        self.lapsedChanges = lapsedChanges
    }

    /// Name of the qualifier added to a match whose suppression lapsed.
    public static let lapsedQualifier = "allow-list lapsed"

    /// How many field changes a lapse qualifier spells out; `allow list` shows them all.
    static let changesShown = 8

    /// ` (name changed: A → B; alias added: C; … and 12 more: see `redflag allow list`)`.
    static func describe(_ changes: [EntryFieldChange]) -> String {
        guard !changes.isEmpty else { return "" }
        var text = changes.prefix(changesShown).map(\.text).joined(separator: "; ")
        if changes.count > changesShown { text += "; and \(changes.count - changesShown) more: see `redflag allow list`" }
        return " (" + text + ")"
    }

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
                let changed = lapsedChanges[stale.id].map(Self.describe) ?? ""
                out.matches[index].explanation.qualifiers.append(Qualifier(
                    name: Self.lapsedQualifier, effect: 0,
                    detail: "allow-listed as rule \(stale.id) by \(stale.by) on \(stale.at) (\(stale.reason)), "
                        + "but the listed entry has changed since\(changed): the suppression lapsed, review again"))
            }
            changed = true
        }
        if changed {
            out.decision = DecisionPolicy.overall(out.matches)
        }
        return out
    }
}
