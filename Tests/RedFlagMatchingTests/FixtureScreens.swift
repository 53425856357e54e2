import RedFlagCore
@testable import RedFlagMatching

/// Screens names against a test index the way the false-alarm suites ask: the whole result, the
/// decision on one entry, the match with one entry however low, and a readable account for a
/// failed expectation.
struct FixtureScreens {
    let index: MatchIndex
    let matcher: Matcher

    init(_ index: MatchIndex) {
        self.index = index
        matcher = Matcher(index: index)
    }

    func result(_ name: String, country: String? = nil) -> ScreeningResult {
        matcher.screen(ScreeningQuery(name: name, country: country))
    }

    /// The decision on entry `id` (CLEAR when it is no match).
    func decision(_ name: String, _ id: String, country: String? = nil) -> Decision {
        result(name, country: country).matches.first { $0.id == id }?.decision ?? .clear
    }

    /// The match with entry `id` however low (review threshold 0.3).
    func looseMatch(_ name: String, of id: String) -> ScreeningMatch? {
        var c = MatchConfiguration.default
        c.reviewThreshold = 0.3
        return Matcher(index: index, configuration: c).screen(ScreeningQuery(name: name)).matches.first { $0.id == id }
    }

    func describe(_ r: ScreeningResult) -> String {
        r.matches.map { "\($0.id) \($0.matchedName) \($0.score) \($0.decision.rawValue): \($0.explanation.summary)" }.joined(separator: " | ")
    }
}
