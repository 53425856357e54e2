import Foundation
import RedFlagCore
@testable import RedFlagMatching
import Testing

/// Thai, Lao, Khmer and Burmese names (issue 11, item 10): read syllable by syllable from
/// `Lists/names/southeast-letters.tsv`, where ICU leaves Khmer and Lao as they are and writes Thai and
/// Burmese letter by letter. Each reading is paired with a look-alike that must not match.
@Suite("Southeast Asian scripts")
struct SoutheastAsianScriptsTests {
    typealias F = FixtureWithParties
    static let matcher = F.matcher([
        F.person("s1", "Min Aung HLAING"), F.person("s2", "HUN Sen"), F.person("s3", "Thaksin SHINAWATRA"),
        F.person("s4", "Vladimir Vladimirovich PUTIN"), F.person("s5", "THAN SHWE"),
    ])

    static func finds(_ query: String, _ id: String) -> Bool { F.finds(matcher, query, id) }

    @Test("syllables read with their onsets, rimes and closing consonants", arguments: [
        ("မင်းအောင်လှိုင်", "min aung hlaing"),  // Burmese: each syllable a word, ှ before its consonant
        ("ကျော်စိုးဝင်း", "kyaw so win"),
        ("သန်းရွှေ", "than shwe"),  // ရွှ a cluster
        ("ပူတင်", "pu tin"),
        ("ហ៊ុន សែន", "hun saen"),  // Khmer: register shifter silent
        ("វ្ល៉ាឌីមៀ ពូទីន", "vladimie poutin"),  // Khmer coeng joins the cluster
        ("ทักษิณ ชินวัตร", "thaksin chinwat"),  // Thai: final ณ n, trailing ร silent
        ("มิน อ่อง ลาย", "min ong lai"),
        ("เปรม", "prem"),  // Thai lead vowel before a cluster
        ("ສີສຸລິດ", "sisulit"),  // Lao
    ])
    func readings(_ pair: (String, String)) {
        #expect(Transliterator.toLatin(pair.0) == pair.1)
    }

    @Test("a joined reading for a foreign name transcribed into Burmese")
    func joined() {
        #expect(Transliterator.romanise("ပူတင်", .foreignName) == "putin")
        #expect(Transliterator.needsTransliteration("ສີສຸລິດ"))
    }

    @Test("listed persons found from their Burmese, Khmer and Thai names", arguments: [
        ("မင်းအောင်လှိုင်", "s1"), ("ហ៊ុន សែន", "s2"), ("ทักษิณ ชินวัตร", "s3"), ("វ្ល៉ាឌីមៀ ពូទីន", "s4"), ("သန်းရွှေ", "s5"),
    ])
    func finds(_ pair: (String, String)) {
        #expect(Self.finds(pair.0, pair.1), "\(pair.0) → \(Transliterator.toLatin(pair.0))")
    }

    @Test("look-alikes: another person of the same family or sharing a syllable is not found")
    func lookAlikes() {
        #expect(!Self.finds("အောင်ဆန်းစုကြည်", "s1"))  // Aung San Suu Kyi
        #expect(!Self.finds("ហ៊ុន ម៉ាណែត", "s2"))  // Hun Manet
        #expect(!Self.finds("ยิ่งลักษณ์ ชินวัตร", "s3"))  // Yingluck Shinawatra
        #expect(!Self.finds("သန်းထွန်း", "s5"))  // Than Htun
    }
}
