import Foundation
import RedFlagCore
@testable import RedFlagRules

/// Builds order lines for rule tests: a clean baseline order (a long-standing US data-centre
/// customer with complete information, buying H100s for itself) that no rule flags, changed
/// field by field so each test shows exactly which fact makes a flag fire.
enum OrderFixture {
    static let baseline: [(String, String)] = [
        ("order_id", "T-1"), ("order_date", "2026-09-01"), ("customer_id", "C-100"),
        ("customer_name", "Cascade Research Computing Inc."), ("customer_address", "1200 Research Parkway, Boise, ID 83706"),
        ("customer_country", "US"), ("customer_website", "https://cascade-rc.example"), ("customer_email", "procurement@cascade-rc.example"),
        ("customer_phone", "+1 208 555 0100"), ("customer_incorporated", "2011-04-02"), ("customer_industry", "518210"),
        ("customer_type", "data_center"), ("customer_hq_country", "US"), ("parent_name", ""), ("parent_country", ""),
        ("end_user_name", "Cascade Research Computing Inc."), ("end_user_country", "US"),
        ("end_use", "GPU cluster for climate-model training hosted for university research groups"),
        ("ship_to_name", "Cascade Research Computing Inc."), ("ship_to_address", "1200 Research Parkway, Boise, ID 83706"),
        ("ship_to_country", "US"), ("ship_to_type", "commercial"), ("transit_countries", ""), ("payer_name", ""), ("payer_country", ""),
        ("payment_terms", "net_terms"), ("item_sku", "H100-SXM5-80"), ("item_description", "NVIDIA H100 SXM5 80GB"), ("eccn", "3A090.a"),
        ("item_tpp", "15830"), ("item_dram_bandwidth", "3350"), ("quantity", "16"), ("unit_price", "30000"), ("currency", "USD"),
        ("delivery_date", "2026-10-15"), ("facility_power_kw", "2000"), ("installation", "accepted"), ("end_use_statement", "received"),
        ("site_visit", "accepted"), ("notes", ""),
    ]

    /// A customer buying since 2020, about 10 units a month in monthly orders.
    static let steadyHistory = HistorySummary(priorOrders: 12, firstOrder: CalendarDay(iso: "2020-02-01"),
                                              firstAdvancedOrder: CalendarDay(iso: "2021-03-01"),
                                              trailing12MonthQuantity: 120, trailing12MonthTPP: 120 * 15830,
                                              trailing12MonthOrders: 12)

    static func csv(_ changes: [String: String] = [:], drop: Set<String> = [], extra: [(String, String)] = []) -> String {
        let cols = baseline.filter { !drop.contains($0.0) } + extra
        func q(_ s: String) -> String { s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
        let header = cols.map(\.0).joined(separator: ",")
        let row = cols.map { q(changes[$0.0] ?? $0.1) }.joined(separator: ",")
        return header + "\n" + row + "\n"
    }

    static func line(_ changes: [String: String] = [:], drop: Set<String> = [], extra: [(String, String)] = []) throws -> OrderLine {
        let reader = try OrderReader(csv: CSVReader(data: Data(csv(changes, drop: drop, extra: extra).utf8), path: "test.csv"))
        switch try reader.next() {
        case .success(let l): return l
        case .failure(let e): throw e
        case nil: throw RedFlagError.badData(path: "test.csv", location: nil, message: "no row")
        }
    }

    static let engine: RuleEngine = {
        try! RuleEngine(catalog: RedFlagCatalog.bundled(), groups: CountryGroups.bundled())
    }()

    static func check(_ changes: [String: String] = [:], drop: Set<String> = [], history: HistorySummary = steadyHistory,
                      parties: [PartyScreening]? = [], engine: RuleEngine = engine) throws -> OrderCheck {
        engine.check(try line(changes, drop: drop), history: history, parties: parties)
    }

    static func match(list: ListCode, decision: Decision, score: Double = 0.97, basis: ScreeningMatch.Basis = .name,
                      name: String = "Listed Party Ltd.") -> ScreeningMatch {
        ScreeningMatch(score: score, id: "\(list.rawValue):1", source: .csl, list: list, name: name, matchedName: name,
                       aliasStrength: .strong, type: .entity, programs: [], countries: ["CN"], decision: decision, basis: basis,
                       explanation: MatchExplanation(nameScore: score, tokens: [], qualifiers: [],
                                                     matchedAddress: basis == .name ? nil : "Unit 5, 18/F, Wing Tat Commercial Building",
                                                     summary: "test"))
    }

    static func party(_ role: PartyScreening.Role, _ matches: [ScreeningMatch]) -> PartyScreening {
        PartyScreening(role: role, result: ScreeningResult(query: ScreeningQuery(name: "Some Party"),
                                                           decision: matches.map(\.decision).max() ?? .clear, matches: matches))
    }
}
