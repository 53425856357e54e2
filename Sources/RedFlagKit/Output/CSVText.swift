/// RFC 4180 field quoting for CSV output, shared by every command that writes CSV.
public enum CSVText {
    /// The field as written: quoted (with doubled quotes) when it holds a comma, quote, CR or LF.
    /// Values are never altered otherwise, so a consumer reads back exactly what was screened.
    public static func field(_ value: String) -> String {
        var needsQuotes = false
        for b in value.utf8 where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One CSV line (with its LF) from `fields`.
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
