import RedFlagCore

/// Thai, Lao, Khmer and Burmese names romanised syllable by syllable, the way the press and the
/// lists write them (RTGS "Thaksin", Khmer "Hun Sen", Burmese "Min Aung Hlaing"), from the tables of
/// `Lists/names/southeast-letters.tsv`.
///
/// ICU's Any-Latin on this platform leaves Khmer and Lao untouched and writes Thai and Burmese letter
/// by letter (ISO 11940 "min x̀xng lāy", "mainnaaunglhaine"), which no listed spelling resembles. These
/// scripts are abugidas: a syllable is an onset consonant (or cluster), vowel signs written around
/// it (Thai เ before it, Burmese ေ after it in storage order), and a closing consonant read with
/// another value than at a syllable's start (Thai ร is n there, Burmese င် makes the rime "in"). So a
/// word is read syllable by syllable: lead vowel, onset with its cluster, the longest rime the table
/// knows, then a closing consonant when no vowel sign follows it. Burmese writes a name without
/// spaces but romanises each syllable as a word ("မင်းအောင်လှိုင်" → "min aung hlaing").
final class SoutheastAsianScripts: Sendable {
    static let shared = SoutheastAsianScripts()

    /// What a killer sign does to the consonant beside it.
    enum Killer: Sendable { case final, stack, silent }

    struct Consonant: Sendable {
        var initial: String
        var final: String
    }

    /// One script's tables.
    struct Script: Sendable {
        var consonants: [Unicode.Scalar: Consonant] = [:]
        var leads: [Unicode.Scalar: String] = [:]
        var signs: [Unicode.Scalar: String] = [:]
        var medials: [Unicode.Scalar: String] = [:]
        var glides: [Unicode.Scalar: String] = [:]
        var killers: [Unicode.Scalar: Killer] = [:]
        /// Rimes (a lead vowel first when one is written) → value, and whether the rime holds its closing consonant.
        var rimes: [[Unicode.Scalar]: (value: String, closed: Bool)] = [:]
        var clusters: [[Unicode.Scalar]: String] = [:]
        var longestRime = 0
        var longestCluster = 0
        var syllablesApart = false
        var inherent = ""
    }

    /// ISO 15924 code → tables.
    let scripts: [String: Script]

    static let codes = ["Thai", "Laoo", "Khmr", "Mymr"]

    init() {
        var scripts: [String: Script] = [:]
        for row in NameData.rows("southeast-letters.tsv") {
            let code = row.field(0)
            guard Self.codes.contains(code) else { NameData.fail("\(row.file):\(row.line): unknown script '\(code)' (expected \(Self.codes.joined(separator: ", ")))") }
            var t = scripts[code] ?? Script()
            let written = Array(row.field(2).unicodeScalars)
            let value = row.field(3) == "-" ? "" : row.field(3)
            func one() -> Unicode.Scalar {
                guard written.count == 1 else { NameData.fail("\(row.file):\(row.line): '\(row.field(2))' must be one character") }
                return written[0]
            }
            switch row.field(1) {
            case "option":
                switch row.field(2) {
                case "syllables": t.syllablesApart = row.field(3) == "yes"
                case "inherent": t.inherent = value
                default: NameData.fail("\(row.file):\(row.line): unknown option '\(row.field(2))'")
                }
            case "consonant":
                let final = row.fields.count > 4 ? (row.field(4) == "-" ? "" : row.field(4)) : value
                t.consonants[one()] = Consonant(initial: value, final: final)
            case "lead": t.leads[one()] = value
            case "sign": t.signs[one()] = value
            case "medial": t.medials[one()] = value
            case "glide": t.glides[one()] = value
            case "killer":
                switch row.field(3) {
                case "final": t.killers[one()] = .final
                case "stack": t.killers[one()] = .stack
                case "silent": t.killers[one()] = .silent
                default: NameData.fail("\(row.file):\(row.line): killer value must be final, stack or silent")
                }
            case "rime", "closed":
                t.rimes[written] = (value, row.field(1) == "closed")
                t.longestRime = max(t.longestRime, written.count)
            case "cluster":
                t.clusters[written] = value
                t.longestCluster = max(t.longestCluster, written.count)
            default: NameData.fail("\(row.file):\(row.line): unknown row kind '\(row.field(1))'")
            }
            scripts[code] = t
        }
        for code in Self.codes where scripts[code] == nil { NameData.fail("names/southeast-letters.tsv: no rows for script \(code)") }
        self.scripts = scripts
    }

