import Foundation
import RedFlagCore

/// One run as stored in the audit trail.
public struct AuditRunRecord: Codable, Hashable, Sendable {
    public var id: Int64
    public var command: String
    public var status: AuditRunStatus
    /// ISO 8601 UTC.
    public var startedAt: String
    public var finishedAt: String?
    public var user: String
    public var arguments: [String]
    public var workingDirectory: String
    public var input: String?
    public var inputSHA256: String?
    /// Source, SHA-256 and publication date of each list snapshot screened against.
    public var lists: [AuditListRef]
    /// The configuration JSON as recorded.
    public var configuration: String
    public var counts: DecisionCounts
    public var exitCode: Int32?

    public init(id: Int64, command: String, status: AuditRunStatus, startedAt: String, finishedAt: String?, user: String,
                arguments: [String], workingDirectory: String, input: String?, inputSHA256: String?, lists: [AuditListRef],
                configuration: String, counts: DecisionCounts, exitCode: Int32?) {
        self.id = id
        self.command = command
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.user = user
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.input = input
        self.inputSHA256 = inputSHA256
        self.lists = lists
        self.configuration = configuration
        self.counts = counts
        self.exitCode = exitCode
    }
}

/// The snapshot facts the audit trail keeps per list (enough to find the exact file again).
public struct AuditListRef: Codable, Hashable, Sendable {
    public var source: String
    public var sha256: String
    public var published: String?
    public var files: [String]

    public init(source: String, sha256: String, published: String?, files: [String]) {
        self.source = source
        self.sha256 = sha256
        self.published = published
        self.files = files
    }
}

/// One HOLD or STOP result kept with its run: the record exactly as it was output (JSON).
public struct AuditResultRecord: Codable, Hashable, Sendable {
    public var runID: Int64
    /// Position in the run's input (0-based record number), so it can be matched to the input row.
    public var index: Int
    public var decision: Decision
    public var json: String

    public init(runID: Int64, index: Int, decision: Decision, json: String) {
        self.runID = runID
        self.index = index
        self.decision = decision
        self.json = json
    }
}

/// What a batch loop hands the audit trail for each output record.
public struct AuditEntry: Sendable {
    public var index: Int
    /// nil for an error record (counted, not stored).
    public var decision: Decision?
    /// The output record as JSON; stored for HOLD and STOP only, and for records marked `keep`.
    public var json: @Sendable () -> String
    /// Store the record even when CLEAR: a rescreen delisting is the reason on file for releasing
    /// a held order, whatever the party's verdict now.
    public var keep: Bool

    public init(index: Int, decision: Decision?, keep: Bool = false, json: @escaping @Sendable () -> String) {
        self.index = index
        self.decision = decision
        self.keep = keep
        self.json = json
    }
}
