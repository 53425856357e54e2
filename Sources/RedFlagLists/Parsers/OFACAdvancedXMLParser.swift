import Foundation
import RedFlagCore

/// Reads OFAC's Advanced XML (`SDN_ADVANCED.XML`, `CONS_ADVANCED.XML`; root `Sanctions`, the UN/ANSI
/// sanctions data model, list-formats.md §5).
///
/// The file is normalised, and its sections come in an order that lets one streaming pass resolve
/// almost everything: `ReferenceValueSets`, then `Locations` and `IDRegDocuments`, then
/// `DistinctParties`, then `SanctionsEntries` (programs, lists, listing dates), which are attached at
/// the end. `DistinctParty/@FixedRef` (= Profile ID = OFAC uid) is the id. Party type takes two hops
/// (PartySubType → PartyType). Names are built from typed name parts, persons as `LAST, First`; the
/// Latin rendering of the primary alias is the name, every other rendering and alias is an alias
/// (`LowQuality` → weak). References that point nowhere (the trimmed excerpt has many) keep the
/// record and are counted as `dangling reference` warnings. SDN or non-SDN: see `isSDNFile`.
public enum OFACAdvancedXMLParser {
    public static func parse(_ url: URL) throws -> ParsedList {
        let r = try XMLStreamReader(url: url)
        var s = State()
        s.support.startHashing(url)
        var sawRoot = false
        while try r.read() {
            guard r.nodeType == .element else { continue }
            if r.depth == 0 {
                guard r.isNamed("Sanctions") else {
                    throw r.badData("not an OFAC Advanced XML file: root element is <\(r.localName)>, expected <Sanctions>")
                }
                sawRoot = true
            } else if r.depth == 1, r.isNamed("DateOfIssue") {
                s.dateOfIssue = try readDate(r)
            } else if r.depth == 1, r.isNamed("ReferenceValueSets") {
                try readReferenceValues(r, into: &s)
            } else if r.depth == 2, r.isNamed("Location") {
                try readLocation(r, into: &s)
            } else if r.depth == 2, r.isNamed("IDRegDocument") {
                try readDocument(r, into: &s)
            } else if r.depth == 2, r.isNamed("DistinctParty") {
                try readParty(r, into: &s)
            } else if r.depth == 2, r.isNamed("SanctionsEntry") {
                try readSanctionsEntry(r, into: &s)
            }
        }
        guard sawRoot else { throw r.badData("no root element") }
        return try s.finish(url: url)
    }

    // MARK: - State

    private struct Party {
        var entry: ListEntry
        var identityIDs: [String] = []
        var lists: [String] = []
    }

    private struct State {
        var support = ListParsingSupport()
        var dateOfIssue: PartialDate.Parts?
        /// Reference value text per set element name (`AliasType`, `Country`…) and ID.
        var values: [String: [String: String]] = [:]
        var countryISO: [String: String] = [:]
        var scriptCode: [String: String] = [:]
        var partyTypeOfSubType: [String: String] = [:]
        var locations: [String: Address] = [:]
        var documentsByIdentity: [String: [IdentityDocument]] = [:]
        var parties: [Party] = []
        var partyIndex: [String: Int] = [:]
        var entriesSeen: Set<String> = []

        func value(_ set: String, _ id: String?) -> String? { id.flatMap { values[set]?[$0] } }

        mutating func dangling(_ what: String, record: String, value: String) {
            support.warnings.add(ListParsingSupport.Kind.danglingReference, record: record, field: what, value: value)
        }

        /// The SDN list if at least half of the parties with a resolved sanctions entry are on the
        /// SDN List (an SDN file also lists SSI memberships of SDN parties; a non-SDN file may name
        /// the SDN List for a few parties on both lists).
        var isSDNFile: Bool {
            let withLists = parties.filter { !$0.lists.isEmpty }
            guard !withLists.isEmpty else { return true }
            let sdn = withLists.filter { $0.lists.contains { $0.lowercased() == "sdn list" } }.count
            return sdn * 2 >= withLists.count
        }

