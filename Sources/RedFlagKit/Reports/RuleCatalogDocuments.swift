import Foundation
import RedFlagCore
import RedFlagRules

/// `redflag rules list --format json` and `GET /v1/rules`: the catalog as a check configuration
/// changes it, `{"configuration", "flags": [flag…]}` (each flag as in `Lists/redflags.json`).
public struct RuleListDocument: Encodable, Sendable {
    public var configuration: String
    public var flags: [FlagDefinition]

    public init(catalog: RedFlagCatalog) {
        configuration = catalog.configuration
        flags = catalog.flags
    }

    /// The JSON document, newline included.
    public func json() throws -> [UInt8] { try DocumentJSON.encode(self) }
}

/// `redflag rules show ID --format json` and `GET /v1/rules/{id}`: one flag with whether an
/// order export can evaluate it, `{"configuration", "status", "flag": {…}}`.
public struct RuleDocument: Encodable, Sendable {
    public var configuration: String
    /// `checked` (evaluated on every order line), `not evaluable` (needs data an export does
    /// not carry: see the flag's `needs`) or `disabled` (switched off by the configuration).
    public var status: String
    public var flag: FlagDefinition

    /// The flag `id` (any case) of `catalog`; throws a usage error (exit 64; the service's 404)
    /// naming the id when the catalog has no such flag.
    public init(catalog: RedFlagCatalog, id: String) throws {
        guard let flag = catalog[id.uppercased()] else { throw Self.unknown(id) }
        configuration = catalog.configuration
        status = Self.status(of: flag)
        self.flag = flag
    }

    /// The error for a flag id the catalog does not have.
    public static func unknown(_ id: String) -> RedFlagError {
        .usage("unknown flag id '\(id)' (see `redflag rules`)")
    }

    /// `checked`, `not evaluable` or `disabled`: the STATUS column of `redflag rules list`.
    public static func status(of flag: FlagDefinition) -> String {
        !flag.enabled ? "disabled" : RuleSet.implementedIDs.contains(flag.id) ? "checked" : "not evaluable"
    }

    /// The JSON document, newline included.
    public func json() throws -> [UInt8] { try DocumentJSON.encode(self) }
}
