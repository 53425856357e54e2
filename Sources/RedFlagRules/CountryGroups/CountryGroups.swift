import Foundation
import RedFlagCore

/// The EAR country groups (Supp. No. 1 to Part 740) with dated membership, the Hong Kong → China
/// mapping, "Macau or D:5" and the transshipment hubs, loaded from `Lists/country-groups.json`.
///
/// Membership is asked for a date: the order date picks the version (Cambodia left D:5 on
/// 2026-02-03; the UAE joined A:5 on 2026-07-10).
public struct CountryGroups: Sendable {
    /// A country's membership of a group over a date range (either end open).
    public struct Membership: Codable, Hashable, Sendable {
        public var code: String
        public var from: CalendarDay?
        public var until: CalendarDay?
        public var note: String?

        func covers(_ day: CalendarDay) -> Bool {
            if let from, day < from { return false }
            if let until, until < day { return false }
            return true
        }

        /// One group's membership for lookups: a code with dated entries is decided by them alone.
        struct Index: Sendable {
            var undated: Set<String>
            var dated: [String: [Membership]]

            init(_ group: Group) {
                undated = Set(group.members)
                dated = Dictionary(grouping: group.dated ?? [], by: \.code)
            }

            func contains(_ code: String, on day: CalendarDay) -> Bool {
                if let entries = dated[code] { return entries.contains { $0.covers(day) } }
                return undated.contains(code)
            }
        }
    }

    /// One group: its meaning and members.
    public struct Group: Codable, Hashable, Sendable {
        public var title: String
        public var members: [String]
        /// Members whose membership starts or ends on a date.
        public var dated: [Membership]?
    }

    /// A transshipment hub named in public guidance (bis-rules.md §4.5).
    public struct Hub: Codable, Hashable, Sendable {
        public var code: String
        public var source: String
    }

    public let source: String
    public let groups: [String: Group]
    /// Codes treated as another for every group lookup (HK → CN, FR Doc 2020-28101).
    public let aliases: [String: String]
    public let hubs: [Hub]
    private let hubCodes: Set<String>
    /// Each group's members as sets, dated ones apart: the rules ask several groups for every
    /// destination of every line, and scanning the member arrays was most of the rules' own time.
    private let membership: [String: Membership.Index]
    private let sortedNames: [String]

    public init(source: String, groups: [String: Group], aliases: [String: String], hubs: [Hub]) {
        self.source = source
        self.groups = groups
        self.aliases = aliases
        self.hubs = hubs
        self.hubCodes = Set(hubs.map(\.code))
        self.membership = groups.mapValues { Membership.Index($0) }
        self.sortedNames = groups.keys.sorted()
    }

    private struct File: Decodable {
        var source: String
        var aliases: [String: String]
        var groups: [String: Group]
        var hubs: [Hub]
    }

    /// The groups shipped in the project's `Lists/country-groups.json`.
    public static func bundled() throws -> CountryGroups {
        let file = try ProjectData.contents("country-groups.json")
        return try load(data: file.data, path: file.path)
    }

    public static func load(url: URL) throws -> CountryGroups {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RedFlagError.projectDataMissing("\(url.path): \(error.localizedDescription)")
        }
        return try load(data: data, path: url.path)
    }

    /// The groups from a `country-groups.json`'s bytes; `path` names it in errors.
    public static func load(data: Data, path: String) throws -> CountryGroups {
        do {
            let f = try JSONDecoder().decode(File.self, from: data)
            return CountryGroups(source: f.source, groups: f.groups, aliases: f.aliases, hubs: f.hubs)
        } catch {
            throw RedFlagError.badData(path: path, location: nil, message: CheckConfiguration.describe(error))
        }
    }

    /// The code used for group lookups (HK → CN).
    public func canonical(_ code: String) -> String { aliases[code] ?? code }

    /// Whether `code` is in `group` on `day`.
    public func contains(_ group: String, _ code: String, on day: CalendarDay) -> Bool {
        membership[group]?.contains(canonical(code), on: day) ?? false
    }

    /// The groups `code` belongs to on `day`, sorted ("D:1", "D:4", "D:5").
    public func groups(of code: String, on day: CalendarDay) -> [String] {
        sortedNames.filter { contains($0, code, on: day) }
    }

    /// "Macau or a destination in D:5", the advanced-computing rules' destination set (§4.2).
    public func isD5OrMacau(_ code: String, on day: CalendarDay) -> Bool {
        canonical(code) == "MO" || contains("D:5", code, on: day)
    }

    /// Embargoed: E:1 or E:2.
    public func isEmbargoed(_ code: String, on day: CalendarDay) -> Bool {
        contains("E:1", code, on: day) || contains("E:2", code, on: day)
    }

    /// In D:1 or D:4 but not also in A:5 or A:6 (the 3A090 license destinations, §4.3).
    public func isD1D4LicenseDestination(_ code: String, on day: CalendarDay) -> Bool {
        (contains("D:1", code, on: day) || contains("D:4", code, on: day))
            && !contains("A:5", code, on: day) && !contains("A:6", code, on: day)
    }

    /// Named as a transshipment hub (HK counts as itself here: it is named as a payment origin).
    public func isHub(_ code: String) -> Bool { hubCodes.contains(code) }
}
