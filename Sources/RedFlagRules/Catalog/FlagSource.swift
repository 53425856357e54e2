/// The public document a red flag comes from, so every finding can cite it.
public struct FlagSource: Codable, Hashable, Sendable {
    /// Document title or legal reference ("Supp. No. 3 to 15 CFR Part 732, red flag 1").
    public var document: String
    /// Publication or effective date of the document (ISO yyyy-mm-dd).
    public var date: String
    public var url: String

    public init(document: String, date: String, url: String) {
        self.document = document
        self.date = date
        self.url = url
    }

    /// "document (date) url", the citation printed with each finding.
    public var citation: String { "\(document) (\(date)) \(url)" }
}
