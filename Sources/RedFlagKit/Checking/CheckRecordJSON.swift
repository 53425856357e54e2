import Foundation
import RedFlagCore
import RedFlagRules

/// The JSON form of one checked row (the JSON Lines contract of `redflag check`):
/// `{"order_id","line","customer_id","decision","flags":[{"id","title","severity","facts",
/// "citation","next_step"}],"license":{…},"not_evaluated":[…],"parties":[…],"columns":{…},
/// "configuration","lists":[{"source","sha256"}]}`; an unreadable row is
/// `{"order_id","line","decision":"ERROR","error"}`.
struct CheckRecordJSON: Encodable {
    let check: OrderCheck
    let configuration: String
    let lists: [ListStamp]

    enum Keys: String, CodingKey {
        case orderID = "order_id", line, customerID = "customer_id", decision, error, flags, license
        case notEvaluated = "not_evaluated", parties, columns, configuration, lists
    }

    struct Columns: Encodable {
        let values: [OrderLine.Passthrough]
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            for v in values { try c.encode(v.value, forKey: AnyKey(v.name)) }
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(check.orderID, forKey: .orderID)
        try c.encode(check.line, forKey: .line)
        if let error = check.error {
            try c.encode("ERROR", forKey: .decision)
            try c.encode(error, forKey: .error)
            return
        }
        try c.encodeIfPresent(check.customerID, forKey: .customerID)
        try c.encode(check.decision?.rawValue ?? "CLEAR", forKey: .decision)
        try c.encode(check.findings, forKey: .flags)
        try c.encodeIfPresent(check.license, forKey: .license)
        try c.encode(check.notEvaluated, forKey: .notEvaluated)
        try c.encode(check.parties, forKey: .parties)
        if !check.passthrough.isEmpty { try c.encode(Columns(values: check.passthrough), forKey: .columns) }
        try c.encode(configuration, forKey: .configuration)
        try c.encode(lists, forKey: .lists)
    }

    /// Embedded screening results use the same snake_case field names as `redflag screen`
    /// (`matched_name`, `alias_strength`, `name_score`…); the user's own passed-through column
    /// names under `columns` are kept exactly as they appear in the export.
    private static let snakeCaseExceptPassthrough = JSONEncoder.KeyEncodingStrategy.custom { path in
        let key = path[path.count - 1]
        if path.count == 2, path[0].stringValue == Keys.columns.rawValue { return key }
        return AnyKey(snakeCase(key.stringValue))
    }

    static func snakeCase(_ s: String) -> String {
        guard s.contains(where: \.isUppercase) else { return s }
        var out = ""
        for (i, ch) in s.enumerated() {
            if ch.isUppercase {
                if i > 0 { out.append("_") }
                out.append(contentsOf: ch.lowercased())
            } else {
                out.append(ch)
            }
        }
        return out
    }

    static func encode(_ check: OrderCheck, configuration: String, lists: [ListStamp]) -> String {
        let encoder = JSONEncoder()
        // Sorted keys make records byte-stable across runs (diffable, hashable in audits).
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        encoder.keyEncodingStrategy = snakeCaseExceptPassthrough
        let data = (try? encoder.encode(CheckRecordJSON(check: check, configuration: configuration, lists: lists))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
