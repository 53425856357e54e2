import Foundation
import RedFlagCore
@testable import RedFlagMatching
import Testing

/// A middle initial that contradicts the listed middle name (issue 11: false alarms on person names).
@Suite("A middle initial against the listed middle name")
struct MiddleInitialTests {
    typealias F = FixtureWithParties
    static let matcher = F.matcher([
        F.sdnPerson("m1", "YAKOVLEV, Pavel Alexandrovich", country: "RU"), F.person("m2", "MADURO MOROS, Nicolas"),
        F.person("m3", "Yuri Khalilovich IVANOV"), F.person("m4", "Yevgeniy Arkhipovich KHOLMOGORTSEV"),
    ])

    static func finds(_ query: String, _ id: String) -> Bool { F.finds(matcher, query, id) }

    @Test("another letter than the listed middle name's is another person of a common name")
    func contradicts() {
        #expect(!Self.finds("Pavel Y. Yakovlev", "m1"))
        #expect(!Self.finds("Yuri P. Ivanov", "m3"))
        // A country the listed party shares corroborates it: a review, with the reason named.
        let result = Self.matcher.screen(ScreeningQuery(name: "Pavel Y. Yakovlev", country: "RU"))
        let m = F.match(result, "m1")
        #expect(m?.decision == .hold)
        #expect(m?.explanation.qualifiers.contains { $0.name == "contradicting_initial" } == true)
    }

    @Test("the same letter in any romanisation, no initial, or a rare name shared in full still match")
    func stillMatches() {
        #expect(Self.finds("Pavel A. Yakovlev", "m1"))
        #expect(Self.finds("Pavel Yakovlev", "m1"))
        #expect(Self.finds("Yuri K. Ivanov", "m3"))
        #expect(Self.finds("Yuri H. Ivanov", "m3"))  // Khalilovich, also romanised Halilovich
        // A second surname is no middle name: the initial may stand for a name the list leaves out.
        #expect(Self.finds("Nicolas R. Maduro", "m2"))
        // A rare surname shared in full is worth a review whatever the initial.
        #expect(Self.finds("Yevgeniy K. Kholmogortsev", "m4"))
    }

    @Test("middle names: after the first given name, or between the first and the last word")
    func middleNames() {
        #expect(Matcher.middleNames("YAKOVLEV, Pavel Alexandrovich") == ["alexandrovich"])
        #expect(Matcher.middleNames("MADURO MOROS, Nicolas") == [])
        #expect(Matcher.middleNames("Yuri Khalilovich IVANOV") == ["khalilovich"])
        #expect(Matcher.middleNames("Pavel YAKOVLEV") == [])
    }
}