        mutating func finish(url: URL) throws -> ParsedList {
            for (identity, docs) in documentsByIdentity {
                for d in docs { dangling("IDRegDocument/@IdentityID", record: identity, value: d.number) }
            }
            let sdn = isSDNFile
            let source: ListSource = sdn ? .ofacSDN : .ofacConsolidated
            let list: ListCode = sdn ? .ofacSDN : .ofacConsolidated
            var entries: [ListEntry] = []
            entries.reserveCapacity(parties.count)
            for p in parties {
                if p.lists.isEmpty {
                    dangling("SanctionsEntry/@ProfileID", record: p.entry.sourceID, value: "no sanctions entry for this party")
                }
                var e = ListEntry(source: source, sourceID: p.entry.sourceID, list: list, type: p.entry.type, name: p.entry.name)
                e.programs = p.entry.programs
                e.aliases = p.entry.aliases
                e.addresses = p.entry.addresses
                e.nationalities = p.entry.nationalities
                e.citizenships = p.entry.citizenships
                e.identityDocuments = p.entry.identityDocuments
                e.datesOfBirth = p.entry.datesOfBirth
                e.placesOfBirth = p.entry.placesOfBirth
                e.listingDates = p.entry.listingDates
                e.remarks = p.entry.remarks
                e.titles = p.entry.titles
                e.legal = p.entry.legal
                entries.append(e)
            }
            return try support.finish(url: url, source: source, format: .ofacAdvancedXML, entries: entries,
                                      publicationDate: dateOfIssue.flatMap { $0.year == nil ? nil : $0.iso })
        }
    }

    // MARK: - Sections

    private static func readReferenceValues(_ r: XMLStreamReader, into s: inout State) throws {
        try r.forEachChild {
            try r.forEachChild {
                let set = r.localName
                guard let id = r.attribute("ID") else { return }
                if set == "Country", let iso = r.nonEmptyAttribute("ISO2") { s.countryISO[id] = iso }
                if set == "Script", let code = r.nonEmptyAttribute("ScriptCode") { s.scriptCode[id] = code }
                if set == "PartySubType", let parent = r.attribute("PartyTypeID") { s.partyTypeOfSubType[id] = parent }
                s.values[set, default: [:]][id] = try r.readElementText()
            }
        }
    }

    /// `<… ><Year/><Month/><Day/></…>` (DateOfIssue, EntryEvent/Date, DatePeriod From/To).
    private static func readDate(_ r: XMLStreamReader) throws -> PartialDate.Parts {
        var p = PartialDate.Parts()
        try r.forEachChild {
            if r.isNamed("Year") { p.year = Int(try r.readElementText()) }
            else if r.isNamed("Month") { p.month = Int(try r.readElementText()) }
            else if r.isNamed("Day") { p.day = Int(try r.readElementText()) }
        }
        return p
    }

    /// `DatePeriod`: Start/End, each a From/To window; the date is Start.From to End.To.
    private static func readDatePeriod(_ r: XMLStreamReader) throws -> PartialDate? {
        var begin: PartialDate.Parts?
        var end: PartialDate.Parts?
        var approximate = false
        try r.forEachChild {
            let isStart = r.isNamed("Start")
            guard isStart || r.isNamed("End") else { return }
            if r.attribute("Approximate") == "true" { approximate = true }
            try r.forEachChild {
                if isStart, r.isNamed("From") { begin = try readDate(r) }
                else if !isStart, r.isNamed("To") { end = try readDate(r) }
            }
        }
        guard let begin, begin.year != nil else { return nil }
        return ListParsingSupport.dateWindow(begin: begin, end: end?.year == nil ? nil : end, approximate: approximate)
    }

