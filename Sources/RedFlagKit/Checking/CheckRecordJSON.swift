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

    /// The record through `JSONEncoder`: the reference the hand-written `encode` must equal byte
    /// for byte (the tests compare them), and the fallback for a record it cannot write.
    static func encodeWithFoundation(_ check: OrderCheck, configuration: String, lists: [ListStamp]) -> String {
        let encoder = JSONEncoder()
        // Sorted keys make records byte-stable across runs (diffable, hashable in audits).
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        encoder.keyEncodingStrategy = snakeCaseExceptPassthrough
        let data = (try? encoder.encode(CheckRecordJSON(check: check, configuration: configuration, lists: lists))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The parts every record of a run shares, encoded once.
    struct SharedFields: Sendable {
        let configuration: String
        let lists: String

        init(configuration: String, lists: [ListStamp]) {
            var c = FoundationJSONText(capacity: 64)
            c.string(nil, configuration)
            self.configuration = c.text
            var l = FoundationJSONText(capacity: 256)
            l.beginArray()
            for stamp in lists {
                l.beginObject()
                l.string("sha256", stamp.sha256)
                l.string("source", stamp.source)
                if stamp.stale == true { l.raw("stale", "true") }
                l.endObject()
            }
            l.endArray()
            self.lists = l.text
        }
    }

    static func encode(_ check: OrderCheck, configuration: String, lists: [ListStamp]) -> String {
        encode(check, shared: SharedFields(configuration: configuration, lists: lists), configuration: configuration, lists: lists)
    }

    /// The record, written by hand in the sorted key order `encodeWithFoundation` produces.
    /// `parties` (when given) remembers the JSON of parties with matches across records;
    /// `newline` ends the text with one (a JSON Lines row).
    static func encode(_ check: OrderCheck, shared: SharedFields, configuration: String, lists: [ListStamp],
                       parties: PartyJSONCache? = nil, newline: Bool = false) -> String {
        var j = FoundationJSONText()
        let end = newline ? "\n" : ""
        j.beginObject()
        if let error = check.error {
            j.string("decision", "ERROR")
            j.string("error", error)
            j.number("line", check.line)
            j.string("order_id", check.orderID)
            j.endObject()
            if newline { j.terminate(with: UInt8(ascii: "\n")) }
            return j.text
        }
        if !check.passthrough.isEmpty {
            j.beginObject("columns")
            // A repeated column name keeps its last value, as the keyed container does.
            var byName: [String: String] = [:]
            for p in check.passthrough { byName[p.name] = p.value }
            for name in byName.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                j.dynamicKey(name)
                j.string(nil, byName[name]!)
            }
            j.endObject()
        }
        j.raw("configuration", shared.configuration)
        if let customerID = check.customerID { j.string("customer_id", customerID) }
        j.string("decision", check.decision?.rawValue ?? "CLEAR")
        j.beginArray("flags")
        for f in check.findings {
            j.beginObject()
            j.string("citation", f.citation)
            j.strings("facts", f.facts)
            j.string("id", f.id)
            j.string("next_step", f.nextStep)
            j.string("severity", f.severity.rawValue)
            j.string("title", f.title)
            j.endObject()
        }
        j.endArray()
        if let license = check.license {
            j.beginObject("license")
            if let a = license.authorization { j.string("authorization", a) }
            j.strings("basis", license.basis)
            j.strings("missing", license.missing)
            j.string("status", license.status.rawValue)
            j.endObject()
        }
        j.number("line", check.line)
        j.raw("lists", shared.lists)
        j.strings("not_evaluated", check.notEvaluated)
        j.string("order_id", check.orderID)
        j.beginArray("parties")
        for p in check.parties {
            if let parties {
                parties.append(p, to: &j) { writeParty(p, to: &$0) }
            } else {
                writeParty(p, to: &j)
            }
        }
        j.endArray()
        j.endObject()
        if j.invalid { return encodeWithFoundation(check, configuration: configuration, lists: lists) + end }
        if newline { j.terminate(with: UInt8(ascii: "\n")) }
        return j.text
    }

    private static func writeParty(_ p: PartyScreening, to j: inout FoundationJSONText) {
        j.beginObject()
        if let address = p.result.query.address { j.string("address", address) }
        if let country = p.result.query.country { j.string("country", country) }
        j.string("decision", p.result.decision.rawValue)
        j.beginArray("matches")
        for m in p.result.matches {
            j.beginObject()
            j.string("alias_strength", m.aliasStrength.rawValue)
            j.string("basis", m.basis.rawValue)
            j.strings("countries", m.countries)
            j.string("decision", m.decision.rawValue)
            let e = m.explanation
            j.beginObject("explanation")
            if let score = e.addressScore { j.number("address_score", score) }
            if let address = e.matchedAddress { j.string("matched_address", address) }
            j.number("name_score", e.nameScore)
            j.beginArray("qualifiers")
            for q in e.qualifiers {
                j.beginObject()
                j.string("detail", q.detail)
                j.number("effect", q.effect)
                j.string("name", q.name)
                j.endObject()
            }
            j.endArray()
            j.string("summary", e.summary)
            j.beginArray("tokens")
            for t in e.tokens {
                j.beginObject()
                if let matched = t.matched { j.string("matched", matched) }
                if let query = t.query { j.string("query", query) }
                j.number("similarity", t.similarity)
                j.number("weight", t.weight)
                j.endObject()
            }
            j.endArray()
            j.endObject()
            j.string("id", m.id)
            j.string("list", m.list.rawValue)
            j.string("matched_name", m.matchedName)
            j.string("name", m.name)
            j.strings("programs", m.programs)
            j.number("score", m.score)
            j.string("source", m.source.rawValue)
            if let s = m.suppressed {
                j.beginObject("suppressed")
                j.string("at", s.at)
                j.string("by", s.by)
                j.string("reason", s.reason)
                j.endObject()
            }
            j.string("type", m.type.rawValue)
            j.endObject()
        }
        j.endArray()
        j.string("name", p.result.query.name)
        j.string("role", p.role.rawValue)
        j.endObject()
    }
}
