import Foundation
import RedFlagCore
@testable import RedFlagMatching
import Testing

/// The cross-script phonetic comparison: sound segments and keys, the similarity of romanised
/// non-Latin tokens with listed Latin ones per source script, the phonetic index, the foreign-name
/// reading, and the matcher's use of it (non-Latin queries only).
@Suite("Cross-script phonetic comparison")
struct PhoneticComparisonTests {
    typealias P = PhoneticComparison

    @Test("a listed token's key is its consonant classes, h and glides left out, neighbours merged")
    func keys() throws {
        func key(_ s: String) -> String {
            String(P.key(P.segments(Array(s.utf8), source: nil)!).map { P.classNames[Int($0)] })
        }
        #expect(key("vladimir") == "PLTML")
        #expect(key("khamenei") == "MN")
        #expect(key("nasrallah") == "NSL")
        #expect(key("alexander") == "LKSNTL")
        #expect(key("cecil") == "SL")
        #expect(P.segments(Array("t72".utf8), source: nil) == nil)
    }

    @Test("transcriptions of a foreign name score high against its listed spelling, per script",
          arguments: [
              ("beulladimireu", P.Source.hangul, "vladimir"), ("rabeuropeu", .hangul, "lavrov"), ("deripaseuka", .hangul, "deripaska"),
              ("gaseupeurombangkeu", .hangul, "gazprombank"), ("urajimiru", .kana, "vladimir"), ("mohanmado", .kana, "mohammad"),
              ("raburofu", .kana, "lavrov"), ("fulajimier", .han, "vladimir"), ("pujing", .han, "putin"), ("lafuluofu", .han, "lavrov"),
              ("xieergai", .han, "sergei"), ("fladymyr", .arabic, "vladimir"), ("lafruf", .arabic, "lavrov"), ("lvrov", .hebrew, "lavrov"),
              ("yn", .cyrillic, "un"), ("chamenei", .greek, "khamenei"), ("vladimira", .indic, "vladimir"),
          ])
    func transcriptions(query: String, source: P.Source, listed: String) {
        #expect(P.similarity(query: query, source: source, listed: listed) >= P.floor, "\(query) [\(source)] ~ \(listed)")
    }

    @Test("other names that share some consonants stay below the floor",
          arguments: [
              ("baideng", P.Source.han, "putin"), ("maseuku", .hangul, "moscow"), ("merukeru", .kana, "mirko"), ("masuku", .kana, "moscow"),
              ("lavrov", .cyrillic, "lebrun"), ("hamaseu", .hangul, "homs"),
          ])
    func unrelated(query: String, source: P.Source, listed: String) {
        #expect(P.similarity(query: query, source: source, listed: listed) < P.floor, "\(query) [\(source)] ~ \(listed)")
    }