    /// Whether `u` is a letter or sign of one of these scripts.
    static func covers(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0xE01...0xE3A, 0xE40...0xE4E, 0xE81...0xEDF, 0x1000...0x103F, 0x1050...0x109D, 0x1780...0x17D3, 0x17DD: return true
        default: return false
        }
    }

    private static func code(_ u: Unicode.Scalar) -> String? {
        switch u.value {
        case 0xE00...0xE7F: return "Thai"
        case 0xE80...0xEFF: return "Laoo"
        case 0x1780...0x17FF: return "Khmr"
        case 0x1000...0x109F: return "Mymr"
        default: return nil
        }
    }

    /// The Latin reading of `run` (letters of these scripts, no spaces). `joined`: a Burmese word's
    /// syllables as one token (how a foreign name transcribed into Burmese reads: "ပူတင်" putin), and
    /// a Thai or Lao word's silent final letter read, its letters silenced (์) and closing letters
    /// with the values they have opening a syllable ("วิกตอร์ โซโลตอฟ" wiktor solotof).
    func romanise(_ run: [Unicode.Scalar], joined: Bool = false) -> String {
        var out: [String] = []
        var start = 0
        while start < run.count {
            let code = Self.code(run[start])
            var end = start + 1
            while end < run.count, Self.code(run[end]) == code { end += 1 }
            if let code, let t = scripts[code] {
                let syllables = word(Array(run[start..<end]), t, joined: joined)
                out.append(t.syllablesApart && !joined ? syllables.joined(separator: " ") : syllables.joined())
            } else {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: run[start..<end])
                out.append(String(view))
            }
            start = end
        }
        return out.joined(separator: " ")
    }

    /// The syllables of one word.
    private func word(_ raw: [Unicode.Scalar], _ t: Script, joined: Bool) -> [String] {
        // Silent marks off; a letter under a silencing killer (Thai ์) goes with it, except in a
        // foreign name's reading (`joined`), where it is the letter of the source spelling ("วิกตอร์"
        // Viktor: Thai does not say the r, the name has it).
        var s: [Unicode.Scalar] = []
        for u in raw {
            if t.killers[u] == .silent {
                if !s.isEmpty && !(joined && !t.syllablesApart) { s.removeLast() }
                continue
            }
            if let v = t.signs[u], v.isEmpty { continue }
            s.append(u)
        }
        let n = s.count
        var syllables: [String] = []
        var i = 0
        func opensSyllable(_ k: Int) -> Bool {
            guard k < n else { return false }
            return t.signs[s[k]] != nil || t.medials[s[k]] != nil || t.killers[s[k]] == .stack || t.killers[s[k]] == .final
                || t.rimes[[s[k]]] != nil && t.consonants[s[k]] == nil
        }
        while i < n {
            var lead: Unicode.Scalar?
            if t.leads[s[i]] != nil {
                lead = s[i]
                i += 1
            }
            guard i < n else {
                syllables.append(t.leads[lead!]!)
                break
            }
            var onset = ""
            var clustered = false
            for length in stride(from: min(t.longestCluster, n - i), through: 2, by: -1) {
                if let c = t.clusters[Array(s[i..<(i + length)])] {
                    onset = c
                    i += length
                    clustered = true
                    break
                }
            }
            if !clustered {
                if let c = t.consonants[s[i]] {
                    onset = c.initial
                    i += 1
                } else if lead == nil {
                    // A stray sign: its own value.
                    syllables.append(t.signs[s[i]] ?? t.medials[s[i]] ?? "")
                    i += 1
                    continue
                }
            }
            while i < n {
                if i + 1 < n, t.killers[s[i]] == .stack, let c = t.consonants[s[i + 1]] {
                    onset += c.initial
                    i += 2
                } else if let m = t.medials[s[i]] {
                    onset = m.hasSuffix("-") ? String(m.dropLast()) + onset : onset + m
                    i += 1
                } else if lead != nil, let g = t.glides[s[i]], i + 1 < n, t.consonants[s[i + 1]] != nil || t.signs[s[i + 1]] != nil,
                          !(g == "l" && onset.last.map { "tdn".contains($0) } == true) {
                    // No syllable opens with a dental and l ("เดลซี" is Del-si, Delcy, not Dle-si).
                    onset += g
                    i += 1
                } else {
                    break
                }
            }
            var vowel = ""
            var closed = false
            var matched = false
            let prefix: [Unicode.Scalar] = lead.map { [$0] } ?? []
            for length in stride(from: min(t.longestRime - prefix.count, n - i), through: 0, by: -1) where length > 0 || lead != nil {
                if let r = t.rimes[prefix + Array(s[i..<(i + length)])] {
                    // A rime ending in a consonant that a sign follows is that consonant's onset ("ว" + "า").
                    if length > 0, t.consonants[s[i + length - 1]] != nil, opensSyllable(i + length) { continue }
                    vowel = r.value
                    closed = r.closed
                    i += length
                    matched = true
                    break
                }
            }
            if !matched {
                if let lead { vowel = t.leads[lead]! }
                while i < n, let v = t.signs[s[i]] {
                    vowel += v
                    i += 1
                }
            }
            var coda = ""
            // A foreign name's closing letters keep their letter values ("โรดริเกซ" Rodriguez: Thai says
            // the closing ด and ซ as t, the name has d and s).
            let closing = { (c: Consonant) in joined && !t.syllablesApart && !c.initial.isEmpty ? c.initial : c.final }
            if !closed, i < n, let c = t.consonants[s[i]] {
                if i + 1 < n, t.killers[s[i + 1]] == .final {
                    coda = closing(c)
                    i += 2
                } else if !t.syllablesApart, !opensSyllable(i + 1), !(vowel.isEmpty && onset.isEmpty) {
                    coda = closing(c)
                    i += 1
                }
            }
            if vowel.isEmpty && coda.isEmpty && !t.syllablesApart && i >= n && !syllables.isEmpty {
                // A lone consonant ending the word after a closed syllable is not read (Thai "วัตร" wat), but
                // names of Pali and Sanskrit origin are often romanised letter by letter ("ชินวัตร" Shinawatra):
                // the joined reading keeps it with an a.
                if joined { syllables.append(onset + "a") }
                break
            }
            if vowel.isEmpty && (!coda.isEmpty || t.syllablesApart) { vowel = t.inherent }
            syllables.append(onset + vowel + coda)
        }
        return syllables.filter { !$0.isEmpty }
    }
}
