import Foundation
import RedFlagCore
import RedFlagLists

extension AllowListStoring {
    /// Re-adjudicates lapsed rule `id` against the entry as it is now (`entry`): a new rule with
    /// the same query and country, who, when and why, recorded like `add` and pointing at the
    /// rule it renews (which stays, lapsed, for the record). Refuses a rule that is still active,
    /// one already renewed, and an entry of another id.
    @discardableResult
    public func renew(id: Int64, entry: ListEntry, reason: String, by: String, now: Date = Date()) throws -> AllowListRule {
        guard !TextFolding.collapseWhitespace(reason).isEmpty else { throw RedFlagError.usage("allow renew: --reason must say why this is still a false positive") }
        guard !TextFolding.collapseWhitespace(by).isEmpty else { throw RedFlagError.usage("allow renew: --by must name who adjudicated it") }
        let all = try rules()
        guard let rule = all.first(where: { $0.id == id }) else {
            throw RedFlagError.usage("allow renew: no allow-list rule \(id) (see `redflag allow list`)")
        }
        guard entry.id == rule.entryID else {
            throw RedFlagError.usage("allow renew: rule \(id) is about \(rule.entryID), not \(entry.id)")
        }
        if let renewal = all.first(where: { $0.renews == id }) {
            throw RedFlagError.usage("allow renew: rule \(id) was already renewed as rule \(renewal.id)")
        }
        let fingerprint: String
        do { fingerprint = try EntryFingerprint.sha256(of: entry) } catch {
            throw RedFlagError.badData(path: entry.id, location: nil, message: "cannot encode the entry: \(error)")
        }
        guard fingerprint != rule.entryFingerprint else {
            throw RedFlagError.usage("allow renew: rule \(id) is active (\(rule.entryID) has not changed since it was adjudicated): nothing to renew")
        }
        return try add(query: rule.query, country: rule.country, entry: entry, reason: reason, by: by, now: now, renews: id)
    }
}
