/// One recorded order as the history keeps it: enough to compute spikes and first-time buying.
public struct HistoryEntry: Sendable, Hashable {
    public var orderID: String
    public var customerID: String
    public var day: CalendarDay
    public var quantity: Double
    /// quantity × unit TPP, 0 when the TPP is unknown.
    public var totalTPP: Double
    public var advanced: Bool

    public init(orderID: String, customerID: String, day: CalendarDay, quantity: Double, totalTPP: Double, advanced: Bool) {
        self.orderID = orderID
        self.customerID = customerID
        self.day = day
        self.quantity = quantity
        self.totalTPP = totalTPP
        self.advanced = advanced
    }

    /// The entry for a parsed order line.
    public init(line: OrderLine, item: ItemProfile) {
        self.init(orderID: line.orderID, customerID: line.customerID, day: line.orderDate, quantity: line.quantity,
                  totalTPP: (item.tpp ?? 0) * line.quantity, advanced: item.isAdvanced)
    }

    /// Whether this entry comes before an order (date, then order id, so the answer does not
    /// depend on file order or on whether the order was already recorded by an earlier run).
    func precedes(day other: CalendarDay, orderID otherID: String) -> Bool {
        day < other || (day == other && orderID < otherID)
    }

    /// The summary of `entries` before the order (`day`, `orderID`).
    public static func summarize(_ entries: [HistoryEntry], before day: CalendarDay, orderID: String) -> HistorySummary {
        var s = HistorySummary()
        let windowStart = day.monthsEarlier(12)
        for e in entries where e.orderID != orderID && e.precedes(day: day, orderID: orderID) {
            s.priorOrders += 1
            if s.firstOrder.map({ e.day < $0 }) ?? true { s.firstOrder = e.day }
            if e.advanced {
                if s.firstAdvancedOrder.map({ e.day < $0 }) ?? true { s.firstAdvancedOrder = e.day }
                if e.day >= windowStart {
                    s.trailing12MonthQuantity += e.quantity
                    s.trailing12MonthTPP += e.totalTPP
                    s.trailing12MonthOrders += 1
                }
            }
        }
        return s
    }
}
