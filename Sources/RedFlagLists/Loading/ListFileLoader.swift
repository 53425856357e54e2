import Foundation
import RedFlagCore

/// Loads list files into parsed lists: the one API behind both `redflag lists import` and the
/// screening commands' `--lists`, so a file loads the same way whichever path it takes.
///
/// Each file's format is detected from its content. An OFAC legacy `sdn.csv` is joined with the
/// `add`/`alt`/`sdn_comments` files given alongside it or, when not given, found next to it in the
/// same folder (identified by content, not name). Files are parsed in parallel.
public enum ListFileLoader {
    /// One unit of parsing: a single file, or an OFAC legacy CSV set.
    public enum Job: Sendable, Equatable {
        case file(URL, ListFormat)
        case ofacCSV(sdn: URL, add: URL?, alt: URL?, comments: URL?)

        /// The files the job reads.
        public var files: [URL] {
            switch self {
            case .file(let url, _): return [url]
            case .ofacCSV(let sdn, let add, let alt, let comments): return [sdn, add, alt, comments].compactMap { $0 }
            }
        }
    }

    /// Parses every file in `paths` and returns one `ParsedList` per file (per OFAC CSV set), in
    /// the order the paths were given. The first failure (in that order) is thrown.
    public static func load(paths: [URL]) throws -> [ParsedList] {
        let jobs = try plan(paths: paths)
        return try run(jobs)
    }

    /// Detects every file and groups the OFAC CSV sets, without parsing anything.
    public static func plan(paths: [URL]) throws -> [Job] {
        var seen = Set<String>()
        var detected: [(url: URL, detection: ListFormatDetector.Detection)] = []
        for url in paths {
            let standard = url.standardizedFileURL
            guard seen.insert(standard.path).inserted else { continue }
            detected.append((standard, try ListFormatDetector.detect(standard)))
        }
        let ofacParts = detected.filter { $0.detection.ofacPart != nil && $0.detection.ofacPart != .sdn }
        var usedParts = Set<String>()
        var jobs: [Job] = []
        let sdnCount = detected.filter { $0.detection.ofacPart == .sdn }.count
        for (url, detection) in detected {
            switch detection.ofacPart {
            case .sdn?:
                var found: [OFACLegacyCSVParser.Part: URL] = [:]
                for part in [OFACLegacyCSVParser.Part.add, .alt, .comments] {
                    let given = ofacParts.filter {
                        $0.detection.ofacPart == part && (sdnCount == 1 || sameFolder($0.url, url))
                    }.map(\.url)
                    if let pick = try choose(given, for: url, part: part) {
                        found[part] = pick
                    } else if let pick = try choose(try neighbours(of: url, part: part), for: url, part: part) {
                        found[part] = pick
                    }
                    if let f = found[part] { usedParts.insert(f.path) }
                }
                jobs.append(.ofacCSV(sdn: url, add: found[.add], alt: found[.alt], comments: found[.comments]))
            case .some:
                continue
            case nil:
                jobs.append(.file(url, detection.format))
            }
        }
        for part in ofacParts where !usedParts.contains(part.url.path) {
            throw RedFlagError.badData(path: part.url.path, location: nil, message:
                "an OFAC \(part.detection.ofacPart?.rawValue ?? "") CSV without its sdn.csv: give the sdn.csv (CONS_PRIM.CSV) file too")
        }
        return jobs
    }

