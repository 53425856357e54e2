import Foundation
import RedFlagCore
@testable import RedFlagMatching

/// The matcher fixture with a test's own listed parties added, and whether a query finds one of them.
enum FixtureWithParties {
    static func person(_ id: String, _ name: String) -> ListEntry {
        ListEntry(source: .eu, sourceID: id, list: .eu, type: .person, name: name, programs: ["TEST"])
    }

    /// An OFAC SDN person, of `country` if given (the person false-alarm suites' parties).
    static func sdnPerson(_ id: String, _ name: String, country: String? = nil) -> ListEntry {
        ListEntry(source: .ofacSDN, sourceID: id, list: .sdn, type: .person, name: name, programs: ["SDGT"],
                  nationalities: country.map { [CountryRef(code: $0, raw: $0)] } ?? [])
    }

    /// An OFAC SDN organisation (the round suites' listed companies).
    static func sdnEntity(_ id: String, _ name: String) -> ListEntry {
        ListEntry(source: .ofacSDN, sourceID: id, list: .sdn, type: .entity, name: name, programs: ["SDGT"])
    }

    /// An OFAC SDN organisation with an address in `country` (the rules that read the party's country).
    static func sdnOrganisation(_ id: String, _ name: String, country: String) -> ListEntry {
        ListEntry(source: .ofacSDN, sourceID: id, list: .sdn, type: .entity, name: name, programs: ["SDGT"],
                  addresses: [Address(country: country)])
    }

    static func entity(_ id: String, _ name: String) -> ListEntry {
        ListEntry(source: .csl, sourceID: id, list: .entityList, type: .entity, name: name, programs: ["TEST"])
    }

    static func matcher(_ parties: [ListEntry]) -> Matcher {
        Matcher(index: try! MatchIndex(entries: MatcherFixture.entries + parties))
    }

    /// The match of the party whose source id is `id` in `result`, if any.
    static func match(_ result: ScreeningResult, _ id: String) -> ScreeningMatch? { result.matches.first { $0.id.hasSuffix(":" + id) } }

    /// Every match of `result` with its score, decision and explanation, for a failure message.
    static func describe(_ result: ScreeningResult) -> String {
        result.matches.map { "\($0.id) \($0.matchedName) \($0.score) \($0.decision): \($0.explanation.summary)" }.joined(separator: " | ")
    }

    /// Whether `query` alerts with the party whose source id is `id` among its matches.
    static func finds(_ matcher: Matcher, _ query: String, _ id: String, type: PartyType? = nil) -> Bool {
        let result = matcher.screen(ScreeningQuery(name: query, type: type))
        return result.decision != .clear && result.matches.contains { $0.id.hasSuffix(":" + id) }
    }
}
