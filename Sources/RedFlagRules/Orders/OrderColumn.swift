/// The canonical columns of an order export (README, "Order export"). Real exports are renamed to
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
    /// The license that authorises this line (BIS license number), when one is held.
    case licenseNumber = "license_number"
    /// The License Exception the line ships under (ACA, NAC, …), when one applies.
    case licenseException = "license_exception"

    /// Columns every export must have.
    public static let required: [OrderColumn] = [.orderID, .orderDate, .customerID, .customerName, .customerCountry, .quantity]

    /// Columns holding a single country (code or English name).
    public static let countryColumns: [OrderColumn] = [
        .customerCountry, .customerHQCountry, .parentCountry, .endUserCountry, .shipToCountry, .payerCountry,
    ]

    /// Position in `allCases`, the slot of the column in an `OrderLine` (a switch: this is on the
    /// hot path of every rule, and hashing the raw string each time showed in profiles).
    public var slot: Int {
        switch self {
        case .orderID: return 0
        case .orderDate: return 1
        case .customerID: return 2
        case .customerName: return 3
        case .customerAddress: return 4
        case .customerCountry: return 5
        case .customerWebsite: return 6
        case .customerEmail: return 7
        case .customerPhone: return 8
        case .customerIncorporated: return 9
        case .customerIndustry: return 10
        case .customerType: return 11
        case .customerHQCountry: return 12
        case .parentName: return 13
        case .parentCountry: return 14
        case .endUserName: return 15
        case .endUserCountry: return 16
        case .endUse: return 17
        case .shipToName: return 18
        case .shipToAddress: return 19
        case .shipToCountry: return 20
        case .shipToType: return 21
        case .transitCountries: return 22
        case .payerName: return 23
        case .payerCountry: return 24
        case .paymentTerms: return 25
        case .itemSKU: return 26
        case .itemDescription: return 27
        case .eccn: return 28
        case .itemTPP: return 29
        case .itemDRAMBandwidth: return 30
        case .quantity: return 31
        case .unitPrice: return 32
        case .currency: return 33
        case .deliveryDate: return 34
        case .facilityPowerKW: return 35
        case .installation: return 36
        case .endUseStatement: return 37
        case .siteVisit: return 38
        case .notes: return 39
        case .licenseNumber: return 40
        case .licenseException: return 41
        }
    }
}
