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

    /// Order volume out of line with the customer's own history: more than `spike_factor` times
    /// its average advanced-computing order (units, and TPP) over the previous 12 months; with no
    /// order in that window, a first order of `first_order_accelerators` / `first_order_servers`.
    /// No absolute yardstick: the rescinded diffusion rule's LPP ceiling measured nothing about
    /// this customer.
    static let ac02 = FlagRule("AC-02", thresholds: ["spike_factor", "first_order_accelerators", "first_order_servers"],
                               advancedOnly: true) { ctx, def in
        let qty = ctx.line.quantity
        let factor = def.threshold("spike_factor")
        let orderTPP = (ctx.item.tpp ?? 0) * qty
        var facts: [String] = []
        let h = ctx.history
        if h.trailing12MonthOrders > 0, h.trailing12MonthQuantity > 0 {
            let orders = Double(h.trailing12MonthOrders)
            let usual = h.trailing12MonthQuantity / orders
            if qty > factor * usual {
                facts.append("quantity = \(Format.number(qty)) > \(Format.number(factor)) × \(Format.number(usual)), the customer's average order (\(Format.number(h.trailing12MonthQuantity)) units in \(h.trailing12MonthOrders) orders over the previous 12 months)")
            }
            let usualTPP = h.trailing12MonthTPP / orders
            if usualTPP > 0, orderTPP > factor * usualTPP {
                facts.append("order TPP = \(Format.number(orderTPP)) > \(Format.number(factor)) × \(Format.number(usualTPP)), the customer's average order TPP over the previous 12 months")
            }
        } else {
            let limit = ctx.item.isServer ? def.threshold("first_order_servers") : def.threshold("first_order_accelerators")
            if qty >= limit {
                facts.append("quantity = \(Format.number(qty)) \(ctx.item.isServer ? "servers" : "accelerators") ≥ \(Format.number(limit)) with no order in the previous 12 months")
            }
        }
        return facts.isEmpty ? nil : Hit(facts: facts)
    }

    /// Whether the industry column names a line of business in the table of industries that
    /// plausibly need advanced ICs (NAICS prefixes, or words for a free-text industry).
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

    /// The line of business judged from the industry together with the customer type and the
    /// stated end use: nil when one of them shows a plausible need for advanced ICs, else the fact.
    static func businessMisfit(_ ctx: RuleContext, _ def: FlagDefinition) -> String? {
        if industryFits(ctx, def) { return nil }
        if let t = ctx.line.text(.customerType)?.lowercased(), def.termList("plausible_types").contains(t) { return nil }
        if ctx.firstTerm(in: .endUse, def.termList("workload_words")) != nil { return nil }
        return "\(ctx.fact(.customerIndustry)), \(ctx.fact(.customerType)) and \(ctx.fact(.endUse)): no line of business in the table of industries that need advanced ICs"
    }

    /// A destination in D:5 or Macau: where a misfit alone is a HOLD rather than a NOTE.
    static func d5Destination(_ ctx: RuleContext) -> String? {
        ctx.destinations.first { ctx.groups.isD5OrMacau($0.1, on: ctx.day) }.map { "\($0.0.rawValue) = \($0.1) (D:5 or Macau)" }
    }

    static func genericEndUse(_ ctx: RuleContext, _ def: FlagDefinition) -> String? {
        guard let use = ctx.line.text(.endUse) else { return "end_use = (empty)" }
        let l = use.lowercased()
        if OrderLine.isPlaceholder(use) || def.termList("generic_end_uses").contains(l) || informationLength(use) < Int(def.threshold("min_end_use_chars")) {
            return "end_use = \(use) (blank, generic or shorter than \(Format.number(def.threshold("min_end_use_chars"))) characters)"
        }
        return nil
    }

    /// HOLD when the end use is blank or generic, or the business does not fit and the goods go
    /// to D:5 or Macau; an industry outside the table alone is a NOTE.
    static let ac03 = FlagRule("AC-03", thresholds: ["min_end_use_chars"],
                               terms: ["naics_prefixes", "industry_words", "plausible_types", "workload_words", "generic_end_uses"],
                               advancedOnly: true) { ctx, def in
        let generic = genericEndUse(ctx, def)
        let misfit = businessMisfit(ctx, def)
        guard generic != nil || misfit != nil else { return nil }
        var facts = [misfit, generic].compactMap { $0 }
        let d5 = d5Destination(ctx)
        if let d5 { facts.append(d5) }
        return Hit(facts: facts, cap: generic == nil && d5 == nil ? .note : nil)
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

    /// Power per unit from the item catalog when the product is known (a GB200 NVL72 rack is one
    /// unit of about 120 kW), else the catalog defaults for an accelerator or a server.
    static let ac06 = FlagRule("AC-06", thresholds: ["accelerator_kw", "server_kw", "headroom"], terms: ["data_center_types"],
                               advancedOnly: true) { ctx, def in
        guard let t = ctx.line.text(.customerType)?.lowercased(), def.termList("data_center_types").contains(t) else { return nil }
        let unit = ctx.item.powerKW ?? (ctx.item.isServer ? def.threshold("server_kw") : def.threshold("accelerator_kw"))
        let unitSource = ctx.item.powerKW != nil ? ctx.item.catalogEntry.map { "\($0.product), item catalog: \($0.source)" } ?? "item catalog"
            : (ctx.item.isServer ? "default per 8-GPU server" : "default per accelerator")
        let need = ctx.line.quantity * unit * def.threshold("headroom")
        guard let kw = ctx.line.number(.facilityPowerKW) else {
            return Hit(facts: ["customer_type = \(t)", "facility_power_kw = (empty): the data centre has not shown its capacity"])
        }
        guard kw < need else { return nil }
        return Hit(facts: ["customer_type = \(t)", "facility_power_kw = \(Format.number(kw)) < \(Format.number(need)) kW needed (\(Format.number(ctx.line.quantity)) × \(Format.number(unit)) kW (\(unitSource)) × \(Format.number(def.threshold("headroom"))))"])
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
    /// In an AC-09 fact: the country is in D:5 or is Macau (a diversion concern); without it the
    /// flag only restates a D:1 / D:4 license requirement, which COMBO-01 does not count.
    static let d5Marker = "D:5 or Macau"

    static let ac09 = FlagRule("AC-09", advancedOnly: true) { ctx, _ in
        var facts: [String] = []
        for c in [OrderColumn.customerCountry, .endUserCountry] {
            guard let code = ctx.line.country(c) else { continue }
            let g = ctx.groups.groups(of: code, on: ctx.day).filter { $0.hasPrefix("D:") }.joined(separator: ", ")
            if ctx.groups.isD5OrMacau(code, on: ctx.day) {
                facts.append("\(c.rawValue) = \(code) (\(d5Marker)\(g.isEmpty ? "" : "; " + g))")
            } else if ctx.groups.isD1D4LicenseDestination(code, on: ctx.day) {
                facts.append("\(c.rawValue) = \(code) (\(g): a license destination, not D:5)")
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
            // Alone, an unnamed tenant is the question every IaaS sale raises; with another signal
            // (a D:5 nexus, a thin footprint, a capacity mismatch) it is a HOLD.
            var signals: [String] = []
            for c in [OrderColumn.customerCountry, .customerHQCountry, .parentCountry, .shipToCountry, .endUserCountry] {
                if let code = ctx.line.country(c), ctx.groups.isD5OrMacau(code, on: ctx.day) { signals.append("D:5 nexus: \(c.rawValue) = \(code)") }
            }
            if let ac05 = ctx.catalog["AC-05"] {
                let signs = thinSigns(ctx, ac05, controls: ac05.dateThreshold("controls_date"))
                if !signs.isEmpty { signals.append("thin footprint: " + signs.joined(separator: "; ")) }
            }
            if let ac06def = ctx.catalog["AC-06"], let capacity = ac06.evaluate(ctx, ac06def) {
                signals.append("capacity: " + (capacity.facts.last ?? ""))
            }
            var facts = [basis, "\(ctx.fact(.endUserName)): the IaaS customer has not said who will use the compute"] + signals
            if signals.isEmpty { facts.append("ask: who are the tenants, where are they headquartered and where do they reach the compute from?") }
            return Hit(facts: facts, cap: signals.isEmpty ? .note : nil)
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
