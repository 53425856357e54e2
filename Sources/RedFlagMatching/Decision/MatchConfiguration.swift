import Foundation
import RedFlagCore

/// Thresholds and limits of the matcher, with per-list overrides, loadable from a JSON file:
///
/// ```json
/// {"reviewThreshold": 0.80, "strongThreshold": 0.92, "addressThreshold": 0.80, "limit": 10,
///  "lists": {"UVL": {"reviewThreshold": 0.85}, "EL": {"strongThreshold": 0.90}}}
/// ```
///
/// Defaults (why): a match at or above `reviewThreshold` 0.80 is shown and holds the deal — at
/// 0.80 a one-letter typo, a dropped generic word or a transliteration variant of the distinctive
/// token still alerts, while a name that shares only generic words ("Everbright Trading Co.")
/// stays below. `strongThreshold` 0.92 is where a match is treated as the listed party itself
/// (exact or near-exact distinctive tokens): on a list that bars the deal that means STOP.
/// `addressThreshold` 0.80 reports an order address that matches a listed address although the
/// names differ. `limit` 10 matches per query.
public struct MatchConfiguration: Codable, Hashable, Sendable {
    /// Thresholds for one list, each falling back to the global value when absent.
    public struct ListThresholds: Codable, Hashable, Sendable {
        public var reviewThreshold: Double?
        public var strongThreshold: Double?
        public init(reviewThreshold: Double? = nil, strongThreshold: Double? = nil) {
            self.reviewThreshold = reviewThreshold
            self.strongThreshold = strongThreshold
        }
    }

    public var reviewThreshold: Double
    public var strongThreshold: Double
    public var addressThreshold: Double
    /// Most matches returned per query (best first).
    public var limit: Int
    /// Per-list overrides keyed by list code (`EL`, `SDN`, `UVL`, `EU`…).
    public var lists: [String: ListThresholds]
    /// Most candidate names fully scored per query (the index ranks them by an upper bound first).
    public var candidateLimit: Int
    /// Debug: score every indexed name instead of index candidates (slow; for measuring the
    /// candidate recall of the index against a full scan).
    public var fullScan: Bool
    /// What a match and a set of matches decide (`DecisionPolicy`, from `Lists/decision-policy.json`
    /// and the file's `decisionPolicy` key).
    public var policy: DecisionPolicy

    public static let `default` = MatchConfiguration()

    public init(reviewThreshold: Double = 0.80, strongThreshold: Double = 0.92, addressThreshold: Double = 0.80,
                limit: Int = 10, lists: [String: ListThresholds] = [:], candidateLimit: Int = 2000, fullScan: Bool = false,
                policy: DecisionPolicy = .bundled) {
        self.reviewThreshold = reviewThreshold
        self.strongThreshold = strongThreshold
        self.addressThreshold = addressThreshold
        self.limit = limit
        self.lists = lists
        self.candidateLimit = candidateLimit
        self.fullScan = fullScan
        self.policy = policy
    }

    private enum CodingKeys: String, CodingKey {
        case reviewThreshold, strongThreshold, addressThreshold, limit, lists, candidateLimit, fullScan, policy, decisionPolicy
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(reviewThreshold, forKey: .reviewThreshold)
        try c.encode(strongThreshold, forKey: .strongThreshold)
        try c.encode(addressThreshold, forKey: .addressThreshold)
        try c.encode(limit, forKey: .limit)
        try c.encode(lists, forKey: .lists)
        try c.encode(candidateLimit, forKey: .candidateLimit)
        try c.encode(fullScan, forKey: .fullScan)
        try c.encode(policy, forKey: .policy)
    }

    /// Every key is optional in a file: absent keys keep their defaults.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = MatchConfiguration()
        reviewThreshold = try c.decodeIfPresent(Double.self, forKey: .reviewThreshold) ?? d.reviewThreshold
        strongThreshold = try c.decodeIfPresent(Double.self, forKey: .strongThreshold) ?? d.strongThreshold
        addressThreshold = try c.decodeIfPresent(Double.self, forKey: .addressThreshold) ?? d.addressThreshold
        limit = try c.decodeIfPresent(Int.self, forKey: .limit) ?? d.limit
        lists = try c.decodeIfPresent([String: ListThresholds].self, forKey: .lists) ?? [:]
        candidateLimit = try c.decodeIfPresent(Int.self, forKey: .candidateLimit) ?? d.candidateLimit
        fullScan = try c.decodeIfPresent(Bool.self, forKey: .fullScan) ?? false
        // A recorded configuration carries the whole policy; a user's file an override of the bundled one.
        if let whole = try c.decodeIfPresent(DecisionPolicy.self, forKey: .policy) {
            policy = whole
        } else if let o = try c.decodeIfPresent(DecisionPolicy.Override.self, forKey: .decisionPolicy) {
            policy = DecisionPolicy.bundled.applying(o, identity: "configuration file")
        } else {
            policy = .bundled
        }
    }

    /// Loads a configuration file; errors name the file and what is wrong.
    public static func load(from url: URL) throws -> MatchConfiguration {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RedFlagError.fileNotFound(path: url.path)
        }
        let config: MatchConfiguration
        do { config = try JSONDecoder().decode(MatchConfiguration.self, from: data) } catch {
            throw RedFlagError.badData(path: url.path, location: nil, message: "invalid matcher configuration: \(error)")
        }
        var checked = config
        if checked.policy.identity.hasSuffix(" + configuration file") {
            checked.policy.identity = String(checked.policy.identity.dropLast(" + configuration file".count)) + " + \(url.path) (sha256 \(SHA256.hex(data).prefix(12)))"
        }
        try checked.validate(path: url.path)
        try checked.policy.validate(path: url.path)
        return checked
    }

    /// Checks thresholds lie in [0, 1], review ≤ strong, limit ≥ 1.
    public func validate(path: String = "configuration") throws {
        func bad(_ m: String) -> RedFlagError { RedFlagError.badData(path: path, location: nil, message: m) }
        for (name, v) in [("reviewThreshold", reviewThreshold), ("strongThreshold", strongThreshold), ("addressThreshold", addressThreshold)]
        where !(0...1).contains(v) { throw bad("\(name) \(v) is outside 0...1") }
        if reviewThreshold > strongThreshold { throw bad("reviewThreshold \(reviewThreshold) is above strongThreshold \(strongThreshold)") }
        if limit < 1 { throw bad("limit must be at least 1") }
        for (list, t) in lists {
            let r = t.reviewThreshold ?? reviewThreshold, s = t.strongThreshold ?? strongThreshold
            if !(0...1).contains(r) || !(0...1).contains(s) || r > s { throw bad("list \(list): thresholds \(r)/\(s) invalid") }
        }
    }

    /// Review threshold for `list`.
    public func review(for list: ListCode) -> Double { lists[list.rawValue]?.reviewThreshold ?? reviewThreshold }
    /// Strong threshold for `list`.
    public func strong(for list: ListCode) -> Double { lists[list.rawValue]?.strongThreshold ?? strongThreshold }
    /// The lowest review threshold in force on any list (what candidate generation must reach).
    public var lowestReview: Double { lists.values.compactMap(\.reviewThreshold).reduce(reviewThreshold, min) }
}
