import RedFlagCore

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
        Hit.merge(cashTerms(ctx, def), ctx.textHit(def))
    }

    static func cashTerms(_ ctx: RuleContext, _ def: FlagDefinition) -> Hit? {
        guard let t = ctx.line.text(.paymentTerms)?.lowercased(), def.termList("cash_terms").contains(t),
              let value = ctx.orderValue, value >= def.threshold("min_order_value"), ctx.history.priorOrders == 0 else { return nil }
        return Hit(facts: ["payment_terms = \(t)", "order value = \(Format.number(value)) \(ctx.line.text(.currency) ?? "")".trimmingCharacters(in: .whitespaces),
                           "no credit history: first order from customer_id = \(ctx.line.customerID)"])
    }

    /// A flag raised by what the notes say: the catalog's own phrase list (whole words, not
    /// denied by a negation cue) and the multilingual note patterns of `Lists/text-patterns.json`.
    static func noteRule(_ id: String, list: String = "phrases") -> FlagRule {
        FlagRule(id, terms: [list]) { ctx, def in
            let listed = ctx.quotedWord(in: .notes, def, list, negatable: true).map { Hit(facts: ["\($0) (\(def.title.lowercased()))"]) }
            return Hit.merge(listed, ctx.textHit(def))
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
        Hit.merge(forwarderDestination(ctx, def), ctx.textHit(def))
    }

    static func forwarderDestination(_ ctx: RuleContext, _ def: FlagDefinition) -> Hit? {
        let word = ctx.quotedWord(in: .shipToName, def, "forwarder_words")
        guard ctx.line.text(.shipToType)?.lowercased() == "freight_forwarder" || word != nil else { return nil }
        let endUser = ctx.line.text(.endUserName)
        let unknownEndUser = endUser.map(OrderLine.isPlaceholder) ?? true
        let endUserIsForwarder = endUser == ctx.line.text(.shipToName) || ctx.quotedWord(in: .endUserName, def, "forwarder_words") != nil
        guard unknownEndUser || endUserIsForwarder else { return nil }
        return Hit(facts: [word.map { "\($0) (a forwarder's word in the ship-to name)" } ?? ctx.fact(.shipToName), ctx.fact(.shipToType),
                           "\(ctx.fact(.endUserName)) (the forwarder is the final destination)"])
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

    /// Relabelling, unmarked packaging, concealment (HOLD) and requests to misdeclare the goods or
    /// their value, which are STOP only when the order contradicts the requested description (the
    /// item on the line is not "spare parts") or carries the price a lower value would misstate.
    static let kyc11 = FlagRule("KYC-11") { ctx, def in
        ctx.textHit(def)
    }

    static let kyc12 = FlagRule("KYC-12") { ctx, def in
        var own: Hit?
        if let c = ctx.line[.endUserCountry], OrderLine.isPlaceholder(c) {
            own = Hit(facts: ["end_user_country = \(c) (country of final installation not confirmed)"])
        }
        var text = ctx.textHit(def)
        // A reseller or distributor that names its end user and the end user's country states its
        // business when it mentions resale; that answers the flag's question rather than raising it.
        if var t = text, t.facts.allSatisfy({ $0.contains("resale") }), namedEndUserOfReseller(ctx) {
            t.recordOnly = true
            t.facts.append("customer_type = \(ctx.line.text(.customerType) ?? ""), a reseller naming its end user \(ctx.line.text(.endUserName) ?? "") in \(ctx.line.country(.endUserCountry) ?? "")")
            text = t
        }
        return Hit.merge(own, text)
    }

    /// The customer is a reseller / distributor (KYC-21's `reseller_types`) and names an end user
    /// other than itself, with its country.
    static func namedEndUserOfReseller(_ ctx: RuleContext) -> Bool {
        guard let t = ctx.line.text(.customerType)?.lowercased(), ctx.catalog["KYC-21"]?.termList("reseller_types").contains(t) == true,
              let user = ctx.line.text(.endUserName), !OrderLine.isPlaceholder(user), ctx.line.country(.endUserCountry) != nil else { return false }
        return TextFolding.fold(user) != TextFolding.fold(ctx.line.text(.customerName) ?? "")
    }

    static let kyc21 = FlagRule("KYC-21", terms: ["reseller_types"], advancedOnly: true) { ctx, def in
        guard let t = ctx.line.text(.customerType)?.lowercased(), def.termList("reseller_types").contains(t) else { return nil }
        guard ctx.line.text(.endUserName).map(OrderLine.isPlaceholder) ?? true else { return nil }
        return Hit(facts: ["customer_type = \(t)", "\(ctx.fact(.endUserName)) (ultimate user not identified)"])
    }
}
