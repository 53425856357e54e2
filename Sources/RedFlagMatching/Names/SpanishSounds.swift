/// A listed name of a party from a Spanish-speaking country respelt as Spanish says it, for the
/// comparison by sound with a name written in another script: the press of other scripts writes
/// what it hears, and Spanish j (and g before e or i) is the kh of Russian х, Arabic خ, Chinese h,
/// its opening h is silent, its v a b and its z an s. "Уго Карвахаль" (ugo karvakhal) is Hugo Carvajal,
/// "哈利斯科" (halisike) Jalisco, "خوسيه" (khwsyh) José, "ウゴ" (ugo) Hugo, where the listed spelling
/// read with English letter values ("carvajal" with the j of "John") is a sound off in every j.
///
/// The phonetic comparison already reads the Spanish "qu", "ll" and the c before e or i
/// (`PhoneticComparison.segments`); this respelling is the rest, filed as a second reading of the
/// listed word (`PhoneticIndex`) only for the words that mostly name parties of those countries
/// (`countries`, `leastShare`), so an English "John", or an Arabic "Hassan" on a Spanish resident's
/// entry, keeps its own sounds.
///
/// Source: the Real Academia Española's "Ortografía de la lengua española" (2010), chapter I (the
/// letters j, g, h, v, z and their sounds), and the practical transcriptions of Spanish into Russian
/// (Испанско-русская практическая транскрипция), Chinese (GB/T 17693.6, 外语地名汉字译写导则 西班牙语) and
/// Japanese, which write those sounds so.
enum SpanishSounds {
    /// The countries whose parties' names are read so (ISO 3166-1: Spain, Spanish-speaking America,
    /// Equatorial Guinea).
    static let countries: Set<String> = [
        "ES", "MX", "GT", "HN", "SV", "NI", "CR", "PA", "CU", "DO", "PR", "CO", "VE", "EC", "PE", "BO", "CL", "AR", "PY", "UY", "GQ",
    ]

    /// Whether a list of country codes as the index stores them ("VE,ES") holds one of `countries`.
    static func anySpanish(_ codes: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        while k + 1 < codes.count {
            let code = String(decoding: UnsafeBufferPointer(rebasing: codes[k..<(k + 2)]), as: UTF8.self)
            if (k + 2 == codes.count || codes[k + 2] == 44) && countries.contains(code) { return true }
            // The next code starts after the next comma.
            while k < codes.count && codes[k] != 44 { k += 1 }
            k += 1
        }
        return false
    }

    /// Least share of the parties a listed word names (of those with a country) that must be of
    /// `countries` for the word to be read as Spanish.
    static let leastShare = 0.5

    /// Listed word `w` (folded lower-case letters) as Spanish says it ("carvajal" → "carbakhal",
    /// "hugo" → "ugo", "jalisco" → "khalisco", "guerrero" → "gerrero"), or nil when Spanish says it as
    /// English letter values read it.
    static func respelling(_ w: [UInt8]) -> [UInt8]? {
        guard w.count >= 3, w.allSatisfy({ (97...122).contains($0) }) else { return nil }
        let e: UInt8 = 101, i: UInt8 = 105, g: UInt8 = 103, h: UInt8 = 104, u: UInt8 = 117
        var out: [UInt8] = []
        out.reserveCapacity(w.count + 2)
        var k = 0
        var changed = false
        while k < w.count {
            let c = w[k]
            let next: UInt8? = k + 1 < w.count ? w[k + 1] : nil
            switch c {
            case 106:  // j: the velar fricative
                out += [107, h]
                changed = true
            case g where next == e || next == i:
                out += [107, h]
                changed = true
            case g where next == u && k + 2 < w.count && (w[k + 2] == e || w[k + 2] == i):
                // gue, gui: a hard g, the u silent.
                out.append(g)
                k += 1
                changed = true
            case h where k == 0 && next.map(isVowel) == true:
                // Silent: the h that opens a word ("Hugo", "Horacio", "Hernández"). Inside a word it is as often
                // another language's letter (the kh, sh of an Arabic name, a Basque or English word) as silent.
                changed = true
            case 118:  // v: b
                out.append(98)
                changed = true
            case 122:  // z: s
                out.append(115)
                changed = true
            default:
                out.append(c)
            }
            k += 1
        }
        return changed && out.count >= 2 ? out : nil
    }

    private static func isVowel(_ c: UInt8) -> Bool { c == 97 || c == 101 || c == 105 || c == 111 || c == 117 }
}
