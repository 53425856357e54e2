import Foundation
import RedFlagCore
import Testing
@testable import RedFlagMatching

/// Person false alarms of a fourth kind (issue 11): a match made only of common names, too few of
/// them as listed, the rest written with other vowels ("Eman Mohammed" / "AMAN, Mohammed") or the
/// child's name of a listed kunya ("Fatma Ali" / "Abu Fatma"). Each fix is paired with the
/// look-alike it must still find: the listed person as written, with a given-name variant, with
/// all his parts. Listed names are invented combinations of real name parts.
@Suite("Person false alarms (4)")
struct PersonFalseAlarm4Tests {
    static let entries: [ListEntry] = {
        func person(_ id: String, _ name: String, country: String? = nil) -> ListEntry { FixtureWithParties.sdnPerson(id, name, country: country) }
        return MatcherFixture.entries + [
            person("990", "AMAN, Mohammed", country: "AF"),
            person("991", "HAIDAR, Mohamad Ali"),
            person("992", "NUR, Mohammad"),
            person("993", "Abu Fatma", country: "IQ"),
            person("994", "MADURO MOROS, Nicolas"),
            person("995", "QASIM, Abu"),
            person("996", "Khalid Abu Bakr"),
        ]
    }()
    static let index = try! MatchIndex(entries: entries)
    let screens = FixtureScreens(PersonFalseAlarm4Tests.index)

    private func result(_ name: String, country: String? = nil) -> ScreeningResult { screens.result(name, country: country) }
    private func decision(_ name: String, _ id: String, country: String? = nil) -> Decision { screens.decision(name, id, country: country) }
    private func describe(_ r: ScreeningResult) -> String { screens.describe(r) }

    @Test("a common name with other vowels is told from a variant, a typo, another consonant")
    func otherVowels() {
        for (typed, listed) in [("eman", "aman"), ("haider", "haidar"), ("nor", "nur"), ("chong", "chung")] {
            #expect(ApproximatePersonMatch.otherVowels(typed, listed), "\(typed) / \(listed)")
        }
        for (typed, listed) in [("aman", "aman"), ("hasan", "hashan"), ("karar", "kakar"), ("amna", "aman")] {
            #expect(!ApproximatePersonMatch.otherVowels(typed, listed), "\(typed) / \(listed)")
        }
        #expect(Kunya.contains("abu") && Kunya.contains("umm") && !Kunya.contains("ali"))
    }

    @Test("common names only, one of them as listed and the other with other vowels, are another person")
    func commonNamesOnly() {
        #expect(decision("Eman Mohammed", "OFAC-SDN:990") == .clear, "\(describe(result("Eman Mohammed")))")
        #expect(decision("Mohammed Aman", "OFAC-SDN:990") != .clear, "as listed: \(describe(result("Mohammed Aman")))")
        #expect(decision("Mohamed Aman", "OFAC-SDN:990") != .clear, "a given-name variant: \(describe(result("Mohamed Aman")))")
        // Corroborated by the listed country, the rule holds for review and says why.
        let corroborated = result("Eman Mohammed", country: "AF").matches.first { $0.id == "OFAC-SDN:990" }
        #expect(corroborated?.decision == .hold, "\(describe(result("Eman Mohammed", country: "AF")))")
        #expect(corroborated?.explanation.qualifiers.contains { $0.name == "common_names_person" } == true, "\(corroborated?.explanation.summary ?? "no match")")
        // Two of three listed parts, one only similar: too little; all three parts: the listed person.
        #expect(decision("Haider Mohammed", "OFAC-SDN:991") == .clear, "\(describe(result("Haider Mohammed")))")
        #expect(decision("Haidar Mohamad Ali", "OFAC-SDN:991") != .clear, "\(describe(result("Haidar Mohamad Ali")))")
        #expect(decision("Haider Mohamad Ali", "OFAC-SDN:991") != .clear, "\(describe(result("Haider Mohamad Ali")))")
        #expect(decision("Nor Mohamad", "OFAC-SDN:992") == .clear, "\(describe(result("Nor Mohamad")))")
        #expect(decision("Nur Mohamad", "OFAC-SDN:992") != .clear, "\(describe(result("Nur Mohamad")))")
        // Two common names, one written with other vowels than listed ("Chong" / "CHUNG"); the rule's reading:
        let two: [(typed: String, listed: String, similarity: Double)] = [("chong", "chung", 0.9), ("mohammed", "mohamad", 0.9)]
        #expect(ApproximatePersonMatch.finding(two)?.kind == .commonNamesOnly)
        #expect(ApproximatePersonMatch.finding(two + [("ali", "ali", 1)]) == nil, "all three parts")
        // A distinctive surname as listed proves the match.
        // Each of these names scores above review: the rule, not the score, clears them.
        for (name, id) in [("Eman Mohammed", "OFAC-SDN:990"), ("Nor Mohamad", "OFAC-SDN:992")] {
            let score = screens.matcher.nameScores(for: name, fullScan: true)[Self.index.entryIndex(id: id)!] ?? 0
            #expect(score >= MatchConfiguration.default.reviewThreshold, "\(name): \(score)")
        }
        #expect(decision("Nicolas Maduro", "OFAC-SDN:994") != .clear, "\(describe(result("Nicolas Maduro")))")
        #expect(decision("Nikolas Maduro Moros", "OFAC-SDN:994") != .clear, "\(describe(result("Nikolas Maduro Moros")))")
    }

    @Test("a listed kunya is not its child's name typed without Abu")
    func kunya() {
        #expect(decision("Fatma Ali", "OFAC-SDN:993") == .clear, "\(describe(result("Fatma Ali")))")
        #expect(decision("Fatma", "OFAC-SDN:993") == .clear, "\(describe(result("Fatma")))")
        #expect(decision("Abu Fatma", "OFAC-SDN:993") != .clear, "\(describe(result("Abu Fatma")))")
        #expect(decision("Abou Fatma", "OFAC-SDN:993") != .clear, "\(describe(result("Abou Fatma")))")
        let score = screens.matcher.nameScores(for: "Fatma", fullScan: true)[Self.index.entryIndex(id: "OFAC-SDN:993")!] ?? 0
        #expect(score >= MatchConfiguration.default.reviewThreshold, "Fatma: \(score)")
        // Written surname first, the kunya word alone as the given part.
        #expect(decision("Qasim Ali", "OFAC-SDN:995") == .clear, "\(describe(result("Qasim Ali")))")
        #expect(decision("Abu Qasim", "OFAC-SDN:995") != .clear, "\(describe(result("Abu Qasim")))")
        // "Abu" inside a name is a compound given name, not a kunya: its parts still match.
        #expect(decision("Khalid Bakr", "OFAC-SDN:996") != .clear, "\(describe(result("Khalid Bakr")))")
        let pairs: [(typed: String, listed: String, similarity: Double)] = [("fatma", "fatma", 1)]
        #expect(ApproximatePersonMatch.finding(pairs, kunya: ["fatma"])?.kind == .commonNamesOnly)
        #expect(ApproximatePersonMatch.finding(pairs) == nil)
    }
}
