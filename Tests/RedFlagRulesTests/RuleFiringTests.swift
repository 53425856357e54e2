import Testing
import RedFlagCore
@testable import RedFlagRules

/// One case per flag: the baseline order does not raise it; the changed order does, at the
/// expected severity.
struct FiringCase: CustomTestStringConvertible, Sendable {
    var flag: String
    var severity: FlagSeverity
    var changes: [String: String] = [:]
    var history: HistorySummary = OrderFixture.steadyHistory
    var parties: [PartyScreening] = []
    var label: String = ""

    var testDescription: String { "\(flag) \(severity.rawValue) \(label.isEmpty ? changes.description : label)" }
}

@Suite("Each implemented rule fires on its facts and stays silent on the baseline order")
struct RuleFiringTests {
    static let none = HistorySummary.none

    static let cases: [FiringCase] = [
        FiringCase(flag: "REG-EMBARGO", severity: .stop, changes: ["ship_to_country": "Iran"]),
        FiringCase(flag: "REG-EMBARGO", severity: .stop, changes: ["transit_countries": "SY"], label: "transit through Syria"),
        FiringCase(flag: "REG-D5MO-DEST", severity: .stop, changes: ["ship_to_country": "RU"]),
        FiringCase(flag: "REG-D5MO-DEST", severity: .stop, changes: ["ship_to_country": "Hong Kong", "item_tpp": "36000", "item_dram_bandwidth": "8000"], label: "HK counts as China (B200)"),
        FiringCase(flag: "REG-D5MO-DEST", severity: .stop, changes: ["end_user_country": "MO"], label: "Macau end user"),
        FiringCase(flag: "REG-D5MO-DEST", severity: .stop, changes: ["ship_to_country": "KH", "order_date": "2026-01-20"], label: "Cambodia still D:5 before 2026-02-03"),
        FiringCase(flag: "REG-HQ-D5MO", severity: .stop, changes: ["customer_hq_country": "CN"]),
        FiringCase(flag: "REG-HQ-D5MO", severity: .stop, changes: ["parent_name": "Macau Holdings Ltd", "parent_country": "Macau"], label: "parent in Macau"),
        FiringCase(flag: "REG-D1D4-LIC", severity: .hold, changes: ["ship_to_country": "VN"]),
        FiringCase(flag: "REG-D1D4-LIC", severity: .hold, changes: ["ship_to_country": "KH", "order_date": "2026-03-01"], label: "Cambodia D:1 after leaving D:5"),
        FiringCase(flag: "REG-D1D4-LIC", severity: .hold, changes: ["ship_to_country": "AE"], label: "UAE"),
        FiringCase(flag: "REG-CN-CBC", severity: .hold, changes: ["ship_to_country": "CN", "item_dram_bandwidth": "4800", "item_description": "NVIDIA H200 141GB"]),
        FiringCase(flag: "REG-GP10-PRCIC", severity: .stop, changes: ["item_description": "Huawei Ascend 910C accelerator card"]),
        FiringCase(flag: "REG-LIST-EL", severity: .stop, parties: [OrderFixture.party(.customer, [OrderFixture.match(list: .entityList, decision: .stop)])]),
        FiringCase(flag: "REG-LIST-DPL", severity: .stop, parties: [OrderFixture.party(.shipTo, [OrderFixture.match(list: .deniedPersons, decision: .stop)])]),
        FiringCase(flag: "REG-LIST-SDN", severity: .stop, parties: [OrderFixture.party(.payer, [OrderFixture.match(list: .ofacSDN, decision: .stop)])]),
        FiringCase(flag: "REG-LIST-MEU", severity: .stop, parties: [OrderFixture.party(.endUser, [OrderFixture.match(list: .militaryEndUser, decision: .stop)])]),
        FiringCase(flag: "REG-LIST-UVL", severity: .hold, parties: [OrderFixture.party(.customer, [OrderFixture.match(list: .unverified, decision: .hold)])]),
        FiringCase(flag: "REG-LIST-OTHER", severity: .hold, parties: [OrderFixture.party(.customer, [OrderFixture.match(list: .cmic, decision: .hold)])]),
        FiringCase(flag: "AC-08", severity: .hold, parties: [OrderFixture.party(.customer, [OrderFixture.match(list: .entityList, decision: .hold, score: 0.86)])]),
        FiringCase(flag: "KYC-00", severity: .hold, parties: [OrderFixture.party(.shipTo, [OrderFixture.match(list: .entityList, decision: .hold, score: 0.8, basis: .address)])]),
        FiringCase(flag: "KYC-29", severity: .hold, changes: ["parent_name": "Listed Party Ltd."], parties: [OrderFixture.party(.parent, [OrderFixture.match(list: .entityList, decision: .stop)])]),
        FiringCase(flag: "AC-01", severity: .note, history: none, label: "first-time buyer"),
        FiringCase(flag: "AC-01", severity: .hold, changes: ["customer_incorporated": "2023-05-10"], history: none, label: "first-time buyer founded after the controls"),
        FiringCase(flag: "AC-02", severity: .hold, changes: ["quantity": "200"], label: "200 units against 10 a month"),
        FiringCase(flag: "AC-02", severity: .hold, changes: ["quantity": "64"], history: none, label: "large first order"),
        FiringCase(flag: "AC-02", severity: .hold, changes: ["quantity": "8", "eccn": "4A090.a", "item_description": "HGX H100 8-GPU server", "item_tpp": "126640"], history: none, label: "8 servers first order"),
        FiringCase(flag: "AC-03", severity: .note, changes: ["customer_industry": "bakery", "customer_type": "enterprise", "end_use": "point-of-sale terminals for our shops"]),
        FiringCase(flag: "AC-03", severity: .hold, changes: ["customer_industry": "bakery", "customer_type": "enterprise", "end_use": "point-of-sale terminals for our shops",
                                                            "ship_to_country": "CN", "end_user_country": "CN"], label: "misfit to D:5"),
        FiringCase(flag: "AC-03", severity: .hold, changes: ["end_use": "trading"], label: "generic end use"),
        FiringCase(flag: "AC-04", severity: .hold, changes: ["ship_to_type": "residential"]),
        FiringCase(flag: "AC-04", severity: .hold, changes: ["ship_to_address": "Sheung Wan, Hong Kong"], label: "no street-level detail"),
        FiringCase(flag: "AC-05", severity: .note, changes: ["customer_website": ""], label: "one sign"),
        FiringCase(flag: "AC-05", severity: .hold, changes: ["customer_website": "", "customer_email": "cascade.rc@gmail.com"], label: "two signs"),
        FiringCase(flag: "AC-06", severity: .hold, changes: ["facility_power_kw": "5"]),
        FiringCase(flag: "AC-06", severity: .hold, changes: ["facility_power_kw": ""], label: "no capacity shown"),
        FiringCase(flag: "AC-07", severity: .hold, changes: ["customer_type": "freight_forwarder"]),
        FiringCase(flag: "AC-09", severity: .hold, changes: ["customer_country": "VN"]),
        FiringCase(flag: "AC-10", severity: .note, changes: ["customer_type": "cloud", "end_user_name": ""]),
        FiringCase(flag: "AC-10", severity: .hold, changes: ["customer_type": "cloud", "end_user_name": "", "customer_website": ""], label: "with a thin footprint"),
        FiringCase(flag: "AC-10", severity: .stop, changes: ["customer_type": "cloud", "end_user_name": "Tenant X", "end_user_country": "CN"], label: "D:5 tenant"),
        FiringCase(flag: "AC-11", severity: .hold, changes: ["site_visit": "refused"]),
        FiringCase(flag: "AC-11", severity: .hold, changes: ["end_use_statement": "pending"], label: "statement pending"),
        FiringCase(flag: "KYC-01", severity: .hold, changes: ["end_use": ""]),
        FiringCase(flag: "KYC-02", severity: .note, changes: ["customer_industry": "311811", "customer_type": "enterprise", "end_use": "point-of-sale terminals for our shops"],
                   label: "NAICS retail bakeries"),
        FiringCase(flag: "KYC-02", severity: .hold, changes: ["customer_industry": "311811", "customer_type": "enterprise", "end_use": "point-of-sale terminals for our shops",
                                                             "ship_to_country": "MO", "end_user_country": "MO"], label: "NAICS retail bakeries to Macau"),
        FiringCase(flag: "KYC-03", severity: .note, changes: ["ship_to_country": "BI", "end_user_country": "BI", "quantity": "64"]),
        FiringCase(flag: "KYC-04", severity: .hold, changes: ["customer_incorporated": "2025-12-01"]),
        FiringCase(flag: "KYC-04", severity: .hold, changes: ["customer_incorporated": ""], label: "no incorporation data"),
        FiringCase(flag: "KYC-05", severity: .hold, changes: ["payment_terms": "prepaid"], history: none),
        FiringCase(flag: "KYC-06", severity: .note, changes: ["notes": "Customer could not state the workload"]),
        FiringCase(flag: "KYC-07", severity: .hold, changes: ["installation": "declined"]),
        FiringCase(flag: "KYC-08", severity: .hold, changes: ["delivery_date": "ASAP"]),
        FiringCase(flag: "KYC-09", severity: .hold, changes: ["ship_to_type": "freight_forwarder", "ship_to_name": "Pacific Freight Forwarding", "end_user_name": "unknown"]),
        FiringCase(flag: "KYC-10", severity: .note, changes: ["transit_countries": "SG;US"], label: "through a hub alone"),
        FiringCase(flag: "KYC-10", severity: .hold, changes: ["transit_countries": "CN;US"], label: "through D:5"),
        FiringCase(flag: "KYC-11", severity: .hold, changes: ["notes": "please relabel the boxes"]),
        FiringCase(flag: "KYC-11", severity: .stop, changes: ["notes": "declare as computer parts on the invoice"], label: "misdeclaration"),
        FiringCase(flag: "KYC-12", severity: .hold, changes: ["notes": "will not confirm final installation country"]),
        FiringCase(flag: "KYC-21", severity: .hold, changes: ["customer_type": "reseller", "end_user_name": "TBD"]),
        FiringCase(flag: "FC23-05", severity: .hold, changes: ["payer_name": "Gulf Star General Trading LLC", "payer_country": "AE"]),
        FiringCase(flag: "FC23-06", severity: .hold, changes: ["notes": "last-minute change of consignee"]),
        FiringCase(flag: "FC23N-07", severity: .hold, changes: ["notes": "will pay from a different bank now"]),
        FiringCase(flag: "FC23N-05", severity: .hold, changes: ["customer_phone": "+7 495 123 4567"]),
        FiringCase(flag: "HUB-01", severity: .note, changes: ["payer_name": "Cascade Research Computing Inc.", "payer_country": "MY"]),
    ]

