import Foundation
import RedFlagCore
@testable import RedFlagMatching
import Testing

/// The eighteenth round's classes (issue 11, items 5, 6, 9 and 10), found on probes written for the
/// round, each paired with the true match it must keep: a compound given name's parts the other way
/// round, an unvowelled h, an English r closing a syllable, the kind words of organisations, the
/// Polish and Czech press spellings, the given-name table's new groups, a glide written as a vowel,
/// and a name in another script matched on given names alone.
@Suite("Eighteenth round")
struct Round18Tests {
    static let entries: [ListEntry] = {
        var entries = MatcherFixture.entries
        func person(_ id: String, _ name: String) -> ListEntry {
            ListEntry(source: .ofacSDN, sourceID: id, list: .sdn, type: .person, name: name, programs: ["TEST"])
        }
        entries.append(person("r1", "RADAN, Ahmad-Reza"))
        entries.append(person("r2", "CH'OE, So'k-min"))
        entries.append(ListEntry(source: .eu, sourceID: "r3", list: .eu, type: .person, name: "So’k Min Ch’oe", programs: ["TEST"]))
        entries.append(person("r4", "KIL, Jong Hun"))
        entries.append(person("r5", "OMIDI, Reza"))
        entries.append(person("r6", "MUGABE, Robert Gabriel"))
        entries.append(ListEntry(source: .ofacSDN, sourceID: "r7", list: .sdn, type: .entity, name: "BELTRAN LEYVA ORGANIZATION", programs: ["TEST"]))
        entries.append(person("r8", "PLOTNITSKY, Igor Venediktovich"))
        entries.append(person("r9", "MIZULINA, Yelena"))
        entries.append(person("r10", "UDIN, Mohamad Rafi"))
        entries.append(person("r11", "IBRAHIM, Dawood"))
        entries.append(person("r12", "ZAITSEV, Vladimir Egorovich"))
        entries.append(person("r13", "ALAVI, Mahmoud"))
        entries.append(person("r14", "KARADZIC, Radovan"))
        entries.append(person("r15", "NKUNDA, Laurent"))
        entries.append(ListEntry(source: .ofacSDN, sourceID: "r16", list: .sdn, type: .entity, name: "KALASHNIKOV CONCERN", programs: ["TEST"]))
        return entries
    }()
    static let matcher = Matcher(index: try! MatchIndex(entries: entries))

    static func finds(_ query: String, _ id: String) -> Bool {
        let result = matcher.screen(ScreeningQuery(name: query))
        return result.decision != .clear && result.matches.contains { $0.id.hasSuffix(":" + id) && $0.decision != .clear }
    }

    @Test("a compound given name's parts the other way round are another name")
    func reversedParts() {
        #expect(!Self.finds("Reza Ahmad Radan", "r1"))
        #expect(Self.finds("Ahmad Reza Radan", "r1"))
        #expect(Self.finds("Ahmad-Reza Radan", "r1"))
        #expect(!Self.finds("Choe Min Sik", "r2"))
        #expect(!Self.finds("Чхве Мин Сик", "r2"))
        #expect(!Self.finds("최민식", "r3"))
        #expect(Self.finds("Choe Sok Min", "r2"))
        #expect(Self.finds("Sok Min Choe", "r3"))
        // The same syllables merely swapped, none spelt otherwise: a slip as often, for a person to weigh.
        #expect(Self.finds("Kil Hun Jong", "r4"))
        #expect(Self.finds("Jong Hun Kil", "r4"))
    }

    @Test("an unvowelled h inside a word is a letter, not a silent Latin h")
    func abjadH() {
        #expect(!Self.finds("ریز احمد", "r5"))
        #expect(Self.finds("رضا امیدی", "r5"))
        let similarity = TokenSimilarity.similarity("ahmd", "omidi")
        #expect(similarity < 0.8)
        #expect(TokenSimilarity.similarity("mhmd", "muhammad") >= 0.8)
    }

