/// Writes a string as a JSON string literal into UTF-8 bytes, for the hand-written JSON writers
/// (store entries, check records, screening records) that must be fast and byte-stable.
public enum JSONStringLiteral {
    /// How control characters other than tab, newline and carriage return are written.
    public enum ControlStyle: Sendable {
        /// `\b` and `\f` by name, like Foundation's `JSONEncoder` (what stored files and check
        /// records were first written with, so they stay byte-identical).
        case namedLikeJSONEncoder
        /// Every other control character as `\u00xx` (the screening output's original form).
        case unicodeEscapes
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `"value"`: `"` and `\` escaped, control characters escaped per `style`, everything
    /// else (slashes, DEL, non-ASCII) as its UTF-8 bytes.
    public static func append(_ value: String, to out: inout [UInt8], style: ControlStyle) {
        out.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var plainStart = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                guard b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<i]))
                plainStart = i + 1
                out.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08 where style == .namedLikeJSONEncoder: out.append(UInt8(ascii: "b"))
                case 0x0C where style == .namedLikeJSONEncoder: out.append(UInt8(ascii: "f"))
                default:
                    out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<utf8.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
