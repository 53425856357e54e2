import Foundation
import RedFlagCore

/// Where each list is published (`Lists/sources.json`): what `redflag lists update` downloads.
///
/// Kept as data rather than code so compliance can review the URLs and an operator can point a
/// source at a mirror (or tests at a local server) with `--sources-file`.
public struct SourceCatalog: Codable, Sendable {
    /// One file to fetch for a source.
    public struct File: Codable, Hashable, Sendable {
        /// Name the download is saved under (the loader detects the format from content anyway).
        public var fileName: String
        /// Direct URL of the file.
        public var url: String?
        /// A page whose HTML links to the file (the link changes with every publication)…
        public var page: String?
        /// …and the regular expression that finds the link: its first capture group, or else the
        /// whole match, resolved against the page URL.
        public var linkPattern: String?

        public init(fileName: String, url: String? = nil, page: String? = nil, linkPattern: String? = nil) {
            self.fileName = fileName
            self.url = url
            self.page = page
            self.linkPattern = linkPattern
        }
    }

    /// One source: the files that make it up and the format expected.
    public struct Source: Codable, Hashable, Sendable {
        public var source: ListSource
        public var title: String?
        public var format: ListFormat
        public var files: [File]

        public init(source: ListSource, title: String? = nil, format: ListFormat, files: [File]) {
            self.source = source
            self.title = title
            self.format = format
            self.files = files
        }
    }

    public var about: String?
    public var sources: [Source]

    public init(sources: [Source]) {
        self.about = nil
        self.sources = sources
    }

    /// Environment variable naming an alternative catalog file.
    public static let environmentKey = "REDFLAG_SOURCES_FILE"

    /// Reads and checks a catalog file: every source known, each file with a url or a page and pattern.
    public static func load(from url: URL) throws -> SourceCatalog {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw FileManager.default.fileExists(atPath: url.path)
                ? RedFlagError.unreadable(path: url.path, reason: error.localizedDescription)
                : RedFlagError.fileNotFound(path: url.path)
        }
        return try load(data: data, path: url.path)
    }

    /// Reads and checks a catalog from its bytes; `path` names it in errors.
    public static func load(data: Data, path: String) throws -> SourceCatalog {
        let catalog: SourceCatalog
        do {
            catalog = try JSONDecoder().decode(SourceCatalog.self, from: data)
        } catch let error as DecodingError {
            throw RedFlagError.badData(path: path, location: nil, message: ListStore.describe(error))
        }
        var seen = Set<ListSource>()
        for (index, source) in catalog.sources.enumerated() {
            let location = "sources[\(index)] (\(source.source.rawValue))"
            guard seen.insert(source.source).inserted else {
                throw RedFlagError.badData(path: path, location: location, message: "source listed twice")
            }
            guard !source.files.isEmpty else {
                throw RedFlagError.badData(path: path, location: location, message: "no files")
            }
            for file in source.files {
                let direct = file.url.flatMap(URL.init(string:)) != nil
                let scraped = file.page.flatMap(URL.init(string:)) != nil && file.linkPattern != nil
                guard direct != scraped else {
                    throw RedFlagError.badData(path: path, location: location,
                        message: "\(file.fileName): give either a url, or a page and a linkPattern")
                }
                if let pattern = file.linkPattern, (try? NSRegularExpression(pattern: pattern)) == nil {
                    throw RedFlagError.badData(path: path, location: location, message: "\(file.fileName): invalid linkPattern \(pattern)")
                }
                guard !file.fileName.isEmpty, !file.fileName.contains("/"), !file.fileName.hasPrefix(".") else {
                    throw RedFlagError.badData(path: path, location: location, message: "bad fileName \(file.fileName)")
                }
            }
        }
        return catalog
    }

    /// The catalog to use: an explicit file, else `$REDFLAG_SOURCES_FILE`, else `Lists/sources.json`.
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SourceCatalog {
        if let explicit, !explicit.isEmpty { return try load(from: URL(fileURLWithPath: explicit)) }
        if let env = environment[environmentKey], !env.isEmpty { return try load(from: URL(fileURLWithPath: env)) }
        let file = try ProjectData.contents("sources.json")
        return try load(data: file.data, path: file.path)
    }

    /// The sources to update: all, or the named ones (usage error for a name the catalog lacks).
    public func select(_ names: [String]) throws -> [Source] {
        guard !names.isEmpty else { return sources }
        return try names.map { name in
            guard let wanted = ListSource(slug: name) else {
                throw RedFlagError.usage("unknown source \(name); known: \(ListSource.allCases.map(\.slug).joined(separator: ", "))")
            }
            guard let source = sources.first(where: { $0.source == wanted }) else {
                throw RedFlagError.usage("source \(wanted.rawValue) has no download location in the sources file")
            }
            return source
        }
    }
}
