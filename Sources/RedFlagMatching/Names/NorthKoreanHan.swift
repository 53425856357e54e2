import RedFlagCore

/// North Korean organisations written in Han characters: the Chinese and Japanese press write
/// their names in the characters Korean writes them with (朝鲜连峰总公司 for 조선련봉총회사, KOREA
/// RYONBONG GENERAL CORPORATION; 高丽航空 for AIR KORYO), so the characters of the distinctive name
/// stand for Korean syllables, and their Mandarin reading ("lianfeng", "gaoli") is no one's. A Han
/// name that names North Korea is also read so: its business words in English
/// (`Han.businessWord`, `BusinessWords`), every other stretch of characters in Korean
/// (`HanNameReadings.koreanSyllable`), romanised as the lists spell North Korean names.
enum NorthKoreanHan {
    /// Words that tie a Han name to North Korea: its names (朝鲜 Chosŏn, 高丽 Koryŏ, simplified and
    /// traditional), 北韩 (North Korea, as Taiwan and Hong Kong write it) and its capital.
    static let markers = ["朝鲜", "朝鮮", "高丽", "高麗", "北韩", "北韓", "平壤"]

    /// How a stretch of Korean syllables is spelt. The lists spell North Korean names three ways:
    /// McCune–Reischauer without its marks, k t p voiced inside a word after a vowel or a voiced
    /// final (KORYO, RYONBONG); the same vowels with g d b throughout, as North Korea writes many
    /// company names (DAESONG); and South Korea's Revised Romanization (GORYEO).
    enum Spelling: CaseIterable {
        case northern, northernVoiced, revised
    }

    /// At most this many alternatives of the business words' English forms are read (each with
    /// every spelling).
    static let alternativesRead = 2

    /// The readings of `name`, or none when it names no North Korean marker and is no business word
    /// beside Chinese words, holds a character with no Korean reading outside its business words,
    /// or nothing but business words.
    static func readings(_ name: String) -> [String] {
        // Without a marker too when the name is a business word beside Chinese words
        // (`Han.writesChineseWords`): the press leaves 朝鲜 out of a bank's name as of any other
        // ("大同信用银行" DAEDONG CREDIT BANK, "端川商业银行" TANCHON COMMERCIAL BANK), and a Chinese
        // company's words read in Korean are exact syllables, which meet no listed word by chance.
        let marked = markers.contains(where: { name.contains($0) })
        guard marked || Han.shared.writesChineseWords(name) else { return [] }
        let scalars = Array(name.unicodeScalars)
        // The name in parts: business words (their English forms), Korean stretches (Hangul syllables), the rest as written.
        enum Part { case english([String]), korean([Unicode.Scalar]), other(String) }
        var parts: [Part] = []
        var k = 0
        let han = Han.shared
        while k < scalars.count {
            guard Transliterator.Kind(scalars[k]) == .han else {
                parts.append(.other(String(scalars[k])))
                k += 1
                continue
            }
            var end = k
            while end < scalars.count, Transliterator.Kind(scalars[end]) == .han { end += 1 }
            let run = scalars[k..<end]
            var pending: [Unicode.Scalar] = []
            var j = k
            while j < end {
                if let (length, english) = han.businessWord(in: run, at: j, afterName: !pending.isEmpty) {
                    if !pending.isEmpty { parts.append(.korean(pending)); pending = [] }
                    let written = String(String.UnicodeScalarView(scalars[j..<(j + length)]))
                    parts.append(.english(BusinessWords.forms(of: written) ?? [english]))
                    j += length
                    continue
                }
                guard let syllable = HanNameReadings.koreanSyllable(scalars[j]) else { return [] }
                pending.append(syllable)
                j += 1
            }
            if !pending.isEmpty { parts.append(.korean(pending)) }
            k = end
        }
        guard parts.contains(where: { if case .korean = $0 { return true } else { return false } }),
              marked || parts.contains(where: { if case .english = $0 { return true } else { return false } }) else { return [] }
        let alternatives = min(alternativesRead, parts.map { if case .english(let forms) = $0 { return forms.count } else { return 1 } }.max() ?? 1)
        var out: [String] = []
        for n in 0..<alternatives {
            for spelling in Spelling.allCases {
                let text = parts.map { part -> String in
                    switch part {
                    case .english(let forms): return " \(forms[min(n, forms.count - 1)]) "
                    case .korean(let syllables): return " \(romanise(syllables, spelling)) "
                    case .other(let s): return s
                    }
                }.joined()
                let reading = text.split(separator: " ").joined(separator: " ")
                if !out.contains(reading) { out.append(reading) }
            }
        }
        return out
    }

    /// Hangul finals after which k t p are voiced in McCune–Reischauer: none (a vowel), ㄴ, ㄹ, ㅁ, ㅇ.
    private static let voicingFinals: Set<Int> = [0, 4, 8, 16, 21]
    /// Initials ㄱ ㄷ ㅂ, which McCune–Reischauer writes k t p and voiced g d b.
    private static let voicedInitials: Set<Int> = [0, 3, 7]

    /// `syllables` as one word, in `spelling`.
    static func romanise(_ syllables: [Unicode.Scalar], _ spelling: Spelling) -> String {
        let northern = Hangul.table, revised = Hangul.revisedTable
        var out = ""
        var previousFinal = -1
        for u in syllables {
            let v = Int(u.value) - 0xAC00
            guard (0..<11_172).contains(v) else { continue }
            let initial = v / (21 * 28), medial = (v / 28) % 21, final = v % 28
            switch spelling {
            case .revised:
                out += revised.initial[initial] + revised.medial[medial] + revised.final[final]
            case .northern, .northernVoiced:
                let voiced = voicedInitials.contains(initial)
                    && (spelling == .northernVoiced || previousFinal >= 0 && voicingFinals.contains(previousFinal))
                out += (voiced ? revised.initial[initial] : northern.initial[initial]) + northern.medial[medial] + northern.final[final]
            }
            previousFinal = final
        }
        return out
    }
}
