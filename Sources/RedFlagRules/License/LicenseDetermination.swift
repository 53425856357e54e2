/// Whether an order line needs a BIS license for the advanced-computing controls, and why.
public struct LicenseDetermination: Codable, Hashable, Sendable {
    public enum Status: String, Codable, Sendable {
        case notRequired = "no license required"
        case caseByCase = "license required: case-by-case review"
        case presumptionOfDenial = "license required: presumption of denial"
        case notDetermined = "not determined"
    }

    public var status: Status
    /// The rule(s) behind the status ("§742.6(a)(6)(iii): ship_to_country = CN is D:5").
    public var basis: [String]
    /// For `notDetermined`: the facts that are missing.
    public var missing: [String]

    public init(status: Status, basis: [String], missing: [String] = []) {
        self.status = status
        self.basis = basis
        self.missing = missing
    }
}
