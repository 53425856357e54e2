/// Which list snapshot a check ran against (source and SHA-256), echoed in every output record
/// so a decision can be reproduced.
public struct ListStamp: Codable, Hashable, Sendable {
    public var source: String
    public var sha256: String
    /// True when the list was older than the maximum age at the time of the check (omitted otherwise).
    public var stale: Bool?
    public init(source: String, sha256: String, stale: Bool? = nil) {
        self.source = source
        self.sha256 = sha256
        self.stale = stale
    }
}