    /// Parses the jobs in parallel (costliest first, so the cores stay busy to the end), results
    /// in job order.
    public static func run(_ jobs: [Job]) throws -> [ParsedList] {
        let costs = jobs.map(estimatedCost)
        let order = jobs.indices.sorted { costs[$0] > costs[$1] }
        let results = ResultSlots(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { k in
            let i = order[k]
            results.set(i, Result { try parse(jobs[i]) })
        }
        return try results.values().map { try $0.get() }
    }

    /// Bytes the job's parser reads: the file sizes, but for an XLSX workbook the size of its
    /// parts once inflated (about eight times the file): ordered by file size, OFSI's workbook
    /// started among the last jobs and finished well after all the others.
    static func estimatedCost(_ job: Job) -> Int {
        if case .file(let url, .ofsiXLSX) = job, let archive = try? ZipArchive(url: url) {
            return archive.members.reduce(0) { $0 + $1.size }
        }
        return job.files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1.path)[.size] as? Int) ?? 0) }
    }

    /// Parses one job with the parser its format calls for.
    public static func parse(_ job: Job) throws -> ParsedList {
        switch job {
        case .ofacCSV(let sdn, let add, let alt, let comments):
            return try OFACLegacyCSVParser.parse(sdn: sdn, add: add, alt: alt, comments: comments)
        case .file(let url, let format):
            return try parse(url, format: format)
        }
    }

    /// Parses a single file already known to be in `format`.
    public static func parse(_ url: URL, format: ListFormat) throws -> ParsedList {
        switch format {
        case .cslCSV: return try CSLCSVParser.parse(url)
        case .cslJSON: return try CSLJSONParser.parse(url)
        case .ofacXML: return try OFACXMLParser.parse(url)
        case .ofacCSV: return try OFACLegacyCSVParser.parse(sdn: url, add: nil, alt: nil, comments: nil)
        case .ofacEnhancedXML: return try OFACEnhancedXMLParser.parse(url)
        case .ofacAdvancedXML: return try OFACAdvancedXMLParser.parse(url)
        case .unXML: return try UNXMLParser.parse(url)
        case .euXML: return try EUXMLParser.parse(url)
        case .ofsiCSV: return try OFSICSVParser.parse(url)
        case .fcdoXML: return try FCDOXMLParser.parse(url)
        case .fcdoCSV: return try FCDOCSVParser.parse(url)
        case .ofsiXLSX: return try OFSIXLSXParser.parse(url)
        }
    }

    private static func sameFolder(_ a: URL, _ b: URL) -> Bool {
        a.deletingLastPathComponent().path == b.deletingLastPathComponent().path
    }

    /// Picks the file for `part` among candidates: the only one, or the one whose name pairs with
    /// the sdn file's (`cons_prim.csv` ↔ `cons_add.csv`) when a folder holds both sets.
    private static func choose(_ candidates: [URL], for sdn: URL, part: OFACLegacyCSVParser.Part) throws -> URL? {
        if candidates.count <= 1 { return candidates.first }
        let stem = namePrefix(sdn, suffixes: ["sdn.csv", "prim.csv"])
        let paired = candidates.filter { namePrefix($0, suffixes: ["sdn_comments.csv", "comments.csv", "add.csv", "alt.csv"]) == stem }
        if paired.count == 1 { return paired[0] }
        throw RedFlagError.usage("several OFAC \(part.rawValue) CSV files go with \(sdn.path) ("
            + candidates.map(\.lastPathComponent).joined(separator: ", ") + "): give the one to use")
    }

    private static func namePrefix(_ url: URL, suffixes: [String]) -> String {
        let name = url.lastPathComponent.lowercased()
        for s in suffixes where name.hasSuffix(s) { return String(name.dropLast(s.count)) }
        return name
    }

    /// Files in the sdn.csv's folder whose content makes them `part` of an OFAC CSV set.
    private static func neighbours(of sdn: URL, part: OFACLegacyCSVParser.Part) throws -> [URL] {
        let folder = sdn.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().compactMap { name -> URL? in
            guard !name.hasPrefix(".") else { return nil }
            let url = folder.appendingPathComponent(name).standardizedFileURL
            guard url.path != sdn.path, let d = try? ListFormatDetector.detect(url), d.ofacPart == part else { return nil }
            return url
        }
    }
}

/// Slots the parallel parse writes its results into, one per job.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<ParsedList, Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<ParsedList, Error>) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [Result<ParsedList, Error>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0 ?? .failure(RedFlagError.badData(path: "", location: nil, message: "parse did not run")) }
    }
}
