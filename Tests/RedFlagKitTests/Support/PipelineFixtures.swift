import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists

/// Small hand-made entries, screening results and data directories for the pipeline tests.
enum PipelineFixtures {
    static func entry(_ id: String, _ name: String, list: ListCode = .sdn, source: ListSource = .csl,
                      country: String? = nil, aliases: [String] = [], programs: [String] = ["SDGT"]) -> ListEntry {
        ListEntry(source: source, sourceID: id, list: list, type: .entity, name: name, programs: programs,
                  aliases: aliases.map { Alias(name: $0, strength: .strong) },
                  addresses: country.map { [Address(country: $0, countryRaw: $0)] } ?? [])
    }

    static func match(for entry: ListEntry, decision: Decision, score: Double = 0.95) -> ScreeningMatch {
        ScreeningMatch(score: score, id: entry.id, source: entry.source, list: entry.list, name: entry.name,
                       matchedName: entry.name, aliasStrength: .strong, type: entry.type, programs: entry.programs,
                       countries: entry.countryCodes, decision: decision, basis: .name,
                       explanation: MatchExplanation(nameScore: score, tokens: [], qualifiers: [], summary: "name \(score)"))
    }

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-g-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func parsed(_ entries: [ListEntry], source: ListSource = .ofacSDN, tag: String) -> ParsedList {
        ParsedList(source: source, format: .ofacXML, entries: entries, publicationDate: nil,
                   files: [URL(fileURLWithPath: "/fixtures/\(tag).xml")], sha256: SHA256.hex(Data(tag.utf8)),
                   warnings: ParseWarnings())
    }

    /// `<package root>/../shared/lists`, nil when absent.
    static var sharedLists: URL? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let url = root.deletingLastPathComponent().appendingPathComponent("shared/lists")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }
}

/// A screener answering from a fixed set of entries by exact folded name: lets the allow-list and
/// rescreen plumbing be tested independently of how the matcher scores.
struct ExactNameScreener: PartyScreener {
    let entries: [ListEntry]

    func screen(_ query: ScreeningQuery) -> ScreeningResult {
        let key = TextFolding.fold(query.name)
        let matches = entries.filter { e in e.allNames.contains { TextFolding.fold($0.name) == key } }
            .map { PipelineFixtures.match(for: $0, decision: $0.list == .unverified ? .hold : .stop, score: 1) }
        return ScreeningResult(query: query, decision: matches.map(\.decision).max() ?? .clear, matches: matches)
    }

    func entry(id: String) -> ListEntry? { entries.first { $0.id == id } }
}