    private static func readLocation(_ r: XMLStreamReader, into s: inout State) throws {
        guard let id = r.attribute("ID") else { return }
        var a = Address()
        var countryID: String?
        try r.forEachChild {
            if r.isNamed("LocationCountry") {
                countryID = r.attribute("CountryID")
            } else if r.isNamed("LocationPart") {
                let type = (s.value("LocPartType", r.attribute("LocPartTypeID")) ?? "").uppercased()
                var value: String?
                try r.forEachChild {
                    guard r.isNamed("LocationPartValue") else { return }
                    let primary = r.attribute("Primary") != "false"
                    try r.forEachChild {
                        if r.isNamed("Value"), let v = try r.readNonEmptyText(), primary || value == nil { value = v.collapsedWhitespace }
                    }
                }
                guard let value else { return }
                switch type {
                case "CITY": a.city = value
                case "STATE/PROVINCE": a.region = value
                case "REGION": if a.region == nil { a.region = value } else { a.lines.append(value) }
                case "POSTAL CODE": a.postalCode = value
                default: a.lines.append(value)
                }
            }
        }
        if let countryID {
            if let name = s.value("Country", countryID) {
                a.countryRaw = name
                if let iso = s.countryISO[countryID], s.support.table.contains(code: iso) {
                    a.country = iso
                } else {
                    a.country = s.support.countryCode(name, record: "Location \(id)", field: "LocationCountry")
                }
            } else {
                s.dangling("LocationCountry/@CountryID", record: "Location \(id)", value: countryID)
            }
        }
        s.locations[id] = a
    }

