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
    /// The JSON of parties with matches, written once per result for every row that names them.
    private let parties = PartyJSONCache()
    /// Table only: the verdict in colour (on a terminal).
    public let style: TerminalStyle
    /// Table only: each finding and its facts under the order's line (`--details`).
    public let details: Bool

    public init(kind: Kind, configuration: String, lists: [ListStamp], passthroughNames: [String],
                style: TerminalStyle = TerminalStyle(colour: false), details: Bool = false) {
        self.kind = kind
        self.style = style
        self.details = details
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
        case .jsonl: return CheckRecordJSON.encode(c, shared: shared, configuration: configuration, lists: lists, parties: parties, newline: true)
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
            return tableBlock(c)
        }
    }

    /// The row's JSON object (the JSON Lines record without its newline), whatever `kind` is:
    /// what the audit trail keeps for a HOLD or STOP row.
    public func recordJSON(_ c: OrderCheck) -> String {
        CheckRecordJSON.encode(c, shared: shared, configuration: configuration, lists: lists, parties: parties)
    }

    /// The audit record of a row to render beside the check: the JSON of a HOLD or STOP row
    /// when `audited`, nil otherwise and for JSON Lines (whose row text already is the record).
    public func auditJSON(_ c: OrderCheck, audited: Bool) -> String? {
        audited && kind != .jsonl && c.error == nil && c.decision != .clear && c.decision != nil ? recordJSON(c) : nil
    }

    /// One line per order: id, verdict (coloured on a terminal), license status, the flags that
    /// fired; with `details`, each finding with its facts below. Text from the export is escaped.
    func tableBlock(_ c: OrderCheck) -> String {
        let esc = TerminalText.escape
        let id = esc(c.orderID ?? "(line \(c.line))")
        if let e = c.error { return "\(Self.pad(id, 14)) \(style.red("ERROR"))  line \(c.line): \(esc(e))\n" }
        let decision = c.decision ?? .clear
        let word = Self.pad(decision.rawValue, 6)
        var s = "\(Self.pad(id, 14)) \(style.colour ? style.decision(decision) : word) \(c.license?.status.rawValue ?? "")"
        if let l = c.license, !l.missing.isEmpty { s += " (missing: \(l.missing.joined(separator: ", ")))" }
        if let a = c.license?.authorization { s += " (met: \(a))" }
        if !c.findings.isEmpty { s += "  " + c.findings.map(\.id).joined(separator: " ") }
        s += "\n"
        guard details else { return s }
        for f in c.findings {
            s += "    \(Self.pad(f.severity.rawValue, 5)) \(Self.pad(f.id, 14)) \(f.title)\n"
            for fact in f.facts { s += "          · \(esc(fact))\n" }
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

    /// `s` padded to `width` display columns.
    static func pad(_ s: String, _ width: Int) -> String { TerminalText.pad(s, to: width) }

}
