import Foundation
import RedFlagCore
@testable import RedFlagMatching

/// The matcher fixture with a test's own listed parties added, and whether a query finds one of them.
enum FixtureWithParties {
    static func person(_ id: String, _ name: String) -> ListEntry {
        ListEntry(source: .eu, sourceID: id, list: .eu, type: .person, name: name, programs: ["TEST"])
    }

    static func entity(_ id: String, _ name: String) -> ListEntry {
        ListEntry(source: .csl, sourceID: id, list: .entityList, type: .entity, name: name, programs: ["TEST"])
    }

    static func matcher(_ parties: [ListEntry]) -> Matcher {
        Matcher(index: try! MatchIndex(entries: MatcherFixture.entries + parties))
    }

    /// Whether `query` alerts with the party whose source id is `id` among its matches.
    static func finds(_ matcher: Matcher, _ query: String, _ id: String) -> Bool {
        let result = matcher.screen(ScreeningQuery(name: query))
        return result.decision != .clear && result.matches.contains { $0.id.hasSuffix(":" + id) }
    }
}
