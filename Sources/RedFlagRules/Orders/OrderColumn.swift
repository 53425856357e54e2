/// The canonical columns of an order export (docs/order-export.md). Real exports are renamed to
/// these with a `ColumnMap`.
public enum OrderColumn: String, CaseIterable, Sendable, Codable {
    case orderID = "order_id"
    case orderDate = "order_date"
    case customerID = "customer_id"
    case customerName = "customer_name"
    case customerAddress = "customer_address"
    case customerCountry = "customer_country"
    case customerWebsite = "customer_website"
    case customerEmail = "customer_email"
    case customerPhone = "customer_phone"
    case customerIncorporated = "customer_incorporated"
    case customerIndustry = "customer_industry"
    case customerType = "customer_type"
    case customerHQCountry = "customer_hq_country"
    case parentName = "parent_name"
    case parentCountry = "parent_country"
    case endUserName = "end_user_name"
    case endUserCountry = "end_user_country"
    case endUse = "end_use"
    case shipToName = "ship_to_name"
    case shipToAddress = "ship_to_address"
    case shipToCountry = "ship_to_country"
    case shipToType = "ship_to_type"
    case transitCountries = "transit_countries"
    case payerName = "payer_name"
    case payerCountry = "payer_country"
    case paymentTerms = "payment_terms"
    case itemSKU = "item_sku"
    case itemDescription = "item_description"
    case eccn
    case itemTPP = "item_tpp"
    case itemDRAMBandwidth = "item_dram_bandwidth"
    case quantity
    case unitPrice = "unit_price"
    case currency
    case deliveryDate = "delivery_date"
    case facilityPowerKW = "facility_power_kw"
    case installation
    case endUseStatement = "end_use_statement"
    case siteVisit = "site_visit"
    case notes

    /// Columns every export must have.
    public static let required: [OrderColumn] = [.orderID, .orderDate, .customerID, .customerName, .customerCountry, .quantity]

    /// Columns holding a single country (code or English name).
    public static let countryColumns: [OrderColumn] = [
        .customerCountry, .customerHQCountry, .parentCountry, .endUserCountry, .shipToCountry, .payerCountry,
    ]

    /// Position in `allCases`, the slot of the column in an `OrderLine`.
    public var slot: Int { OrderColumn.slots[self]! }
    private static let slots: [OrderColumn: Int] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}
