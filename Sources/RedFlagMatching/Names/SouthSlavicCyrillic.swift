import RedFlagCore

/// A Serbian, Croatian, Bosnian or Montenegrin name written in Russian or Ukrainian Cyrillic
/// ("Желька Цвиянович", "Горан Хаджич"), read back into the Latin letters of those languages
/// with their diacritics dropped, as the lists write such names (CVIJANOVIC, Zeljka: the
/// Latin Željka Cvijanović folded).
///
/// Read with Russian letter values such a name gets the sounds of the diacritics ("zhelka
/// tsviyanovich"), three or four letters from the listed form in every word; the
/// folded Latin writes ž, č, ć, š as z, c, c, s, and ц as c, й as j, ль as lj. The reading is
/// made only for a name with a word ending in -ич (-ić: the surname ending of those languages,
/// which Russian writes so; Ukrainian also -іч) or in the Macedonian -ски, -ска (-ski, -ska, which
/// Russian writes -ский, -ская), never for a Russian patronymic (the middle word of three, or a word
/// built on a known given name: "Владимирович"), and is
/// one more reading beside the Russian one, compared by sound like it, that finds only parties of
/// those countries (`countries`).
enum SouthSlavicCyrillic {
    /// The countries whose parties the reading is for (ISO 3166-1, with the withdrawn codes of
    /// Yugoslavia and Serbia and Montenegro old records carry).
    static let countries: Set<String> = ["RS", "BA", "HR", "ME", "MK", "XK", "SI", "YU", "CS"]

    /// Whether match `m` is a party the reading is for: one of `countries`, or one the lists give no
    /// country whose listed name carries the surname endings of those languages as the lists fold
    /// them (-ic, -ski, -ska: "STANISIC, Jovica"). A party of no stated country is anyone's; its
    /// name's ending says whose.
    static func isParty(_ m: ScreeningMatch) -> Bool {
        if m.countries.contains(where: countries.contains) { return true }
        guard m.countries.isEmpty else { return false }
        return NameNormalizer.normalize(m.matchedName).tokens.contains { word in
            (word.utf8.count >= 4 && word.hasSuffix("ic")) || (word.utf8.count >= 5 && (word.hasSuffix("ski") || word.hasSuffix("ska")))
        }
    }

    /// Letters read one for one (lower case); the rest of the Russian, Ukrainian and Serbian
    /// Cyrillic letters are in `read`.
    private static let letters: [Unicode.Scalar: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "z", "з": "z", "и": "i", "й": "j",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c", "ш": "s", "щ": "sc", "ы": "i", "э": "e",
        "ю": "ju", "я": "ja", "ё": "jo", "і": "i", "ї": "ji", "є": "je", "ґ": "g",
        "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "ђ": "dj", "џ": "dz", "ќ": "kj", "ѓ": "gj", "ѕ": "dz",
    ]
    private static let vowels: Set<Unicode.Scalar> = ["а", "е", "ё", "и", "о", "у", "ы", "э", "ю", "я", "і", "ї", "є"]

    /// The folded Latin reading of `name` ("Желька Цвиянович" → "zeljka cvijanovic"), or nil when
    /// it is not written in Cyrillic alone, or no word but a patronymic ends in -ич / -ић.
    static func reading(_ name: String) -> String? {
        let words = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "," })
        guard (2...4).contains(words.count) else { return nil }
        let surname = words.indices.contains { i in
            // -ски, -ска without the й of a Russian -ский: the Macedonian surname ending ("Бошкоски" Boškoski).
            if words[i].count >= 5 && (words[i].hasSuffix("ски") || words[i].hasSuffix("ска")) { return true }
            // -іч: the Ukrainian spelling of -ić ("Сарайліч" Sarajlić).
            guard words[i].hasSuffix("ич") || words[i].hasSuffix("ић") || words[i].hasSuffix("іч") else { return false }
            // The middle word of three is a Russian patronymic ("Иван Петрович Сидоров"), and so is a word built
            // on a known given name anywhere ("Дмитрий Владимирович", a Russian form of address).
            guard !(words.count == 3 && i == 1) else { return false }
            return PatronymicVariants.fathers(of: Array(Transliterator.toLatin(String(words[i])).utf8)) == nil
        }
        guard surname else { return nil }
        var out: [String] = []
        for word in words {
            guard let latin = read(Array(word.unicodeScalars)) else { return nil }
            out.append(latin)
        }
        return out.joined(separator: " ")
    }

    /// One word's folded Latin letters, nil when it holds a letter of another script.
    private static func read(_ w: [Unicode.Scalar]) -> String? {
        var out = ""
        var i = 0
        while i < w.count {
            let c = w[i]
            let next: Unicode.Scalar? = i + 1 < w.count ? w[i + 1] : nil
            switch c {
            case "-", "'", "’":
                out.unicodeScalars.append(c)
            case "д" where next == "ж":
                out += "dz"
                i += 1
            case "л" where next == "ь", "н" where next == "ь":
                // ль, нь: the lj, nj of Ljubo, Njegoš.
                out += c == "л" ? "lj" : "nj"
                i += 1
            case "ь", "ъ":
                break
            case "е":
                // Russian writes je as е at the start of a word and after a vowel ("Драгоевич" Dragojević).
                out += i == 0 || vowels.contains(w[i - 1]) ? "je" : "e"
            default:
                guard let latin = letters[c] else { return nil }
                out += latin
            }
            i += 1
        }
        return out
    }
}
