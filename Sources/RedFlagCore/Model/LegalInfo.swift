/// The legal fields some lists carry: what a compliance officer cites in a report.
public struct LegalInfo: Codable, Hashable, Sendable {
    /// Federal Register notices (`87 FR 20299`), BIS and State lists.
    public var federalRegisterNotices: [String]
    /// Entity List / MEU license requirement text ("For all items subject to the EAR").
    public var licenseRequirement: String?
    /// Entity List / MEU license review policy ("Presumption of denial").
    public var licensePolicy: String?
    /// Where the list itself is published.
    public var sourceURL: String?
    /// Where more about the listing can be read.
    public var sourceInformationURL: String?
    /// End date of a listing (Denied Persons orders expire).
    public var endDate: String?
    /// DPL "standard order" flag.
    public var standardOrder: String?
    /// Sanctions imposed (UK: asset freeze, travel ban…), EU regulation references and the like.
    public var measures: [String]

    public init(federalRegisterNotices: [String] = [], licenseRequirement: String? = nil, licensePolicy: String? = nil,
                sourceURL: String? = nil, sourceInformationURL: String? = nil, endDate: String? = nil,
                standardOrder: String? = nil, measures: [String] = []) {
        self.federalRegisterNotices = federalRegisterNotices
        self.licenseRequirement = licenseRequirement
        self.licensePolicy = licensePolicy
        self.sourceURL = sourceURL
        self.sourceInformationURL = sourceInformationURL
        self.endDate = endDate
        self.standardOrder = standardOrder
        self.measures = measures
    }

    public var isEmpty: Bool {
        federalRegisterNotices.isEmpty && licenseRequirement == nil && licensePolicy == nil && sourceURL == nil
            && sourceInformationURL == nil && endDate == nil && standardOrder == nil && measures.isEmpty
    }
}
