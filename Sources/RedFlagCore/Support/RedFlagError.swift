import Foundation

/// Errors that stop a command, each with enough context (file, line, record, field) to act on,
/// and the exit code the command-line contract assigns to it.
public enum RedFlagError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A named input file does not exist or cannot be opened (exit 66).
    case fileNotFound(path: String)
    /// An input file or stream cannot be read (exit 66).
    case unreadable(path: String, reason: String)
    /// The content is malformed: names the file, the location (line or record) and the problem (exit 65).
    case badData(path: String, location: String?, message: String)
    /// The file's format is none of the known list formats (exit 65).
    case unknownFormat(path: String, message: String)
    /// A bad option or combination of options (exit 64).
    case usage(String)
    /// The project's own data files (`Lists/`) are missing or broken (exit 70, software error).
    case projectDataMissing(String)
    /// Writing the store, the history or an output file failed (exit 73, cannot create).
    case cannotWrite(path: String, reason: String)
    /// A download failed (exit 69, service unavailable).
    case download(source: String, url: String, reason: String)
    /// No list is loaded: nothing imported and no `--lists` given (exit 66).
    case noLists(String)

    public var description: String {
        switch self {
        case .fileNotFound(let path): return "\(path): no such file"
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .badData(let path, let location, let message):
            return location.map { "\(path): \($0): \(message)" } ?? "\(path): \(message)"
        case .unknownFormat(let path, let message): return "\(path): unrecognised format: \(message)"
        case .usage(let message): return message
        case .projectDataMissing(let message): return "project data missing: \(message)"
        case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
        case .download(let source, let url, let reason): return "\(source): download from \(url) failed: \(reason)"
        case .noLists(let message): return message
        }
    }

    /// The process exit code for this error (sysexits.h values, as the README documents).
    public var exitCode: Int32 {
        switch self {
        case .usage: return ExitCode.usage
        case .badData, .unknownFormat: return ExitCode.dataError
        case .fileNotFound, .unreadable, .noLists: return ExitCode.noInput
        case .projectDataMissing: return ExitCode.software
        case .cannotWrite: return ExitCode.cannotCreate
        case .download: return ExitCode.unavailable
        }
    }
}

/// The exit codes of every redflag command: a contract with the scripts that call it.
public enum ExitCode {
    /// Everything screened or checked is CLEAR (or a non-screening command succeeded).
    public static let clear: Int32 = 0
    /// At least one HOLD, no STOP.
    public static let hold: Int32 = 1
    /// At least one STOP.
    public static let stop: Int32 = 2
    /// The run was interrupted by SIGINT after writing only complete records (128 + SIGINT).
    public static let interrupted: Int32 = 130
    /// The run was stopped by SIGTERM after writing only complete records (128 + SIGTERM).
    public static let terminated: Int32 = 143
    public static let usage: Int32 = 64
    public static let dataError: Int32 = 65
    public static let noInput: Int32 = 66
    public static let unavailable: Int32 = 69
    public static let software: Int32 = 70
    public static let cannotCreate: Int32 = 73
}
