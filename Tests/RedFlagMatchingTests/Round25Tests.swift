import Foundation
import RedFlagCore
@testable import RedFlagMatching
import Testing

/// The twenty-fifth round's classes (issue 11, item 10), found on probes written for the round,
/// each paired with the case it must not open: places a language writes otherwise than English
/// (Пекин, Moskau, دمشق); Slavic adjectives that English writes as "of" a noun (технологический
/// институт, Institute of Technology); compass words joined by a hyphen (Северо-Западный); Chinese
/// institutions written in Korean with the Sino-Korean reading of their characters (베이징이공대학).
@Suite("Twenty-fifth round")
struct Round25Tests {
    static let matcher = FixtureWithParties.matcher([
        FixtureWithParties.sdnOrganisation("y1", "Beijing Institute of Technology", country: "CN"),
        FixtureWithParties.sdnOrganisation("y2", "Northwestern Polytechnical University", country: "CN"),
        FixtureWithParties.sdnOrganisation("y3", "Nanjing University of Aeronautics and Astronautics", country: "CN"),
        FixtureWithParties.sdnOrganisation("y4", "Moscow Institute of Physics and Technology", country: "RU"),
        FixtureWithParties.sdnOrganisation("y5", "BANK OF MOSCOW", country: "RU"),
        FixtureWithParties.sdnOrganisation("y6", "COMMERCIAL BANK OF DAMASCUS", country: "SY"),
        FixtureWithParties.sdnPerson("y7", "IBRAHIM, Sadr", country: "IQ"),
        FixtureWithParties.sdnOrganisation("y8", "JOINT STOCK COMPANY CHANNEL ONE RUSSIA", country: "RU"),
    ])

    static func finds(_ query: String, _ id: String) -> Bool { FixtureWithParties.finds(matcher, query, id) }

    @Test("a place the language writes otherwise than English is read as the English place, in a name with a business word")
    func placesWrittenOtherwise() {
        #expect(BusinessWords.readings("Пекинский технологический институт").contains { $0.hasPrefix("Beijing ") })
        #expect(BusinessWords.readings("Банк Москвы").contains("Банк Moscow"))
        #expect(Self.finds("Пекинский технологический институт", "y1"))
        #expect(Self.finds("Банк Москвы", "y5"))
        #expect(Self.finds("Moskauer Bank", "y5"))
        #expect(BusinessWords.latinReadings("Moskauer Bank").contains("Moscow Bank"))
        // The place's own name stays in another reading: the lists romanise some (QODS FORCE, not Jerusalem).
        #expect(BusinessWords.readings("فيلق القدس").contains { $0.contains("القدس") })
        #expect(BusinessWords.readings("فيلق القدس").contains { $0.contains("Jerusalem") })
        // A place alone names no organisation, nor is a surname that is a place's name read as the place.
        #expect(BusinessWords.readings("Москва").isEmpty)
        #expect(BusinessWords.readings("دمشق").isEmpty)
        #expect(BusinessWords.latinReadings("Jan Moskwa").isEmpty)
        // Another city's bank is not the listed one.
        #expect(!Self.finds("Банк Пекина", "y5"))
        #expect(!Self.finds("Пекинский банк", "y5"))
    }

    @Test("a Slavic adjective is also read as the noun English puts after 'of'; a compass word joined by a hyphen is read")
    func adjectivesAndCompassWords() {
        #expect(BusinessWords.forms(of: "технологический")?.contains("Technology") == true)
        #expect(Self.finds("Северо-Западный политехнический университет", "y2"))
        #expect(Self.finds("Московский физико-технический институт", "y4"))
        // The other direction is another university.
        #expect(!Self.finds("Северо-Восточный политехнический университет", "y2"))
    }

    @Test("a Chinese institution written in Korean is read through its Sino-Korean words")
    func sinoKorean() {
        #expect(Self.finds("베이징이공대학", "y1"))
        #expect(Self.finds("서북공업대학", "y2"))
        #expect(Self.finds("난징항공항천대학", "y3"))
        // Peking University is not the Beijing Institute of Technology, nor is a person's name a business word.
        #expect(!Self.finds("베이징대학", "y1"))
        #expect(BusinessWords.readings("김정은").isEmpty)
    }

    @Test("one letter read from a script of syllables is a name, never an initial")
    func syllableLetters() {
        // イ・セドル (Lee Se-dol) reads "i sedoru": the "i" is his surname, no initial of IBRAHIM.
        #expect(!Self.finds("イ・セドル", "y7"))
        // A Latin initial still stands for the name.
        #expect(Self.finds("I. Sadr", "y7"))
        // A digit read from Han is a number, not a syllable's letter: 第一 is the ONE of CHANNEL ONE RUSSIA.
        #expect(Self.finds("俄罗斯第一频道", "y8"))
    }
}
