import RedFlagCore

/// Payment and routing flags from the FinCEN / BIS alerts (bis-rules.md §3) and the
/// transshipment-hub signal HUB-01 (§4.5).
enum PaymentRoutingRules {
    static let all: [FlagRule] = [thirdPartyPayer, shippingChange, paymentChange, phoneMismatch, hub]

    /// Payer neither the customer nor its parent, in another country (FC22-04 / FC23-05).
    static let thirdPartyPayer = FlagRule("FC23-05") { ctx, def in
        Hit.merge(payerFacts(ctx), ctx.textHit(def))
    }

    static func payerFacts(_ ctx: RuleContext) -> Hit? {
        guard let payer = ctx.line.text(.payerName), !OrderLine.isPlaceholder(payer) else { return nil }
        let f = TextFolding.fold(payer)
        if f == TextFolding.fold(ctx.line.text(.customerName) ?? "") || f == TextFolding.fold(ctx.line.text(.parentName) ?? "") { return nil }
        var facts = ["payer_name = \(payer) (neither the customer nor its parent)"]
        if let pc = ctx.line.country(.payerCountry), pc != ctx.line.country(.customerCountry) {
            facts.append("payer_country = \(pc) ≠ customer_country = \(ctx.line.country(.customerCountry) ?? "?")")
        }
        return Hit(facts: facts)
    }

    static let shippingChange = KnowYourCustomerRules.noteRule("FC23-06")
    static let paymentChange = KnowYourCustomerRules.noteRule("FC23N-07")

    /// The phone's country code fits neither the customer's country nor the destination.
    static let phoneMismatch = FlagRule("FC23N-05", terms: ["calling_codes"]) { ctx, def in
        guard let phone = ctx.line.text(.customerPhone) else { return nil }
        let digits = phone.filter(\.isNumber)
        guard phone.trimmedASCII.hasPrefix("+") || phone.hasPrefix("00") else { return nil }
        let number = phone.hasPrefix("00") ? String(digits.dropFirst(2)) : digits
        let codes = def.termMap("calling_codes")
        var best: (code: String, countries: [String])?
        for length in stride(from: min(4, number.count), through: 1, by: -1) {
            let prefix = String(number.prefix(length))
            if let countries = codes[prefix] {
                best = (prefix, countries.split(separator: ",").map { String($0).uppercased() })
                break
            }
        }
        guard let best else { return nil }
        let expected = [ctx.line.country(.customerCountry), ctx.line.country(.shipToCountry)].compactMap { $0 }
        guard !expected.contains(where: best.countries.contains) else { return nil }
        return Hit(facts: ["customer_phone = \(phone) (+\(best.code): \(best.countries.joined(separator: "/")))",
                           "customer_country / ship_to_country = \(expected.joined(separator: " / "))"])
    }

    static let hub = FlagRule("HUB-01") { ctx, _ in
        var facts: [String] = []
        let dest = ctx.line.country(.shipToCountry)
        for code in ctx.line.transit where ctx.groups.isHub(code) && code != dest {
            facts.append("transit_countries includes \(code) (transshipment hub)")
        }
        if let pc = ctx.line.country(.payerCountry), ctx.groups.isHub(pc), pc != ctx.line.country(.customerCountry) {
            facts.append("payer_country = \(pc) (transshipment hub, not the customer's country)")
        }
        return facts.isEmpty ? nil : Hit(facts: facts)
    }
}
