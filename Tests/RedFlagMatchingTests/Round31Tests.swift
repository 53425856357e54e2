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
/// ("ファイザー", Pfizer, is no "AL-HASHIMI, Faiza"), while his family name alone still finds him; and
/// an organisation's one word is no listed name that holds a distinctive word of its own the customer's
/// lacks ("Linde GmbH" is no GAZPROM LINDE ENGINEERING), while generic words, business words and the
/// initials of the party's own words dropped still find it ("NEC", "Atomflot").
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
        FixtureWithParties.sdnOrganisation("y10", "LIMITED LIABILITY COMPANY GAZPROM LINDE ENGINEERING", country: "RU"),
        FixtureWithParties.sdnOrganisation("y11", "LIMITED LIABILITY COMPANY INDIGO 3D", country: "RU"),
        { () -> ListEntry in
            var e = FixtureWithParties.sdnOrganisation("y12", "FEDERAL STATE UNITARY ENTERPRISE ATOMFLOT", country: "RU")
            e.aliases = [Alias(name: "FSUE ATOMFLOT", strength: .strong)]
            return e
        }(),
        FixtureWithParties.sdnOrganisation("y13", "NEC ENGINEERS PRIVATE LTD", country: "PK"),
    ])

    static func finds(_ query: String, _ id: String, type: PartyType? = nil) -> Bool { FixtureWithParties.finds(matcher, query, id, type: type) }

    @Test("a known name typed is another family, a typo of the listed part is not")
    func knownNameIsAnotherFamily() {
        #expect(KnownNames.contains("kharchenko"))
        #expect(!KnownNames.contains("kravchenco"))
        #expect(ApproximatePersonMatch.isAnotherName("kharchenko", "kravchenko"))
        // Two neighbouring letters swapped or a letter doubled are slips of the keys, even when they make a name.
        #expect(KnownNames.contains("eshan"))
        #expect(!ApproximatePersonMatch.isAnotherName("eshan", "ehsan"))
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

    @Test("one word is no listed organisation whose other distinctive word is absent; generic words and initials may be dropped")
    func listedWordAbsent() {
        #expect(!Self.finds("Linde GmbH", "y10"))
        #expect(!Self.finds("IndiGo", "y11"))
        #expect(Self.finds("Gazprom Linde Engineering", "y10"))
        #expect(Self.finds("Indigo 3D LLC", "y11"))
        // "FSUE" of the alias "FSUE ATOMFLOT" is the initials of the party's name's own words, which a
        // customer drops as he drops the legal form; "ATOMFLOT" is no initials of them.
        let index = Self.matcher.index
        let alias = (0..<index.nameText.count).first { index.nameText[$0] == "FSUE ATOMFLOT" }
        #expect(alias != nil)
        if let alias {
            #expect(Self.matcher.spellsInitials("fsue", document: alias))
            #expect(!Self.matcher.spellsInitials("atomflot", document: alias))
        }
        #expect(Self.finds("NEC", "y13"))
    }
}
