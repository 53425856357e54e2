import Foundation
import RedFlagCore

/// A user configuration for `redflag check` (`--config F`, JSON):
/// `{"flags": {"AC-02": {"thresholds": {"spike_factor": 4}}, "KYC-06": {"enabled": false}}}`; the
/// same file may carry `decisionPolicy` (see `DecisionPolicy`), which `check` applies to its screening.
///
/// Output names the configuration that ran (path and SHA-256, or "default") so a decision can
/// always be traced to the exact thresholds behind it.
public struct CheckConfiguration: Sendable, Equatable {
    public var overrides: [String: FlagOverride]
    /// "default", or "<path> (sha256 <hex>)".
    public var identity: String

    public static let `default` = CheckConfiguration(overrides: [:], identity: "default")

    public init(overrides: [String: FlagOverride], identity: String) {
        self.overrides = overrides
        self.identity = identity
    }

    /// `flags` may be absent: a file that only changes the decision policy (`decisionPolicy`, read
    /// by the screening side) is a valid check configuration.
    private struct File: Decodable {
        var flags: [String: FlagOverride]?
    }

    /// Reads a configuration file; a missing file is exit 66, malformed JSON exit 65 naming the file.
    public static func load(path: String) throws -> CheckConfiguration {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: url.path) else { throw RedFlagError.fileNotFound(path: path) }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RedFlagError.unreadable(path: path, reason: error.localizedDescription)
        }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch {
            throw RedFlagError.badData(path: path, location: nil, message: "not a check configuration: \(Self.describe(error))")
        }
        return CheckConfiguration(overrides: file.flags ?? [:], identity: "\(path) (sha256 \(SHA256.hex(data)))")
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let c): return c.debugDescription + at(c.codingPath)
        case DecodingError.keyNotFound(let k, let c): return "missing key '\(k.stringValue)'" + at(c.codingPath)
        case DecodingError.typeMismatch(_, let c): return c.debugDescription + at(c.codingPath)
        case DecodingError.valueNotFound(_, let c): return c.debugDescription + at(c.codingPath)
        default: return "\(error)"
        }
    }

    private static func at(_ path: [CodingKey]) -> String {
        path.isEmpty ? "" : " at " + path.map(\.stringValue).joined(separator: ".")
    }
}
