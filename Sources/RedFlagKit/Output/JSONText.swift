import RedFlagCore

/// A small, allocation-light JSON text builder for output records.
///
/// Output goes through this instead of `JSONEncoder` so that keys come out in the documented
/// order with snake_case names, scores print with four decimals, and encoding a record costs a
/// few microseconds (batches emit tens of thousands of records per second). It writes UTF-8 bytes
/// and makes one `String` at the end: appending to a `String` piece by piece cost more than the
/// matching for a record with a few matches.
public struct JSONText {
    private var bytes: [UInt8] = []
    private var needsComma = false

    public init() { bytes.reserveCapacity(1024) }

    /// The JSON written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Opens an object (as a value, or as the value of `key` inside an object).
    public mutating func beginObject(_ key: String? = nil) { prefix(key); bytes.append(UInt8(ascii: "{")); needsComma = false }
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma = true }
    public mutating func beginArray(_ key: String? = nil) { prefix(key); bytes.append(UInt8(ascii: "[")); needsComma = false }
    public mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma = true }

    public mutating func string(_ key: String?, _ value: String) { prefix(key); Self.appendQuoted(value, to: &bytes) }
    /// Writes `null` when the value is nil.
    public mutating func string(_ key: String?, _ value: String?) {
        if let value { string(key, value) } else { null(key) }
    }
    public mutating func number(_ key: String?, _ value: Int) { prefix(key); bytes.append(contentsOf: String(value).utf8) }
    /// A score or weight, rounded to four decimals (what a reviewer can tell apart).
    public mutating func number(_ key: String?, _ value: Double) { prefix(key); Self.appendFormatted(value, to: &bytes) }
    public mutating func number(_ key: String?, _ value: Double?) {
        if let value { number(key, value) } else { null(key) }
    }
    public mutating func bool(_ key: String?, _ value: Bool) { prefix(key); bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    public mutating func null(_ key: String?) { prefix(key); bytes.append(contentsOf: "null".utf8) }
    public mutating func strings(_ key: String?, _ values: [String]) {
        beginArray(key)
        for v in values { string(nil, v) }
        endArray()
    }
    /// Inserts already-encoded JSON (a fragment built once and reused for every record).
    public mutating func raw(_ key: String?, _ json: String) { prefix(key); bytes.append(contentsOf: json.utf8) }

    private mutating func prefix(_ key: String?) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        if let key {
            Self.appendQuoted(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
        }
    }

    /// `0.9312`, `1`, `0`: four decimals, trailing zeros dropped, never exponent notation.
    public static func format(_ value: Double) -> String {
        var out: [UInt8] = []
        appendFormatted(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendFormatted(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else { out.append(contentsOf: "null".utf8); return }
        let scaled = (value * 10_000).rounded()
        let magnitude = Int(abs(scaled))
        if scaled < 0 && magnitude != 0 { out.append(UInt8(ascii: "-")) }
        out.append(contentsOf: String(magnitude / 10_000).utf8)
        var fraction = magnitude % 10_000
        guard fraction != 0 else { return }
        out.append(UInt8(ascii: "."))
        var digits = 4
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        var divisor = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    /// Appends `value` as a JSON string literal (quotes, backslashes and control characters escaped).
    public static func appendQuoted(_ value: String, to out: inout String) {
        var bytes: [UInt8] = []
        appendQuoted(value, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// The same, into UTF-8 bytes: `\n`, `\r`, `\t` by name, other control characters as `\u00xx`.
    static func appendQuoted(_ value: String, to out: inout [UInt8]) {
        JSONStringLiteral.append(value, to: &out, style: .unicodeEscapes)
    }
}
