import Foundation
import RedFlagCore

/// The rows of one UK target (OFSI `Group ID`, FCDO `Unique ID`) gathered into one entry: the UK
/// files publish one row per name and repeat the other facts on every row.
struct UKGroup {
    let id: String
    /// Line of the group's first row, for warnings.
    let line: Int
    var type: PartyType = .unknown
    var primaryName: String?
    var aliases: [Alias] = []
    var programs: [String] = []
    var addresses: [Address] = []
    var nationalities: [CountryRef] = []
    var documents: [IdentityDocument] = []
    var datesOfBirth: [PartialDate] = []
    var placesOfBirth: [String] = []
    var listingDates: [PartialDate] = []
    var remarks: [String] = []
    var titles: [String] = []
    var measures: [String] = []

    init(id: String, line: Int) {
        self.id = id
        self.line = line
    }

    /// Adds a name: the first primary name becomes the entry's name, every other name an alias.
    mutating func addName(_ name: String, primary: Bool, kind: Alias.Kind, strength: Alias.Strength, language: String? = nil) {
        guard !name.isEmpty else { return }
        if primary, primaryName == nil {
            primaryName = name
            aliases.removeAll { FieldSplitter.sameIgnoringCase($0.name, name) }
            return
        }
        if let p = primaryName, FieldSplitter.sameIgnoringCase(p, name) { return }
        if let j = aliases.firstIndex(where: { FieldSplitter.sameIgnoringCase($0.name, name) }) {
            // The same name published twice: keep the stronger reading.
            if aliases[j].strength != .strong && strength == .strong { aliases[j].strength = .strong }
            return
        }
        aliases.append(Alias(name: name, strength: primary ? .strong : strength, kind: primary ? .variation : kind,
                             language: language))
    }

    mutating func addDates(_ raw: String?, to keyPath: WritableKeyPath<UKGroup, [PartialDate]>, field: String,
                           warnings: inout ParseWarnings) {
        for value in FieldSplitter.numberedList(raw) where !self[keyPath: keyPath].contains(where: { $0.raw == value }) {
            self[keyPath: keyPath].append(FieldSplitter.date(value, record: id, field: field, warnings: &warnings))
        }
    }

    mutating func addNationalities(_ raw: String?, field: String, warnings: inout ParseWarnings) {
        for value in FieldSplitter.numberedList(raw) where !nationalities.contains(where: { $0.raw == value }) {
            nationalities.append(FieldSplitter.country(value, record: id, field: field, warnings: &warnings))
        }
    }

    mutating func addAddress(lines: [String?], postalCode: String?, country: String?, warnings: inout ParseWarnings) {
        var address = Address(lines: lines.compactMap { $0 }, postalCode: postalCode)
        if let country {
            address.countryRaw = country
            address.country = FieldSplitter.country(country, record: id, field: "Country", warnings: &warnings).code
        }
        guard !(address.lines.isEmpty && address.postalCode == nil && address.countryRaw == nil) else { return }
        FieldSplitter.appendUnique(address, to: &addresses)
    }

    mutating func addDocument(type: String, number: String?, note: String?) {
        guard let value = number ?? note else { return }
        FieldSplitter.appendUnique(IdentityDocument(type: type, number: value, note: number == nil ? nil : note), to: &documents)
    }

    mutating func add(_ value: String?, to keyPath: WritableKeyPath<UKGroup, [String]>) {
        if let value { FieldSplitter.appendUnique(value, to: &self[keyPath: keyPath]) }
    }

    /// The entry; a group without a primary-name row takes its first alias as the name (counted).
    func entry(warnings: inout ParseWarnings) -> ListEntry {
        var aliases = self.aliases
        var name = primaryName ?? ""
        if primaryName == nil {
            warnings.add("no primary name", record: id, field: "name type", value: "line \(line)")
            if !aliases.isEmpty { name = aliases.removeFirst().name }
        }
        return ListEntry(source: .uk, sourceID: id, list: .uk, type: type, name: name, programs: programs,
                         aliases: aliases, addresses: addresses, nationalities: nationalities,
                         identityDocuments: documents, datesOfBirth: datesOfBirth, placesOfBirth: placesOfBirth,
                         listingDates: listingDates, remarks: remarks, titles: titles,
                         legal: LegalInfo(measures: measures))
    }

    /// The name in natural order: `Name 1` … `Name 5`, then `Name 6` (surname or whole name).
    static func name(parts: [String?]) -> String {
        FieldSplitter.clean(parts.compactMap { $0 }.joined(separator: " "))
    }

    /// `Individual`, `Entity`, `Ship` (and the other spellings `PartyType` knows).
    static func partyType(_ raw: String?, record: String, warnings: inout ParseWarnings) -> PartyType? {
        guard let raw else { return nil }
        let t = PartyType(listValue: raw)
        if t == .unknown { warnings.add("unknown party type", record: record, field: "type", value: raw) }
        return t
    }
}

/// Groups rows by id in the order the ids first appear.
struct UKGroups {
    private(set) var groups: [UKGroup] = []
    private var position: [String: Int] = [:]

    mutating func withGroup(id: String, line: Int, _ body: (inout UKGroup) -> Void) {
        if let i = position[id] {
            body(&groups[i])
        } else {
            position[id] = groups.count
            var g = UKGroup(id: id, line: line)
            body(&g)
            groups.append(g)
        }
    }
}
