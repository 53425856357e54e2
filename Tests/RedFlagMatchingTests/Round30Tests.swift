import Foundation
import RedFlagCore
@testable import RedFlagMatching
import Testing

/// The thirtieth round's classes (issue 11, item 10), each paired with the case it must not open: the
/// Persian ق that Iranians write gh ("Ghomi" for QOMI); the Arabic -ah the German press ends in -a ("Hamija" for HAMIYAH); a South
/// Slavic surname written in Ukrainian (-іч) or Macedonian (-ски) Cyrillic read in the folded Latin of
/// those languages; an Arabic name in the Somali alphabet (x for the ح the lists write h, long vowels
/// doubled: "Xasan Daahir Aweys"); a Spanish name written in another script as Spanish says it ("Уго
/// Карвахаль", Hugo Carvajal: j the kh of х, h silent), never an English one; a foreign name in
/// katakana, its words set apart by a middle dot, read with no business word glued inside a word
/// ("バルガス" Vargas is no "gas"); and a common name never read as a truncated business word in a name without a
/// legal form or another business word ("Shi Yutong" is no YUSONG SHIPPING).
@Suite("Thirtieth round")
struct Round30Tests {
    static let matcher = FixtureWithParties.matcher([
        FixtureWithParties.sdnPerson("z2", "QOMI, Mohsen", country: "IR"),
        FixtureWithParties.sdnOrganisation("z3", "QORB KARBALA", country: "IR"),
        FixtureWithParties.sdnPerson("z4", "HAMIYAH, Talal", country: "LB"),
        FixtureWithParties.sdnPerson("z5", "SARAJLIC, Asim", country: "BA"),
        FixtureWithParties.sdnPerson("z6", "BOSKOSKI, Ljube", country: "MK"),
        FixtureWithParties.sdnOrganisation("z7", "YUSONG SHIPPING CO", country: "KP"),
        FixtureWithParties.sdnPerson("z8", "AWEYS, Hassan Dahir", country: "SO"),
        FixtureWithParties.sdnPerson("z9", "ROBOW, Mukhtar", country: "SO"),
        FixtureWithParties.sdnPerson("z10", "CARVAJAL BARRIOS, Hugo Armando", country: "VE"),
        FixtureWithParties.sdnPerson("z11", "HUGHES, John", country: "GB"),
        FixtureWithParties.sdnPerson("z12", "VARGAS, Mario", country: "PE"),
    ])

    static func finds(_ query: String, _ id: String, type: PartyType? = nil) -> Bool { FixtureWithParties.finds(matcher, query, id, type: type) }

    @Test("the Persian q written gh is the listed q, both ways")
    func persianQ() {
        #expect(RomanisationSwaps.respellings(Array("ghomi".utf8)).contains(Array("qomi".utf8)))
        #expect(Self.finds("Mohsen Ghomi", "z2"))
        #expect(Self.finds("Ghorb Karbala", "z3"))
        // The surname only: another given name is no match.
        #expect(!Self.finds("Hassan Ghomi", "z2"))
    }

    @Test("the Arabic -ah the German press ends in -a is the listed -ah")
    func germanFeminineEnding() {
        #expect(Self.finds("Talal Hamija", "z4"))
        // The given name must still be the listed one.
        #expect(!Self.finds("Samir Hamija", "z4"))
    }

    @Test("a South Slavic surname in Ukrainian or Macedonian Cyrillic is read in the folded Latin of those languages")
    func southSlavicEndings() {
        #expect(SouthSlavicCyrillic.reading("Асім Сарайліч") == "asim sarajlic")
        #expect(SouthSlavicCyrillic.reading("Любе Бошкоски") == "ljube boskoski")
        // A Russian -ский is no Macedonian -ски; a Russian patronymic in -ич is no surname.
        #expect(SouthSlavicCyrillic.reading("Пётр Вишневский") == nil)
        #expect(SouthSlavicCyrillic.reading("Иван Петрович Сидоров") == nil)
        #expect(Self.finds("Асім Сарайліч", "z5"))
        #expect(Self.finds("Любе Бошкоски", "z6"))
        #expect(!Self.finds("Асім Сарайкін", "z5"))
    }

    @Test("a common name is no truncated business word in a person's name; a body's name keeps the reading")
    func commonNameNoTruncation() {
        #expect(!Self.finds("Shi Yutong", "z7"))
        // A legal form or another business word says the name is a body's: "Shi" may be shipping there.
        #expect(Self.finds("Yusong Shi Co", "z7"))
        #expect(Self.finds("Yusong Ship", "z7"))
    }

    @Test("an Arabic name in the Somali alphabet is read with h for x and long vowels single")
    func somaliAlphabet() {
        #expect(PressOrthographies.readings(Array("xasan".utf8)).contains(Array("hasan".utf8)))
        #expect(PressOrthographies.readings(Array("roobow".utf8)).contains(Array("robow".utf8)))
        #expect(Self.finds("Xasan Daahir Aweys", "z8"))
        #expect(Self.finds("Mukhtaar Roobow", "z9"))
        // The surname as the Somali press writes it is still the surname only: another given name is no match.
        #expect(!Self.finds("Cabdi Roobow Xuseen", "z9"))
    }

    @Test("a Spanish name is also compared by sound as Spanish says it, only a Spanish-speaking country's party")
    func spanishSounds() {
        #expect(SpanishSounds.respelling(Array("carvajal".utf8)).map { String(decoding: $0, as: UTF8.self) } == "carbakhal")
        #expect(SpanishSounds.respelling(Array("hugo".utf8)).map { String(decoding: $0, as: UTF8.self) } == "ugo")
        #expect(SpanishSounds.respelling(Array("guerrero".utf8)).map { String(decoding: $0, as: UTF8.self) } == "gerrero")
        #expect(SpanishSounds.respelling(Array("sanchez".utf8)).map { String(decoding: $0, as: UTF8.self) } == "sanches")
        #expect(SpanishSounds.respelling(Array("maduro".utf8)) == nil)
        #expect(Self.finds("Уго Карвахаль", "z10"))
        // An English name keeps its English sounds: "Хьюз" (hyuz) is Hughes, not a Spanish reading of it.
        #expect(!Self.finds("Уго Карвахаль", "z11"))
        #expect(!Self.finds("Уго Каррера", "z10"))
    }

    @Test("a katakana name set apart by middle dots holds no business word glued inside a word")
    func dottedKatakana() {
        #expect(BusinessWords.readings("マリオ・バルガス").isEmpty)
        #expect(!BusinessWords.readings("東京ガス").isEmpty)
        #expect(Self.finds("マリオ・バルガス", "z12"))
    }
}
