import RedFlagCore

/// The advanced-computing diversion flags of the BIS guidance of 13 May 2025 (bis-rules.md §1.2,
/// AC-01…AC-11; AC-08 is raised by `ScreeningRules`). Thresholds are project defaults from the
/// catalog: BIS publishes none.
enum DiversionRules {
    static let all: [FlagRule] = [ac01, ac02, ac03, ac04, ac05, ac06, ac07, ac09, ac10, ac11]

    /// First-time advanced-IC buyer with no history before the October 2022 controls.
    static let ac01 = FlagRule("AC-01", thresholds: ["controls_date"], advancedOnly: true) { ctx, def in
        let controls = def.dateThreshold("controls_date")
        // The customer's first purchase: the earliest known order, or this one.
        let first = min(ctx.history.firstOrder ?? ctx.day, ctx.day)
        guard first >= controls else { return nil }
        var facts = [ctx.history.firstOrder.map { "first order with us: \($0) (on or after the controls of \(controls))" }
                        ?? "no earlier order from customer_id = \(ctx.line.customerID) (first-time buyer after the controls of \(controls))"]
        var strong = false
        if let inc = ctx.line.text(.customerIncorporated), let d = CalendarDay(iso: inc), d >= controls {
            facts.append("customer_incorporated = \(inc) (on or after \(controls))")
            strong = true
        }
        return Hit(strong: strong, facts: facts)
    }

    /// Order volume out of line with the customer's own 12-month history, or a large first order.
    static let ac02 = FlagRule("AC-02", thresholds: ["spike_factor", "first_order_accelerators", "first_order_servers", "max_order_tpp"],
                               advancedOnly: true) { ctx, def in
        let qty = ctx.line.quantity
        let factor = def.threshold("spike_factor")
        let orderTPP = (ctx.item.tpp ?? 0) * qty
        var facts: [String] = []
        let h = ctx.history
        if h.trailing12MonthQuantity > 0 {
            // The baseline is the larger of the monthly average and the average order: a buyer
            // who orders 8 units twice a year is not "spiking" when the third order is 8 again.
            let monthly = h.trailing12MonthQuantity / 12
            let perOrder = h.trailing12MonthQuantity / Double(max(1, h.trailing12MonthOrders))
            let baseline = max(monthly, perOrder)
            if qty > factor * baseline {
                facts.append("quantity = \(Format.number(qty)) > \(Format.number(factor)) × \(Format.number(baseline)) (trailing 12 months: \(Format.number(h.trailing12MonthQuantity)) units in \(h.trailing12MonthOrders) orders)")
            }
            if h.trailing12MonthTPP > 0, orderTPP > factor * h.trailing12MonthTPP {
                facts.append("order TPP = \(Format.number(orderTPP)) > \(Format.number(factor)) × trailing-12-month TPP \(Format.number(h.trailing12MonthTPP))")
            }
        } else {
            let limit = ctx.item.isServer ? def.threshold("first_order_servers") : def.threshold("first_order_accelerators")
            if qty >= limit {
                facts.append("quantity = \(Format.number(qty)) \(ctx.item.isServer ? "servers" : "accelerators") ≥ \(Format.number(limit)) with no order in the previous 12 months")
            }
        }
        if orderTPP >= def.threshold("max_order_tpp") {
            facts.append("order TPP = \(Format.number(orderTPP)) ≥ \(Format.number(def.threshold("max_order_tpp"))) (the former LPP yearly ceiling)")
        }
        return facts.isEmpty ? nil : Hit(facts: facts)
    }

    /// Whether the industry column names a line of business that plausibly needs AI compute.
    static func industryFits(_ ctx: RuleContext, _ def: FlagDefinition) -> Bool {
        guard let raw = ctx.line.text(.customerIndustry)?.lowercased() else { return false }
        let digits = raw.filter(\.isNumber)
        if digits.count >= 3, raw.allSatisfy({ $0.isNumber || $0 == " " || $0 == "-" }) {
            return def.termList("naics_prefixes").contains { digits.hasPrefix($0) }
        }
        return ctx.quotedWord(in: .customerIndustry, def, "industry_words") != nil
    }

