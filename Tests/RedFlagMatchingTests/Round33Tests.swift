import Foundation
import RedFlagCore
@testable import RedFlagMatching
import Testing

/// The thirty-third round's classes (issue 11, items 4, 6 and 10), each paired with the case it must not open: an East
/// Asian person's name is no organisation's ("谭斌", "Gao Bin", "Jeon Mi-ran" are people, not the companies
/// whose words they share), while an organisation's name written apart ("Hua Wei") or one named after the person still
/// matches; and a listed Chinese person's given name alone, the surname absent ("Gao Bin" for "NI, Gaobin"), is
/// anyone's, while the name in full in either order still finds him; a title before a common name is a person's name
/// ("Sheikh Rana" is no RANA INTELLIGENCE COMPUTING COMPANY), while a chain cut off after its particle ("Mohamad Rafi
/// Bin") is still the listed person's; and the Ukrainian press writes Korean names with its own vowel letters ("Пак Чін
/// Хьок" is Park Jin Hyok).
@Suite("Thirty-third round")
struct Round33Tests {
    static let matcher = FixtureWithParties.matcher([
        FixtureWithParties.sdnEntity("y1", "HUAWEI TECHNOLOGIES CO., LTD."),
        FixtureWithParties.sdnEntity("y2", "MIRAN TRADING LLC"),
        FixtureWithParties.sdnEntity("y3", "SUNWAY TECH CO., LTD"),
        FixtureWithParties.sdnEntity("y4", "KIM IL SUNG UNIVERSITY"),
        FixtureWithParties.sdnPerson("y5", "NI, Gaobin", country: "CN"),
        FixtureWithParties.sdnPerson("y6", "KIM, Jong Un", country: "KP"),
        FixtureWithParties.sdnEntity("y7", "TAN BIN TRADING CO., LTD."),
        FixtureWithParties.sdnEntity("y8", "RANA INTELLIGENCE COMPUTING COMPANY"),
        FixtureWithParties.sdnPerson("y10", "PARK, Jin Hyok", country: "KP"),
        FixtureWithParties.sdnPerson("y11", "CHOE, Pu Il", country: "KP"),
        FixtureWithParties.sdnPerson("y12", "Mohamad Rafi Bin Udin", country: "MY"),
    ])

    static func finds(_ query: String, _ id: String, type: PartyType? = nil) -> Bool { FixtureWithParties.finds(matcher, query, id, type: type) }

    @Test("an East Asian person's name reads as a person's")
    func eastAsianNameShape() {
        func mark(_ name: String, written: String? = nil) -> PersonNameShape.Mark? {
            PersonNameShape.mark(NameNormalizer.normalize(name), written: written)
        }
        #expect(mark("Gao Bin") != nil)
        #expect(mark("Jeon Mi-ran") != nil)
        #expect(mark("Kim Su Hyun") != nil)
        #expect(mark("tan bin", written: "谭斌")?.why.contains("Chinese name in Han") == true)
        // No surname at either end, a business word, a legal form, a place, or a foreign name in Han: no person.
        #expect(mark("Mi Ran") == nil)
        #expect(mark("Sun Tech") == nil)
        #expect(mark("Gao Bin Ltd") == nil)
        #expect(mark("Hong Kong") == nil)
        #expect(mark("pujing", written: "普京") == nil)
        // Words of one syllable alone are no sign: Arabic and Persian organisations' names have them.
        #expect(mark("Jaysh al-Adl") == nil)
        #expect(mark("Paya Saman Pars") == nil)
        #expect(PersonNameShape.eastAsianSurnames.isSuperset(of: ["wang", "zhang", "gao", "kim", "park", "lee"]))
    }

    @Test("an East Asian person's name is no organisation's, unless it is the organisation's name written apart")
    func eastAsianPersonIsNoOrganisation() {
        // The qualifier is named where the match is still shown.
        let result = Self.matcher.screen(ScreeningQuery(name: "Jeon Miran"))
        #expect(FixtureWithParties.match(result, "y2").map { $0.decision == .clear } ?? true, "\(FixtureWithParties.describe(result))")
        #expect(!Self.finds("Jeon Miran", "y2"))
        // The organisation's name written apart, or an organisation named after the person: still found.
        #expect(Self.finds("Hua Wei", "y1"))
        #expect(Self.finds("Kim Il Sung", "y4"))
        #expect(Self.finds("Sunway", "y3"))
        #expect(Self.finds("谭斌", "y7"))
    }

    @Test("a listed Chinese person's given name alone is anyone's")
    func chineseGivenNameAlone() {
        #expect(!Self.finds("Gao Bin", "y5"))
        #expect(Self.finds("Ni Gaobin", "y5"))
        #expect(Self.finds("Gaobin Ni", "y5"))
        #expect(Self.finds("Ni Gao Bin", "y5"))
        // A Korean given name alone, the surname absent, likewise.
        #expect(!Self.finds("Jong Un", "y6"))
        #expect(Self.finds("Kim Jong Un", "y6"))
        // Corroborated by the country: HOLD at most, the rule named.
        let result = Self.matcher.screen(ScreeningQuery(name: "Gao Bin", country: "CN"))
        let held = FixtureWithParties.match(result, "y5")
        #expect(held?.decision == .hold, "\(FixtureWithParties.describe(result))")
    }

    @Test("a title before a common name reads as a person's name")
    func titledName() {
        #expect(PersonNameShape.mark(NameNormalizer.normalize("Sheikh Rana"))?.why.contains("title") == true)
        #expect(PersonNameShape.mark(NameNormalizer.normalize("Sheikh Rana Trading")) == nil)
        #expect(!Self.finds("Sheikh Rana", "y8"))
        #expect(Self.finds("Rana Intelligence Computing", "y8"))
    }

    @Test("Korean names in Ukrainian Cyrillic read as the lists write them")
    func ukrainianKoreanNames() {
        #expect(KoreanCyrillic.reading("Пак Чін Хьок") == "pak jin hyok")
        #expect(KoreanCyrillic.reading("Чхве Пу Іль") == "choe pu il")
        #expect(Self.finds("Пак Чін Хьок", "y10"))
        #expect(Self.finds("Чхве Пу Іль", "y11"))
        // A Ukrainian name of another shape gets no Korean reading.
        #expect(KoreanCyrillic.reading("Олександр Міхеєв") == nil)
    }

    @Test("a chain cut off after its particle is the listed person's, a Chinese syllable bin no particle")
    func truncatedChain() {
        #expect(Self.finds("Mohamad Rafi Bin", "y12"))
        #expect(PersonNameShape.eastAsianWords(["gao", "bin"]))
        #expect(!PersonNameShape.eastAsianWords(["rafi", "bin"]))
        #expect(!Self.finds("Gao Bin", "y5"))
    }
}