    @Test func baselineRaisesNothing() throws {
        let c = try OrderFixture.check()
        #expect(c.findings.map(\.id) == [])
        #expect(c.decision == .clear)
        #expect(c.notEvaluated == [])
        #expect(c.license?.status == .notRequired)
    }

    @Test(arguments: cases)
    func fires(_ t: FiringCase) throws {
        let c = try OrderFixture.check(t.changes, history: t.history, parties: t.parties)
        let f = c.findings.first { $0.id == t.flag }
        #expect(f != nil, "\(t.flag) did not fire; fired: \(c.flagIDs)")
        #expect(f?.severity == t.severity)
        #expect(!(f?.facts.isEmpty ?? true))
        #expect(f?.citation.contains("http") == true)
        #expect(c.decision == c.findings.map(\.severity.decision).max())
    }

    @Test(arguments: cases)
    func silentWithoutItsFacts(_ t: FiringCase) throws {
        // The baseline facts, a steady history and the same parties screened clear.
        let c = try OrderFixture.check([:], history: OrderFixture.steadyHistory,
                                       parties: t.parties.map { OrderFixture.party($0.role, []) })
        #expect(!c.flagIDs.contains(t.flag))
    }

    /// Facts just on the safe side of each threshold.
    static let nearMisses: [FiringCase] = [
        FiringCase(flag: "AC-02", severity: .hold, changes: ["quantity": "30"], label: "exactly 3 × the monthly average"),
        FiringCase(flag: "AC-02", severity: .hold, changes: ["quantity": "63"], history: none, label: "first order of 63"),
        FiringCase(flag: "AC-06", severity: .hold, changes: ["facility_power_kw": "15"], label: "16 × 0.7 × 1.3 = 14.56 kW"),
        FiringCase(flag: "KYC-04", severity: .hold, changes: ["customer_incorporated": "2024-08-15"], label: "25 months old"),
        FiringCase(flag: "AC-01", severity: .note, history: HistorySummary(priorOrders: 1, firstOrder: CalendarDay(iso: "2022-10-06")), label: "bought the day before the controls"),
        FiringCase(flag: "KYC-05", severity: .hold, changes: ["payment_terms": "prepaid", "quantity": "8"], history: none, label: "prepaid USD 240,000"),
        FiringCase(flag: "REG-D1D4-LIC", severity: .hold, changes: ["ship_to_country": "IL", "end_user_country": "IL"], label: "Israel is D:4 and A:6"),
        FiringCase(flag: "REG-D5MO-DEST", severity: .stop, changes: ["ship_to_country": "KH", "end_user_country": "KH", "order_date": "2026-02-03"], label: "Cambodia out of D:5 from 2026-02-03"),
        FiringCase(flag: "REG-CN-CBC", severity: .hold, changes: ["ship_to_country": "CN", "item_tpp": "21000", "item_dram_bandwidth": "4800"], label: "TPP at the 21,000 cut-off"),
        FiringCase(flag: "FC23N-05", severity: .hold, changes: ["customer_phone": "+1 604 555 0100", "customer_country": "CA"], label: "+1 covers Canada"),
        FiringCase(flag: "FC23-05", severity: .hold, changes: ["payer_name": "cascade research computing inc"], label: "the customer pays"),
        FiringCase(flag: "KYC-10", severity: .hold, changes: ["transit_countries": "US"], label: "transit through the destination only"),
        FiringCase(flag: "AC-05", severity: .note, changes: ["customer_email": "procurement@cascade-rc.example"], label: "corporate domain"),
        FiringCase(flag: "AC-01", severity: .note, changes: ["order_date": "2022-03-10"], history: none, label: "first order before the controls"),
        FiringCase(flag: "REG-HQ-D5MO", severity: .stop, changes: ["customer_hq_country": "CN", "ship_to_country": "CN", "end_user_country": "CN", "item_dram_bandwidth": "4800"],
                   label: "China-headquartered customer in China: the destination rules apply"),
    ]

