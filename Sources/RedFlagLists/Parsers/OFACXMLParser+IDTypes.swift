import Foundation

/// OFAC's `idType` (classic XML, legacy CSV) and feature types (Enhanced XML) mix real identity
/// documents with attributes OFAC stores the same way. Documents are matchable identifiers and go
/// to `ListEntry.identityDocuments`; the attributes are facts for a reviewer and go to `remarks`.
enum OFACIDTypes {
    /// Prefixes of id types that are attributes, not documents (compared case-insensitively).
    private static let attributePrefixes: [String] = [
        "gender", "secondary sanctions risk", "additional sanctions information", "organization established date",
        "organization type", "website", "email address", "phone number", "transactions prohibited", "target type",
        "executive order", "aircraft model", "aircraft manufacture date", "aircraft operator", "former vessel flag",
        "other vessel", "vessel year of build", "issuer name", "purchase/sales", "listing date", "effective date",
        "caatsa", "ifca determination", "peesa", "nationality of registration", "registration country", "equity ticker",
        "birthdate", "place of birth", "citizenship country", "nationality country", "location", "title",
        "vessel call sign", "vessel type", "vessel flag", "vessel owner", "vessel tonnage", "vessel gross registered tonnage",
    ]

    /// Whether `type` names an attribute rather than a document.
    static func isAttribute(_ type: String) -> Bool {
        let t = type.lowercased()
        return attributePrefixes.contains { t.hasPrefix($0) }
    }

    /// `Gender: Male`, `Website: www.example.com`: how an attribute is kept in `remarks`.
    static func remark(type: String, value: String) -> String {
        let label = type.trimmingCharacters(in: CharacterSet(charactersIn: " :-"))
        return value.isEmpty ? label : "\(label): \(value)"
    }
}
