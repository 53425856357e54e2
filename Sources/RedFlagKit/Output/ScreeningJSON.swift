import RedFlagCore
import RedFlagLists

/// The JSON form of screening output records: the contract other tools read (README §JSON,
/// `Lists/schemas/screen-result.schema.json`).
///
/// `{"query": {"name", "address", "country", "type", "dob"}, "decision", "matches": [{"score",
/// "id", "source", "list", "name", "matched_name", "alias_strength", "type", "programs",
/// "countries", "decision", "basis", "explanation": {"name_score", "tokens": [{"query",
/// "matched", "similarity", "weight"}], "qualifiers": [{"name", "effect", "detail"}],
/// "address_score", "matched_address", "summary"}, "suppressed"}], "lists": [{"source",
/// "sha256", "published"}]}`; an error record is `{"error": {"line", "message"}, "input": {…}}`.
public struct ScreeningJSON: Sendable {
    /// The `"lists"` array, encoded once: every record names the snapshots it was screened against.
    public let listsFragment: String

    public init(snapshots: [ListSnapshot]) {
        var j = JSONText()
        j.beginArray()
        for s in snapshots {
            j.beginObject()
            j.string("source", s.source.rawValue)
            j.string("sha256", s.sha256)
            j.string("published", s.publicationDate)
            if s.isStale { j.bool("stale", true) }
            j.endObject()
        }
        j.endArray()
        listsFragment = j.text
    }

    /// One record as a single-line JSON object (no trailing newline).
    public func encode(_ record: ScreeningOutputRecord) -> String {
        var j = JSONText()
        switch record {
        case .result(let result, let line):
            j.beginObject()
            if let line { j.number("line", line) }
            encodeBody(result, into: &j)
            j.raw("lists", listsFragment)
            j.endObject()
        case .error(let error):
            j.beginObject()
            j.beginObject("error")
            j.number("line", error.line)
            j.string("message", error.message)
            j.endObject()
            j.beginObject("input")
            for (k, v) in error.input { j.string(k, v) }
            j.endObject()
            j.endObject()
        }
        return j.text
    }

    private func encodeBody(_ result: ScreeningResult, into j: inout JSONText) {
        let q = result.query
        j.beginObject("query")
        j.string("name", q.name)
        j.string("address", q.address)
        j.string("country", q.country)
        j.string("type", q.type?.rawValue)
        j.string("dob", q.dateOfBirth)
        j.endObject()
        j.string("decision", result.decision.rawValue)
        j.beginArray("matches")
        for m in result.matches { Self.encode(m, into: &j) }
        j.endArray()
    }

    static func encode(_ m: ScreeningMatch, into j: inout JSONText) {
        j.beginObject()
        j.number("score", m.score)
        j.string("id", m.id)
        j.string("source", m.source.rawValue)
        j.string("list", m.list.rawValue)
        j.string("name", m.name)
        j.string("matched_name", m.matchedName)
        j.string("alias_strength", m.aliasStrength.rawValue)
        j.string("type", m.type.rawValue)
        j.strings("programs", m.programs)
        j.strings("countries", m.countries)
        j.string("decision", m.decision.rawValue)
        j.string("basis", m.basis.rawValue)
        let e = m.explanation
        j.beginObject("explanation")
        j.number("name_score", e.nameScore)
        j.beginArray("tokens")
        for t in e.tokens {
            j.beginObject()
            j.string("query", t.query)
            j.string("matched", t.matched)
            j.number("similarity", t.similarity)
            j.number("weight", t.weight)
            j.endObject()
        }
        j.endArray()
        j.beginArray("qualifiers")
        for q in e.qualifiers {
            j.beginObject()
            j.string("name", q.name)
            j.number("effect", q.effect)
            j.string("detail", q.detail)
            j.endObject()
        }
        j.endArray()
        j.number("address_score", e.addressScore)
        j.string("matched_address", e.matchedAddress)
        j.string("summary", e.summary)
        j.endObject()
        if let s = m.suppressed {
            j.beginObject("suppressed")
            j.string("reason", s.reason)
            j.string("by", s.by)
            j.string("at", s.at)
            j.endObject()
        } else {
            j.null("suppressed")
        }
        j.endObject()
    }
}
