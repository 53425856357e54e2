import RedFlagCore

/// The outcome for one order line: its decision, findings, license determination, the rules
/// that could not be evaluated, and the parties screened. A row that could not be read carries
/// `error` instead.
public struct OrderCheck: Codable, Hashable, Sendable {
    public var orderID: String?
    public var line: Int
    public var customerID: String?
    /// nil for an error row.
    public var decision: Decision?
    public var findings: [Finding]
    public var license: LicenseDetermination?
    /// "AC-06: no facility_power_kw column" — never a silent pass.
    public var notEvaluated: [String]
    public var parties: [PartyScreening]
    public var passthrough: [OrderLine.Passthrough]
    public var error: String?

    public init(orderID: String?, line: Int, customerID: String?, decision: Decision?, findings: [Finding],
                license: LicenseDetermination?, notEvaluated: [String], parties: [PartyScreening],
                passthrough: [OrderLine.Passthrough], error: String? = nil) {
        self.orderID = orderID
        self.line = line
        self.customerID = customerID
        self.decision = decision
        self.findings = findings
        self.license = license
        self.notEvaluated = notEvaluated
        self.parties = parties
        self.passthrough = passthrough
        self.error = error
    }

    /// The record for a row that could not be read.
    public static func failed(_ e: OrderRowError) -> OrderCheck {
        OrderCheck(orderID: e.orderID, line: e.line, customerID: nil, decision: nil, findings: [], license: nil,
                   notEvaluated: [], parties: [], passthrough: [], error: e.message)
    }

    /// Flag ids that fired, in report order.
    public var flagIDs: [String] { findings.map(\.id) }
}
