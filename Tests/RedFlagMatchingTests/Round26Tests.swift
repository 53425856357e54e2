import Foundation
import RedFlagCore
@testable import RedFlagMatching
import Testing

/// The twenty-sixth round's classes (issue 11, item 10), each paired with the case it must not
/// open: a Chinese organisation's own words in Han are Chinese words, met through their pinyin and
/// never by sound (联想 is no LANTAN), while a foreign name transcribed in Han still is; such a name
/// is also read in Korean (North Korean banks written without 朝鲜); a Korean reading of a Han name
/// meets a listed name only through all of its syllables; two short words from another script are
/// not glued into one listed word by sound.
@Suite("Twenty-sixth round")
struct Round26Tests {
    static let matcher = FixtureWithParties.matcher([
        FixtureWithParties.sdnOrganisation("z1", "MEED INTERNATIONAL LIMITED", country: "AE"),
        FixtureWithParties.sdnOrganisation("z2", "AO LANTAN", country: "RU"),
        FixtureWithParties.sdnOrganisation("z3", "DAEDONG CREDIT BANK", country: "KP"),
        FixtureWithParties.sdnOrganisation("z4", "TANCHON COMMERCIAL BANK", country: "KP"),
        FixtureWithParties.sdnOrganisation("z5", "OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU UKON", country: "KG"),
        FixtureWithParties.sdnPerson("z6", "KIM, Jong Un", country: "KP"),
        FixtureWithParties.sdnPerson("z7", "GADDAFI, Hannibal", country: "LY"),
        FixtureWithParties.sdnOrganisation("z8", "LIMITED LIABILITY COMPANY CONCORD MANAGEMENT AND CONSULTING", country: "RU"),
        FixtureWithParties.sdnOrganisation("z9", "LENA", country: "RU"),
        FixtureWithParties.sdnOrganisation("z10", "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU LUCHANO", country: "RU"),
        FixtureWithParties.sdnOrganisation("z11", "GAZPROMBANK", country: "RU"),
        FixtureWithParties.sdnPerson("z12", "RI, Jae Il", country: "KP"),
        FixtureWithParties.sdnPerson("z13", "RYU, Kyong", country: "KP"),
    ])

    static func finds(_ query: String, _ id: String) -> Bool { FixtureWithParties.finds(matcher, query, id) }

    @Test("a Chinese organisation's own words are Chinese: met as spelt, never by sound; a transcription still is")
    func chineseWords() {
        #expect(Han.shared.writesChineseWords("美的集团股份有限公司"))
        #expect(Han.shared.writesChineseWords("联想集团有限公司"))
        // A foreign name: written with a dot, or wholly in the transcription's characters (和 "and" aside).
        #expect(!Han.shared.writesChineseWords("汉尼拔·卡扎菲"))
        #expect(!Han.shared.writesChineseWords("康科德管理和咨询公司"))
        #expect(!Self.finds("美的集团股份有限公司", "z1"))
        #expect(!Self.finds("联想集团有限公司", "z2"))
        #expect(Self.finds("汉尼拔·卡扎菲", "z7"))
        #expect(Self.finds("康科德管理和咨询公司", "z8"))
    }

    @Test("a Han organisation's Chinese words are also read in Korean beside its business words")
    func koreanReadingOfOrganisations() {
        #expect(NorthKoreanHan.readings("端川商业银行").contains { $0.lowercased().hasPrefix("tanchon ") })
        #expect(Self.finds("大同信用银行", "z3"))
        #expect(Self.finds("端川商业银行", "z4"))
        // A name with no business word is no organisation read so.
        #expect(NorthKoreanHan.readings("端川").isEmpty)
    }

    @Test("a Korean reading of a Han name meets a listed name through all of its syllables")
    func koreanReadingWhole() {
        #expect(Self.finds("金正恩", "z6"))
        // 蒋雨建 read "jang u kon": UKON meets two syllables, not the surname.
        #expect(!Self.finds("蒋雨建", "z5"))
    }

    @Test("two words from another script, one of one or two letters, are not glued into a listed word by sound")
    func shortPairNotGlued() {
        #expect(Matcher.holdsShortWord("لي نا"))
        #expect(Matcher.holdsShortWord("Ли На"))
        // A word split by its letters' case, or a legal form, is no short word of the name.
        #expect(!Matcher.holdsShortWord("БелАЗ"))
        #expect(!Matcher.holdsShortWord("АО \"оВентелеком\""))
        #expect(!Self.finds("لي نا", "z9"))
        #expect(!Self.finds("لو شون", "z10"))
        // Longer words still are: "غازبروم بنك" is GAZPROMBANK.
        #expect(Self.finds("غازبروم بنك", "z11"))
    }

    @Test("a North Korean name as the South writes it is read with the North's initial sounds")
    func northernInitialSounds() {
        #expect(KoreanInitialSounds.northern("이재일") == "리재일")
        #expect(KoreanInitialSounds.northern("유경") == "류경")
        #expect(KoreanInitialSounds.northern("김정은") == nil)
        #expect(Self.finds("이재일", "z12"))
        #expect(Self.finds("유경", "z13"))
        // Another given name is another person.
        #expect(!Self.finds("이재철", "z12"))
    }
}
