import Foundation
import RedFlagCore

/// The red-flag catalog: every flag of bis-rules.md §8 the project knows, loaded from
/// `Lists/redflags.json`, with a user configuration applied.
public struct RedFlagCatalog: Sendable {
    public private(set) var flags: [FlagDefinition]
    private var index: [String: Int]
    /// Which configuration ran ("default" or path + sha256).
    public private(set) var configuration: String

    public init(flags: [FlagDefinition], configuration: String = "default") {
        self.flags = flags
        self.configuration = configuration
        var index: [String: Int] = [:]
        for (i, f) in flags.enumerated() { index[f.id] = i }
        self.index = index
    }

    /// The catalog shipped in the project's `Lists/redflags.json`.
    public static func bundled() throws -> RedFlagCatalog {
        let file = try ProjectData.contents("redflags.json")
        return try load(data: file.data, path: file.path)
    }

    /// Reads a catalog file; errors name the file and the flag at fault.
    public static func load(url: URL) throws -> RedFlagCatalog {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RedFlagError.projectDataMissing("\(url.path): \(error.localizedDescription)")
        }
        return try load(data: data, path: url.path)
    }

    /// Reads a catalog from its bytes; `path` names it in errors.
    public static func load(data: Data, path: String) throws -> RedFlagCatalog {
        struct File: Decodable { var flags: [FlagDefinition] }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch {
            throw RedFlagError.badData(path: path, location: nil, message: CheckConfiguration.describe(error))
        }
        var seen = Set<String>()
        for f in file.flags where !seen.insert(f.id).inserted {
            throw RedFlagError.badData(path: path, location: "flag \(f.id)", message: "duplicate flag id")
        }
        return RedFlagCatalog(flags: file.flags)
    }

    /// The definition of a flag id, or nil.
    public subscript(id: String) -> FlagDefinition? { index[id].map { flags[$0] } }

    /// This catalog with the user's overrides applied. Unknown flag ids, thresholds or term lists
    /// are errors (a typo must not silently leave the default in force).
    public func applying(_ config: CheckConfiguration) throws -> RedFlagCatalog {
        var copy = self
        let path = config.identity
        for (id, o) in config.overrides.sorted(by: { $0.key < $1.key }) {
            guard let i = index[id] else {
                throw RedFlagError.badData(path: path, location: "flags.\(id)", message: "unknown flag id (see `redflag rules`)")
            }
            var f = copy.flags[i]
            if let e = o.enabled { f.enabled = e }
            if let s = o.severity { f.severity = s }
            if let s = o.strongSeverity { f.strongSeverity = s }
            for (name, value) in o.thresholds ?? [:] {
                guard f.thresholds[name] != nil else {
                    let known = f.thresholds.keys.sorted().joined(separator: ", ")
                    throw RedFlagError.badData(path: path, location: "flags.\(id).thresholds.\(name)",
                                               message: "unknown threshold (known: \(known.isEmpty ? "none" : known))")
                }
                f.thresholds[name] = value
            }
            for (name, value) in o.terms ?? [:] {
                guard f.terms[name] != nil else {
                    let known = f.terms.keys.sorted().joined(separator: ", ")
                    throw RedFlagError.badData(path: path, location: "flags.\(id).terms.\(name)",
                                               message: "unknown term list (known: \(known.isEmpty ? "none" : known))")
                }
                f.terms[name] = value
            }
            copy.flags[i] = f
        }
        copy.configuration = config.identity
        return copy
    }

    /// Checks that every flag the rules implement is in the catalog with the thresholds and term
    /// lists its rule reads, so a broken catalog fails at start-up, not as a silent pass.
    public func validate(requirements: [String: (thresholds: [String], terms: [String])]) throws {
        for (id, need) in requirements.sorted(by: { $0.key < $1.key }) {
            guard let f = self[id] else { throw RedFlagError.projectDataMissing("redflags.json: flag \(id) is missing") }
            for t in need.thresholds where f.thresholds[t] == nil {
                throw RedFlagError.projectDataMissing("redflags.json: flag \(id) lacks threshold \(t)")
            }
            for t in need.terms where f.terms[t] == nil {
                throw RedFlagError.projectDataMissing("redflags.json: flag \(id) lacks term list \(t)")
            }
        }
    }
}
