import Foundation
import RedFlagCore
@testable import RedFlagMatching
import Testing

/// The fourteenth round's classes (issue 11, items 5 and 10), found on probes written for the round,
/// each paired with a look-alike it must not match: the Arabic article assimilated to a sun letter,
/// a press reading one letter from the listed spelling, and the long vowels an Arabic-script word
/// writes, which a listed Latin word with the same consonants but other vowels lacks.
@Suite("Press transcriptions, fourteenth round")
struct PressTranscriptionRound14Tests {
    static let matcher: Matcher = {
        var entries = MatcherFixture.entries
        func person(_ id: String, _ name: String) -> ListEntry {
            ListEntry(source: .ofacSDN, sourceID: id, list: .sdn, type: .person, name: name, programs: ["TEST"])
        }
        entries.append(person("s1", "AL-DURI, Izzat Ibrahim"))
        entries.append(person("s2", "AL ZAHAR, Mahmoud Khaled"))
        entries.append(person("s3", "BALITSKIY, Yevgeniy"))
        entries.append(person("s4", "SHAWKAT, Assef"))
        entries.append(person("s5", "AL-MAJID, Ali Hasan"))
        entries.append(person("s6", "KARIM, Omid"))
        entries.append(person("s7", "HOSSEINI, Majid"))
        entries.append(person("s8", "BAZILEVSKIY, Andrey"))
        entries.append(person("s9", "WANG, Junzheng"))
        entries.append(person("s10", "LUO, Huining"))
        entries.append(person("s11", "MORTAZAVI, Saeed"))
        return Matcher(index: try! MatchIndex(entries: entries))
    }()

    static func finds(_ query: String, _ id: String) -> Bool {
        let result = matcher.screen(ScreeningQuery(name: query))
        return result.decision != .clear && result.matches.contains { $0.id.hasSuffix(":" + id) }
    }

    @Test("the article written with the sun letter after it is the article: 'ad-Duri' is AL-DURI; 'An' before another word is no article")
    func assimilatedArticle() {
        #expect(ArticleCompounds.sameArticle("az", before: "zahar").contains("al"))
        #expect(ArticleCompounds.sameArticle("ash", before: "shami").contains("al"))
        #expect(ArticleCompounds.sameArticle("al", before: "duri").contains("ad"))   // and the other way round
        #expect(ArticleCompounds.sameArticle("al", before: "duri").contains("el"))
        #expect(ArticleCompounds.sameArticle("an", before: "duri").isEmpty)
        #expect(ArticleCompounds.sameArticle("az", before: "z").isEmpty)                         // too short to be a name
        #expect(Self.finds("Izzat Ibrahim ad-Duri", "s1"))
        #expect(Self.finds("Mahmoud az-Zahar", "s2"))
    }

    @Test("a press reading one letter from the listed spelling is the name; only the press's usual letters are read so")
    func nearReadings() {
        let reads = { (a: String, b: String) in PressOrthographies.readsAs(Array(a.utf8), Array(b.utf8)) }
        #expect(reads("jewgeni", "yevgeniy"))     // German j w, and the list's -iy
        #expect(reads("chaoukat", "shawkat"))     // French ch ou
        #expect(!reads("vasilevskiy", "bazilevskiy"))   // German s may be z, but that is no usual reading
        #expect(!reads("canva", "chava"))         // readings shorter than seven letters are not stretched
        #expect(Self.finds("Jewgeni Balizki", "s3"))
        #expect(Self.finds("Assef Chaoukat", "s4"))
        #expect(!Self.finds("Andrei Vasilevskiy", "s8"))
    }

    @Test("an Arabic-script word's long vowels: a Latin word with its consonants but not its vowels is another name")
    func vowelFrames() throws {
        let frame = { (w: String) in ArabicVowelFrame(word: Array(w.unicodeScalars)) }
        let hosseini = try #require(frame("حسینی"))
        #expect(hosseini.consonants == 3)
        #expect(hosseini.contradicted(by: Array("hasan".utf8)))
        #expect(!hosseini.contradicted(by: Array("hosseini".utf8)))
        #expect(!hosseini.contradicted(by: Array("husaini".utf8)))
        #expect(!hosseini.contradicted(by: Array("hsn".utf8)))            // a skeleton from the list's own Arabic
        #expect(try #require(frame("کریمی")).contradicted(by: Array("karim".utf8)))
        #expect(!(try #require(frame("کریمی")).contradicted(by: Array("karimi".utf8))))
        #expect(try #require(frame("حسين")).contradicted(by: Array("hasan".utf8)))
        #expect(!(try #require(frame("حسين")).contradicted(by: Array("hussein".utf8))))
        #expect(!(try #require(frame("حسين")).contradicted(by: Array("husayn".utf8))))
        #expect(frame("حسن") == nil)        // no vowel letter: nothing to tell
        #expect(frame("سعيد") == nil)       // ayn: Latin spellings keep or drop it
        #expect(frame("موسوی") == nil)      // و before ی is a consonant v as often as a vowel
        #expect(ArabicVowelFrame.frames(origin: "حسين الجسمي", tokens: ["hsyn", "al", "jsmy"])?.articles == [1])
        #expect(ArabicVowelFrame.frames(origin: "حسين الجسمي", tokens: ["hsyn", "aljsmy", "x"]) == nil)
        #expect(ArabicVowelFrame.frames(origin: "زندان", tokens: ["prison"])?.frames == [nil])   // a business word read in English
        #expect(ArabicVowelFrame.frames(origin: "زندان", tokens: ["zndan"])?.frames.first??.consonants == 4)
        #expect(!Self.finds("مجید حسینی", "s5"))
        #expect(!Self.finds("امید کریمی", "s6"))
        #expect(Self.finds("مجید حسینی", "s7"))
    }

    @Test("a Chinese name in Hangul by its Chinese sound is read as pinyin; a Korean name is not")
    func chineseInHangul() {
        #expect(KoreanPinyin.readings("왕쥔정") == ["wang junzheng"])
        #expect(KoreanPinyin.readings("뤄후이닝") == ["luo huining"])
        #expect(KoreanPinyin.readings("자오러지").contains("zhao leji"))   // 자오 is zhao and jiao, 러 le and re
        #expect(KoreanPinyin.readings("김정은").isEmpty)          // 김 is the Korean reading of 金, no Chinese surname
        #expect(KoreanPinyin.readings("왕").isEmpty)              // a surname alone is no name
        #expect(Self.finds("왕쥔정", "s9"))
        #expect(Self.finds("뤄후이닝", "s10"))
    }

    @Test("Persian -وی is -vi: و before a final ی is a consonant, and two letters of an Arabic-script name are two sounds")
    func persianVi() {
        #expect(Transliterator.alternativeReadings("سعید مرتضوی").contains("said mrtzwi"))
        #expect(Transliterator.alternativeReadings("شويغو").contains("shuighu"))     // a foreign oi inside a word stays
        #expect(PhoneticComparison.similarity(query: "mrtzwi", source: .arabic, listed: "mortazavi") >= 0.9)
        #expect(PhoneticComparison.similarity(query: "jwad", source: .arabic, listed: "javad") >= 0.9)
        #expect(PhoneticComparison.similarity(query: "tshymyzwf", source: .arabic, listed: "chemezov") >= 0.85)   // تش writes ch
        #expect(Self.finds("سعید مرتضوی", "s11"))
    }
}
