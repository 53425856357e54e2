import Foundation
import RedFlagCore
@testable import RedFlagMatching
import Testing

/// Names written in a script whose usual reading is the wrong one (issue 11, item 10): business
/// words translated in company names, Han-written Korean and Japanese names, and the sounds other
/// scripts give a listed j, qu or kh. Each mechanism is paired with a look-alike it must not match.
@Suite("Other-language readings of non-Latin names")
struct OtherLanguageReadingsTests {
    static let matcher: Matcher = {
        var entries = MatcherFixture.entries
        func person(_ id: String, _ name: String) -> ListEntry {
            ListEntry(source: .eu, sourceID: id, list: .eu, type: .person, name: name, programs: ["TEST"])
        }
        entries.append(ListEntry(source: .csl, sourceID: "o1", list: .entityList, type: .entity, name: "MAHAN AIR", programs: ["EAR"]))
        entries.append(person("o2", "KIM Jong Un"))
        entries.append(person("o3", "YAMADA Taro"))
        entries.append(person("o4", "Joaquin GUZMAN"))
        entries.append(person("o5", "Oleg DERIPASKA"))
        entries.append(person("o6", "Amen Ahmed ALI"))
        entries.append(person("o7", "CHOE Ryong Hae"))
        entries.append(person("o8", "Vyacheslav VOLODIN"))
        entries.append(person("o9", "Tareck EL AISSAMI"))
        entries.append(person("o10", "Ismail HANIYA"))
        entries.append(person("o11", "Yahya SINWAR"))
        return Matcher(index: try! MatchIndex(entries: entries))
    }()

    static func finds(_ query: String, _ id: String) -> Bool {
        let result = matcher.screen(ScreeningQuery(name: query))
        return result.decision != .clear && result.matches.contains { $0.id.hasSuffix(":" + id) }
    }

    @Test("a business word in another language reads as its English form; the distinctive name must still match",
          arguments: ["طيران ماهان", "هواپیمایی ماهان", "마한 항공", "马汉航空", "マーハーン航空", "Махан Эйр"])
    func businessWords(_ query: String) {
        #expect(Self.finds(query, "o1"), "\(query) → \(BusinessWords.readings(query))")
    }

    @Test("business words: another distinctive name, or a business word alone, finds nothing")
    func businessWordLookAlikes() {
        #expect(!Self.finds("طيران ماهر", "o1"))  // Maher Air
        #expect(!Self.finds("大韩航空", "o1"))  // Korean Air in Chinese
        #expect(BusinessWords.readings("طيران").isEmpty)
        #expect(BusinessWords.readings("ماهان").isEmpty)
        #expect(BusinessWords.readings("马汉航空") == ["马汉 Air", "马汉 Aviation", "马汉 Airlines", "马汉 Aeronautical", "马汉 Aero"])
        #expect(BusinessWords.readings("마한항공").first == "마한 Air")
    }

    @Test("a Han-written Korean name is read in Korean, a Japanese one in Japanese")
    func hanNames() {
        #expect(HanNameReadings.korean("金正恩").contains("kim jong un"))
        #expect(Self.finds("金正恩", "o2"))
        #expect(Self.finds("山田太郎", "o3"))
        #expect(Self.finds("山田 太郎", "o3"))
        // Look-alikes: another given name of the same surname; a Japanese reading needs both parts listed.
        #expect(!Self.finds("山田花子", "o3"))
        #expect(HanNameReadings.japanese("山田花子") { $0 == "yamada" }.isEmpty)
        #expect(HanNameReadings.korean("金正恩的公司").isEmpty)
    }

    @Test("a Korean name in simplified characters is read as its traditional form")
    func simplifiedKoreanNames() {
        // 龙 is the simplified form of 龍 (Korean 룡/용): Unihan gives only the traditional one a Korean reading.
        #expect(HanNameReadings.korean("崔龍海").contains("choe ryong hae"))
        #expect(HanNameReadings.korean("崔龙海").contains("choe ryong hae"))
        #expect(Self.finds("崔龙海", "o7"))
        // Look-alike: another given name of the same surname.
        #expect(!Self.finds("崔龙飞", "o7"))
    }

    @Test("a Korean name in Russian Cyrillic is read as Korean; Russian names keep their reading")
    func koreanNamesInCyrillic() {
        #expect(KoreanCyrillic.reading("Чхве Рён Хэ") == "choe ryon hae")
        #expect(KoreanCyrillic.reading("Ким Чен Ын") == "kim jen un")
        #expect(KoreanCyrillic.reading("Ким Ё Чжон") == "kim yo jon")
        #expect(KoreanCyrillic.reading("Ким Ирсен") == "kim ilsen")
        #expect(Self.finds("Чхве Рён Хэ", "o7"))
        // Not the shape of a Korean name: Russian names, a first word of two syllables, too many syllables.
        for name in ["Владимир Путин", "Сергей Иванов", "Анна Ли", "Олег", "Ким Чен Ын Сон Ман"] {
            #expect(KoreanCyrillic.reading(name) == nil, "\(name)")
        }
        // Look-alike: another given name of the same surname.
        #expect(!Self.finds("Чхве Сон Ми", "o7"))
    }