    private static func readDocument(_ r: XMLStreamReader, into s: inout State) throws {
        guard let identity = r.attribute("IdentityID") else { return }
        let type = s.value("IDRegDocType", r.attribute("IDRegDocTypeID")) ?? "Document"
        let countryID = r.attribute("IssuedBy-CountryID")
        let countryName = s.value("Country", countryID)
        var number = ""
        var notes: [String] = []
        var issue: String?
        var expiry: String?
        try r.forEachChild {
            if r.isNamed("IDRegistrationNo") { number = try r.readElementText() }
            else if r.isNamed("IssuingAuthority") { if let v = try r.readNonEmptyText() { notes.append("issued by \(v)") } }
            else if r.isNamed("Comment") { if let v = try r.readNonEmptyText() { notes.append(v) } }
            else if r.isNamed("DocumentDate") {
                let kind = (s.value("IDRegDocDateType", r.attribute("IDRegDocDateTypeID")) ?? "").lowercased()
                var date: PartialDate?
                try r.forEachChild { if r.isNamed("DatePeriod") { date = try readDatePeriod(r) } }
                if let d = date?.description {
                    if kind.contains("expir") { expiry = d } else if kind.contains("issue") { issue = d } else { notes.append("\(kind): \(d)") }
                }
            }
        }
        let iso = countryID.flatMap { s.countryISO[$0] }
        let doc = IdentityDocument(type: type, number: number, country: iso, countryRaw: countryName, issueDate: issue,
                                   expirationDate: expiry, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
        s.documentsByIdentity[identity, default: []].append(doc)
    }

    private static func readSanctionsEntry(_ r: XMLStreamReader, into s: inout State) throws {
        let profile = r.attribute("ProfileID") ?? ""
        let listName = s.value("List", r.attribute("ListID"))
        var programs: [String] = []
        var measures: [String] = []
        var listed: PartialDate?
        try r.forEachChild {
            if r.isNamed("EntryEvent") {
                try r.forEachChild {
                    if r.isNamed("Date") {
                        let p = try readDate(r)
                        if p.year != nil { listed = PartialDate(from: p, raw: p.iso) }
                    }
                }
            } else if r.isNamed("SanctionsMeasure") {
                let type = s.value("SanctionsType", r.attribute("SanctionsTypeID"))
                var comment: String?
                try r.forEachChild { if r.isNamed("Comment") { comment = try r.readNonEmptyText() } }
                if type?.lowercased() == "program" || r.attribute("SanctionsTypeID") == "1" {
                    if let comment { programs.append(comment) }
                } else if let type {
                    measures.append(comment.map { "\(type): \($0)" } ?? type)
                }
            }
        }
        guard let i = s.partyIndex[profile] else {
            s.dangling("SanctionsEntry/@ProfileID", record: profile, value: listName ?? "")
            return
        }
        if let listName, !s.parties[i].lists.contains(listName) { s.parties[i].lists.append(listName) }
        var e = s.parties[i].entry
        for p in programs where !e.programs.contains(p) { e.programs.append(p) }
        for m in measures where !e.legal.measures.contains(m) { e.legal.measures.append(m) }
        if let listed, !e.listingDates.contains(listed) { e.listingDates.append(listed) }
        s.parties[i].entry = e
    }

    // MARK: - Parties

    /// One rendering of one alias, before its name parts' types are known (the types come in the
    /// identity's `NamePartGroups`, after the aliases).
    private struct Rendering {
        var parts: [(group: String, value: String)] = []
        var scriptIDs: Set<String> = []
        var primaryLatin = false
    }

    private struct PendingAlias {
        var primary: Bool
        var lowQuality: Bool
        var typeID: String?
        var renderings: [Rendering]
    }

    private static func readParty(_ r: XMLStreamReader, into s: inout State) throws {
        let line = r.line
        guard let fixedRef = r.nonEmptyAttribute("FixedRef") else { throw r.badData("DistinctParty without FixedRef", line: line) }
        var party = Party(entry: ListEntry(source: .ofacSDN, sourceID: fixedRef, list: .ofacSDN, type: .unknown, name: ""))
        try r.forEachChild {
            if r.isNamed("Comment") {
                if let c = try r.readNonEmptyText() { party.entry.remarks.append(c) }
            } else if r.isNamed("Profile") {
                party.entry.type = partyType(subType: r.attribute("PartySubTypeID"), s: &s, record: fixedRef)
                try r.forEachChild {
                    if r.isNamed("Identity") {
                        if let id = r.attribute("ID") { party.identityIDs.append(id) }
                        try readIdentity(r, into: &party, s: &s)
                    } else if r.isNamed("Feature") {
                        try readFeature(r, into: &party.entry, s: &s)
                    }
                }
            }
        }
        for id in party.identityIDs {
            if let docs = s.documentsByIdentity.removeValue(forKey: id) { party.entry.identityDocuments += docs }
        }
        if party.entry.name.isEmpty {
            s.support.warnings.add(ListParsingSupport.Kind.missingName, record: fixedRef, field: "Alias", value: "")
        }
        if s.partyIndex[fixedRef] == nil {
            s.partyIndex[fixedRef] = s.parties.count
            s.parties.append(party)
        } else {
            throw r.badData("DistinctParty FixedRef \(fixedRef) appears twice", line: line)
        }
    }

    private static func partyType(subType: String?, s: inout State, record: String) -> PartyType {
        guard let subType, let subName = s.value("PartySubType", subType) else {
            s.dangling("Profile/@PartySubTypeID", record: record, value: subType ?? "")
            return .unknown
        }
        let sub = PartyType(listValue: subName)
        if sub == .vessel || sub == .aircraft { return sub }
        let type = PartyType(listValue: s.value("PartyType", s.partyTypeOfSubType[subType]) ?? "")
        if type == .unknown { s.support.warnings.add(ListParsingSupport.Kind.unknownType, record: record, field: "PartySubTypeID", value: subName) }
        return type
    }

    private static func readIdentity(_ r: XMLStreamReader, into party: inout Party, s: inout State) throws {
        let primaryIdentity = r.attribute("Primary") == "true"
        var pending: [PendingAlias] = []
        var groupTypes: [String: String] = [:]
        try r.forEachChild {
            if r.isNamed("Alias") {
                var a = PendingAlias(primary: r.attribute("Primary") == "true", lowQuality: r.attribute("LowQuality") == "true",
                                     typeID: r.attribute("AliasTypeID"), renderings: [])
                try r.forEachChild {
                    guard r.isNamed("DocumentedName") else { return }
                    var rendering = Rendering(primaryLatin: r.attribute("DocNameStatusID") == "1")
                    try r.forEachChild {
                        guard r.isNamed("DocumentedNamePart") else { return }
                        try r.forEachChild {
                            guard r.isNamed("NamePartValue") else { return }
                            let group = r.attribute("NamePartGroupID") ?? ""
                            if let script = r.attribute("ScriptID") { rendering.scriptIDs.insert(script) }
                            if let v = try r.readNonEmptyText() { rendering.parts.append((group, v.collapsedWhitespace)) }
                        }
                    }
                    if !rendering.parts.isEmpty { a.renderings.append(rendering) }
                }
                pending.append(a)
            } else if r.isNamed("NamePartGroups") {
                try r.forEachChild {
                    try r.forEachChild {
                        if r.isNamed("NamePartGroup"), let id = r.attribute("ID") {
                            groupTypes[id] = s.value("NamePartType", r.attribute("NamePartTypeID")) ?? ""
                        }
                    }
                }
            }
        }
        let person = party.entry.type == .person
        for a in pending {
            let kind = OFACXMLParser.aliasKind(s.value("AliasType", a.typeID) ?? "")
            // The primary rendering: "Primary Latin", else a Latin-script one, else the first.
            let main = a.renderings.firstIndex { $0.primaryLatin }
                ?? a.renderings.firstIndex { $0.scriptIDs.contains { s.scriptCode[$0] == "Latn" } } ?? 0
            for (i, rendering) in a.renderings.enumerated() {
                let name = fullName(rendering, groupTypes: groupTypes, person: person)
                guard !name.isEmpty else { continue }
                if primaryIdentity, a.primary, i == main, party.entry.name.isEmpty {
                    party.entry.name = name
                } else if name != party.entry.name, !party.entry.aliases.contains(where: { $0.name == name }) {
                    let aliasKind: Alias.Kind = a.primary ? .variation : (kind == .unknown ? .aka : kind)
                    // The script is detected from the text, as for every list, so `Hans`/`Hant`
                    // renderings agree with other lists' `Hani`.
                    party.entry.aliases.append(Alias(name: name, strength: a.lowQuality ? .weak : .strong, kind: aliasKind))
                }
            }
        }
    }

    /// Persons as OFAC writes them, `LAST, First Middle`; other parties' parts in order.
    private static func fullName(_ rendering: Rendering, groupTypes: [String: String], person: Bool) -> String {
        let typed = rendering.parts.map { (type: (groupTypes[$0.group] ?? "").lowercased(), value: $0.value) }
        guard person, let last = typed.first(where: { $0.type == "last name" }) else {
            return typed.map(\.value).joined(separator: " ")
        }
        let rest = typed.filter { $0.type != "last name" && $0.type != "nickname" }.map(\.value)
        let nick = typed.filter { $0.type == "nickname" }.map(\.value)
        let base = rest.isEmpty ? last.value : "\(last.value), \(rest.joined(separator: " "))"
        return nick.isEmpty ? base : base + " " + nick.joined(separator: " ")
    }

    private static func readFeature(_ r: XMLStreamReader, into e: inout ListEntry, s: inout State) throws {
        let type = s.value("FeatureType", r.attribute("FeatureTypeID")) ?? "Feature \(r.attribute("FeatureTypeID") ?? "?")"
        let id = e.sourceID
        try r.forEachChild {
            guard r.isNamed("FeatureVersion") else { return }
            var date: PartialDate?
            var text: String?
            var location: Address?
            try r.forEachChild {
                if r.isNamed("DatePeriod") {
                    date = try readDatePeriod(r)
                } else if r.isNamed("VersionDetail") {
                    let ref = s.value("DetailReference", r.attribute("DetailReferenceID"))
                    let t = try r.readNonEmptyText()
                    text = t ?? ref
                } else if r.isNamed("VersionLocation"), let lid = r.attribute("LocationID") {
                    if let a = s.locations[lid] { location = a } else { s.dangling("VersionLocation/@LocationID", record: id, value: lid) }
                }
            }
            switch type.lowercased() {
            case "birthdate":
                if let date { e.datesOfBirth.append(date) }
                else if let text { e.datesOfBirth.append(s.support.date(text, record: id, field: "Birthdate")) }
            case "place of birth":
                if let p = text ?? location?.oneLine, !p.isEmpty { e.placesOfBirth.append(p) }
            case "nationality country", "citizenship country":
                let ref: CountryRef? = location.flatMap { a in a.countryRaw.map { CountryRef(code: a.country, raw: $0) } }
                    ?? text.map { s.support.country($0, record: id, field: type) }
                if let ref {
                    if type.lowercased().hasPrefix("nationality") { e.nationalities.append(ref) } else { e.citizenships.append(ref) }
                }
            case "location":
                if let location { e.addresses.append(location) }
            case "title":
                if let text { e.titles.append(text) }
            default:
                let value = text ?? date?.description ?? location?.oneLine ?? ""
                e.remarks.append(OFACIDTypes.remark(type: type, value: value))
            }
        }
    }
}
