import Foundation
import RedFlagCore

/// Writes rescreen records to stdout: JSONL (one record per line), JSON (an array), CSV (one row
/// per record: party, decision, top match, change) or a table for people. A delisting (`removed`)
/// row names the removed entry the party matched, with its score then, and the verdict now.
public struct RescreenOutput: Sendable {
    public enum Format: String, Sendable { case jsonl, json, csv, table }

    public let format: Format

    public init(format: Format) { self.format = format }

    /// The text for `hits` in this format.
    public func render(_ hits: [RescreenHit]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
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
                out += fields.map(Self.csvField).joined(separator: ",") + "\n"
            }
            return out
        case .table:
            var out = ""
            for hit in hits {
                if let removed = hit.removed {
                    out += "REMOVED\t\(hit.party.name)\(hit.party.country.map { " (\($0))" } ?? ""): now \(hit.decision.rawValue)\n"
                    for item in removed {
                        out += "    was \(String(format: "%.2f", item.match.score)) \(item.entry.id) \(item.entry.name) (\(item.match.decision.rawValue)"
                            + "\(item.entry.programs.isEmpty ? "" : ", " + item.entry.programs.joined(separator: ", "))) — removed by the import of "
                            + "\(ISO8601DateFormatter().string(from: item.change.importedAt))\n"
                    }
                    for match in hit.matches where match.decision != .clear {
                        let suppressed = match.suppressed.map { " [suppressed: \($0.reason)]" } ?? ""
                        out += "    now \(String(format: "%.2f", match.score)) \(match.id) \(match.name) (\(match.decision.rawValue))\(suppressed)\n"
                    }
                    continue
                }
                out += "\(hit.decision.rawValue)\t\(hit.party.name)\(hit.party.country.map { " (\($0))" } ?? "")\n"
                for match in hit.matches {
                    let change = hit.changes.first { $0.id == match.id }
                    let suppressed = match.suppressed.map { " [suppressed: \($0.reason)]" } ?? ""
                    out += "    \(String(format: "%.2f", match.score)) \(match.id) \(match.name) — \(change?.kind ?? "changed")\(suppressed)\n"
                }
            }
            return out
        }
    }

    /// Writes the hits to stdout in one write, so a consumer never sees a partial record.
    public func write(_ hits: [RescreenHit], to handle: FileHandle = .standardOutput) throws {
        let text = try render(hits)
        guard !text.isEmpty else { return }
        do { try handle.write(contentsOf: Data(text.utf8)) } catch {
            throw RedFlagError.cannotWrite(path: "stdout", reason: "\(error)")
        }
    }

    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
