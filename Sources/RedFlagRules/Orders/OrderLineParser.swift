import RedFlagCore

/// Turns a CSV record into an `OrderLine`, or an `OrderRowError` naming the line and the problem
/// (missing order id, unparseable date or quantity, unknown country, unparseable number).
public struct OrderLineParser: Sendable {
    public let header: OrderHeader
    public let countries: CountryTable

    /// Columns that must hold a number when they are not empty.
    static let numericColumns: [OrderColumn] = [.itemTPP, .itemDRAMBandwidth, .unitPrice, .facilityPowerKW]

    public init(header: OrderHeader, countries: CountryTable) {
        self.header = header
        self.countries = countries
    }

    public func parse(_ record: CSVRecord) -> Result<OrderLine, OrderRowError> {
        var values = [String?](repeating: nil, count: OrderColumn.allCases.count)
        for (slot, index) in header.indices.enumerated() {
            guard let index else { continue }
            values[slot] = record[index].trimmedASCII
        }
        func value(_ c: OrderColumn) -> String { values[c.slot] ?? "" }
        let orderID = value(.orderID)
        func fail(_ message: String) -> Result<OrderLine, OrderRowError> {
            .failure(OrderRowError(orderID: orderID.isEmpty ? nil : orderID, line: record.line, message: message))
        }
        if record.fields.count > header.names.count {
            return fail("\(record.fields.count) fields, the header has \(header.names.count)")
        }
        guard !orderID.isEmpty else { return fail("missing order_id") }
        guard let date = CalendarDay(iso: value(.orderDate)), value(.orderDate).count >= 8 else {
            return fail("order_date '\(value(.orderDate))' is not an ISO date (yyyy-mm-dd)")
        }
        let customerID = value(.customerID)
        guard !customerID.isEmpty else { return fail("missing customer_id") }
        guard !value(.customerName).isEmpty else { return fail("missing customer_name") }
        guard let qty = OrderLine.parseNumber(value(.quantity)), qty >= 0 else {
            return fail("quantity '\(value(.quantity))' is not a non-negative number")
        }
        var resolved: [OrderColumn: String] = [:]
        for column in OrderColumn.countryColumns {
            let v = value(column)
            if v.isEmpty || OrderLine.isPlaceholder(v) {
                if column == .customerCountry { return fail("customer_country is '\(v)'; a known country is required") }
                continue
            }
            guard let code = countries.code(for: v) else { return fail("\(column.rawValue) '\(v)' is not a known country") }
            resolved[column] = code
        }
        var transit: [String] = []
        for part in value(.transitCountries).split(separator: ";") {
            let v = String(part).trimmedASCII
            if v.isEmpty { continue }
            guard let code = countries.code(for: v) else { return fail("transit_countries '\(v)' is not a known country") }
            transit.append(code)
        }
        for column in Self.numericColumns {
            let v = value(column)
            if !v.isEmpty, OrderLine.parseNumber(v) == nil { return fail("\(column.rawValue) '\(v)' is not a number") }
        }
        let passthrough = header.passthrough.map { OrderLine.Passthrough(name: $0.name, value: record[$0.index]) }
        return .success(OrderLine(values: values, line: record.line, orderID: orderID, orderDate: date, customerID: customerID,
                                  quantity: qty, countries: resolved, transit: transit, passthrough: passthrough))
    }
}
