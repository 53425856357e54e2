/// The one CSV writer of every command: RFC 4180 quoting plus spreadsheet-formula neutralisation.
public enum CSVText {
    /// The field as written.
    ///
    /// A value that begins with `=`, `+`, `-`, `@`, TAB or CR would be run as a formula by a
    /// spreadsheet (`=HYPERLINK(…)` in a listed name or an order id is an attack, OWASP "CSV
    /// injection"): it is prefixed with `'`, which spreadsheets show as text and scripts can strip.
    /// The field is quoted (quotes doubled) when it holds a comma, quote, CR or LF, or was
    /// neutralised. Nothing else is altered.
    public static func field(_ value: String) -> String {
        var needsQuotes = false
        var neutralise = false
        if let first = value.utf8.first {
            switch first {
            case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
                neutralise = true
                needsQuotes = true
            default: break
            }
        }
        if !needsQuotes {
            for b in value.utf8 where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else { return value }
        let body = value.contains("\"") ? value.replacingOccurrences(of: "\"", with: "\"\"") : value
        return "\"" + (neutralise ? "'" : "") + body + "\""
    }

    /// One CSV record: the fields joined by commas, ending in LF.
    public static func row(_ fields: [String]) -> String {
        var out = ""
        for (i, f) in fields.enumerated() {
            if i > 0 { out += "," }
            out += field(f)
        }
        out += "\n"
        return out
    }
}