    @Test(arguments: nearMisses)
    func staysSilentJustBelowItsThreshold(_ t: FiringCase) throws {
        let c = try OrderFixture.check(t.changes, history: t.history)
        #expect(!c.flagIDs.contains(t.flag), "\(t.flag) fired: \(c.findings.first { $0.id == t.flag }?.facts ?? [])")
    }

    @Test func stopFindingsSayHowToReport() throws {
        let c = try OrderFixture.check(["ship_to_country": "RU"])
        let f = try #require(c.findings.first { $0.id == "REG-D5MO-DEST" })
        #expect(f.nextStep.contains("do not ship, release, finance or service"))
        #expect(f.nextStep.contains("1-800-424-2980"))
        #expect(f.nextStep.contains("764.5"))
        #expect(c.decision == .stop)
    }

    @Test func holdFindingsCarryQuestions() throws {
        let c = try OrderFixture.check(["installation": "declined"])
        let f = try #require(c.findings.first { $0.id == "KYC-07" })
        #expect(f.nextStep.hasPrefix("HOLD"))
        #expect(f.nextStep.contains("installation"))
        #expect(c.decision == .hold)
    }

    @Test func noteAloneLeavesTheLineClear() throws {
        let c = try OrderFixture.check(["notes": "Customer could not state the workload"])
        #expect(c.flagIDs == ["KYC-06"])
        #expect(c.decision == .clear)
    }