    @Test("the same transcription is judged by its source script's habits")
    func sourceMatters() {
        // Epenthetic eu costs nothing from Hangul; from Cyrillic it is a vowel the listed name lacks.
        #expect(P.similarity(query: "beulladimireu", source: .hangul, listed: "vladimir")
            > P.similarity(query: "beulladimireu", source: .cyrillic, listed: "vladimir"))
        // Pinyin x and q are sibilants ("xie" for se); outside pinyin x is ks.
        #expect(P.similarity(query: "xieergai", source: .han, listed: "sergei") > P.similarity(query: "xieergai", source: .other, listed: "sergei"))
        // Arabic script leaves short vowels unwritten: a missing vowel costs little.
        #expect(P.similarity(query: "lvrv", source: .arabic, listed: "lavrov") > P.similarity(query: "lvrv", source: .kana, listed: "lavrov"))
    }

    @Test("Cyrillic writes voiced and voiceless consonants apart: one for the other is another word")
    func cyrillicVoicing() {
        // "Бош" (Bosch) is no FOZ, "Тесла" no DIJLA: from Cyrillic, b for f and t for d are other letters,
        // while kana and Hangul, which merge some of them, keep the class's low cost.
        #expect(P.similarity(query: "bosh", source: .cyrillic, listed: "foz") < P.similarity(query: "bosh", source: .kana, listed: "foz"))
        #expect(P.similarity(query: "tesla", source: .cyrillic, listed: "dijla") < P.floor)
        // The same name as transcribed keeps its score: "Совкомфлот" sovkomflot ~ SOVCOMFLOT, "Фридман" ~ FRIDMAN.
        #expect(P.similarity(query: "sovkomflot", source: .cyrillic, listed: "sovcomflot") >= 0.95)
        #expect(P.similarity(query: "fridman", source: .cyrillic, listed: "fridman") == 1)
        // Graphemes of several letters too: Cyrillic ш and Arabic ش are no s or z ("Шелл" is no ZEEL,
        // "شل" no SOL), while Hebrew ש writes both and keeps the class's cost.
        #expect(P.similarity(query: "shell", source: .cyrillic, listed: "zeel") < P.floor)
        #expect(P.similarity(query: "shl", source: .arabic, listed: "sol") < P.similarity(query: "shl", source: .hebrew, listed: "sol"))
        #expect(P.similarity(query: "shuygu", source: .arabic, listed: "shoigu") >= P.floor)
    }

    @Test("the source of a name is its dominant non-Latin script; Japanese with Han is kana")
    func sources() {
        #expect(P.Source(name: "ウラジーミル・プーチン") == .kana)
        #expect(P.Source(name: "マーハーン航空") == .kana)
        #expect(P.Source(name: "马汉航空") == .han)
        #expect(P.Source(name: "블라디미르 푸틴") == .hangul)
        #expect(P.Source(name: "Ким Чен Ын") == .cyrillic)
        #expect(P.Source(name: "किम जोंग उन") == .indic)
        #expect(P.Source(name: "វ្ល៉ាឌីមៀ ពូទីន") == .southeast)
        #expect(P.Source(name: "Vladimír Putin") == nil)
    }

    @Test("the foreign-name reading keeps each Hangul and Han word whole")
    func foreignReading() {
        #expect(Transliterator.alternativeReadings("세르게이 라브로프").contains("sereugei rabeuropeu"))
        #expect(Transliterator.romanise("弗拉基米尔·普京", .foreignName) == "fulajimier·pujing")
        #expect(Transliterator.romanise("金正恩", .foreignName) == "jinzhengen")
        // The default readings still split a Korean name into its syllables.
        #expect(Transliterator.toLatin("김정은") == "kim jong un")
    }

    @Test("the phonetic index looks up keys within one edit, short keys only as they are")
    func neighbours() {
        let plml = PhoneticIndex.neighbours([0, 5, 6, 5])
        #expect(plml.contains(PhoneticIndex.pack([0, 5, 6, 5])!))
        #expect(plml.contains(PhoneticIndex.pack([0, 5, 1, 6, 5])!))  // a consonant gained
        #expect(plml.contains(PhoneticIndex.pack([5, 6, 5])!))  // a consonant lost
        #expect(plml.contains(PhoneticIndex.pack([0, 5, 4, 5])!))  // one changed
        #expect(PhoneticIndex.neighbours([4]) == [PhoneticIndex.pack([4])!])
        #expect(!PhoneticIndex.neighbours([4, 2]).contains(PhoneticIndex.pack([4])!))
    }

    static let matcher: Matcher = {
        var entries = MatcherFixture.entries
        func person(_ id: String, _ name: String) -> ListEntry {
            ListEntry(source: .ofacSDN, sourceID: id, list: .ofacSDN, type: .person, name: name, programs: ["RUSSIA-EO14024"])
        }
        entries.append(person("900", "PUTIN, Vladimir Vladimirovich"))
        entries.append(person("901", "LAVROV, Sergei Viktorovich"))
        entries.append(person("902", "DERIPASKA, Oleg Vladimirovich"))
        entries.append(ListEntry(source: .csl, sourceID: "903", list: .entityList, type: .entity, name: "GAZPROMBANK JOINT STOCK COMPANY", programs: ["EAR"]))
        return Matcher(index: try! MatchIndex(entries: entries))
    }()

    @Test("a listed person written as the press writes him in another script is found",
          arguments: ["블라디미르 푸틴", "ウラジーミル・プーチン", "弗拉基米尔·普京", "فلاديمير بوتين", "세르게이 라브로프", "谢尔盖·拉夫罗夫", "סרגיי לברוב",
                      "올레크 데리파스카", "가스프롬방크"])
    func found(query: String) {
        let result = Self.matcher.screen(ScreeningQuery(name: query))
        #expect(result.decision != .clear, "\(query): \(result.matches.map { "\($0.matchedName) \($0.score)" })")
    }

    @Test("debug", .disabled(if: ProcessInfo.processInfo.environment["PHONETIC_DEBUG"] == nil))
    func debug() {
        var c = MatchConfiguration.default
        c.reviewThreshold = 0.3
        let m = Matcher(index: Self.matcher.index, configuration: c)
        for q in (ProcessInfo.processInfo.environment["PHONETIC_DEBUG"] ?? "").split(separator: "|") {
            print(q, Transliterator.toLatin(String(q)), Transliterator.alternativeReadings(String(q)))
            for x in m.screen(ScreeningQuery(name: String(q))).matches { print("   ", x.matchedName, x.score, x.decision) }
        }
    }

    @Test("a Latin query is never compared phonetically")
    func latinUnaffected() {
        // The Hangul name's romanisation typed in Latin letters: "beulladimireu" is no typo of a
        // listed token, and only a name written in Hangul is read with Hangul's habits.
        let latin = Self.matcher.screen(ScreeningQuery(name: "Beulladimireu Putin"))
        let hangul = Self.matcher.screen(ScreeningQuery(name: "블라디미르 푸틴"))
        #expect(latin.decision == .clear, "\(latin.matches.map { "\($0.matchedName) \($0.score)" })")
        #expect(hangul.decision != .clear)
    }

    @Test("non-Latin renderings of unlisted people stay clear",
          arguments: ["乔·拜登", "ジョー・バイデン", "조 바이든", "جو بايدن", "埃隆·马斯克", "イーロン・マスク", "안겔라 메르켈", "Ангела Меркель"])
    func unlistedClear(query: String) {
        let result = Self.matcher.screen(ScreeningQuery(name: query))
        #expect(result.decision == .clear, "\(query): \(result.matches.map { "\($0.matchedName) \($0.score)" })")
    }
}
