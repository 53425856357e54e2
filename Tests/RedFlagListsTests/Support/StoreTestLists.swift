import Foundation
import RedFlagCore
import RedFlagLists

/// Small parsed lists built in code (invented parties) for store and update tests, so they need
/// no parser and no file.
enum StoreTestLists {
    static func entry(_ source: ListSource, _ id: String, _ name: String, aliases: [String] = [], programs: [String] = ["TEST"]) -> ListEntry {
        ListEntry(source: source, sourceID: id, list: ListCode(source == .un ? "UN" : "SDN"),
                  type: .entity, name: name, programs: programs,
                  aliases: aliases.map { Alias(name: $0, strength: .strong) })
    }

    static func parsed(_ source: ListSource, _ entries: [ListEntry], published: String? = "2026-01-15",
                       sha: String? = nil, warnings: ParseWarnings = ParseWarnings()) -> ParsedList {
        let digest = sha ?? SHA256.hex(Data((entries.map(\.id) + entries.map(\.name)).joined(separator: "|").utf8))
        return ParsedList(source: source, format: source == .un ? .unXML : .ofacXML, entries: entries,
                          publicationDate: published, files: [URL(fileURLWithPath: "/tmp/\(source.slug).xml")],
                          sha256: digest, warnings: warnings)
    }

    /// A fresh empty data directory under the system temporary folder.
    static func dataDirectory() -> DataDirectory {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-store-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return DataDirectory(url: url)
    }
}
