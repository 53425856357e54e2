import Foundation
import RedFlagCore
import RedFlagKit

/// How `redflag serve` runs: where it listens, which data directory and stores it uses, the keys
/// file, and the limits that keep one client from holding the service.
public struct ServiceConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var dataDirectory: DataDirectory
    /// A team's PostgreSQL URL for history, known parties, audit and allow-list (nil: SQLite in
    /// the data directory, or `$REDFLAG_DATABASE_URL`).
    public var databaseURL: String?
    /// The API keys file; nil: no authentication, and only a loopback address may be bound.
    public var apiKeysPath: String?
    /// Largest body of a single-object request (`POST /v1/screen`), in bytes.
    public var maxBodyBytes: Int
    /// Longest line or CSV record of a streamed body (batch, check), in bytes.
    public var maxRecordBytes: Int
    /// Time a client has to send a single-object body; also the longest a connection may stay
    /// silent (no byte read) before it is closed, mid-request or between requests.
    public var readTimeout: Duration
    /// Lists older than this many days are reported stale.
    public var maxAgeDays: Int
    /// Audit trail, allow-list, known-party memory, as the CLI's `--no-audit` etc.
    public var pipeline: PipelineSettings
    /// Single-screen audit runs are closed and a new one begun after this many seconds.
    public var auditRollSeconds: TimeInterval

    public init(host: String = "127.0.0.1", port: Int = 8080, dataDirectory: DataDirectory, databaseURL: String? = nil,
                apiKeysPath: String? = nil, maxBodyBytes: Int = 1 << 20, maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes,
                readTimeout: Duration = .seconds(10), maxAgeDays: Int = 7,
                pipeline: PipelineSettings = PipelineSettings(quiet: true), auditRollSeconds: TimeInterval = 300) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL
        self.apiKeysPath = apiKeysPath
        self.maxBodyBytes = maxBodyBytes
        self.maxRecordBytes = maxRecordBytes
        self.readTimeout = readTimeout
        self.maxAgeDays = maxAgeDays
        self.pipeline = pipeline
        self.auditRollSeconds = auditRollSeconds
    }

    /// True for an address only this machine can reach: `localhost`, 127.0.0.0/8, `::1`.
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if h == "localhost" || h == "::1" || h == "0:0:0:0:0:0:0:1" { return true }
        let parts = h.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { p in UInt8(p) != nil }
    }

    /// Refuses a configuration that would serve the lists and the audit trail to the network
    /// without keys (a usage error, exit 64).
    public func validate() throws {
        if apiKeysPath == nil && !Self.isLoopback(host) {
            throw RedFlagError.usage("--host \(host) is not a loopback address: give --api-keys FILE so every /v1 request must carry a key (make one with `redflag serve keys add NAME --api-keys FILE`)")
        }
        guard (0...65_535).contains(port) else { throw RedFlagError.usage("--port must be 0…65535, not \(port)") }
    }
}
