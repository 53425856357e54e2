import Foundation
import RedFlagCore

/// Reads a party file for `rescreen --parties` (a customer master export): CSV with a header
/// naming at least a `name` column (also accepted: `party`, `customer`, `customer_name`,
/// `company`), and optionally `country`, `address`, `type`, `role`.
public enum PartyFileReader {
    static let nameHeaders: Set<String> = ["name", "party", "party name", "customer", "customer name", "company", "company name"]

    /// The parties of the file; a record over `maxRecordBytes` is bad data naming its line.
    public static func read(_ url: URL, maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes) throws -> [KnownParty] {
        let reader = try CSVReader(url: url)
        reader.maxRecordBytes = maxRecordBytes
        guard let header = try reader.next() else {
            throw RedFlagError.badData(path: url.path, location: "line 1", message: "empty file: expected a header with a name column")
        }
        let columns = header.fields.map { TextFolding.fold($0).replacingOccurrences(of: "_", with: " ") }
        guard let nameColumn = columns.firstIndex(where: { nameHeaders.contains($0) }) else {
            throw RedFlagError.badData(path: url.path, location: "line \(header.line)",
                                       message: "no name column in the header (expected one of: name, party, customer, company)")
        }
        let country = columns.firstIndex(of: "country")
        let address = columns.firstIndex(of: "address")
        let type = columns.firstIndex(of: "type")
        let role = columns.firstIndex(of: "role")
        var parties: [KnownParty] = []
        while let record = try reader.next() {
            let name = TextFolding.collapseWhitespace(record[nameColumn])
            if name.isEmpty {
                if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
                throw RedFlagError.badData(path: url.path, location: "line \(record.line)", message: "empty party name")
            }
            let field = { (i: Int?) in i.flatMap { TextFolding.nonEmpty(record[$0]) } }
            var partyType: PartyType?
            if let text = field(type) {
                partyType = PartyType(rawValue: text.lowercased())
                if partyType == nil {
                    throw RedFlagError.badData(path: url.path, location: "line \(record.line)",
                                               message: "unknown party type '\(text)' (person, entity, vessel, aircraft)")
                }
            }
            parties.append(KnownParty(name: name, country: field(country)?.uppercased(), address: field(address),
                                      type: partyType, role: field(role)))
        }
        return parties
    }

    /// The parties with duplicates (same `key`) removed, first occurrence kept.
    public static func unique(_ parties: [KnownParty]) -> [KnownParty] {
        var seen = Set<String>()
        return parties.filter { seen.insert($0.key).inserted }
    }
}
