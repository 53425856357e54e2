import Foundation
import RedFlagCore

/// Downloads the selected sources into a folder and checks that each download parses, one
/// source independently of the others: a source that fails keeps its old list in the store while
/// the others are still updated.
public struct ListDownloader: Sendable {
    /// The outcome for one source: the parsed list, or why there is none.
    public struct Outcome: Sendable {
        public var source: ListSource
        /// The URLs actually requested (after scraping a page for the link).
        public var urls: [String]
        public var files: [URL]
        public var parsed: ParsedList?
        public var error: RedFlagError?
        public var seconds: Double
    }

    public let downloader: HTTPDownloader
    /// Parses downloaded files (the list loader: format detected from content).
    public let parse: @Sendable ([URL]) throws -> [ParsedList]

    public init(downloader: HTTPDownloader, parse: @escaping @Sendable ([URL]) throws -> [ParsedList]) {
        self.downloader = downloader
        self.parse = parse
    }

    /// Fetches and parses every source (in parallel), each into its own sub-folder of `folder`.
    public func fetch(_ sources: [SourceCatalog.Source], into folder: URL) -> [Outcome] {
        OrderedBatchProcessor(chunkSize: 1, concurrency: max(1, min(sources.count, 4))).map(sources) { source in
            fetch(source, into: folder.appendingPathComponent(source.source.slug))
        }
    }

    func fetch(_ source: SourceCatalog.Source, into folder: URL) -> Outcome {
        let started = Date()
        var outcome = Outcome(source: source.source, urls: [], files: [], parsed: nil, error: nil, seconds: 0)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            outcome.error = .cannotWrite(path: folder.path, reason: error.localizedDescription)
            return outcome
        }
        for file in source.files {
            var target = file.url ?? file.page ?? ""
            do {
                let url = try resolve(file, source: source.source)
                target = url.absoluteString
                outcome.urls.append(target)
                let data = try downloader.fetch(url)
                let destination = folder.appendingPathComponent(file.fileName)
                do {
                    try data.write(to: destination)
                } catch {
                    throw RedFlagError.cannotWrite(path: destination.path, reason: error.localizedDescription)
                }
                outcome.files.append(destination)
            } catch let failure as HTTPDownloader.Failure {
                outcome.error = .download(source: source.source.rawValue, url: target, reason: failure.reason)
            } catch let error as RedFlagError {
                outcome.error = error
            } catch {
                outcome.error = .download(source: source.source.rawValue, url: target, reason: "\(error)")
            }
            if outcome.error != nil { break }
        }
        if outcome.error == nil {
            outcome.parsed = check(parsing: outcome.files, source: source, error: &outcome.error)
        }
        outcome.seconds = Date().timeIntervalSince(started)
        return outcome
    }

    /// The file URL: direct, or scraped from the publication page.
    func resolve(_ file: SourceCatalog.File, source: ListSource) throws -> URL {
        if let direct = file.url, let url = URL(string: direct) { return url }
        guard let pageString = file.page, let page = URL(string: pageString), let pattern = file.linkPattern else {
            throw RedFlagError.usage("\(source.rawValue): \(file.fileName) has neither a url nor a page and linkPattern")
        }
        let html: String
        do {
            html = String(decoding: try downloader.fetch(page), as: UTF8.self)
        } catch let failure as HTTPDownloader.Failure {
            throw RedFlagError.download(source: source.rawValue, url: page.absoluteString, reason: failure.reason)
        }
        guard let link = HTTPDownloader.findLink(in: html, pattern: pattern, page: page) else {
            throw RedFlagError.download(source: source.rawValue, url: page.absoluteString,
                                        reason: "no link matching \(pattern) on the page (has the page changed?)")
        }
        return link
    }

    /// Parses the downloaded files; they must yield exactly one list, of the expected source.
    func check(parsing files: [URL], source: SourceCatalog.Source, error: inout RedFlagError?) -> ParsedList? {
        do {
            let lists = try parse(files)
            guard lists.count == 1, let list = lists.first else {
                error = .badData(path: files.map(\.path).joined(separator: ", "), location: nil,
                                 message: "expected one \(source.source.rawValue) list, the download holds \(lists.count)")
                return nil
            }
            guard list.source == source.source else {
                error = .badData(path: files.map(\.path).joined(separator: ", "), location: nil,
                                 message: "expected a \(source.source.rawValue) list, the download is a \(list.source.rawValue) list (\(list.format.rawValue))")
                return nil
            }
            return list
        } catch let parseError as RedFlagError {
            error = parseError
        } catch let other {
            error = .badData(path: files.map(\.path).joined(separator: ", "), location: nil, message: "\(other)")
        }
        return nil
    }
}