    /// The length of a statement in Latin-script characters: a Han character says about what three
    /// Latin letters do ("大学超算中心气候模拟研究", 12 characters, is "university supercomputing
    /// centre climate simulation research"), so a Chinese statement is not "short" by its count.
    static func informationLength(_ s: String) -> Int {
        var n = 0
        for u in s.unicodeScalars { n += TextTokens.isHan(u.value) ? 3 : 1 }
        return n
    }

    static func genericEndUse(_ ctx: RuleContext, _ def: FlagDefinition) -> String? {
        guard let use = ctx.line.text(.endUse) else { return "end_use = (empty)" }
        let l = use.lowercased()
        if OrderLine.isPlaceholder(use) || def.termList("generic_end_uses").contains(l) || informationLength(use) < Int(def.threshold("min_end_use_chars")) {
            return "end_use = \(use) (blank, generic or shorter than \(Format.number(def.threshold("min_end_use_chars"))) characters)"
        }
        return nil
    }

    static let ac03 = FlagRule("AC-03", thresholds: ["min_end_use_chars"], terms: ["naics_prefixes", "industry_words", "generic_end_uses"],
                               advancedOnly: true) { ctx, def in
        var facts: [String] = []
        if !industryFits(ctx, def) { facts.append("\(ctx.fact(.customerIndustry)) (not a line of business that needs advanced ICs)") }
        if let g = genericEndUse(ctx, def) { facts.append(g) }
        return facts.isEmpty ? nil : Hit(facts: facts)
    }

    static let ac04 = FlagRule("AC-04", thresholds: ["min_quantity", "min_order_value"], terms: ["address_types"]) { ctx, def in
        Hit.merge(vagueAddress(ctx, def), ctx.textHit(def))
    }

    static func vagueAddress(_ ctx: RuleContext, _ def: FlagDefinition) -> Hit? {
        var facts: [String] = []
        let big = ctx.line.quantity >= def.threshold("min_quantity") || (ctx.orderValue ?? 0) >= def.threshold("min_order_value")
        if let t = ctx.line.text(.shipToType)?.lowercased(), def.termList("address_types").contains(t), big {
            facts.append("ship_to_type = \(t)")
            facts.append("quantity = \(Format.number(ctx.line.quantity))" + (ctx.orderValue.map { ", order value = \(Format.number($0))" } ?? ""))
        }
        if let a = ctx.line.text(.shipToAddress), !a.contains(where: \.isNumber) {
            facts.append("ship_to_address = \(a) (no street-level detail)")
        }
        return facts.isEmpty ? nil : Hit(facts: facts)
    }

    /// Thin customer information: each missing identity fact is one sign.
    static func thinSigns(_ ctx: RuleContext, _ def: FlagDefinition, controls: CalendarDay) -> [String] {
        var signs: [String] = []
        if ctx.line.text(.customerWebsite) == nil { signs.append("customer_website = (empty): no website") }
        if let e = ctx.line.text(.customerEmail)?.lowercased() {
            let domain = e.split(separator: "@").last.map(String.init) ?? ""
            if def.termList("webmail_domains").contains(domain) { signs.append("customer_email = \(e) (free webmail domain)") }
        } else {
            signs.append("customer_email = (empty)")
        }
        if ctx.line.text(.customerAddress) == nil { signs.append("customer_address = (empty)") }
        if let inc = ctx.line.text(.customerIncorporated) {
            if let d = CalendarDay(iso: inc), d >= controls { signs.append("customer_incorporated = \(inc) (younger than the October 2022 controls)") }
        } else {
            signs.append("customer_incorporated = (empty): no incorporation data")
        }
        return signs
    }

    static let ac05 = FlagRule("AC-05", thresholds: ["hold_signs", "controls_date"], terms: ["webmail_domains"]) { ctx, def in
        let signs = thinSigns(ctx, def, controls: def.dateThreshold("controls_date"))
        guard !signs.isEmpty else { return nil }
        return Hit(strong: Double(signs.count) >= def.threshold("hold_signs"), facts: signs)
    }

