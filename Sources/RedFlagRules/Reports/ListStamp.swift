/// Which list snapshot a check ran against (source and SHA-256), echoed in every output record
/// so a decision can be reproduced.
public struct ListStamp: Codable, Hashable, Sendable {
    public var source: String
    public var sha256: String
    public init(source: String, sha256: String) {
        self.source = source
        self.sha256 = sha256
    }
}
