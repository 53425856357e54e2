/// Decides the license status of one order line for the advanced-computing controls (bis-rules.md
/// §5.1, §5.3, §5.4): the enforced pre-Diffusion regime plus the D:5 / Macau headquarters rule.
enum LicenseRules {
    /// The catalog flags the determination reads, resolved once per engine rather than per line.
    struct Flags: Sendable {
        /// General Prohibition 10 (`REG-GP10-PRCIC`): its rule decides presumption of denial.
        var gp10: FlagDefinition?
        /// The China case-by-case path (`REG-CN-CBC`), when enabled.
        var caseByCase: FlagDefinition?

        init(_ catalog: RedFlagCatalog) {
            gp10 = catalog["REG-GP10-PRCIC"]
            caseByCase = catalog["REG-CN-CBC"]
        }
    }

    /// The determination, with the line's license or License Exception recorded when one is needed.
    static func determine(_ ctx: RuleContext, flags: Flags) -> LicenseDetermination {
        var d = requirement(ctx, flags: flags)
        if d.status.requiresLicense {
            let parts = [ctx.line.text(.licenseNumber).map { "license_number = \($0)" },
                         ctx.line.text(.licenseException).map { "license_exception = \($0)" }].compactMap { $0 }
                .filter { !OrderLine.isPlaceholder(String($0.split(separator: "=").last ?? "").trimmingCharacters(in: .whitespaces)) }
            if !parts.isEmpty { d.authorization = parts.joined(separator: ", ") }
        }
        // What the item catalog filled is part of the reasoning: say so.
        d.basis += ctx.item.filledFacts
        return d
    }

    static func requirement(_ ctx: RuleContext, flags: Flags) -> LicenseDetermination {
        let caseByCase = flags.caseByCase
        let groups = ctx.groups, day = ctx.day
        let embargo = ctx.embargoFacts
        if !embargo.isEmpty {
            return LicenseDetermination(status: .presumptionOfDenial, basis: embargo.map { "embargo (Supp. No. 1 to Part 740, E:1/E:2): \($0)" })
        }
        if let gp10 = flags.gp10, let hit = RegulatoryRules.prcIC.evaluate(ctx, gp10) {
            return LicenseDetermination(status: .presumptionOfDenial, basis: ["General Prohibition 10 (BIS guidance 13 May 2025): " + hit.facts.joined(separator: "; ")])
        }
        guard ctx.item.isAdvanced else {
            if ctx.item.eccn == nil {
                var missing = ["eccn"]
                if ctx.item.tpp == nil { missing.append("item_tpp") }
                return LicenseDetermination(status: .notDetermined, basis: ["the item's classification is unknown"], missing: missing)
            }
            if let dest = ctx.line.country(.shipToCountry), ["RU", "BY"].contains(dest) {
                return LicenseDetermination(status: .presumptionOfDenial, basis: ["ship_to_country = \(dest): 15 CFR Part 746 Russia/Belarus controls cover items beyond the CCL"])
            }
            return LicenseDetermination(status: .notRequired,
                                        basis: ["eccn = \(ctx.item.eccn!) is not 3A090 / 4A090 / .z: the advanced-computing license rules do not apply (other EAR controls are outside this check)"])
        }
        var missing: [String] = []
        if ctx.line.country(.shipToCountry) == nil { missing.append("ship_to_country") }
        // Headquarters: customer_hq_country, else where the customer is (customer_country, a
        // required column), and parent_country: `headquartersFacts` reads them.
        let hq = RegulatoryRules.headquartersFacts(ctx)
        var d5: [String] = []
        for (c, code) in ctx.destinations where groups.isD5OrMacau(code, on: day) { d5.append("\(c.rawValue) = \(code)") }
        if !d5.isEmpty {
            let chinaOnly = ctx.destinations.allSatisfy { ["CN", "MO"].contains(groups.canonical($0.1)) }
            if chinaOnly, let cbc = caseByCase {
                if let facts = RegulatoryRules.caseByCaseFacts(ctx, cbc) {
                    return LicenseDetermination(status: .caseByCase, basis: ["91 FR 1684 (effective 2026-01-15): " + facts.joined(separator: ", ") + "; exports from the US only, with the exporter's certifications"])
                }
                if day >= cbc.dateThreshold("effective_date"), ctx.item.chipTPP == nil || ctx.item.chipDRAMBandwidth == nil {
                    return LicenseDetermination(status: .notDetermined,
                                                basis: ["license required (\(d5.joined(separator: ", ")) is D:5 or Macau); case-by-case or presumption of denial depends on TPP and DRAM bandwidth per chip"],
                                                missing: [ctx.item.chipTPP == nil ? "item_tpp" : nil, ctx.item.chipDRAMBandwidth == nil ? "item_dram_bandwidth" : nil].compactMap { $0 })
                }
            }
            return LicenseDetermination(status: .presumptionOfDenial, basis: ["§742.6(a)(6): \(d5.joined(separator: ", ")) is D:5 or Macau (presumption of denial)"])
        }
        if !hq.isEmpty {
            return LicenseDetermination(status: .presumptionOfDenial, basis: ["§742.6(a)(6)(iii)(A) headquarters rule (BIS guidance 31 May 2026): " + hq.joined(separator: ", ")])
        }
        if !missing.isEmpty {
            return LicenseDetermination(status: .notDetermined, basis: ["destination or headquarters unknown"], missing: missing)
        }
        var d1d4: [String] = []
        for (c, code) in ctx.destinations {
            if groups.isD1D4LicenseDestination(code, on: day) { d1d4.append("\(c.rawValue) = \(code) (D:1/D:4, not A:5/A:6)") }
            else if code == "AE" { d1d4.append("\(c.rawValue) = AE (named 3A090/4A090 license destination; Supp. No. 8 to Part 740 parties exempt)") }
        }
        if !d1d4.isEmpty, ctx.item.paragraph != "c" {
            return LicenseDetermination(status: .presumptionOfApproval,
                                        basis: ["§742.6(a)(6)(iii): " + d1d4.joined(separator: ", ")
                                                + "; license review policy of §742.6 for D:1 / D:4 destinations (no D:5 or Macau headquarters): presumption of approval; License Exception ACA may apply"])
        }
        let dest = ctx.line.country(.shipToCountry)!
        let g = groups.groups(of: dest, on: day)
        return LicenseDetermination(status: .notRequired,
                                    basis: ["ship_to_country = \(dest) (\(g.isEmpty ? "no country group" : g.joined(separator: ", "))) is not a license destination for \(ctx.item.eccn ?? "3A090/4A090") and no headquarters in D:5 or Macau"])
    }
}
