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

    static func encode(_ check: OrderCheck, configuration: String, lists: [ListStamp]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(CheckRecordJSON(check: check, configuration: configuration, lists: lists))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
