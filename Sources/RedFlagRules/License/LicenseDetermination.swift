/// Whether an order line needs a BIS license for the advanced-computing controls, and why.
public struct LicenseDetermination: Codable, Hashable, Sendable {
    public enum Status: String, Codable, Sendable {
        case notRequired = "no license required"
        case caseByCase = "license required: case-by-case review"
        /// D:1 / D:4 destinations (not A:5 / A:6): the review policy for 3A090 / 4A090 there.
        case presumptionOfApproval = "license required: presumption of approval"
        case presumptionOfDenial = "license required: presumption of denial"
        case notDetermined = "not determined"

        /// Whether the line needs a license (or a license exception) the export must show.
        public var requiresLicense: Bool { self == .caseByCase || self == .presumptionOfApproval || self == .presumptionOfDenial }
    }

    public var status: Status
    /// The rule(s) behind the status ("§742.6(a)(6)(iii): ship_to_country = CN is D:5").
    public var basis: [String]
    /// For `notDetermined`: the facts that are missing.
    public var missing: [String]
    /// The license or License Exception on the line (`license_number`, `license_exception`): when
    /// present, a required license is met and the line shows it.
    public var authorization: String?

    public init(status: Status, basis: [String], missing: [String] = [], authorization: String? = nil) {
        self.status = status
        self.basis = basis
        self.missing = missing
        self.authorization = authorization
    }
}
