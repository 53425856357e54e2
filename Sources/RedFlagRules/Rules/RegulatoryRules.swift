/// The hard regulatory checks for advanced-computing items (bis-rules.md §4, §5): embargoes,
/// D:5 / Macau destinations and headquarters, D:1 / D:4 license destinations, the January 2026
/// case-by-case path and PRC advanced ICs under GP10.
enum RegulatoryRules {
    static let all: [FlagRule] = [embargo, d5Destination, headquarters, d1d4, chinaCaseByCase, prcIC]

    /// The country columns checked for embargoes, with transit.
    static func embargoFacts(_ line: OrderLine, groups: CountryGroups) -> [String] {
        var facts: [String] = []
        let day = line.orderDate
        for c in [OrderColumn.shipToCountry, .endUserCountry, .customerCountry, .payerCountry, .customerHQCountry, .parentCountry] {
            if let code = line.country(c), groups.isEmbargoed(code, on: day) {
                facts.append("\(c.rawValue) = \(code) (\(groups.groups(of: code, on: day).filter { $0.hasPrefix("E:") }.joined(separator: ", ")))")
            }
        }
        for code in line.transit where groups.isEmbargoed(code, on: day) {
            facts.append("transit_countries includes \(code) (embargoed)")
        }
        return facts
    }

    static let embargo = FlagRule("REG-EMBARGO") { ctx, _ in
        ctx.embargoFacts.isEmpty ? nil : Hit(facts: ctx.embargoFacts)
    }

    /// Whether the January 2026 case-by-case path (91 FR 1684) can apply: destination CN / MO
    /// (HK counts as CN), TPP < 21,000 and DRAM bandwidth < 6,500 GB/s.
    ///
    /// Dated like the country groups: orders before the rule's effective date (15 January 2026,
    /// `effective_date`) get no case-by-case path. The thresholds are read per chip (the 3A090
    /// Technical Notes define TPP for an IC, and the rule covers "the Nvidia H200 and its
    /// equivalents"): a server or rack of H200s qualifies by its chips, not by the system's sum.
    static func caseByCaseFacts(_ ctx: RuleContext, _ def: FlagDefinition) -> [String]? {
        guard let dest = ctx.line.country(.shipToCountry), ["CN", "MO"].contains(ctx.groups.canonical(dest)),
              ctx.day >= def.dateThreshold("effective_date"),
              let tpp = ctx.item.chipTPP, let bw = ctx.item.chipDRAMBandwidth,
              tpp < def.threshold("max_tpp"), bw < def.threshold("max_dram_bandwidth_gbps") else { return nil }
        if let end = ctx.line.country(.endUserCountry), !["CN", "MO"].contains(ctx.groups.canonical(end)),
           ctx.groups.isD5OrMacau(end, on: ctx.day) { return nil }
        var facts = ["ship_to_country = \(dest)", "order_date = \(ctx.day) on or after \(def.dateThreshold("effective_date")) (91 FR 1684 effective)",
                     "TPP per chip = \(Format.number(tpp)) < \(Format.number(def.threshold("max_tpp")))",
                     "DRAM bandwidth per chip = \(Format.number(bw)) GB/s < \(Format.number(def.threshold("max_dram_bandwidth_gbps")))"]
        facts += ctx.item.filledFacts
        return facts
    }

    static let d5Destination = FlagRule("REG-D5MO-DEST", advancedOnly: true) { ctx, _ in
        var facts: [String] = []
        for (c, code) in ctx.destinations where ctx.groups.isD5OrMacau(code, on: ctx.day) {
            let why = ctx.groups.canonical(code) == "MO" ? "Macau" : (code == "HK" ? "Hong Kong = China, D:5" : "D:5")
            facts.append("\(c.rawValue) = \(code) (\(why))")
        }
        guard !facts.isEmpty else { return nil }
        // Where the H200-class case-by-case path applies, REG-CN-CBC reports it instead.
        if let cbc = ctx.catalog["REG-CN-CBC"], cbc.enabled, caseByCaseFacts(ctx, cbc) != nil,
           ctx.destinations.allSatisfy({ ["CN", "MO"].contains(ctx.groups.canonical($0.1)) }) { return nil }
        return Hit(facts: [ctx.item.advancedBasis ?? "advanced-computing item"] + facts)
    }

