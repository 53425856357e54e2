/// What `audit verify` found for one run.
public struct AuditRunVerification: Codable, Hashable, Sendable {
    public enum Outcome: String, Codable, Sendable {
        /// Every record matches its link and the seal matches the run's end.
        case intact
        /// The records so far match; the run never finished (crashed or killed), so it has no seal.
        case incomplete
        /// Recorded before the audit trail was chained: nothing to check against.
        case unchained
        /// A record, a block or the seal does not match: the trail was altered or damaged.
        case broken
    }

    public var runID: Int64
    public var outcome: Outcome
    /// Records whose links were checked and matched.
    public var recordsVerified: Int
    /// Input position of the first record that does not match (nil when the damage is elsewhere).
    public var firstBadRecord: Int?
    public var detail: String

    public init(runID: Int64, outcome: Outcome, recordsVerified: Int, firstBadRecord: Int? = nil, detail: String) {
        self.runID = runID
        self.outcome = outcome
        self.recordsVerified = recordsVerified
        self.firstBadRecord = firstBadRecord
        self.detail = detail
    }
}