    @Test func hubRaisesOtherNotesToHold() throws {
        let c = try OrderFixture.check(["notes": "Customer could not state the workload", "payer_name": "Cascade Research Computing Inc.", "payer_country": "MY"])
        #expect(c.findings.first { $0.id == "KYC-06" }?.severity == .hold)
        #expect(c.findings.first { $0.id == "HUB-01" }?.severity == .note)
        #expect(c.decision == .hold)
    }

    @Test func caseByCaseReplacesTheD5DestinationStop() throws {
        let c = try OrderFixture.check(["ship_to_country": "CN", "end_user_country": "CN", "item_dram_bandwidth": "4800"])
        #expect(!c.flagIDs.contains("REG-D5MO-DEST"))
        #expect(c.flagIDs.contains("REG-CN-CBC"))
        #expect(c.license?.status == .caseByCase)
        let b200 = try OrderFixture.check(["ship_to_country": "CN", "end_user_country": "CN", "item_tpp": "36000", "item_dram_bandwidth": "8000"])
        #expect(b200.flagIDs.contains("REG-D5MO-DEST"))
        #expect(!b200.flagIDs.contains("REG-CN-CBC"))
        #expect(b200.license?.status == .presumptionOfDenial)
    }

    @Test func suppressedMatchesRaiseNothing() throws {
        var m = OrderFixture.match(list: .entityList, decision: .stop)
        m.suppressed = Suppression(reason: "different company", by: "jd", at: "2026-09-01")
        let c = try OrderFixture.check(parties: [OrderFixture.party(.customer, [m])])
        #expect(c.findings.isEmpty)
    }

    @Test func nonAdvancedItemsSkipTheAdvancedComputingRules() throws {
        let c = try OrderFixture.check(["eccn": "EAR99", "item_tpp": "", "item_description": "rack rails", "customer_hq_country": "CN", "quantity": "500"], history: .none)
        #expect(!c.flagIDs.contains("REG-HQ-D5MO"))
        #expect(!c.flagIDs.contains("AC-02"))
        #expect(c.license?.status == .notRequired)
    }
}
