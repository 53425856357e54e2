import Foundation
import RedFlagCore
@testable import RedFlagMatching
import Testing

/// The thirty-first round's classes (issue 11, items 4 and 5), each paired with the case it must not
/// open: a part typed that is a known name of its own (`KnownNames`, the thousand most frequent given
/// names and surnames of some country) names another family, not the listed one mistyped ("Oleg
/// Kharchenko" is no KRAVCHENKO), while a typo of the listed part still finds it; a known name read
/// with another language's letters is that language's spelling only with no typo on top ("Abbasi"
/// with a Hungarian s is one letter from DABBASHI); the Arabic and Persian feminine ending written
/// "-eh" is no consonant of the name ("Hamadeh" is HAMADE); a Serbian name in Russian Cyrillic read in
/// its own Latin letters finds a party the lists give no country when the listed name ends so ("Йовица
/// Станишич", STANISIC, Jovica); and one word in another script is no listed person's given name
/// ("ファイザー", Pfizer, is no "AL-HASHIMI, Faiza"), while his family name alone still finds him.
@Suite("Thirty-first round")
struct Round31Tests {
    static let matcher = FixtureWithParties.matcher([
        FixtureWithParties.sdnPerson("y1", "KRAVCHENKO, Oleg", country: "UA"),
        FixtureWithParties.sdnPerson("y2", "DABBASHI, Omar", country: "LY"),
        FixtureWithParties.sdnPerson("y3", "HAMADE, Issam", country: "LB"),
        FixtureWithParties.sdnPerson("y4", "MORENO, Jose", country: "CO"),
        FixtureWithParties.sdnPerson("y5", "STANISIC, Jovica"),
        FixtureWithParties.sdnPerson("y6", "NAIK, Khalid", country: "PK"),
        FixtureWithParties.sdnPerson("y7", "ABU AL-KHAYR", country: "SY"),
        FixtureWithParties.sdnPerson("y8", "MAULANA FAZLULLAH", country: "PK"),
        FixtureWithParties.sdnPerson("y9", "AL-HASHIMI, Faiza", country: "IQ"),
    ])

    static func finds(_ query: String, _ id: String, type: PartyType? = nil) -> Bool { FixtureWithParties.finds(matcher, query, id, type: type) }

    @Test("a known name typed is another family, a typo of the listed part is not")
    func knownNameIsAnotherFamily() {
        #expect(KnownNames.contains("kharchenko"))
        #expect(!KnownNames.contains("kravchenco"))
        #expect(ApproximatePersonMatch.isAnotherName("kharchenko", "kravchenko"))
        #expect(!Self.finds("Oleg Kharchenko", "y1"))
        #expect(!Self.finds("Jose Mourinho", "y4"))
        // A typo makes no one's name: the listed person mistyped is still found.
        #expect(Self.finds("Oleg Kravchenco", "y1"))
        #expect(Self.finds("Jose Moreno", "y4"))
    }

    @Test("a known name read with another language's letters is a variant only as that language reads it")
    func pressReadingWithoutTypo() {
        #expect(PressOrthographies.readsAs(Array("abbasi".utf8), Array("dabbashi".utf8)))
        #expect(!ApproximatePersonMatch.isVariant("abbasi", "dabbashi"))
        #expect(!Self.finds("Omar Abbasi", "y2"))
        #expect(Self.finds("Omar Dabashi", "y2"))
    }

    @Test("the feminine ending written -eh is no consonant of the name")
    func softEnding() {
        #expect(Array(ApproximatePersonMatch.softEnding(Array("hamadeh".utf8))) == Array("hamade".utf8))
        #expect(Array(ApproximatePersonMatch.softEnding(Array("shah".utf8))) == Array("shah".utf8))
        #expect(!ApproximatePersonMatch.isAnotherName("hamadeh", "hamade"))
        #expect(Self.finds("Issam Hamadeh", "y3"))
    }

    @Test("a Serbian name in Russian Cyrillic finds a listed party of no country whose name ends as Serbian names do")
    func southSlavicNoCountry() {
        #expect(SouthSlavicCyrillic.reading("Йовица Станишич") == "jovica stanisic")
        #expect(Self.finds("Йовица Станишич", "y5"))
    }

    @Test("one word in another script is no listed person's given name, nor a kunya's child's")
    func oneWordForPerson() {
        #expect(!Self.finds("ファイザー", "y9"))
        #expect(!Self.finds("海尔", "y7"))
        #expect(!Self.finds("ナイキ", "y6"))
        // The whole name in the script, the family name alone as listed, and the one name a person is
        // listed by beside a title, still find him.
        #expect(Self.finds("خالد نايك", "y6"))
        #expect(Self.finds("Наик", "y6"))
        #expect(Self.finds("Мулла Фазлулла", "y8"))
        #expect(Self.finds("فايزة الهاشمي", "y9"))
    }
}
