import Foundation
import RedFlagCore
@testable import RedFlagMatching
import Testing

/// The twenty-ninth round's classes (issue 11, item 10), each paired with the case it must not open: a
/// Chinese name written in its Sino-Vietnamese reading, as the Vietnamese press writes it ("Ngô Anh
/// Kiệt" for 吴英杰, WU Yingjie), read back into pinyin; never a name without Vietnamese letters, an
/// organisation, or a name with a word that is no Hán-Việt syllable; and a Russian given name as
/// the German or Polish press writes it read as that given name in every spelling the lists use
/// ("Jurij" read "yuriy", listed "Yury"; "Waleri" read "valeri", listed "Valeriy"), never as another
/// name; and a South Korean name in Hangul read as its owner spells it in English ("박지성" Park Ji
/// Sung), only when it opens with a Korean surname, and a Korean surname in the South's or the
/// passport's spelling met as the DPRK spelling the lists use ("Lee" for RI), the given name as written.
@Suite("Twenty-ninth round")
struct Round29Tests {
    static let matcher = FixtureWithParties.matcher([
        FixtureWithParties.sdnPerson("y1", "WU, Yingjie", country: "CN"),
        FixtureWithParties.sdnPerson("y2", "WU, Weihua", country: "CN"),
        FixtureWithParties.sdnPerson("y3", "OUYANG, Zhenhua", country: "CN"),
        FixtureWithParties.sdnOrganisation("y4", "WU YINGJIE TRADING", country: "CN"),
        FixtureWithParties.sdnPerson("y5", "PODOBED, Yury Nikolaevich", country: "BY"),
        FixtureWithParties.sdnPerson("y6", "LIMARENKO, Valeriy Igorevich", country: "RU"),
        FixtureWithParties.sdnPerson("y7", "TSYDENOV, Aleksey Sambuyevich", country: "RU"),
        // Lists the Polish spellings "jurij" and "aleksiej" as words of their own, as the EU's aliases do.
        FixtureWithParties.sdnPerson("y8", "MORDASZOW, Aleksiej", country: "RU"),
        FixtureWithParties.sdnPerson("y9", "SIWAKOW, Jurij", country: "BY"),
        FixtureWithParties.sdnPerson("y10", "GOLZARI, Sa'id", country: "IR"),
        FixtureWithParties.sdnPerson("y11", "PARK, Ji Sung", country: "KR"),
        FixtureWithParties.sdnPerson("y12", "JUNG, Hyun Young", country: "KR"),
        FixtureWithParties.sdnOrganisation("y13", "PARK SUNG TRADING", country: "KR"),
        FixtureWithParties.sdnPerson("y14", "RI, Pyong Chol", country: "KP"),
        FixtureWithParties.sdnPerson("y15", "PAK, Chol Su", country: "KP"),
    ])

    static func finds(_ query: String, _ id: String, type: PartyType? = nil) -> Bool { FixtureWithParties.finds(matcher, query, id, type: type) }

    @Test("a Hán-Việt name is read as the pinyin of its characters, surname apart, likeliest readings first")
    func hanVietReadings() {
        #expect(HanVietNames.readings("Ngô Anh Kiệt").first == "wu yingjie")
        #expect(HanVietNames.readings("Tập Cận Bình").contains("xi jinping"))
        // Vũ writes 宇 yu and 武 wu: both are tried.
        #expect(HanVietNames.readings("Vũ Duy Hoa").contains("wu weihua"))
        #expect(HanVietNames.readings("Vũ Duy Hoa").contains("yu weihua"))
        #expect(HanVietNames.readings("Vũ Duy Hoa").count <= HanVietNames.mostReadings)
        // Four words: a compound surname's two and the given name's two.
        #expect(HanVietNames.readings("Âu Dương Chấn Hoa").contains("ouyang zhenhua"))
        // No Vietnamese letter (ơ, ư, a dot below, a hook above): not read.
        #expect(HanVietNames.readings("Ngo Anh Kiet").isEmpty)
        #expect(HanVietNames.readings("Tôn Jinlong").isEmpty)
        // A word that is no Hán-Việt syllable ("Smith"): not read.
        #expect(HanVietNames.readings("Phạm Smith").isEmpty)
        #expect(HanVietNames.looksVietnamese("Nguyễn Văn An"))
        #expect(!HanVietNames.looksVietnamese("Đorđe Balašević"))
        #expect(!HanVietNames.looksVietnamese("Ștefan Bănică"))
    }

    @Test("a Chinese person in the Vietnamese press's spelling is found; the same words as an organisation are not read")
    func hanVietScreening() {
        #expect(Self.finds("Ngô Anh Kiệt", "y1"))
        #expect(Self.finds("Vũ Duy Hoa", "y2"))
        #expect(Self.finds("Âu Dương Chấn Hoa", "y3"))
        #expect(!Self.finds("Ngo Anh Kiet", "y1"))
        #expect(!Self.finds("Ngô Anh Kiệt", "y4", type: .entity))
        // A Vietnamese person's own name reads as other characters' pinyin: no listed name.
        #expect(!Self.finds("Nguyễn Văn Hùng", "y1"))
    }

    @Test("a Russian given name in German or Polish spelling is read as that name in the lists' spellings")
    func pressGivenNames() {
        #expect(Self.finds("Jurij Podobied", "y5"))
        #expect(Self.finds("Waleri Limarenko", "y6"))
        #expect(Self.finds("Aleksiej Cydienow", "y7"))
        // The given name read so is no surname's reading: another surname is no match.
        #expect(!Self.finds("Jurij Podolski", "y5"))
        #expect(!Self.finds("Walerian Limanowski", "y6"))
        // A title read in another press's letters is no given name ("seyed" read "sayed" is no Said).
        #expect(!Self.finds("Seyed Hamid Golzari", "y10"))
    }

    @Test("a Hangul name is also read in the spelling South Koreans use in English")
    func koreanPopularSpelling() {
        #expect(KoreanPopularNames.reading("박지성") == "park ji sung")
        #expect(KoreanPopularNames.reading("이민호") == "lee min ho")
        #expect(KoreanPopularNames.reading("정현영") == "jung hyun young")
        // A Hangul transcription of a foreign name opens with no Korean surname, or runs longer: not read.
        #expect(KoreanPopularNames.reading("푸틴") == nil)
        #expect(KoreanPopularNames.reading("블라디미르") == nil)
        #expect(Self.finds("박지성", "y11"))
        #expect(Self.finds("정현영", "y12"))
        // The reading is a person's: another given name is no match.
        #expect(!Self.finds("박민수", "y11"))
    }

    @Test("the Greek forms of given names shared with Russian are variants of them")
    func greekGivenNames() {
        #expect(GivenNames.areVariants("alexandros", "alexander"))
        #expect(GivenNames.areVariants("dimitrios", "dmitry"))
        #expect(GivenNames.areVariants("vasileios", "vasily"))
        #expect(!GivenNames.areVariants("alexandros", "andreas"))
    }

    @Test("a Korean surname in the South's or the passport's spelling is the DPRK spelling the lists use")
    func koreanSurnameSpellings() {
        #expect(Self.finds("Lee Pyong Chol", "y14"))
        #expect(Self.finds("Park Chol Su", "y15"))
        // Only the surname is respelt: another given name is no match.
        #expect(!Self.finds("Lee Min Ho", "y14"))
        #expect(!Self.finds("Park Ji Sung", "y15"))
    }
}
