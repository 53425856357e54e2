import Foundation
import RedFlagCore

/// The service's API keys: a text file with one `NAME sha256:HEX` line per key (`#` comments and
/// blank lines allowed). Only the SHA-256 of a key is stored, so the file leaks no key; the name
/// is who the key belongs to, and becomes the user of the audit trail for that key's requests.
///
/// Keys are 32 random bytes (`rfk_` + 43 base64url characters): far too many to guess, so a
/// plain SHA-256 (no salt, no stretching) is enough, and a request is checked with one hash and
/// a dictionary look-up.
public struct APIKeys: Sendable {
    /// Key hash (lowercase hex) → name.
    public let namesByHash: [String: String]

    public init(namesByHash: [String: String]) {
        self.namesByHash = namesByHash
    }

    /// The prefix of every generated key, so a leaked key is recognisable in logs and scanners.
    public static let prefix = "rfk_"

    /// Reads a keys file; a malformed line is an error naming the file and line.
    public static func load(path: String) throws -> APIKeys {
        guard FileManager.default.fileExists(atPath: path) else { throw RedFlagError.fileNotFound(path: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RedFlagError.unreadable(path: path, reason: "permission denied or not a file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RedFlagError.badData(path: path, location: nil, message: "not UTF-8 text")
        }
        var names: [String: String] = [:]
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2, parts[1].hasPrefix("sha256:"),
                  case let hex = parts[1].dropFirst("sha256:".count), hex.count == 64,
                  hex.allSatisfy({ $0.isHexDigit }) else {
                throw RedFlagError.badData(path: path, location: "line \(offset + 1)",
                                           message: "expected `NAME sha256:HEX` (64 hex digits); make entries with `redflag serve keys add NAME`")
            }
            let name = String(parts[0])
            guard isValidName(name) else {
                throw RedFlagError.badData(path: path, location: "line \(offset + 1)", message: "bad key name \"\(name)\"")
            }
            names[hex.lowercased()] = name
        }
        return APIKeys(namesByHash: names)
    }

    /// The name the presented key belongs to, nil for an unknown key.
    public func name(forKey key: String) -> String? {
        namesByHash[Self.hash(key)]
    }

    /// Lowercase hex SHA-256 of a key.
    public static func hash(_ key: String) -> String { SHA256.hex(Array(key.utf8)) }

    /// A name is 1…64 characters of letters, digits and `.-_@` (it goes into a space-separated
    /// file and into the audit trail).
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64
            && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || ".-_@".unicodeScalars.contains($0) }
    }

    /// A new random key (from the system's CSPRNG).
    public static func generateKey() -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
        let base64 = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return prefix + base64
    }

    /// Makes a key for `name`, appends its entry to the keys file (created with mode 0600 when
    /// missing) and returns the key: the only time it is ever shown. A name already in the file is
    /// refused (remove its line first to replace it).
    public static func add(name: String, path: String) throws -> String {
        guard isValidName(name) else {
            throw RedFlagError.usage("bad key name \"\(name)\": 1 to 64 letters, digits, '.', '-', '_' or '@'")
        }
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            let existing = try load(path: path)
            if existing.namesByHash.values.contains(name) {
                throw RedFlagError.usage("\(path) already has a key named \"\(name)\": remove its line to replace it")
            }
        } else {
            guard fm.createFile(atPath: path, contents: Data("# redflag API keys: NAME sha256:HEX (made by `redflag serve keys add`)\n".utf8),
                                attributes: [.posixPermissions: 0o600]) else {
                throw RedFlagError.cannotWrite(path: path, reason: "cannot create the file")
            }
        }
        let key = generateKey()
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw RedFlagError.cannotWrite(path: path, reason: "permission denied")
        }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            // Start on a new line even when the file was edited by hand without a final newline.
            let current = try String(contentsOfFile: path, encoding: .utf8)
            let separator = current.isEmpty || current.hasSuffix("\n") ? "" : "\n"
            try handle.write(contentsOf: Data("\(separator)\(name) sha256:\(hash(key))\n".utf8))
            try handle.synchronize()
        } catch {
            throw RedFlagError.cannotWrite(path: path, reason: "\(error)")
        }
        return key
    }
}

/// The keys file as the service sees it: re-read when it changes on disk, so `keys add` (or
/// removing a line) takes effect without a restart. A file that became unreadable or malformed
/// keeps the previous keys in force (and is reported once).
final class APIKeyFile: @unchecked Sendable {
    let path: String
    private let lock = NSLock()
    private var keys: APIKeys
    private var stamp: (Date?, Int?)
    private var lastCheck = Date()
    private let onReloadError: @Sendable (any Error) -> Void

    init(path: String, onReloadError: @escaping @Sendable (any Error) -> Void) throws {
        self.path = path
        keys = try APIKeys.load(path: path)
        stamp = Self.stamp(of: path)
        self.onReloadError = onReloadError
    }

    private static func stamp(of path: String) -> (Date?, Int?) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.modificationDate] as? Date, (attributes?[.size] as? NSNumber)?.intValue)
    }

    /// The name of a presented key, nil when unknown. Checks the file at most once a second.
    func name(forKey key: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        if now.timeIntervalSince(lastCheck) >= 1 {
            lastCheck = now
            let current = Self.stamp(of: path)
            if current.0 != stamp.0 || current.1 != stamp.1 {
                stamp = current
                do { keys = try APIKeys.load(path: path) } catch { onReloadError(error) }
            }
        }
        return keys.name(forKey: key)
    }
}
