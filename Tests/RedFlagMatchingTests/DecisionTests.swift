import Foundation
import RedFlagCore
import Testing
@testable import RedFlagMatching

@Suite("Screening decision")
struct DecisionTests {
    @Test("a strong match on a barring list is a STOP")
    func stop() {
        let r = MatcherFixture.matcher().screen(ScreeningQuery(name: "Huawei Technologies Co Ltd"))
        #expect(r.decision == .stop)
        #expect(r.matches.first?.decision == .stop)
    }

    @Test("a strong match on a list that does not bar the deal (UVL) is a HOLD")
    func unverifiedHolds() {
        let r = MatcherFixture.matcher().screen(ScreeningQuery(name: "Shenzhen Bright Star Electronics Trading Co., Ltd."))
        #expect(r.matches.first?.list == .unverified)
        #expect(r.decision == .hold)
    }

    @Test("a match between review and strong thresholds is a HOLD; below review is CLEAR")
    func thresholds() {
        let config = MatchConfiguration()
        #expect(config.decision(score: 0.95, list: .entityList, basis: .name) == .stop)
        #expect(config.decision(score: 0.85, list: .entityList, basis: .name) == .hold)
        #expect(config.decision(score: 0.70, list: .entityList, basis: .name) == nil)
        #expect(config.decision(score: 0.99, list: .entityList, basis: .address) == .hold)
        #expect(config.decision(score: 0.99, list: .cmic, basis: .name) == .hold)
    }

    @Test("per-list overrides change only their list")
    func perList() throws {
        let json = #"{"reviewThreshold": 0.8, "lists": {"UVL": {"reviewThreshold": 0.95, "strongThreshold": 0.99}}}"#
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rf-config-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let config = try MatchConfiguration.load(from: url)
        #expect(config.strongThreshold == 0.92)
        #expect(config.review(for: .unverified) == 0.95)
        #expect(config.decision(score: 0.9, list: .unverified, basis: .name) == nil)
        #expect(config.decision(score: 0.9, list: .entityList, basis: .name) == .hold)
        #expect(config.lowestReview == 0.8)
    }

    @Test("invalid configuration files are refused with the file named")
    func invalidConfig() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rf-config-\(UUID().uuidString).json")
        try Data(#"{"reviewThreshold": 0.95, "strongThreshold": 0.9}"#.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: RedFlagError.self) { try MatchConfiguration.load(from: url) }
        do { _ = try MatchConfiguration.load(from: url) } catch let e as RedFlagError {
            #expect(e.description.contains(url.path))
            #expect(e.exitCode == ExitCode.dataError)
        }
    }

    @Test("the limit caps the matches returned, best first")
    func limit() {
        let r = MatcherFixture.matcher(MatchConfiguration(reviewThreshold: 0.3, strongThreshold: 0.95, limit: 3)).screen(ScreeningQuery(name: "Trading Company"))
        #expect(r.matches.count == 3)
        #expect(zip(r.matches, r.matches.dropFirst()).allSatisfy { $0.score >= $1.score })
    }
}
