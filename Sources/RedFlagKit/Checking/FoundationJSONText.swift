import RedFlagCore

/// A JSON byte builder that writes exactly what Foundation's `JSONEncoder` writes with
/// `[.sortedKeys, .withoutEscapingSlashes]`: the same string escapes (`\b`, `\f`, `\n`, `\r`,
/// `\t`, other control characters as lowercase `\u00xx`, nothing else escaped) and the same
/// numbers (Swift's shortest round-trip form without a trailing `.0`, `1e-05`, `1e+16`).
///
/// `redflag check` records are specified by that encoder's output (their JSON Schema, tests and
/// users' stored files); this writes the same bytes some twenty times faster, which is what a
/// million-row export needs. Callers write keys in sorted order themselves.
struct FoundationJSONText {
    private(set) var bytes: [UInt8] = []
    /// Set when a non-finite number was written: `JSONEncoder` refuses those, so the caller must
    /// fall back to it to keep the same result.
    private(set) var invalid = false
    private var needsComma = false

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func beginObject(_ key: StaticString? = nil) { prefix(key); bytes.append(UInt8(ascii: "{")); needsComma = false }
    mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma = true }
    mutating func beginArray(_ key: StaticString? = nil) { prefix(key); bytes.append(UInt8(ascii: "[")); needsComma = false }
    mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma = true }

    mutating func string(_ key: StaticString?, _ value: String) {
        prefix(key)
        Self.appendQuoted(value, to: &bytes)
        needsComma = true
    }

    /// `null` when nil (what `encode(_:forKey:)` writes for an optional).
    mutating func string(_ key: StaticString?, _ value: String?) {
        if let value { string(key, value) } else { raw(key, "null") }
    }

    mutating func number(_ key: StaticString?, _ value: Int) { raw(key, String(value)) }

    mutating func number(_ key: StaticString?, _ value: Double) {
        guard value.isFinite else { invalid = true; raw(key, "null"); return }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        raw(key, text)
    }

    mutating func strings(_ key: StaticString?, _ values: [String]) {
        beginArray(key)
        for v in values { string(nil, v) }
        endArray()
    }

    /// An already-encoded array element (a party written before, from `PartyJSONCache`).
    mutating func rawElement(_ json: [UInt8]) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: json)
        needsComma = true
    }

    /// Appends a raw byte after the JSON (a JSON Lines record's newline), so the record becomes
    /// one `String` without copying it again to add it.
    mutating func terminate(with byte: UInt8) { bytes.append(byte) }

    /// A key that is not a literal (a passed-through column name).
    mutating func dynamicKey(_ key: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        Self.appendQuoted(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Already-encoded JSON (a fragment built once and reused for every record).
    mutating func raw(_ key: StaticString?, _ json: String) {
        prefix(key)
        bytes.append(contentsOf: json.utf8)
        needsComma = true
    }

    private mutating func prefix(_ key: StaticString?) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        if let key {
            bytes.append(UInt8(ascii: "\""))
            key.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(UInt8(ascii: ":"))
        }
    }

    /// Appends `value` as a JSON string literal with `JSONEncoder`'s escapes.
    static func appendQuoted(_ value: String, to out: inout [UInt8]) {
        JSONStringLiteral.append(value, to: &out, style: .namedLikeJSONEncoder)
    }
}
