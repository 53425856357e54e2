import Foundation

/// What parsing one list file yields: the entries plus everything the store records about it.
public struct ParsedList: Sendable {
    public var source: ListSource
    public var format: ListFormat
    public var entries: [ListEntry]
    /// Publication date found inside the data (`Publish_Date`, `dateGenerated`, `Last Updated`…),
    /// as ISO `yyyy-mm-dd` when it could be read, nil when the file carries none.
    public var publicationDate: String?
    /// The files the list was read from (the OFAC legacy CSV set is four files).
    public var files: [URL]
    /// SHA-256 (hex) of the file bytes; for a multi-file set, of the files' hashes in order.
    public var sha256: String
    public var warnings: ParseWarnings

    public init(source: ListSource, format: ListFormat, entries: [ListEntry], publicationDate: String?,
                files: [URL], sha256: String, warnings: ParseWarnings) {
        self.source = source
        self.format = format
        self.entries = entries
        self.publicationDate = publicationDate
        self.files = files
        self.sha256 = sha256
        self.warnings = warnings
    }

    /// Number of names (primary names plus aliases) across all entries.
    public var nameCount: Int { entries.reduce(0) { $0 + 1 + $1.aliases.count } }
}

/// The file formats redflag reads, detected from content rather than file names.
public enum ListFormat: String, Codable, CaseIterable, Sendable {
    case cslCSV = "csl-csv"
    case cslJSON = "csl-json"
    case ofacXML = "ofac-xml"
    case ofacCSV = "ofac-csv"
    case ofacEnhancedXML = "ofac-enhanced-xml"
    case ofacAdvancedXML = "ofac-advanced-xml"
    case unXML = "un-xml"
    case euXML = "eu-xml"
    case ofsiCSV = "ofsi-csv"
    case ofsiXLSX = "ofsi-xlsx"
    case fcdoXML = "fcdo-xml"
    case fcdoCSV = "fcdo-csv"
}

/// Problems found in records that were nevertheless kept (an unparseable date, an unknown
/// country). Counted per kind, with the first few examples so a user can look them up.
public struct ParseWarnings: Codable, Sendable, Hashable {
    public struct Example: Codable, Sendable, Hashable {
        /// The record (list id) or line the problem is in.
        public var record: String
        public var field: String
        public var value: String
        public var message: String
    }

    /// Count per kind of problem (`unknown country`, `unparseable date`…).
    public private(set) var counts: [String: Int] = [:]
    public private(set) var examples: [Example] = []
    /// How many examples are kept at most.
    public static let exampleLimit = 20

    public init() {}

    public var total: Int { counts.values.reduce(0, +) }
    public var isEmpty: Bool { counts.isEmpty }

    public mutating func add(_ kind: String, record: String, field: String, value: String) {
        counts[kind, default: 0] += 1
        if examples.count < Self.exampleLimit {
            examples.append(Example(record: record, field: field, value: value, message: kind))
        }
    }

    public mutating func merge(_ other: ParseWarnings) {
        for (k, v) in other.counts { counts[k, default: 0] += v }
        for e in other.examples where examples.count < Self.exampleLimit { examples.append(e) }
    }

    /// `3 unknown country, 1 unparseable date`.
    public var summary: String {
        counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }
}
