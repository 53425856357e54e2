/// A small, allocation-light JSON text builder for output records.
///
/// Output goes through this instead of `JSONEncoder` so that keys come out in the documented
/// order with snake_case names, scores print with four decimals, and encoding a record costs a
/// few microseconds (batches emit tens of thousands of records per second).
public struct JSONText {
    public private(set) var text = ""
    private var needsComma: [Bool] = [false]

    public init() { text.reserveCapacity(512) }

    /// Opens an object (as a value, or as the value of `key` inside an object).
    public mutating func beginObject(_ key: String? = nil) { prefix(key); text += "{"; needsComma.append(false) }
    public mutating func endObject() { text += "}"; needsComma.removeLast() }
    public mutating func beginArray(_ key: String? = nil) { prefix(key); text += "["; needsComma.append(false) }
    public mutating func endArray() { text += "]"; needsComma.removeLast() }

    public mutating func string(_ key: String?, _ value: String) { prefix(key); Self.appendQuoted(value, to: &text) }
    /// Writes `null` when the value is nil.
    public mutating func string(_ key: String?, _ value: String?) {
        if let value { string(key, value) } else { null(key) }
    }
    public mutating func number(_ key: String?, _ value: Int) { prefix(key); text += String(value) }
    /// A score or weight, rounded to four decimals (what a reviewer can tell apart).
    public mutating func number(_ key: String?, _ value: Double) { prefix(key); text += Self.format(value) }
    public mutating func number(_ key: String?, _ value: Double?) {
        if let value { number(key, value) } else { null(key) }
    }
    public mutating func bool(_ key: String?, _ value: Bool) { prefix(key); text += value ? "true" : "false" }
    public mutating func null(_ key: String?) { prefix(key); text += "null" }
    public mutating func strings(_ key: String?, _ values: [String]) {
        beginArray(key)
        for v in values { string(nil, v) }
        endArray()
    }
    /// Inserts already-encoded JSON (a fragment built once and reused for every record).
    public mutating func raw(_ key: String?, _ json: String) { prefix(key); text += json }

    private mutating func prefix(_ key: String?) {
        if needsComma[needsComma.count - 1] { text += "," } else { needsComma[needsComma.count - 1] = true }
        if let key { Self.appendQuoted(key, to: &text); text += ":" }
    }

    /// `0.9312`, `1`, `0`: four decimals, trailing zeros dropped, never exponent notation.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let scaled = (value * 10_000).rounded()
        let negative = scaled < 0
        let magnitude = Int(abs(scaled))
        var whole = String(magnitude / 10_000)
        var fraction = String(magnitude % 10_000)
        if fraction != "0" {
            fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            whole += "." + fraction
        }
        return negative && magnitude != 0 ? "-" + whole : whole
    }

    /// Appends `value` as a JSON string literal (quotes, backslashes and control characters escaped).
    public static func appendQuoted(_ value: String, to out: inout String) {
        out += "\""
        var plainStart = value.unicodeScalars.startIndex
        let scalars = value.unicodeScalars
        var i = scalars.startIndex
        while i != scalars.endIndex {
            let c = scalars[i]
            if c == "\"" || c == "\\" || c.value < 0x20 {
                out.unicodeScalars.append(contentsOf: scalars[plainStart..<i])
                switch c {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                plainStart = scalars.index(after: i)
            }
            i = scalars.index(after: i)
        }
        out.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        out += "\""
    }
}