    @Test("small kana combine with the syllable before them; the Arabic article in kana is el or al")
    func smallKanaAndArticle() {
        #expect(Transliterator.combiningSmallKana("vu~yachesurafu") == "vyachesurafu")
        #expect(Transliterator.combiningSmallKana("vu~orōjin") == "vorōjin")
        #expect(Transliterator.combiningSmallKana("do~u") == "du")
        #expect(Transliterator.combiningSmallKana("u~a") == "wa")  // no consonant before: the bare u is the glide w
        #expect(!Transliterator.toLatin("ヴャチェスラフ・ヴォロージン").contains("vu"))
        #expect(Self.finds("ヴャチェスラフ・ヴォロージン", "o8"))
        #expect(Transliterator.toLatin("タレク・エル・アイサミ").split(whereSeparator: { !$0.isLetter }).contains("el"))
        #expect(Self.finds("タレク・エル・アイサミ", "o9"))
        // Look-alikes: another surname after the same given name; エル inside a word stays eru.
        #expect(!Self.finds("ヴャチェスラフ・ヴォロノフ", "o8"))
        #expect(Transliterator.toLatin("エルダル").hasPrefix("eru"))
    }

    @Test("the Arabic ending ية reads -iya: the ya is both the long i and the y")
    func arabicIyaEnding() {
        #expect(Transliterator.toLatin("هنية") == "hniya")
        #expect(Transliterator.alternativeReadings("الإسلامية").contains { $0.hasSuffix("islamiya") })
        #expect(Self.finds("إسماعيل هنية", "o10"))
        // A consonant skeleton stays one; a ya not before the final ta marbuta stays a vowel.
        #expect(Transliterator.toLatin("الإسلامية") == "al islm")
        #expect(!Transliterator.toLatin("هنيد").contains("iy"))
        // Look-alike: another surname after the same given name.
        #expect(!Self.finds("إسماعيل هلال", "o10"))
    }

    @Test("an Arabic consonant skeleton keeps a vowel letter between two of the same consonant: two r, not one doubled")
    func arabicRepeatedConsonant() {
        #expect(Transliterator.toLatin("تحرير") == "thrir")
        #expect(Transliterator.toLatin("حيدر") == "hdr")
    }

    @Test("a name of h and glides alone (Yahya) is compared by sound too")
    func weakConsonantNames() {
        typealias P = PhoneticComparison
        #expect(P.similarity(query: "yaheuya", source: .hangul, listed: "yahya") >= P.floor)
        #expect(Self.finds("야흐야 신와르", "o11"))
        #expect(Self.finds("叶海亚·辛瓦尔", "o11"))
        // Look-alikes: another given name of h and glides, or a strong consonant more; another surname.
        #expect(P.similarity(query: "yaheuya", source: .hangul, listed: "hawa") < P.floor)
        #expect(P.similarity(query: "yaheuya", source: .hangul, listed: "yahyam") < P.floor)
        #expect(!Self.finds("야흐야 카말", "o11"))
    }

    @Test("a listed j may be h or y, a listed qu is k; a lost kh is a lost consonant")
    func listedLetters() {
        typealias P = PhoneticComparison
        #expect(P.similarity(query: "khoakin", source: .cyrillic, listed: "joaquin") >= P.floor)
        #expect(P.similarity(query: "hoakin", source: .kana, listed: "joaquin") >= P.floor)
        #expect(Self.finds("Хоакин Гусман", "o4"))
        #expect(Self.finds("ホアキン・グスマン", "o4"))
        // Arabic أو is one vowel (Oleg), not a + u.
        #expect(Transliterator.romanise("أوليغ", .foreignName) == "uligh")
        #expect(Self.finds("أوليغ ديريباسكا", "o5"))
        // Look-alikes: kh is a consonant every script writes; Khamenei is not "Amen".
        #expect(P.similarity(query: "khmn", source: .arabic, listed: "amen") < P.floor)
        #expect(!Self.finds("علي خامنئي", "o6"))
        #expect(P.similarity(query: "khoakin", source: .cyrillic, listed: "joakim") < P.floor)
    }

    @Test("letters other scripts use for foreign sounds: Hebrew geresh, Greek γι, kana ン before a vowel")
    func foreignSounds() {
        #expect(Transliterator.romanise("ג'ונג", .foreignName) == "jong")
        #expect(Transliterator.romanise("גונג", .foreignName) == "gong")  // no geresh: a g
        #expect(Transliterator.romanise("Γιονγκ", .foreignName) == "yong")
        #expect(Transliterator.romanise("Γκ", .foreignName) == "g")
        #expect(Transliterator.alternativeReadings("キム・ジョンウン").contains { $0.contains("jon un") })
        #expect(Self.finds("キム・ジョンウン", "o2"))
        #expect(Self.finds("קים ג'ונג און", "o2"))
        #expect(Self.finds("Κιμ Γιονγκ Ουν", "o2"))
    }
}
