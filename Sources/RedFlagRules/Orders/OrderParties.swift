import RedFlagCore

/// The parties an order line names, as screening queries: customer, parent, end user, ship-to
/// and payer, each by name and (where given) address and country. Placeholders ("unknown") are
/// not screened; a ship-to without a name is screened by its address under the customer's name.
public enum OrderParties {
    public static func queries(for line: OrderLine) -> [(PartyScreening.Role, ScreeningQuery)] {
        var out: [(PartyScreening.Role, ScreeningQuery)] = []
        func add(_ role: PartyScreening.Role, _ name: String?, _ address: String?, _ country: OrderColumn) {
            guard let name, !OrderLine.isPlaceholder(name) else { return }
            let q = ScreeningQuery(name: name, address: address, country: line.country(country),
                                   type: role == .customer || role == .parent ? .entity : nil)
            // At most five parties: comparing beats hashing every query's strings.
            if !out.contains(where: { $0.1 == q }) { out.append((role, q)) }
        }
        add(.customer, line.text(.customerName), line.text(.customerAddress), .customerCountry)
        add(.parent, line.text(.parentName), nil, .parentCountry)
        add(.endUser, line.text(.endUserName), nil, .endUserCountry)
        if line.text(.shipToName) != nil || line.text(.shipToAddress) != nil {
            add(.shipTo, line.text(.shipToName) ?? line.text(.customerName), line.text(.shipToAddress), .shipToCountry)
        }
        add(.payer, line.text(.payerName), nil, .payerCountry)
        return out
    }
}
