/// Tells which writing system a name is in, so aliases keep their original script and the matcher
/// knows when to transliterate.
public enum ScriptDetector {
    /// ISO 15924 code of the dominant non-common script of `s` (`Latn` when only Latin or nothing).
    public static func script(of s: String) -> String {
        // Most names are ASCII: Latin letters or none, `Latn` either way, without counting (every
        // alias of every list is asked, and counting hashed a script code per letter).
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return "Latn" }
        var counts: [String: Int] = [:]
        for u in s.unicodeScalars {
            if let code = script(of: u) { counts[code, default: 0] += 1 }
        }
        return counts.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }?.key ?? "Latn"
    }

    /// The script of one scalar, nil for digits, punctuation and spaces.
    public static func script(of u: Unicode.Scalar) -> String? {
        let v = u.value
        switch v {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: return "Latn"
        case 0x370...0x3FF, 0x1F00...0x1FFF: return "Grek"
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return "Cyrl"
        case 0x530...0x58F: return "Armn"
        case 0x590...0x5FF: return "Hebr"
        case 0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return "Arab"
        case 0x700...0x74F: return "Syrc"
        case 0x780...0x7BF: return "Thaa"
        case 0x900...0x97F: return "Deva"
        case 0x980...0x9FF: return "Beng"
        case 0xA00...0xA7F: return "Guru"
        case 0xA80...0xAFF: return "Gujr"
        case 0xB00...0xB7F: return "Orya"
        case 0xB80...0xBFF: return "Taml"
        case 0xC00...0xC7F: return "Telu"
        case 0xC80...0xCFF: return "Knda"
        case 0xD00...0xD7F: return "Mlym"
        case 0xD80...0xDFF: return "Sinh"
        case 0xE00...0xE7F: return "Thai"
        case 0xE80...0xEFF: return "Laoo"
        case 0xF00...0xFFF: return "Tibt"
        case 0x10A0...0x10FF, 0x1C90...0x1CBF, 0x2D00...0x2D2F: return "Geor"
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: return "Hang"
        case 0x3040...0x309F: return "Hira"
        case 0x30A0...0x30FF: return "Kana"
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return "Hani"
        case 0x1000...0x109F: return "Mymr"
        case 0x1780...0x17FF, 0x19E0...0x19FF: return "Khmr"
        case 0x1800...0x18AF: return "Mong"
        case 0x1200...0x137F: return "Ethi"
        default: return nil
        }
    }
}
