import Foundation
import RedFlagCore
@testable import RedFlagMatching
import Testing

/// Chinese transcriptions of foreign names read with the sound values of the Xinhua transcription
/// tables (`Lists/names/han-transcription.tsv`), the glide of a diphthong that Chinese drops, and
/// names written in another script that share only a given name with a listed person and have a
/// surname that merely sounds alike. Each mechanism pairs a case it fixes with a look-alike that
/// must not change.
@Suite("Chinese transcription sounds and sound-alike surnames")
struct ChineseTranscriptionTests {
    typealias F = FixtureWithParties
    static let matcher = F.matcher([
        F.person("t1", "Alexander Vasilievich BORTNIKOV"), F.person("t2", "Nikolai Platonovich PATRUSHEV"),
        F.person("t3", "Vyacheslav Victorovich VOLODIN"), F.person("t4", "Ali Husseini KHAMENEI"),
        F.person("t5", "Sergey Sergeevich BRAUN"), F.person("t6", "Ismail HANIYEH"), F.person("t7", "Abdul Ghani BARADAR"),
        F.person("t8", "Sergei Viktorovich LAVROV"), F.person("t9", "Valery Vasilevich GERASIMOV"),
    ])

    static func finds(_ query: String, _ id: String) -> Bool { F.finds(matcher, query, id) }

    @Test("a given name the Chinese press writes by convention reads as that name, only as a whole word")
    func conventionalGivenNames() {
        #expect(Transliterator.romanise("亚历山大·博尔特尼科夫", .transcribedName) == "alexander·bortnikov")
        #expect(Self.finds("亚历山大·博尔特尼科夫", "t1"))
        // Not inside a longer word (亚历山大港, the port of Alexandria), not in the pinyin reading.
        #expect(!Transliterator.romanise("亚历山大港", .transcribedName).contains("alexander"))
        #expect(!Transliterator.romanise("亚历山大·博尔特尼科夫", .foreignName).contains("alexander"))
        // Look-alike: the same given name with another surname.
        #expect(!Self.finds("亚历山大·普希金", "t1"))  // Alexander Pushkin
    }

    @Test("the transcription reading gives Xinhua characters their foreign sounds; the pinyin reading is kept")
    func transcriptionReading() {
        #expect(Transliterator.romanise("博尔特尼科夫", .transcribedName) == "bortnikov")
        #expect(Transliterator.romanise("帕特鲁舍夫", .transcribedName) == "patrushev")
        // A given name written by convention reads as the name (name rows), not syllable by syllable.
        #expect(Transliterator.romanise("维亚切斯拉夫", .transcribedName) == "vyacheslav")
        // The pinyin foreign reading is unchanged, and both are tried.
        #expect(Transliterator.romanise("弗拉基米尔·普京", .foreignName) == "fulajimier·pujing")
        #expect(Transliterator.alternativeReadings("博尔特尼科夫").contains("bortnikov"))
        // Japanese (kana beside kanji) gets no Chinese transcription reading.
        #expect(!Transliterator.alternativeReadings("本田技研工業のトヨタ").contains { $0.contains("khonda") })
        #expect(Self.finds("维亚切斯拉夫·沃洛金", "t3"))
        #expect(Self.finds("阿里·哈梅内伊", "t4"))
        #expect(Self.finds("阿卜杜勒·加尼·巴拉达尔", "t7"))
        // Look-alikes: another surname of the same given name stays apart.
        #expect(!Self.finds("维亚切斯拉夫·莫洛托夫", "t3"))  // Vyacheslav Molotov
        #expect(!Self.finds("阿里·拉里贾尼", "t4"))  // Ali Larijani
    }

    @Test("Chinese drops the glide of a listed diphthong: 尼古拉 is Nikolai, not any name in a")
    func offglide() {
        typealias P = PhoneticComparison
        #expect(P.similarity(query: "nigula", source: .han, listed: "nikolai") >= P.floor)
        #expect(P.similarity(query: "nigula", source: .han, listed: "nikolai") > P.similarity(query: "nigula", source: .kana, listed: "nikolai"))
        // Only the glide i/y is dropped: another second vowel still costs.
        #expect(P.similarity(query: "nigula", source: .han, listed: "nikolau") < P.similarity(query: "nigula", source: .han, listed: "nikolai"))
        #expect(Self.finds("尼古拉·帕特鲁舍夫", "t2"))
        #expect(!Self.finds("尼古拉·普京", "t2"))
    }

    @Test("an abjad's two consonants of one class are two sounds, their vowel unwritten: ולרי is Valery")
    func abjadNeighbours() {
        typealias P = PhoneticComparison
        #expect(P.similarity(query: "vlri", source: .hebrew, listed: "valery") >= P.floor)
        #expect(P.similarity(query: "vlri", source: .hebrew, listed: "valery") > P.similarity(query: "vlri", source: .hebrew, listed: "vali"))
        // Elsewhere two of one class that meet are still one sound (Korean "beulra" for bla).
        #expect(P.similarity(query: "beulladimireu", source: .hangul, listed: "vladimir") >= P.floor)
        #expect(Self.finds("ולרי גרסימוב", "t9"))
        #expect(!Self.finds("ולרי גרגייב", "t9"))  // Valery Gergiev
    }

    @Test("a given name in common and a surname that only sounds alike is no match for a name in Cyrillic or Greek")
    func soundAlikeSurname() {
        // Sergey Brin is not Sergey BRAUN: the given name is shared, the surname only sounds alike.
        #expect(!Self.finds("Сергей Брин", "t5"))
        #expect(!Self.finds("Σεργκέι Μπριν", "t5"))
        // The surname itself, transcribed, still matches; so does a surname alone.
        #expect(Self.finds("Сергей Браун", "t5"))
        #expect(Self.finds("Сергей Лавров", "t8"))
        #expect(Self.finds("伊斯梅尔·哈尼亚", "t6"))
        // Scripts that guess vowels are left to the score: the person's own surname scores as low there.
        #expect(Self.finds("سرگئی لاوروف", "t8"))
        // A Latin name is left to the Latin rules.
        #expect(Self.finds("Sergey Braun", "t5"))
    }
}
