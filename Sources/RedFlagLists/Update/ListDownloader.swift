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
        /// Body bytes downloaded (all files of the source).
        public var bytes: Int64 = 0
        /// The overall deadline stopped this source.
        public var stoppedAtDeadline = false
    }

    /// What one source's update is doing, for a progress display.
    public enum Event: Sendable, Equatable {
        /// The HTTP transfer of one of the source's files.
        case transfer(HTTPDownloader.Event)
        /// Downloaded; parsing the file(s).
        case parsing(bytes: Int64)
        /// Downloaded and parsed.
        case done(bytes: Int64, seconds: Double)
        /// Not updated, and why.
        case failed(reason: String)
    }

    public let downloader: HTTPDownloader
    /// Parses downloaded files (the list loader: format detected from content).
    public let parse: @Sendable ([URL]) throws -> [ParsedList]

    public init(downloader: HTTPDownloader, parse: @escaping @Sendable ([URL]) throws -> [ParsedList]) {
        self.downloader = downloader
        self.parse = parse
    }

    /// Fetches and parses every source, each into its own sub-folder of `folder`, all at once
    /// (downloads wait on the network, not the CPU: one thread each, whatever the core count).
    /// Nothing is downloaded after `deadline`; `progress` is called from the download threads.
    public func fetch(_ sources: [SourceCatalog.Source], into folder: URL, deadline: Date = .distantFuture,
                      progress: @escaping @Sendable (ListSource, Event) -> Void = { _, _ in }) -> [Outcome] {
        let results = OutcomeSlots(count: sources.count)
        let group = DispatchGroup()
        for (index, source) in sources.enumerated() {
            group.enter()
            let thread = Thread {
                let outcome = fetch(source, into: folder.appendingPathComponent(source.source.slug), deadline: deadline) {
                    progress(source.source, $0)
                }
                results.set(index, outcome)
                group.leave()
            }
            thread.name = "redflag-download-\(source.source.slug)"
            thread.start()
        }
        group.wait()
        return results.all()
    }

    func fetch(_ source: SourceCatalog.Source, into folder: URL, deadline: Date = .distantFuture,
               progress: @escaping @Sendable (Event) -> Void = { _ in }) -> Outcome {
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
                let url = try resolve(file, source: source.source, pageFile: folder.appendingPathComponent(file.fileName + ".page"), deadline: deadline)
                target = url.absoluteString
                outcome.urls.append(target)
                let destination = folder.appendingPathComponent(file.fileName)
                let result = try downloader.download(url, to: destination, deadline: deadline) { progress(.transfer($0)) }
                outcome.bytes += result.bytes
                outcome.files.append(destination)
            } catch let failure as HTTPDownloader.Failure {
                outcome.stoppedAtDeadline = failure.deadline
                outcome.error = .download(source: source.source.rawValue, url: target, reason: failure.reason)
            } catch let error as RedFlagError {
                outcome.error = error
            } catch {
                outcome.error = .download(source: source.source.rawValue, url: target, reason: "\(error)")
            }
            if outcome.error != nil { break }
        }
        if outcome.error == nil {
            progress(.parsing(bytes: outcome.bytes))
            outcome.parsed = check(parsing: outcome.files, source: source, error: &outcome.error)
        }
        outcome.seconds = Date().timeIntervalSince(started)
        if let error = outcome.error {
            progress(.failed(reason: error.description))
        } else {
            progress(.done(bytes: outcome.bytes, seconds: outcome.seconds))
        }
        return outcome
    }

    /// The largest publication page read into memory to find the file link.
    static let pageLimit = 16_000_000

    /// The file URL: direct, or scraped from the publication page.
    /// A page is downloaded to `pageFile` (beside the list files) and read from there.
    func resolve(_ file: SourceCatalog.File, source: ListSource, pageFile: URL, deadline: Date = .distantFuture) throws -> URL {
        if let direct = file.url, let url = URL(string: direct) { return url }
        guard let pageString = file.page, let page = URL(string: pageString), let pattern = file.linkPattern else {
            throw RedFlagError.usage("\(source.rawValue): \(file.fileName) has neither a url nor a page and linkPattern")
        }
        // A failed page fetch propagates as a download failure of the page's URL.
        let result = try downloader.download(page, to: pageFile, deadline: deadline)
        guard result.bytes <= Self.pageLimit else {
            throw RedFlagError.download(source: source.rawValue, url: page.absoluteString,
                                        reason: "the page is \(ByteCount.text(result.bytes)), more than a publication page (\(ByteCount.text(Int64(Self.pageLimit))))")
        }
        let html: String
        do {
            html = String(decoding: try Data(contentsOf: pageFile), as: UTF8.self)
        } catch {
            throw RedFlagError.unreadable(path: pageFile.path, reason: error.localizedDescription)
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

/// Each download thread's outcome, by source position.
private final class OutcomeSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [ListDownloader.Outcome?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: ListDownloader.Outcome) {
        lock.withLock { slots[index] = outcome }
    }

    func all() -> [ListDownloader.Outcome] {
        lock.withLock { slots.map { $0! } }
    }
}

extension ListDownloader {
    /// Prefix of the download folders in the data directory.
    static let workFolderPrefix = ".update-"

    /// A new folder for one update's downloads inside the data directory (the same file system
    /// as the store, and not a tmpfs that might be too small for the lists). Folders left by
    /// updates killed more than a day ago are removed first; a younger one may belong to an update
    /// still running.
    public static func makeWorkFolder(in dataDirectory: DataDirectory, now: Date = Date()) throws -> URL {
        try dataDirectory.create()
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: dataDirectory.url.path)) ?? []
        for name in names where name.hasPrefix(workFolderPrefix) {
            let url = dataDirectory.url.appendingPathComponent(name)
            let modified = (try? fm.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? now
            if now.timeIntervalSince(modified) > 24 * 3600 { try? fm.removeItem(at: url) }
        }
        let folder = dataDirectory.url.appendingPathComponent(workFolderPrefix + UUID().uuidString)
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw RedFlagError.cannotWrite(path: folder.path, reason: error.localizedDescription)
        }
        return folder
    }
}
