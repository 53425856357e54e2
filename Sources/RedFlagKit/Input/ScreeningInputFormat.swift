/// How `redflag screen --input` records are laid out; detected from the content.
public enum ScreeningInputFormat: String, Sendable, Equatable {
    /// CSV with a header row naming a name column (and optionally address, country, type, dob).
    case csv
    /// JSON Lines: one object per line, `{"name": …, "address": …, "country": …}`.
    case jsonLines
    /// One name per line, nothing else.
    case lines

    /// Header spellings accepted for each field, first match wins (compared case-insensitively,
    /// ignoring spaces, dashes and underscores).
    public static let nameColumns = ["name", "customer_name", "party_name", "full_name"]
    static let addressColumns = ["address", "customer_address", "party_address", "street_address", "full_address"]
    static let countryColumns = ["country", "country_code", "customer_country", "party_country", "iso_country"]
    static let typeColumns = ["type", "party_type", "entity_type"]
    static let dobColumns = ["dob", "date_of_birth", "birth_date", "birthdate"]

    /// Decides the format from the first line of the input: a JSON object is JSON Lines; a line
    /// whose comma- or tab-separated cells include the name column (the explicit one, else one of
    /// `nameColumns`) is a CSV header; anything else is a plain list of names. An explicit name
    /// column forces CSV (the reader then reports a header without it).
    public static func detect(firstLine: String, nameColumn: String?) -> ScreeningInputFormat {
        let trimmed = firstLine.drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }
        if trimmed.hasPrefix("{") { return .jsonLines }
        if nameColumn != nil { return .csv }
        for sep: Character in [",", "\t", ";"] {
            let cells = firstLine.split(separator: sep, omittingEmptySubsequences: false).map { headerKey(String($0)) }
            if cells.count > 1 || sep == "," {
                if cells.contains(where: { nameColumns.map(headerKey).contains($0) }) { return .csv }
            }
        }
        return .lines
    }

    /// `Customer Name` → `customername`: header cells compared without case, spaces, dashes, underscores or quotes.
    static func headerKey(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { !" _-\"'\u{FEFF}\r".unicodeScalars.contains($0) }.map(Character.init))
    }
}
