import Foundation
import RedFlagCore
@testable import RedFlagMatching
import Testing

/// The twenty-second round's classes (issue 11, item 10), found on probes written for the round, each
/// paired with the true match it must keep: an organisation named in business words only, three
/// or more, is read in English; a place adjective's forms beside every business word's; Arabic ث as s;
/// letters a script writes apart (Persian ژ and س, Cyrillic х and к, Indic ज़ and स) kept apart; an Arabic word
/// opening with an alif opens with a vowel in Latin letters too; a Myanmar name in any script read as its syllables.
@Suite("Twenty-second round")
struct Round22Tests {
    static let entries: [ListEntry] = {
        var entries = MatcherFixture.entries
        func person(_ id: String, _ name: String, country: String? = nil) -> ListEntry { FixtureWithParties.sdnPerson(id, name, country: country) }
        let entity = FixtureWithParties.sdnEntity
        entries.append(entity("v5", "DEFENSE INDUSTRIES SYSTEM"))
        entries.append(entity("v6", "KRONSTADT MARINE PLANT"))
        entries.append(person("v7", "WASIQ, Abdul Haq", country: "AF"))
        entries.append(person("v8", "ASSIRI, Ahmed", country: "SA"))
        entries.append(person("v9", "ZAHIR, Ahmad", country: "AF"))
        entries.append(person("v10", "ZAKKUR, Abu-Ahmad", country: "SY"))
        entries.append(person("v11", "AHMAD, Firas", country: "SY"))
        entries.append(person("v12", "HAMAD, Zuhair", country: "SY"))
        entries.append(person("v13", "BRAHIM, Ahmed", country: "DZ"))
        entries.append(person("v14", "KYAW, Maung Maung", country: "MM"))
        entries.append(person("v15", "MIN AUNG HLAING", country: "MM"))
        entries.append(person("v16", "WIN, Soe", country: "MM"))
        return entries
    }()
    static let matcher = Matcher(index: try! MatchIndex(entries: entries))

    static func finds(_ query: String, _ id: String) -> Bool { FixtureWithParties.finds(matcher, query, id) }

    @Test("three business words or more name an organisation and are read in English; one or two are not")
    func businessWordsAlone() {
        #expect(!BusinessWords.readings("Система оборонной промышленности").isEmpty)
        #expect(BusinessWords.readings("Оборонная промышленность").isEmpty)
        #expect(Self.finds("Система оборонной промышленности", "v5"))
        #expect(Self.finds("System of Defense Industries", "v5"))
    }

    @Test("a place adjective's forms are each read beside every alternative of the business words")
    func placeFormsBesideEveryAlternative() {
        let readings = BusinessWords.readings("Кронштадтский морской завод")
        #expect(readings.contains("кронштадт Marine Plant"), "\(readings)")
        #expect(Self.finds("Кронштадтский морской завод", "v6"))
    }

    @Test("Arabic th is also written s: Wathiq is Wasiq")
    func thWrittenS() {
        #expect(RomanisationSwaps.respellings(Array("wathiq".utf8)).contains(Array("wasiq".utf8)))
        #expect(Self.finds("Abdul Haq Wathiq", "v7"))
    }

    @Test("letters a script writes apart stay apart: Persian zh and s, Cyrillic kh and k, Indic z and s")
    func lettersWrittenApart() {
        #expect(!Self.finds("احمد ظاهر", "v8"))
        #expect(Self.finds("احمد ظاهر", "v9"))
        #expect(!Self.finds("Ахмад Захир", "v10"))
        #expect(Self.finds("Ахмад Заккур", "v10"))
        #expect(!Self.finds("अहमद फ़राज़", "v11"))
        #expect(Self.finds("अहमद फ़िरास", "v11"))
    }

    @Test("an Arabic word opening with an alif opens with a vowel in Latin letters, or drops it before two consonants")
    func openingAlif() throws {
        let ahmad = try #require(ArabicVowelFrame(word: Array("احمد".unicodeScalars)))
        #expect(ahmad.opensWithVowel)
        #expect(ahmad.contradicted(by: Array("hamad".utf8)))
        #expect(!ahmad.contradicted(by: Array("ahmad".utf8)))
        #expect(!ahmad.contradicted(by: Array("ahmed".utf8)))
        let ibrahim = try #require(ArabicVowelFrame(word: Array("إبراهيم".unicodeScalars)))
        #expect(!ibrahim.contradicted(by: Array("brahim".utf8)))
        #expect(!ibrahim.contradicted(by: Array("ebrahim".utf8)))
        // ظاهر romanised "zhr": z and h are two letters, the frame holds (and contradicts Zuhair).
        let zahir = try #require(ArabicVowelFrame.frames(origin: "ظاهر", tokens: ["zhr"])?.frames.first ?? nil)
        #expect(zahir.contradicted(by: Array("zuhair".utf8)))
        #expect(!zahir.contradicted(by: Array("zahir".utf8)))
        #expect(!Self.finds("احمد ظاهر", "v12"))
        #expect(Self.finds("إبراهيم احمد", "v13"))
    }

    @Test("a Myanmar name written by sound in another script is read as the syllables the lists write")
    func burmeseSyllables() {
        #expect(BurmeseNames.readings("Маун Маун Чжо").contains("maung maung kyaw"))
        #expect(BurmeseNames.readings("ミン・アウン・フライン").contains("min aung hlaing"))
        #expect(BurmeseNames.readings("Сергей Петров").isEmpty)
        #expect(BurmeseNames.readings("林丹").isEmpty)          // two Han characters: a Chinese name as often
        #expect(BurmeseNames.readings("У Тан").isEmpty)        // U is an honorific: one syllable left
        #expect(Self.finds("Маун Маун Чжо", "v14"))
        #expect(Self.finds("หม่อง หม่อง จ่อ", "v14"))
        #expect(Self.finds("ミン・アウン・フライン", "v15"))
        #expect(!Self.finds("Маун Маун Тун", "v14"))
        // In Burmese script itself, the syllables written without spaces.
        #expect(BurmeseNames.readings("မင်းအောင်လှိုင်").contains("min aung hlaing"))
        #expect(Self.finds("မင်းအောင်လှိုင်", "v15"))
        #expect(Self.finds("စိုးဝင်း", "v16"))
    }
}