    static let ac06 = FlagRule("AC-06", thresholds: ["accelerator_kw", "server_kw", "headroom"], terms: ["data_center_types"],
                               advancedOnly: true) { ctx, def in
        guard let t = ctx.line.text(.customerType)?.lowercased(), def.termList("data_center_types").contains(t) else { return nil }
        let unit = ctx.item.isServer ? def.threshold("server_kw") : def.threshold("accelerator_kw")
        let need = ctx.line.quantity * unit * def.threshold("headroom")
        guard let kw = ctx.line.number(.facilityPowerKW) else {
            return Hit(facts: ["customer_type = \(t)", "facility_power_kw = (empty): the data centre has not shown its capacity"])
        }
        guard kw < need else { return nil }
        return Hit(facts: ["customer_type = \(t)", "facility_power_kw = \(Format.number(kw)) < \(Format.number(need)) kW needed (\(Format.number(ctx.line.quantity)) × \(Format.number(unit)) kW × \(Format.number(def.threshold("headroom"))))"])
    }

    static let ac07 = FlagRule("AC-07", terms: ["intermediary_types", "intermediary_words", "operator_words"], advancedOnly: true) { ctx, def in
        var facts: [String] = []
        if let t = ctx.line.text(.customerType)?.lowercased(), def.termList("intermediary_types").contains(t) {
            facts.append("customer_type = \(t) (not a usual advanced-semiconductor distributor)")
        }
        // Whole words only ("Freightliner" is not freight); a name that also says what the party
        // runs ("… Logistics Research Institute", "Cargo Aircraft Maintenance Training School") is an
        // operator of its own, not an intermediary.
        if let w = ctx.quotedWord(in: .endUserName, def, "intermediary_words"), ctx.quotedWord(in: .endUserName, def, "operator_words") == nil {
            facts.append("\(w) (the end user's name is a forwarder's, logistics or trading firm's)")
        }
        return facts.isEmpty ? nil : Hit(facts: facts)
    }

    /// Location indicators of the customer or end user in D:1 / D:4 / D:5 or Macau (HQ and
    /// destination license triggers are REG-HQ-D5MO, REG-D5MO-DEST and REG-D1D4-LIC).
    static let ac09 = FlagRule("AC-09", advancedOnly: true) { ctx, _ in
        var facts: [String] = []
        for c in [OrderColumn.customerCountry, .endUserCountry] {
            guard let code = ctx.line.country(c) else { continue }
            if ctx.groups.isD5OrMacau(code, on: ctx.day) || ctx.groups.isD1D4LicenseDestination(code, on: ctx.day) {
                let g = ctx.groups.groups(of: code, on: ctx.day).filter { $0.hasPrefix("D:") }
                facts.append("\(c.rawValue) = \(code) (\(g.isEmpty ? "Macau" : g.joined(separator: ", ")))")
            }
        }
        return facts.isEmpty ? nil : Hit(facts: facts)
    }

    static let ac10 = FlagRule("AC-10", terms: ["iaas_types", "iaas_words"], advancedOnly: true) { ctx, def in
        let type = ctx.line.text(.customerType)?.lowercased() ?? ""
        let word = ctx.firstTerm(in: .endUse, def.termList("iaas_words"))
        guard def.termList("iaas_types").contains(type) || word != nil else { return nil }
        let basis = word.map { "end_use mentions '\($0)'" } ?? "customer_type = \(type)"
        let endUser = ctx.line.text(.endUserName)
        let ownUse = endUser.map { TextFolding.fold($0) == TextFolding.fold(ctx.line.text(.customerName) ?? "") } ?? false
        if !ownUse, let code = ctx.line.country(.endUserCountry), ctx.groups.isD5OrMacau(code, on: ctx.day) {
            return Hit(strong: true, facts: [basis, "end_user_country = \(code) (D:5 or Macau tenant)"])
        }
        if ownUse || (endUser.map(OrderLine.isPlaceholder) ?? true) {
            return Hit(facts: [basis, "\(ctx.fact(.endUserName)): the IaaS customer has not said who will use the compute"])
        }
        return nil
    }

    static let ac11 = FlagRule("AC-11", terms: ["refusals"]) { ctx, def in
        Hit.merge(refusals(ctx, def), ctx.textHit(def))
    }

    static func refusals(_ ctx: RuleContext, _ def: FlagDefinition) -> Hit? {
        var facts: [String] = []
        let refusals = def.termList("refusals")
        if let s = ctx.line.text(.endUseStatement)?.lowercased(), refusals.contains(s) { facts.append("end_use_statement = \(s)") }
        if let s = ctx.line.text(.siteVisit)?.lowercased(), s == "refused" { facts.append("site_visit = \(s)") }
        return facts.isEmpty ? nil : Hit(facts: facts)
    }
}
