/// One order line of an export, with its required fields parsed and its countries resolved to
/// ISO codes. Every rule reads orders only through this type.
public struct OrderLine: Sendable, Hashable {
    /// Raw (trimmed) values per canonical column slot; nil when the export lacks the column.
    public var values: [String?]
    /// 1-based line number in the export.
    public var line: Int
    public var orderID: String
    public var orderDate: CalendarDay
    public var customerID: String
    public var quantity: Double
    /// ISO codes of the country columns that hold a known country.
    public var countries: [OrderColumn: String]
    /// Transit countries as ISO codes, route order.
    public var transit: [String]
    /// Extra columns of the export, passed through untouched (header, value).
    public var passthrough: [Passthrough]

    /// An extra export column and its value on this line.
    public struct Passthrough: Sendable, Hashable, Codable {
        public var name: String
        public var value: String
        public init(name: String, value: String) { self.name = name; self.value = value }
    }

    public init(values: [String?], line: Int, orderID: String, orderDate: CalendarDay, customerID: String, quantity: Double,
                countries: [OrderColumn: String], transit: [String], passthrough: [Passthrough] = []) {
        self.values = values
        self.line = line
        self.orderID = orderID
        self.orderDate = orderDate
        self.customerID = customerID
        self.quantity = quantity
        self.countries = countries
        self.transit = transit
        self.passthrough = passthrough
    }

    /// The value of a column: nil when the export lacks the column, "" when it is empty.
    public subscript(_ column: OrderColumn) -> String? { values[column.slot] }

    /// Whether the export has the column.
    public func has(_ column: OrderColumn) -> Bool { values[column.slot] != nil }

    /// The non-empty value of a column, or nil.
    public func text(_ column: OrderColumn) -> String? {
        guard let v = values[column.slot], !v.isEmpty else { return nil }
        return v
    }

    /// The value as a number (thousands separators allowed), or nil when empty or absent.
    public func number(_ column: OrderColumn) -> Double? {
        text(column).flatMap { OrderLine.parseNumber($0) }
    }

    /// The resolved country code of a country column.
    public func country(_ column: OrderColumn) -> String? { countries[column] }

    /// Whether a free-text party value is a placeholder ("unknown", "TBD", "n/a").
    public static func isPlaceholder(_ value: String) -> Bool {
        let trimmed = value.trimmedASCII
        // No placeholder is longer than 16 bytes, even spelt with look-alike capitals (the Kelvin
        // sign K lower-cases to k): longer names, nearly all of them, skip lower-casing and hashing.
        guard trimmed.utf8.count <= 16 else { return false }
        return placeholders.contains(trimmed.lowercased())
    }
    static let placeholders: Set<String> = ["unknown", "tbd", "to be decided", "to be determined", "n/a", "na", "-", "?", "none", "not known"]

    /// A decimal number (`1,200.50`, `3`, `1e3`); nil for anything else. `Double("0x10")` is 16
    /// and `Double("nan")` is not a number at all: only decimal digits, one point, an exponent and
    /// a leading sign are accepted, so a hexadecimal or spelt-out quantity is an error, not a value.
    static func parseNumber(_ text: String) -> Double? {
        let t = (text.utf8.contains(UInt8(ascii: ",")) || text.utf8.contains(UInt8(ascii: "_")) ? text.filter { $0 != "," && $0 != "_" } : text).trimmedASCII
        var sawDigit = false
        for (i, b) in t.utf8.enumerated() {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): break
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                // A sign leads the number or its exponent.
                let previous = i > 0 ? t.utf8[t.utf8.index(t.utf8.startIndex, offsetBy: i - 1)] : nil
                guard previous == nil || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return nil }
            default: return nil
            }
        }
        guard sawDigit, let v = Double(t), v.isFinite else { return nil }
        return v
    }
}

/// A row the checker cannot use: the order id (if any), the line, and what is wrong.
public struct OrderRowError: Error, Sendable, Hashable, Codable {
    public var orderID: String?
    public var line: Int
    public var message: String

    public init(orderID: String?, line: Int, message: String) {
        self.orderID = orderID
        self.line = line
        self.message = message
    }
}
