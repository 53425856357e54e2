/// A customer's order history before one order line, as the history rules (AC-01, AC-02, KYC-05)
/// read it: from the history store and the earlier rows of the same export.
public struct HistorySummary: Sendable, Hashable, Codable {
    /// Orders of this customer before this line (any item).
    public var priorOrders: Int
    /// Date of the customer's first known order, if any.
    public var firstOrder: CalendarDay?
    /// Date of the customer's first known advanced-computing order, if any.
    public var firstAdvancedOrder: CalendarDay?
    /// Advanced-computing units ordered in the 12 months before this order.
    public var trailing12MonthQuantity: Double
    /// Total TPP (quantity × unit TPP) ordered in the 12 months before this order.
    public var trailing12MonthTPP: Double
    /// Advanced-computing orders in the 12 months before this order.
    public var trailing12MonthOrders: Int

    public init(priorOrders: Int = 0, firstOrder: CalendarDay? = nil, firstAdvancedOrder: CalendarDay? = nil,
                trailing12MonthQuantity: Double = 0, trailing12MonthTPP: Double = 0, trailing12MonthOrders: Int = 0) {
        self.priorOrders = priorOrders
        self.firstOrder = firstOrder
        self.firstAdvancedOrder = firstAdvancedOrder
        self.trailing12MonthQuantity = trailing12MonthQuantity
        self.trailing12MonthTPP = trailing12MonthTPP
        self.trailing12MonthOrders = trailing12MonthOrders
    }

    /// No history at all: a first-time buyer.
    public static let none = HistorySummary()
}
