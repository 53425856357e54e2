import Foundation
import RedFlagCore

extension ListFormat {
    /// The source every file of this format belongs to; nil for the OFAC formats, which carry
    /// either the SDN or the non-SDN consolidated list (known only once the file is parsed).
    public var impliedSource: ListSource? {
        switch self {
        case .cslCSV, .cslJSON: return .csl
        case .unXML: return .un
        case .euXML: return .eu
        case .ofsiCSV, .ofsiXLSX, .fcdoXML, .fcdoCSV: return .uk
        case .ofacXML, .ofacCSV, .ofacEnhancedXML, .ofacAdvancedXML: return nil
        }
    }
}

extension ListFileLoader {
    /// Refuses two files of the same source in one import (usage error, exit 64) from their
    /// detected formats, before anything is parsed: a parse of a large file would otherwise be
    /// wasted on an import that is refused. OFAC files, whose source is known only after parsing,
    /// are checked then (`ListSet.checkedUnique`).
    public static func checkDistinctSources(_ jobs: [Job]) throws {
        var seen: [ListSource: URL] = [:]
        for job in jobs {
            guard case .file(let url, let format) = job, let source = format.impliedSource else { continue }
            if let other = seen[source] {
                throw RedFlagError.usage("\(other.path), \(url.path): \(source.rawValue) given twice; give one file (or OFAC CSV set) per source")
            }
            seen[source] = url
        }
    }
}

extension ListStore {
    /// Refuses an import that would drop more than half of a source's entries (a truncated or
    /// wrong download that still parses: one SDN entry must not silently replace 14,966), unless
    /// `allowShrink`. Bad data (exit 65) naming the source and both counts.
    public func checkShrink(_ lists: [ParsedList], allowShrink: Bool) throws {
        guard !allowShrink, let manifest = try manifest() else { return }
        for list in lists {
            guard let current = manifest.sources.first(where: { $0.source == list.source }) else { continue }
            let now = list.entries.count
            if now * 2 < current.recordCount {
                throw RedFlagError.badData(path: list.files.map(\.path).joined(separator: ", "), location: nil, message:
                    "\(list.source.rawValue) would shrink from \(current.recordCount) to \(now) entries (more than half dropped); "
                    + "refused: check the file, or pass --allow-shrink if the list really shrank")
            }
        }
    }
}
