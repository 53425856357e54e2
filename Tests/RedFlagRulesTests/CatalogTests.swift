import Foundation
import Testing
import RedFlagCore
@testable import RedFlagRules

@Suite("Catalog and user configuration")
struct CatalogTests {
    @Test func bundledCatalogCoversEveryRuleAndEverySummaryFlag() throws {
        let catalog = try RedFlagCatalog.bundled()
        try catalog.validate(requirements: RuleSet.requirements)
        for id in ["AC-01", "AC-11", "KYC-00", "KYC-29", "REG-LIST-DPL", "REG-CN-CBC", "REG-AFFIL-50", "HUB-01", "DIV24-PG"] {
            #expect(catalog[id] != nil, "\(id) missing")
        }
        for f in catalog.flags {
            #expect(f.source.url.hasPrefix("http"), "\(f.id) has no source URL")
            #expect(CalendarDay(iso: f.source.date) != nil, "\(f.id) source date")
            if !f.evaluable { #expect(f.needs != nil, "\(f.id) says not evaluable without saying what it needs") }
            for field in f.fields { #expect(OrderColumn(rawValue: field) != nil, "\(f.id) reads unknown column \(field)") }
        }
        let implemented = Set(RuleSet.implementedIDs)
        let checked = catalog.flags.filter { implemented.contains($0.id) }
        #expect(checked.allSatisfy { $0.evaluable })
    }

    func write(_ json: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rf-config-\(UUID().uuidString).json")
        try json.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func configurationChangesThresholdsSeveritiesAndSwitchesOff() throws {
        let path = try write(#"{"flags": {"AC-02": {"thresholds": {"spike_factor": 30}}, "KYC-07": {"enabled": false}, "AC-05": {"severity": "HOLD"}}}"#)
        let config = try CheckConfiguration.load(path: path)
        #expect(config.identity.hasPrefix(path + " (sha256 "))
        let catalog = try RedFlagCatalog.bundled().applying(config)
        #expect(catalog.configuration == config.identity)
        let engine = try RuleEngine(catalog: catalog, groups: CountryGroups.bundled())
        let spike = try OrderFixture.check(["quantity": "200", "installation": "declined", "customer_website": ""], engine: engine)
        #expect(!spike.flagIDs.contains("AC-02"))
        #expect(!spike.flagIDs.contains("KYC-07"))
        #expect(spike.findings.first { $0.id == "AC-05" }?.severity == .hold)
        let defaults = try OrderFixture.check(["quantity": "200", "installation": "declined"])
        #expect(defaults.flagIDs.contains("AC-02") && defaults.flagIDs.contains("KYC-07"))
    }

    @Test func configurationTyposAreErrors() throws {
        let catalog = try RedFlagCatalog.bundled()
        for bad in [#"{"flags": {"AC-99": {"enabled": false}}}"#, #"{"flags": {"AC-02": {"thresholds": {"spike": 2}}}}"#,
                    #"{"flags": {"AC-02": {"severity": "MAYBE"}}}"#, "not json"] {
            #expect(throws: RedFlagError.self) { try catalog.applying(CheckConfiguration.load(path: write(bad))) }
        }
        #expect(throws: RedFlagError.fileNotFound(path: "/nonexistent/config.json")) {
            try CheckConfiguration.load(path: "/nonexistent/config.json")
        }
    }
}
