/// The "Know Your Customer" red flags of Supp. No. 3 to Part 732 that an order export can show
/// (KYC-01…KYC-12, KYC-21; KYC-00 and KYC-29 come from screening).
enum KnowYourCustomerRules {
    static let all: [FlagRule] = [kyc01, kyc02, kyc03, kyc04, kyc05, kyc06, kyc07, kyc08, kyc09, kyc10, kyc11, kyc12, kyc21]

    static let kyc01 = FlagRule("KYC-01", thresholds: ["min_end_use_chars"], terms: ["generic_end_uses"]) { ctx, def in
        var facts: [String] = []
        if let g = DiversionRules.genericEndUse(ctx, def) { facts.append(g) }
        if let s = ctx.line.text(.endUseStatement)?.lowercased(), s == "refused" { facts.append("end_use_statement = refused") }
        return facts.isEmpty ? nil : Hit(facts: facts)
    }

    /// The same table as AC-03 (industry with customer type and end use): HOLD when the goods go
    /// to D:5 or Macau, a NOTE elsewhere.
    static let kyc02 = FlagRule("KYC-02", terms: ["naics_prefixes", "industry_words", "plausible_types", "workload_words"], advancedOnly: true) { ctx, def in
        guard let misfit = DiversionRules.businessMisfit(ctx, def) else { return nil }
        let d5 = DiversionRules.d5Destination(ctx)
        return Hit(facts: [misfit + "; does not fit \(ctx.line.text(.itemDescription) ?? ctx.item.eccn ?? "the item")"] + [d5].compactMap { $0 },
                   cap: d5 == nil ? .note : nil)
    }

    static let kyc03 = FlagRule("KYC-03", thresholds: ["min_quantity"], terms: ["no_ai_market_countries"], advancedOnly: true) { ctx, def in
        guard let dest = ctx.line.country(.shipToCountry), def.termList("no_ai_market_countries").contains(dest.lowercased()),
              ctx.line.quantity >= def.threshold("min_quantity") else { return nil }
        return Hit(facts: ["ship_to_country = \(dest) (no known hyperscale / AI data-centre market on the project list)",
                           "quantity = \(Format.number(ctx.line.quantity)) (data-centre scale)"])
    }

    static let kyc04 = FlagRule("KYC-04", thresholds: ["min_age_months"]) { ctx, def in
        guard let inc = ctx.line.text(.customerIncorporated) else {
            return Hit(facts: ["customer_incorporated = (empty): no business background given"])
        }
        guard let d = CalendarDay(iso: inc) else { return Hit(facts: ["customer_incorporated = \(inc) (not a date)"]) }
        let months = Int(def.threshold("min_age_months"))
        guard d > ctx.day.monthsEarlier(months) else { return nil }
        return Hit(facts: ["customer_incorporated = \(inc) (less than \(months) months before order_date \(ctx.day))"])
    }

    static let kyc05 = FlagRule("KYC-05", thresholds: ["min_order_value"], terms: ["cash_terms"]) { ctx, def in
        guard let t = ctx.line.text(.paymentTerms)?.lowercased(), def.termList("cash_terms").contains(t),
              let value = ctx.orderValue, value >= def.threshold("min_order_value"), ctx.history.priorOrders == 0 else { return nil }
        return Hit(facts: ["payment_terms = \(t)", "order value = \(Format.number(value)) \(ctx.line.text(.currency) ?? "")".trimmingCharacters(in: .whitespaces),
                           "no credit history: first order from customer_id = \(ctx.line.customerID)"])
    }

    static func noteRule(_ id: String, list: String = "phrases") -> FlagRule {
        FlagRule(id, terms: [list]) { ctx, def in
            ctx.firstTerm(in: .notes, def.termList(list)).map { Hit(facts: ["notes = \(ctx.line.text(.notes)!) (mentions '\($0)')"]) }
        }
    }

    static let kyc06 = noteRule("KYC-06")

    static let kyc07 = FlagRule("KYC-07") { ctx, _ in
        ctx.line.text(.installation)?.lowercased() == "declined" ? Hit(facts: ["installation = declined"]) : nil
    }