    /// The customer's headquarters is `customer_hq_country`; when the export leaves it empty, where
    /// the order says the customer is (`customer_country`) stands for it, and the fact says so: a
    /// buyer located in China with no HQ given is never "no license required".
    static func headquartersFacts(_ ctx: RuleContext) -> [String] {
        var facts: [String] = []
        func label(_ code: String) -> String { ctx.groups.canonical(code) == "MO" ? "Macau" : "D:5" }
        if let code = ctx.line.country(.customerHQCountry) {
            if ctx.groups.isD5OrMacau(code, on: ctx.day) { facts.append("customer_hq_country = \(code) (\(label(code)))") }
        } else if let code = ctx.line.country(.customerCountry), ctx.groups.isD5OrMacau(code, on: ctx.day) {
            facts.append("customer_hq_country = (empty); customer_country = \(code) (\(label(code))): the customer is located there, headquarters taken to be there until shown otherwise")
        }
        if let code = ctx.line.country(.parentCountry), ctx.groups.isD5OrMacau(code, on: ctx.day) {
            facts.append("parent_country = \(code) (\(label(code)))")
        }
        return facts
    }

    static let headquarters = FlagRule("REG-HQ-D5MO", advancedOnly: true) { ctx, _ in
        let facts = headquartersFacts(ctx)
        // Shipments into D:5 / Macau are REG-D5MO-DEST's (or REG-CN-CBC's); this rule catches
        // D:5 / Macau-headquartered entities located elsewhere.
        guard !facts.isEmpty, !ctx.destinations.contains(where: { ctx.groups.isD5OrMacau($0.1, on: ctx.day) }) else { return nil }
        var all = [ctx.item.advancedBasis ?? "advanced-computing item"] + facts
        if let p = ctx.line.text(.parentName) { all.append("parent_name = \(p)") }
        return Hit(facts: all)
    }

    static let d1d4 = FlagRule("REG-D1D4-LIC", advancedOnly: true) { ctx, _ in
        guard ctx.item.paragraph != "c" else { return nil }
        var facts: [String] = []
        for (c, code) in ctx.destinations where !ctx.groups.isD5OrMacau(code, on: ctx.day) {
            if ctx.groups.isD1D4LicenseDestination(code, on: ctx.day) {
                facts.append("\(c.rawValue) = \(code) (\(ctx.groups.groups(of: code, on: ctx.day).filter { $0.hasPrefix("D:") }.joined(separator: ", ")), not A:5/A:6)")
            } else if code == "AE" {
                facts.append("\(c.rawValue) = AE (UAE is a named license destination for 3A090/4A090 unless the consignee is exempt under Supp. No. 8 to Part 740)")
            }
        }
        return facts.isEmpty ? nil : Hit(facts: [ctx.item.advancedBasis ?? "advanced-computing item"] + facts)
    }

    static let chinaCaseByCase = FlagRule("REG-CN-CBC", thresholds: ["max_tpp", "max_dram_bandwidth_gbps", "effective_date"], advancedOnly: true) { ctx, def in
        guard let facts = caseByCaseFacts(ctx, def) else { return nil }
        return Hit(facts: facts + ["export must be from the US, with the exporter's certifications and the 50% volume cap (91 FR 1684)"])
    }

    /// General Prohibition 10 and PRC-designed 3A090 chips: any chip the item catalog says is
    /// designed in China (Huawei Ascend, Cambricon, Hygon, Biren, Moore Threads, MetaX, Iluvatar
    /// CoreX, Enflame…, also named in Chinese), unless its TPP is below `min_tpp` (1,600: under
    /// every 3A090 paragraph, e.g. an edge inference card); a chip with unpublished TPP counts
    /// until the order gives `item_tpp`. `models` adds names outside the catalog.
    static let prcIC = FlagRule("REG-GP10-PRCIC", thresholds: ["min_tpp"], terms: ["models"]) { ctx, def in
        if let e = ctx.item.catalogEntry, ctx.item.prcDesigned {
            let tpp = ctx.line.number(.itemTPP).map { $0 / e.chipsPerUnit } ?? e.chipTPP
            if let tpp, tpp < def.threshold("min_tpp") { return nil }
            let level = tpp.map { "TPP per chip \(Format.number($0)) ≥ \(Format.number(def.threshold("min_tpp")))" }
                ?? "TPP not published: treated as a 3A090 chip until the order gives item_tpp"
            return Hit(facts: ["item_sku / item_description = \(ctx.line.text(.itemSKU) ?? "") \(ctx.line.text(.itemDescription) ?? "")"
                                .trimmingCharacters(in: .whitespaces) + " is \(e.product), PRC-designed (\(level))", e.citation])
        }
        let terms = def.termList("models")
        for c in [OrderColumn.itemDescription, .itemSKU] {
            if let t = ctx.firstTerm(in: c, terms) { return Hit(facts: ["\(ctx.fact(c)) (matches '\(t)': PRC-designed 3A090 IC)"]) }
        }
        return nil
    }
}