    @Test("han, kana and Hangul drop an English r that closes a syllable")
    func codaR() {
        #expect(Self.finds("ロバート・ムガベ", "r6"))
        #expect(Self.finds("로버트 무가베", "r6"))
        #expect(PhoneticComparison.similarity(query: "robato", source: .kana, listed: "robert") >= PhoneticComparison.floor)
        // Only a syllable's closing r: one before a vowel is sounded.
        #expect(PhoneticComparison.similarity(query: "robeto", source: .kana, listed: "roreto") < PhoneticComparison.floor)
    }

    @Test("organization and cartel say what kind of body, as a legal form does")
    func kindWords() {
        #expect(Self.finds("Beltrán Leyva Cartel", "r7"))
        #expect(Self.finds("Beltrán-Leyva-Kartell", "r7"))
        #expect(Self.finds("Beltran Leyva Organisation", "r7"))
        #expect(!Self.finds("Leyva Cartel", "r7"))
    }

    @Test("Polish -cki and Czech -ova read as the lists' Russian spellings")
    func pressSpellings() {
        #expect(Self.finds("Igor Płotnicki", "r8"))
        #expect(Self.finds("Jelena Mizulinová", "r9"))
        #expect(!Self.finds("Jelena Mizulinski", "r9"))
    }

    @Test("two common given names without the listed family name are a namesake, in any script")
    func givenNamesOnly() {
        #expect(GivenNames.isKnown("rafi") && GivenNames.areVariants("muhannad", "mohannad"))
        #expect(!Self.finds("Mohammed Rafi", "r10"))
        #expect(!Self.finds("Мохаммед Рафи", "r10"))
        #expect(Self.finds("Mohammed Rafi Udin", "r10"))
        #expect(!Self.finds("Владимир Егорович", "r12"))
        #expect(Self.finds("Владимир Зайцев", "r12"))
    }

    @Test("two vowels in a row read a listed vowel, w and vowel")
    func glideAsVowel() {
        #expect(Self.finds("দাউদ ইব্রাহিম", "r11"))
        #expect(Self.finds("Дауд Ибрагим", "r11"))
        #expect(PhoneticComparison.similarity(query: "daud", source: .indic, listed: "dawood") >= PhoneticComparison.floor)
        // Not a listed y: "Seyed" (سید) is no "Saeed" (سعید).
        #expect(PhoneticComparison.similarity(query: "said", source: .arabic, listed: "seyed") < PhoneticComparison.floor)
    }

    @Test("an Arabic or Hebrew w is also the v of a Persian name")
    func wAsV() {
        #expect(Self.finds("محمود علوی", "r13"))
        #expect(Self.finds("محمود علوي", "r13"))
    }

    @Test("a listed final c after i is also the ch of a South Slavic surname; a French final t after n is silent")
    func slavicAndFrenchEndings() {
        #expect(Self.finds("ラドヴァン・カラジッチ", "r14"))
        #expect(Self.finds("Радован Караджич", "r14"))
        #expect(Self.finds("Лоран Нкунда", "r15"))
        #expect(Self.finds("ローラン・ンクンダ", "r15"))
        #expect(PhoneticComparison.similarity(query: "karadzhich", source: .cyrillic, listed: "karadzic") >= PhoneticComparison.floor)
        #expect(PhoneticComparison.similarity(query: "loran", source: .cyrillic, listed: "laurent") >= PhoneticComparison.floor)
        // Only after n: a final t after another letter is sounded.
        #expect(PhoneticComparison.similarity(query: "lores", source: .cyrillic, listed: "laurest") < PhoneticComparison.floor)
    }

    @Test("concern and cartel are kind words; a one-word name finds the listed name of that word and a kind word")
    func concern() {
        #expect(Self.finds("Kalashnikov", "r16"))
        #expect(Self.finds("كلاشنيكوف", "r16"))
        #expect(Self.finds("Konzern Kalaschnikow", "r16"))
    }
}
