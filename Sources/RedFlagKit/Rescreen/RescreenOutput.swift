import Foundation
import RedFlagCore

/// Writes rescreen records to stdout: JSONL (one record per line), JSON (an array), CSV (one row
/// per record: party, decision, top match, change) or a table for people. A delisting (`removed`)
/// row names the removed entry the party matched, with its score then, and the verdict now.
public struct RescreenOutput: Sendable {
    public enum Format: String, Sendable { case jsonl, json, csv, table }

    public let format: Format

    public init(format: Format) { self.format = format }

    /// One record as its JSON line (no newline): what `--format jsonl` prints and the audit
    /// trail keeps.
    public static func jsonLine(_ hit: RescreenHit) throws -> String {
        String(decoding: try lineEncoder().encode(hit), as: UTF8.self)
    }

    private static func lineEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// The text for `hits` in this format.
    public func render(_ hits: [RescreenHit]) throws -> String {
        let encoder = Self.lineEncoder()
        switch format {
        case .jsonl:
            return try hits.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined()
        case .json:
            encoder.outputFormatting.insert(.prettyPrinted)
            return String(decoding: try encoder.encode(hits), as: UTF8.self) + "\n"
        case .csv:
            var out = "name,country,address,decision,match_id,match_name,score,change,imported_at,suppressed\n"
            for hit in hits {
                var top = hit.matches.first { $0.suppressed == nil } ?? hit.matches.first
                var change = top.flatMap { m in hit.changes.first { $0.id == m.id } }
                if let delisted = hit.removed?.first {
                    top = delisted.match
                    change = delisted.change
                }
                let fields = [hit.party.name, hit.party.country ?? "", hit.party.address ?? "", hit.decision.rawValue,
                              top?.id ?? "", top?.name ?? "", top.map { String(format: "%.3f", $0.score) } ?? "",
                              change?.kind ?? "", change.map { ISO8601DateFormatter().string(from: $0.importedAt) } ?? "",
                              top?.suppressed?.reason ?? ""]
                out += fields.map(CSVText.field).joined(separator: ",") + "\n"
            }
            return out
        case .table:
            var out = ""
            for hit in hits {
                let party = TerminalText.escape(hit.party.name) + (hit.party.country.map { " (\(TerminalText.escape($0)))" } ?? "")
                if let removed = hit.removed {
                    out += "REMOVED\t\(party): now \(hit.decision.rawValue)\n"
                    for item in removed {
                        let programs = item.entry.programs.isEmpty ? "" : ", " + item.entry.programs.joined(separator: ", ")
                        out += "    was \(String(format: "%.2f", item.match.score)) \(TerminalText.escape(item.entry.id)) "
                            + "\(TerminalText.escape(item.entry.name)) (\(item.match.decision.rawValue)\(TerminalText.escape(programs))) — removed by the import of "
                            + "\(ISO8601DateFormatter().string(from: item.change.importedAt))\n"
                    }
                    for match in hit.matches where match.decision != .clear {
                        let suppressed = match.suppressed.map { " [suppressed: \($0.reason)]" } ?? ""
                        out += "    now \(String(format: "%.2f", match.score)) \(TerminalText.escape(match.id)) \(TerminalText.escape(match.name)) "
                            + "(\(match.decision.rawValue))\(TerminalText.escape(suppressed))\n"
                    }
                    continue
                }
                out += "\(hit.decision.rawValue)\t\(party)\n"
                for match in hit.matches {
                    let change = hit.changes.first { $0.id == match.id }
                    let suppressed = match.suppressed.map { " [suppressed: \($0.reason)]" } ?? ""
                    out += "    \(String(format: "%.2f", match.score)) \(TerminalText.escape(match.id)) \(TerminalText.escape(match.name)) — \(change?.kind ?? "changed")\(TerminalText.escape(suppressed))\n"
                }
            }
            return out
        }
    }

    /// Writes the hits to stdout in one write, so a consumer never sees a partial record.
    public func write(_ hits: [RescreenHit], to sink: OutputSink = Console.out) throws {
        let text = try render(hits)
        guard !text.isEmpty else { return }
        sink.write(text)
        try sink.flush()
    }

}
