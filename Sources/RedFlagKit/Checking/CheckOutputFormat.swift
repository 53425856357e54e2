import Foundation
import RedFlagCore
import RedFlagRules

/// Renders checked rows in one of the output formats of `redflag check`. `render` is pure and
/// thread-safe (called in parallel); the header, separators and footer are written by the
/// caller in order.
public struct CheckOutputFormat: Sendable {
    public enum Kind: String, Sendable, CaseIterable { case table, json, jsonl, csv }

    public let kind: Kind
    public let configuration: String
    public let lists: [ListStamp]
    /// Names of the export's extra columns, for the CSV header.
    public let passthroughNames: [String]
    private let shared: CheckRecordJSON.SharedFields

    public init(kind: Kind, configuration: String, lists: [ListStamp], passthroughNames: [String]) {
        self.kind = kind
        self.configuration = configuration
        self.lists = lists
        self.passthroughNames = passthroughNames
        shared = CheckRecordJSON.SharedFields(configuration: configuration, lists: lists)
    }

    /// Text written before the first row.
    public var header: String {
        switch kind {
        case .jsonl: return ""
        case .json:
            let enc = JSONEncoder()
            let lists = (try? enc.encode(self.lists)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
            let config = (try? enc.encode(configuration)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
            return "{\"configuration\":\(config),\"lists\":\(lists),\"orders\":[\n"
        case .csv:
            return (["order_id", "line", "decision", "flags", "license", "not_evaluated", "error"] + passthroughNames)
                .map(CSVText.field).joined(separator: ",") + "\n"
        case .table:
            return "configuration: \(configuration)\nlists: \(lists.isEmpty ? "none loaded (list rules not evaluated)" : lists.map(\.source).joined(separator: ", "))\n\n"
        }
    }

    /// Text between two rows (the JSON array's comma).
    public var separator: String { kind == .json ? ",\n" : "" }

    /// Text after the last row.
    public func footer(_ counts: DecisionCounts) -> String {
        switch kind {
        case .json: return "\n],\"summary\":{\"clear\":\(counts.clear),\"hold\":\(counts.hold),\"stop\":\(counts.stop),\"errors\":\(counts.errors)}}\n"
        case .table: return "\n\(counts.summary)\n"
        case .jsonl, .csv: return ""
        }
    }

    /// One row.
    public func render(_ c: OrderCheck) -> String {
        switch kind {
        case .jsonl: return recordJSON(c) + "\n"
        case .json: return recordJSON(c)
        case .csv:
            var fields = [c.orderID ?? "", String(c.line), c.error == nil ? (c.decision?.rawValue ?? "CLEAR") : "ERROR",
                          c.findings.map { "\($0.id):\($0.severity.rawValue)" }.joined(separator: ";"),
                          c.license.map { $0.status.rawValue + ($0.missing.isEmpty ? "" : " (missing: \($0.missing.joined(separator: ", ")))")
                              + ($0.authorization.map { " (met: \($0))" } ?? "") } ?? "",
                          c.notEvaluated.joined(separator: "; "), c.error ?? ""]
            var byName: [String: String] = [:]
            for p in c.passthrough { byName[p.name] = p.value }
            fields += passthroughNames.map { byName[$0] ?? "" }
            return fields.map(CSVText.field).joined(separator: ",") + "\n"
        case .table:
            return Self.tableBlock(c)
        }
    }

    /// The row's JSON object (the JSON Lines record without its newline), whatever `kind` is:
    /// what the audit trail keeps for a HOLD or STOP row.
    public func recordJSON(_ c: OrderCheck) -> String {
        CheckRecordJSON.encode(c, shared: shared, configuration: configuration, lists: lists)
    }

    static func tableBlock(_ c: OrderCheck) -> String {
        let id = c.orderID ?? "(line \(c.line))"
        if let e = c.error { return "\(pad(id, 14)) ERROR  line \(c.line): \(e)\n" }
        var s = "\(pad(id, 14)) \(pad(c.decision?.rawValue ?? "CLEAR", 6)) \(c.license?.status.rawValue ?? "")"
        if let l = c.license, !l.missing.isEmpty { s += " (missing: \(l.missing.joined(separator: ", ")))" }
        if let a = c.license?.authorization { s += " (met: \(a))" }
        s += "\n"
        for f in c.findings {
            s += "    \(pad(f.severity.rawValue, 5)) \(pad(f.id, 14)) \(f.title)\n"
            for fact in f.facts { s += "          · \(fact)\n" }
        }
        for party in c.parties {
            for m in party.result.matches {
                for q in m.explanation.qualifiers where q.name == ResolvedAllowList.lapsedQualifier {
                    s += "    ! \(party.role.rawValue) \(party.result.query.name) ~ \(m.id): \(q.name): \(q.detail)\n"
                }
            }
        }
        if !c.notEvaluated.isEmpty { s += "    not evaluated: \(c.notEvaluated.count) rule(s): \(c.notEvaluated.map { $0.split(separator: ":").first.map(String.init) ?? $0 }.joined(separator: ", "))\n" }
        return s
    }

    static func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s : s + String(repeating: " ", count: width - s.count) }

}
