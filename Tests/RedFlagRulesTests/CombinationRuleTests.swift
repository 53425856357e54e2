import Foundation
import Testing
import RedFlagCore
@testable import RedFlagRules

/// COMBO-01 (bis-rules.md §8): HOLD flags about different things escalate the line to STOP;
/// HOLD flags about the same thing, license requirements and NOTEs do not.
@Suite("Combination of HOLD flags across concerns")
struct CombinationRuleTests {
    static let forwarder = ["customer_type": "freight_forwarder"]                         // AC-07, logistics
    static let declines = ["installation": "declined"]                                    // KYC-07, order
    static let thirdPartyPayer = ["payer_name": "Gulf Star General Trading LLC", "payer_country": "AE"] // FC23-05, payment

    static func merged(_ parts: [String: String]...) -> [String: String] {
        parts.reduce(into: [:]) { $0.merge($1) { a, _ in a } }
    }

    @Test func everyFlagHasAConcernAndTheCombinationIsInTheCatalog() throws {
        let catalog = try RedFlagCatalog.bundled()
        let combo = try #require(catalog[RuleEngine.combinationID])
        #expect(combo.concern == .combination && combo.severity == .stop && combo.threshold("min_concerns") == 2)
        #expect(combo.source.citation.contains("Part 732"))
        #expect(catalog["REG-D1D4-LIC"]?.concern == .license && catalog["REG-CN-CBC"]?.concern == .license)
        let used = Set(catalog.flags.map(\.concern))
        #expect(used == Set(FlagConcern.allCases))
    }

    @Test func holdsInTwoConcernsEscalateToStopAndNameEachFlag() throws {
        let c = try OrderFixture.check(Self.merged(Self.forwarder, Self.thirdPartyPayer))
        #expect(c.decision == .stop, "\(c.flagIDs)")
        let combo = try #require(c.findings.first { $0.id == "COMBO-01" })
        #expect(combo.severity == .stop)
        let facts = combo.facts.joined(separator: " ")
        #expect(facts.contains("2 areas") && facts.contains("logistics (AC-07") && facts.contains("payment (FC23-05)"), "\(facts)")
        #expect(combo.citation.contains("Supp. No. 3 to 15 CFR Part 732"))
        #expect(combo.nextStep.contains("1-800-424-2980") || combo.nextStep.lowercased().contains("report"))
    }

    @Test func holdsOfOneConcernStayHold() throws {
        // AC-07 and KYC-09 are two views of the same forwarder.
        let c = try OrderFixture.check(["customer_type": "freight_forwarder", "ship_to_type": "freight_forwarder",
                                        "ship_to_name": "Pacific Freight Forwarding", "end_user_name": "unknown"])
        #expect(c.flagIDs.contains("AC-07"))
        #expect(!c.flagIDs.contains("COMBO-01"), "\(c.flagIDs)")
        let catalog = try RedFlagCatalog.bundled()
        let concerns = Set(c.findings.filter { $0.severity == .hold }.compactMap { catalog[$0.id]?.concern }.filter(\.combines))
        #expect(concerns.count == 1 && c.decision == .hold, "\(c.flagIDs)")
    }

    @Test func aLicenseRequirementDoesNotCombine() throws {
        // A lawful sale to a D:4 destination always meets REG-D1D4-LIC; with one other HOLD it stays HOLD.
        let c = try OrderFixture.check(Self.merged(["ship_to_country": "VN"], Self.declines))
        #expect(c.flagIDs.contains("REG-D1D4-LIC") && c.flagIDs.contains("KYC-07"))
        #expect(!c.flagIDs.contains("COMBO-01"), "\(c.flagIDs)")
        #expect(c.decision == .hold)
    }

    @Test func notesAndHubLiftedFlagsDoNotCount() throws {
        let note = try OrderFixture.check(Self.merged(Self.declines, ["notes": "Customer could not state the workload"]))
        #expect(note.findings.first { $0.id == "KYC-06" }?.severity == .note)
        #expect(!note.flagIDs.contains("COMBO-01"))
        // Through a hub, the NOTE becomes a HOLD (identity) next to KYC-07 (order).
        let raised = try OrderFixture.check(Self.merged(Self.declines, ["notes": "Customer could not state the workload",
            "payer_name": "Cascade Research Computing Inc.", "payer_country": "MY"]))
        #expect(raised.flagIDs.contains("HUB-01") && raised.findings.first { $0.id == "KYC-06" }?.severity == .hold)
        // A flag lifted only by HUB-01 is not suspicion of its own: no COMBO-01.
        #expect(!raised.flagIDs.contains("COMBO-01") && raised.decision == .hold, "\(raised.flagIDs)")
    }

    @Test func theConfigurationCanRaiseTheBarOrSwitchItOff() throws {
        let input = Self.merged(Self.forwarder, Self.thirdPartyPayer)
        for (json, fires) in [(#"{"flags": {"COMBO-01": {"thresholds": {"min_concerns": 3}}}}"#, false),
                              (#"{"flags": {"COMBO-01": {"enabled": false}}}"#, false),
                              (#"{"flags": {"COMBO-01": {"severity": "HOLD"}}}"#, true)] {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("combo-\(UUID().uuidString).json")
            try Data(json.utf8).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            let catalog = try RedFlagCatalog.bundled().applying(CheckConfiguration.load(path: url.path))
            let engine = try RuleEngine(catalog: catalog, groups: CountryGroups.bundled())
            let c = try OrderFixture.check(input, engine: engine)
            #expect(c.flagIDs.contains("COMBO-01") == fires, "\(json): \(c.flagIDs)")
            if fires { #expect(c.decision == .hold) }
        }
    }
}