    static let kyc08 = FlagRule("KYC-08", terms: ["vague_dates"]) { ctx, def in
        var facts: [String] = []
        let d = ctx.line.text(.deliveryDate)
        if d == nil || def.termList("vague_dates").contains(d!.lowercased()) || (CalendarDay(iso: d!) == nil && !d!.isEmpty) {
            facts.append("delivery_date = \(d ?? "(empty)") (no firm date)")
        }
        if ctx.line.text(.shipToType)?.lowercased() == "free_trade_zone" { facts.append("ship_to_type = free_trade_zone") }
        return facts.isEmpty ? nil : Hit(facts: facts)
    }

    static let kyc09 = FlagRule("KYC-09", terms: ["forwarder_words"]) { ctx, def in
        let forwarderShipTo = ctx.line.text(.shipToType)?.lowercased() == "freight_forwarder"
            || ctx.firstTerm(in: .shipToName, def.termList("forwarder_words")) != nil
        guard forwarderShipTo else { return nil }
        let endUser = ctx.line.text(.endUserName)
        let unknownEndUser = endUser.map(OrderLine.isPlaceholder) ?? true
        let endUserIsForwarder = endUser == ctx.line.text(.shipToName) || ctx.firstTerm(in: .endUserName, def.termList("forwarder_words")) != nil
        guard unknownEndUser || endUserIsForwarder else { return nil }
        return Hit(facts: [ctx.fact(.shipToName), ctx.fact(.shipToType), "\(ctx.fact(.endUserName)) (the forwarder is the final destination)"])
    }

    static let kyc10 = FlagRule("KYC-10") { ctx, _ in
        guard let dest = ctx.line.country(.shipToCountry) else { return nil }
        let odd = ctx.line.transit.filter { $0 != dest && (ctx.groups.isHub($0) || ctx.groups.isD5OrMacau($0, on: ctx.day)) }
        guard !odd.isEmpty else { return nil }
        // Transit through a hub alone is a NOTE (bis-rules.md §4.5: the hub list is advisory);
        // through D:5 or Macau on the way elsewhere it is an abnormal route.
        let d5 = odd.filter { ctx.groups.isD5OrMacau($0, on: ctx.day) }
        return Hit(facts: ["transit_countries = \(ctx.line.transit.joined(separator: ";")) to ship_to_country = \(dest): routed through \(odd.joined(separator: ", ")) (transshipment hub or D:5/Macau, not the destination)"],
                   cap: d5.isEmpty ? .note : nil)
    }

    static let kyc11 = FlagRule("KYC-11", terms: ["phrases", "misdeclaration_phrases"]) { ctx, def in
        if let t = ctx.firstTerm(in: .notes, def.termList("misdeclaration_phrases")) {
            return Hit(strong: true, facts: ["notes = \(ctx.line.text(.notes)!) (request to misdeclare: '\(t)')"])
        }
        return ctx.firstTerm(in: .notes, def.termList("phrases")).map { Hit(facts: ["notes = \(ctx.line.text(.notes)!) (mentions '\($0)')"]) }
    }

    static let kyc12 = FlagRule("KYC-12", terms: ["phrases"]) { ctx, def in
        var facts: [String] = []
        if let t = ctx.firstTerm(in: .notes, def.termList("phrases")) { facts.append("notes = \(ctx.line.text(.notes)!) (mentions '\(t)')") }
        if let c = ctx.line[.endUserCountry], OrderLine.isPlaceholder(c) { facts.append("end_user_country = \(c) (country of final installation not confirmed)") }
        return facts.isEmpty ? nil : Hit(facts: facts)
    }

    static let kyc21 = FlagRule("KYC-21", terms: ["reseller_types"], advancedOnly: true) { ctx, def in
        guard let t = ctx.line.text(.customerType)?.lowercased(), def.termList("reseller_types").contains(t) else { return nil }
        guard ctx.line.text(.endUserName).map(OrderLine.isPlaceholder) ?? true else { return nil }
        return Hit(facts: ["customer_type = \(t)", "\(ctx.fact(.endUserName)) (ultimate user not identified)"])
    }
}
