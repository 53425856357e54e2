import Testing
@testable import RedFlagRules

@Suite("License determination per order line")
struct LicenseTests {
    func status(_ changes: [String: String], drop: Set<String> = []) throws -> LicenseDetermination {
        try #require(try OrderFixture.check(changes, drop: drop).license)
    }

    @Test func statuses() throws {
        #expect(try status([:]).status == .notRequired)
        #expect(try status(["ship_to_country": "RU"]).status == .presumptionOfDenial)
        #expect(try status(["customer_hq_country": "CN"]).status == .presumptionOfDenial)
        #expect(try status(["ship_to_country": "VN"]).status == .presumptionOfApproval)
        #expect(try status(["ship_to_country": "CN", "end_user_country": "CN", "item_dram_bandwidth": "4800"]).status == .caseByCase)
        #expect(try status(["ship_to_country": "CU"]).status == .presumptionOfDenial)
        #expect(try status(["item_description": "Huawei Ascend 910B"]).status == .presumptionOfDenial)
    }

    @Test func missingFactsAreNamed() throws {
        let noECCN = try status(["eccn": "", "item_tpp": "", "item_sku": "X-1", "item_description": "custom accelerator board"])
        #expect(noECCN.status == .notDetermined)
        #expect(noECCN.missing == ["eccn", "item_tpp"])
        let cnNoBandwidth = try status(["ship_to_country": "CN", "end_user_country": "CN", "item_dram_bandwidth": "", "item_description": "custom accelerator board", "item_sku": "X-1"])
        #expect(cnNoBandwidth.status == .notDetermined)
        #expect(cnNoBandwidth.missing == ["item_dram_bandwidth"])
        let noShipTo = try status(["ship_to_country": "", "end_user_country": ""])
        #expect(noShipTo.missing.contains("ship_to_country"))
    }

    @Test func absentColumnsAreReportedNotEvaluated() throws {
        let c = try OrderFixture.check([:], drop: ["facility_power_kw", "notes", "transit_countries"])
        #expect(c.notEvaluated.contains("AC-06: no facility_power_kw column"))
        #expect(c.notEvaluated.contains("KYC-06: no notes column"))
        #expect(c.notEvaluated.contains("KYC-10: no transit_countries column"))
        let noLists = try OrderFixture.check([:], parties: nil)
        #expect(noLists.notEvaluated.contains("REG-LIST-EL: no screening lists loaded"))
        let noECCN = try OrderFixture.check(["item_sku": "X-1", "item_description": "custom accelerator board"], drop: ["eccn", "item_tpp"])
        #expect(noECCN.notEvaluated.contains("AC-02: no eccn column"))
        #expect(noECCN.notEvaluated.contains { $0.hasPrefix("REG-D5MO-DEST: item classification unknown") })
    }
}
