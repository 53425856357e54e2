import Foundation
import RedFlagCore
import RedFlagLists

/// What is known about a screen/check run when it starts: who ran what, on which input, against
/// which list snapshots, with which configuration.
public struct AuditRunInfo: Sendable {
    /// `screen`, `check`, `rescreen`.
    public var command: String
    /// The full argument vector, so the run can be repeated.
    public var arguments: [String]
    /// The input file (nil for a single name on the command line, `-` for stdin).
    public var inputPath: String?
    /// The input's SHA-256 when the caller already knows it (stdin read fully, a generated input).
    public var inputSHA256: String?
    public var snapshots: [ListSnapshot]
    /// The effective configuration as JSON (thresholds, overrides, flags disabled…).
    public var configurationJSON: String
    public var user: String
    public var workingDirectory: String

    public init(command: String, arguments: [String] = CommandLine.arguments, inputPath: String? = nil,
                inputSHA256: String? = nil, snapshots: [ListSnapshot], configurationJSON: String = "{}",
                user: String = AuditRunInfo.currentUser(), workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.command = command
        self.arguments = arguments
        self.inputPath = inputPath
        self.inputSHA256 = inputSHA256
        self.snapshots = snapshots
        self.configurationJSON = configurationJSON
        self.user = user
        self.workingDirectory = workingDirectory
    }

    /// Encodes any configuration value as sorted-key JSON for `configurationJSON`.
    public static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The login name: `$USER`, else the password database entry of the real uid, else the uid.
    public static func currentUser(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let user = environment["USER"], !user.isEmpty { return user }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(getuid())"
    }
}

/// How a run ended, as the audit trail records it.
public enum AuditRunStatus: String, Codable, Sendable, CaseIterable {
    /// Started and never finished: the process crashed or was killed with SIGKILL.
    case incomplete
    /// Ran to the end of its input.
    case complete
    /// Stopped early by SIGINT/SIGTERM after writing only complete records.
    case interrupted
    /// Ended by an error (bad input, unwritable output).
    case failed
}
