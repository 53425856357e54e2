import Foundation
import RedFlagCore

/// A list of name words kept as a data file under `Lists/names/` (with its sources in the file's
/// header), so compliance can read and amend it without touching code.
///
/// Format: one entry per line in any script; `#` starts a comment; blank lines are skipped. Each
/// entry is normalised with the name pipeline (`NameNormalizer.fold` and `tokenize`), so the
/// words compare with the tokens of names exactly as the matcher sees them.
enum NameWordList {
    /// The normalised tokens of every entry of `url`; a line that yields no token is an error
    /// naming the file and line.
    static func load(from url: URL) throws -> Set<String> {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RedFlagError.unreadable(path: url.path, reason: "\(error)")
        }
        return try parse(data, path: url.path)
    }

    /// The words of a list file's bytes; `path` names it in errors. `latinOnly`: the words of the
    /// lines written in Latin letters only.
    static func parse(_ data: Data, path: String, latinOnly: Bool = false) throws -> Set<String> {
        var words = Set<String>()
        try forEachEntry(data, path: path) { tokens, latin in
            if !latinOnly || latin { words.formUnion(tokens) }
        }
        return words
    }

    /// Calls `body` with the normalised tokens of every entry of a list file's bytes and whether
    /// the entry is written in Latin letters. Read as bytes: a list is read at every start, and
    /// an ASCII line (most of them) needs neither Foundation's trimming nor the transliterator.
    static func forEachEntry(_ data: Data, path: String, _ body: (_ tokens: [String], _ latin: Bool) -> Void) throws {
        let bytes = [UInt8](data)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw RedFlagError.badData(path: path, location: nil, message: "not UTF-8 text")
        }
        for (n, raw) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let entry = raw.prefix { $0 != UInt8(ascii: "#") }
            let ascii = entry.allSatisfy { $0 < 0x80 }
            let line = String(decoding: entry, as: UTF8.self)
            if ascii ? entry.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) : line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                continue
            }
            let tokens = NameNormalizer.tokenize(NameNormalizer.fold(line))
            guard !tokens.isEmpty else {
                throw RedFlagError.badData(path: path, location: "line \(n + 1)", message: "'\(line)' holds no letter or digit")
            }
            body(tokens, ascii || !Transliterator.needsTransliteration(line))
        }
    }

    /// `Lists/<relativePath>` loaded once (through `ProjectData`: the built-in copy or the
    /// override folder's). The matcher cannot screen correctly without its name knowledge, so a
    /// missing or malformed file stops the process with the reason (`NameData.fail`).
    static func required(_ relativePath: String, latinOnly: Bool = false) -> Set<String> {
        var words = Set<String>()
        required(relativePath) { tokens, latin in
            if !latinOnly || latin { words.formUnion(tokens) }
        }
        return words
    }

    /// Calls `body` for every entry of the required list `Lists/<relativePath>` (see `forEachEntry`).
    static func required(_ relativePath: String, _ body: (_ tokens: [String], _ latin: Bool) -> Void) {
        do {
            let (data, path) = try ProjectData.contents(relativePath)
            try forEachEntry(data, path: path, body)
        } catch {
            NameData.fail((error as? RedFlagError)?.description ?? "\(error)")
        }
    }
}

/// Endings of patronymics (`Lists/names/patronymic-endings.txt`): "Pavlovich", "Ivanovna",
/// "Vitaljevitj". A word of six letters or more ending so reads as a patronymic.
enum Patronymics {
    static let endings: [String] = NameWordList.required("names/patronymic-endings.txt").sorted()

    /// Whether `word` reads as a patronymic.
    static func contains(_ word: String) -> Bool { word.utf8.count >= 6 && endings.contains { word.hasSuffix($0) } }

    /// The part of an East Slavic name a word of six letters or more reads as by its ending: a
    /// patronymic ("ivanovich", "nikolaevna"), or a surname of the -ov/-ev/-in kind ("ivanov",
    /// "nikolaeva", "putina"); nil for any other word.
    enum Part: Equatable {
        case patronymic, surname

        var other: Part { self == .patronymic ? .surname : .patronymic }
    }

    static func part(_ word: [UInt8]) -> Part? {
        guard word.count >= 6 else { return nil }
        // On bytes: it runs for each listed word a query word of this kind is similar to.
        if endingBytes.contains(where: { word.ends(with: $0) }) { return .patronymic }
        return surnameEndings.contains(where: { word.ends(with: $0) }) ? .surname : nil
    }

    private static let endingBytes: [[UInt8]] = endings.map { Array($0.utf8) }

    /// The endings of East Slavic surnames formed like patronymics, from the same stems.
    private static let surnameEndings: [[UInt8]] = ["ov", "ova", "ev", "eva", "yov", "yova", "in", "ina", "yn", "yna"].map { Array($0.utf8) }
}

/// Titles and honorifics ("President", "Präsident", "Dr.", "Sheikh", "Haji", "General"): weak
/// tokens on both sides, weighed like legal-form words, so a name never fails or matches on a
/// title. From `Lists/names/titles.txt`.
enum NameTitles {
    static let words: Set<String> = table.words

    /// The titles of three letters or fewer written in Latin letters ("adm", "gen", "dr"): abbreviations,
    /// which a word read from an abjad without its vowels may spell by chance ("אדם" adm, Adam); the
    /// lines in Arabic script ("سید" syd) are read as such a word is.
    static let latinAbbreviations: Set<String> = table.latinAbbreviations

    /// Both sets from one reading of the file.
    private static let table: (words: Set<String>, latinAbbreviations: Set<String>) = {
        var words = Set<String>(), short = Set<String>()
        NameWordList.required("names/titles.txt") { tokens, latin in
            words.formUnion(tokens)
            if latin { short.formUnion(tokens.filter { $0.utf8.count <= 3 }) }
        }
        return (words, short)
    }()

    /// Whether `token` is a title word.
    static func contains(_ token: String) -> Bool { words.contains(token) }

    /// Whether token `i` of a query of `count` tokens is read as a title. Titles lead a name; a
    /// title word that closes one and is also a common surname is that surname ("Hayat Shaikh",
    /// "Ali Haji"), not an honorific to pass over; nor is a title word before a chain particle
    /// (`next`: "Haji bin Ali" is Haji, son of Ali), which stands where the child's name stands.
    static func isTitle(_ token: String, at i: Int, of count: Int, next: String? = nil) -> Bool {
        guard words.contains(token), !NameChains.childBefore(next) else { return false }
        return !(i == count - 1 && count >= 2 && CommonNames.contains(token))
    }
}

/// Words that are a title when they lead a name of three tokens or more and a given name anywhere
/// else ("Emir", "Sayyid", "Sultan"): see `Lists/names/leading-titles.txt`.
enum LeadingTitles {
    static let words: Set<String> = NameWordList.required("names/leading-titles.txt")

    /// Whether token `i` of a query of `count` tokens is read as a title: not before a chain
    /// particle (`next`: "Hafiz bin Zulkifli" is Hafiz, son of Zulkifli).
    static func isTitle(_ token: String, at i: Int, of count: Int, next: String? = nil) -> Bool {
        i == 0 && count >= 3 && words.contains(token) && !NameChains.childBefore(next)
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix) }
}
