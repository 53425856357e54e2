import Foundation
import RedFlagCore

/// One adjudicated false positive: "this query name (in this country) is not that listed entry".
///
/// The rule remembers the entry's fingerprint as it was when a person adjudicated it, so the
/// suppression lapses by itself when the list publisher changes the entry (new alias, address,
/// program): the match then alerts again and a person has to look at it anew.
public struct AllowListRule: Codable, Hashable, Sendable {
    /// Row id in the allow-list database (what `allow remove` takes).
    public var id: Int64
    /// The query name as the adjudicator typed it.
    public var query: String
    /// `TextFolding.fold(query)`: what a screened name is compared with.
    public var queryKey: String
    /// ISO 3166-1 alpha-2, upper case; nil means the rule holds whatever the query's country.
    public var country: String?
    /// The listed entry's stable id (`OFAC-SDN:6915`).
    public var entryID: String
    /// The entry's primary name when adjudicated (for people reading `allow list`).
    public var entryName: String
    /// SHA-256 of the entry's canonical JSON when adjudicated (see `EntryFingerprint`).
    public var entryFingerprint: String
    public var reason: String
    public var by: String
    /// When the rule was added, ISO 8601 UTC.
    public var at: String
    /// The rule this one re-adjudicated after it lapsed (`allow renew`), nil for a first adjudication.
    public var renews: Int64?
    /// The entry as it was when adjudicated, so a lapse can say which fields changed; nil for
    /// rules recorded before redflag kept it. Not part of the rule's JSON (the entry is long).
    public var adjudicatedEntry: ListEntry?

    enum CodingKeys: String, CodingKey {
        case id, query, queryKey, country, entryID, entryName, entryFingerprint, reason, by, at, renews
    }

    public init(id: Int64, query: String, country: String?, entryID: String, entryName: String,
                entryFingerprint: String, reason: String, by: String, at: String, renews: Int64? = nil,
                adjudicatedEntry: ListEntry? = nil) {
        self.id = id
        self.query = query
        self.queryKey = AllowListRule.key(query)
        self.country = country
        self.entryID = entryID
        self.entryName = entryName
        self.entryFingerprint = entryFingerprint
        self.reason = reason
        self.by = by
        self.at = at
        self.renews = renews
        self.adjudicatedEntry = adjudicatedEntry
    }

    /// ISO 8601 UTC with seconds: the form of `at` (and of the lapse dates `allow list` shows).
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// The date of an `at` timestamp, nil when it is not one.
    public static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    /// The normalised form of a query name that rules are keyed on.
    public static func key(_ name: String) -> String { TextFolding.fold(name) }

    /// Upper-cased trimmed country code, nil for empty.
    public static func countryKey(_ country: String?) -> String? {
        guard let c = country?.trimmingCharacters(in: .whitespaces), !c.isEmpty else { return nil }
        return c.uppercased()
    }

    /// True when this rule covers a match of `entryID` for a query with this name and country.
    public func covers(queryKey: String, country: String?, entryID: String) -> Bool {
        guard self.entryID == entryID, self.queryKey == queryKey else { return false }
        guard let own = self.country else { return true }
        return own == AllowListRule.countryKey(country)
    }
}
