/// What kind of party a list entry (or a screening query) is.
///
/// `unknown` is distinct from `entity`: the CSL leaves the type empty for every BIS and State
/// row, and the Denied Persons List holds many individuals among them.
public enum PartyType: String, Codable, CaseIterable, Sendable {
    case person, entity, vessel, aircraft, unknown

    /// Reads the spellings the lists use: `Individual`, `Entity`, `enterprise`, `Ship`, `-0-`…
    public init(listValue: String) {
        // Foundation's trimming only when an end is not plain ASCII (it is a no-op otherwise).
        let plain = listValue.utf8.first.map { $0 > 0x20 && $0 < 0x7F } == true && listValue.utf8.last.map { $0 > 0x20 && $0 < 0x7F } == true
        switch (plain ? listValue : listValue.trimmingCharacters(in: .whitespaces)).lowercased() {
        case "individual", "person", "p", "i": self = .person
        case "entity", "enterprise", "organisation", "organization", "company", "e": self = .entity
        case "vessel", "ship": self = .vessel
        case "aircraft": self = .aircraft
        default: self = .unknown
        }
    }
}
