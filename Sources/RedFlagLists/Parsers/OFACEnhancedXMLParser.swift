import Foundation
import RedFlagCore

/// Reads OFAC's Enhanced XML (`SDN_ENHANCED.XML`, `CONS_ENHANCED.XML`; root `sanctionsData`,
/// list-formats.md §4).
///
/// `entity/@id` is the OFAC uid, so ids agree with the classic XML and CSV. Values that the file
/// gives only as a `refId` are resolved through `referenceValues` (and feature types through
/// `featureTypes`). The primary name is the primary translation of the primary `name`; every other
/// translation (other scripts included) and every other name becomes an alias, weak when
/// `isLowQuality` is true, with its kind from `aliasType`. Features become dates and places of birth,
/// nationalities and citizenships, titles, or remarks (`Website: …`). The source is SDN or non-SDN
/// according to the file's own `publicationInfo/filters/sanctionsLists` (content, not file name).
public enum OFACEnhancedXMLParser {
    public static func parse(_ url: URL) throws -> ParsedList {
        let r = try XMLStreamReader(url: url)
        var state = State()
        state.support.startHashing(url)
        var sawRoot = false
        while try r.read() {
            guard r.nodeType == .element else { continue }
            if r.depth == 0 {
                guard r.isNamed("sanctionsData") else {
                    throw r.badData("not an OFAC Enhanced XML file: root element is <\(r.localName)>, expected <sanctionsData>")
                }
                sawRoot = true
            } else if r.isNamed("publicationInfo") {
                try readPublicationInfo(r, into: &state)
            } else if r.isNamed("referenceValue") {
                let id = r.attribute("refId")
                var value = ""
                try r.forEachChild { if r.isNamed("value") { value = try r.readElementText() } }
                if let id { state.referenceValues[id] = value }
            } else if r.isNamed("featureType") {
                let id = r.attribute("featureTypeId")
                var type = ""
                try r.forEachChild { if r.isNamed("type") { type = try r.readElementText() } }
                if let id { state.featureTypes[id] = type }
            } else if r.isNamed("entity"), r.depth == 2 {
                try readEntity(r, state: &state)
            }
        }
        guard sawRoot else { throw r.badData("no root element") }
        let consolidated = state.isConsolidated
        let source: ListSource = consolidated ? .ofacConsolidated : .ofacSDN
        let list: ListCode = consolidated ? .ofacConsolidated : .ofacSDN
        let entries = state.entries.map { e -> ListEntry in
            var copy = ListEntry(source: source, sourceID: e.sourceID, list: list, type: e.type, name: e.name)
            copy.programs = e.programs
            copy.aliases = e.aliases
            copy.addresses = e.addresses
            copy.nationalities = e.nationalities
            copy.citizenships = e.citizenships
            copy.identityDocuments = e.identityDocuments
            copy.datesOfBirth = e.datesOfBirth
            copy.placesOfBirth = e.placesOfBirth
            copy.listingDates = e.listingDates
            copy.remarks = e.remarks
            copy.titles = e.titles
            copy.legal = e.legal
            return copy
        }
        var iso: String?
        if let asOf = state.dataAsOf {
            iso = PartialDate.isoDay(asOf)
            if iso == nil {
                state.support.warnings.add(ListParsingSupport.Kind.unparseableDate, record: "publicationInfo", field: "dataAsOf", value: asOf)
            }
        }
        return try state.support.finish(url: url, source: source, format: .ofacEnhancedXML, entries: entries, publicationDate: iso)
    }

    private struct State {
        var support = ListParsingSupport()
        var referenceValues: [String: String] = [:]
        var featureTypes: [String: String] = [:]
        var dataAsOf: String?
        var fileLists: [String] = []
        var entries: [ListEntry] = []
        var entityLists: [[String]] = []

        /// The file's filter names the list it holds ("SDN List" / "Consolidated List"); without
        /// one, the entities' own list memberships decide (more than half off the SDN list).
        var isConsolidated: Bool {
            let lists = fileLists.map { $0.lowercased() }
            if lists.contains(where: { $0.contains("sdn") && !$0.contains("non-sdn") }) { return false }
            if lists.contains(where: { $0.contains("consolidated") || $0.contains("non-sdn") }) { return true }
            let offSDN = entityLists.filter { !$0.contains { $0.lowercased() == "sdn list" } }.count
            return !entityLists.isEmpty && offSDN * 2 > entityLists.count
        }

        /// The element's text, or the reference value its `refId` points to when the text is empty.
        func resolved(_ text: String, refId: String?) -> String {
            if !text.isEmpty { return text }
            return refId.flatMap { referenceValues[$0] } ?? ""
        }
    }

    private static func readPublicationInfo(_ r: XMLStreamReader, into state: inout State) throws {
        try r.forEachChild {
            if r.isNamed("dataAsOf") {
                state.dataAsOf = try r.readNonEmptyText()
            } else if r.isNamed("filters") {
                try r.forEachChild {
                    try r.forEachChild {
                        let ref = r.attribute("refId")
                        let name = state.resolved(try r.readElementText(), refId: ref)
                        if !name.isEmpty { state.fileLists.append(name) }
                    }
                }
            }
        }
    }

    /// Reads `<x refId="…">text</x>` resolving the reference when the text is empty.
    private static func refText(_ r: XMLStreamReader, _ state: State) throws -> String {
        let ref = r.attribute("refId")
        return state.resolved(try r.readElementText(), refId: ref)
    }

    private static func readEntity(_ r: XMLStreamReader, state: inout State) throws {
        let line = r.line
        guard let id = r.nonEmptyAttribute("id") else { throw r.badData("entity without id", line: line) }
        var e = ListEntry(source: .ofacSDN, sourceID: id, list: .ofacSDN, type: .unknown, name: "")
        var lists: [String] = []
        var primaryName: String?
        try r.forEachChild {
            if r.isNamed("generalInfo") {
                try r.forEachChild {
                    if r.isNamed("entityType") {
                        let raw = try refText(r, state)
                        e.type = PartyType(listValue: raw)
                        if e.type == .unknown { state.support.warnings.add(ListParsingSupport.Kind.unknownType, record: id, field: "entityType", value: raw) }
                    } else if r.isNamed("remarks"), let t = try r.readNonEmptyText() {
                        e.remarks.append(t)
                    }
                }
            } else if r.isNamed("sanctionsLists") {
                try r.forEachChild {
                    let name = try refText(r, state)
                    if !name.isEmpty { lists.append(name) }
                }
            } else if r.isNamed("sanctionsPrograms") {
                try r.forEachChild {
                    let p = try refText(r, state)
                    if !p.isEmpty, !e.programs.contains(p) { e.programs.append(p) }
                }
            } else if r.isNamed("sanctionsTypes") || r.isNamed("legalAuthorities") {
                try r.forEachChild {
                    let m = try refText(r, state)
                    if !m.isEmpty, !e.legal.measures.contains(m) { e.legal.measures.append(m) }
                }
            } else if r.isNamed("names") {
                try r.forEachChild {
                    if r.isNamed("name") { try readName(r, state: state, primary: &primaryName, aliases: &e.aliases) }
                }
            } else if r.isNamed("addresses") {
                try r.forEachChild {
                    if r.isNamed("address") { e.addresses += try readAddress(r, id: id, state: &state) }
                }
            } else if r.isNamed("features") {
                try r.forEachChild {
                    if r.isNamed("feature") { try readFeature(r, into: &e, state: &state) }
                }
            } else if r.isNamed("identityDocuments") {
                try r.forEachChild {
                    if r.isNamed("identityDocument") { try readDocument(r, into: &e, state: &state) }
                }
            } else if r.isNamed("relationships") {
                try r.forEachChild {
                    var type = ""
                    var related = ""
                    try r.forEachChild {
                        if r.isNamed("type") { type = try refText(r, state) }
                        else if r.isNamed("relatedEntity") { related = try r.readElementText() }
                    }
                    if !related.isEmpty { e.remarks.append("(\(type.isEmpty ? "Related To" : type): \(related))") }
                }
            }
        }
        if let primaryName {
            e.name = primaryName
        } else if let first = e.aliases.first {
            // No name flagged primary: the first one stands in, so the record stays matchable.
            e.name = first.name
            e.aliases.removeFirst()
            state.support.warnings.add(ListParsingSupport.Kind.missingName, record: id, field: "names/name/isPrimary", value: first.name)
        } else {
            state.support.warnings.add(ListParsingSupport.Kind.missingName, record: id, field: "names", value: "")
        }
        state.entries.append(e)
        state.entityLists.append(lists)
    }

    private static func readName(_ r: XMLStreamReader, state: State, primary: inout String?, aliases: inout [Alias]) throws {
        var isPrimary = false
        var lowQuality = false
        var aliasType = ""
        var translations: [(name: String, primary: Bool)] = []
        try r.forEachChild {
            if r.isNamed("isPrimary") { isPrimary = try r.readElementText() == "true" }
            else if r.isNamed("isLowQuality") { lowQuality = try r.readElementText() == "true" }
            else if r.isNamed("aliasType") { aliasType = try refText(r, state) }
            else if r.isNamed("translations") {
                try r.forEachChild {
                    var tPrimary = false
                    var full: String?
                    var parts: [String] = []
                    try r.forEachChild {
                        if r.isNamed("isPrimary") { tPrimary = try r.readElementText() == "true" }
                        else if r.isNamed("formattedFullName") { full = try r.readNonEmptyText()?.collapsedWhitespace }
                        else if r.isNamed("nameParts") {
                            try r.forEachChild {
                                try r.forEachChild { if r.isNamed("value"), let v = try r.readNonEmptyText() { parts.append(v.collapsedWhitespace) } }
                            }
                        }
                    }
                    if let n = full ?? (parts.isEmpty ? nil : parts.joined(separator: " ")) { translations.append((n, tPrimary)) }
                }
            }
        }
        let strength: Alias.Strength = lowQuality ? .weak : .strong
        let kind = OFACXMLParser.aliasKind(aliasType)
        for t in translations {
            if isPrimary, t.primary, primary == nil {
                primary = t.name
            } else if !aliases.contains(where: { $0.name == t.name }) && t.name != primary {
                // Other-script renderings of the primary name are variations of it.
                aliases.append(Alias(name: t.name, strength: strength, kind: isPrimary ? .variation : (kind == .unknown ? .aka : kind)))
            }
        }
    }

    private static func readAddress(_ r: XMLStreamReader, id: String, state: inout State) throws -> [Address] {
        var countryRaw: String?
        var out: [Address] = []
        try r.forEachChild {
            if r.isNamed("country") {
                let c = try refText(r, state)
                countryRaw = c.isEmpty ? nil : c
            } else if r.isNamed("translations") {
                try r.forEachChild {
                    var a = Address()
                    try r.forEachChild {
                        guard r.isNamed("addressParts") else { return }
                        try r.forEachChild {
                            var type = ""
                            var value = ""
                            try r.forEachChild {
                                if r.isNamed("type") { type = try refText(r, state).uppercased() }
                                else if r.isNamed("value") { value = try r.readElementText().collapsedWhitespace }
                            }
                            guard !value.isEmpty else { return }
                            switch type {
                            case "CITY": a.city = value
                            case "STATE/PROVINCE": a.region = value
                            case "REGION": if a.region == nil { a.region = value } else { a.lines.append(value) }
                            case "POSTAL CODE": a.postalCode = value
                            default: a.lines.append(value)
                            }
                        }
                    }
                    out.append(a)
                }
            }
        }
        if out.isEmpty { out = [Address()] }
        let code = state.support.countryCode(countryRaw, record: id, field: "address/country")
        for i in out.indices {
            out[i].countryRaw = countryRaw
            out[i].country = code
        }
        return out
    }

    private static func readFeature(_ r: XMLStreamReader, into e: inout ListEntry, state: inout State) throws {
        var type = ""
        var value = ""
        var window: [String: String] = [:]
        try r.forEachChild {
            if r.isNamed("type") {
                let ref = r.attribute("featureTypeId")
                let text = try r.readElementText()
                type = text.isEmpty ? (ref.flatMap { state.featureTypes[$0] } ?? "") : text
            } else if r.isNamed("value") {
                value = try r.readElementText().collapsedWhitespace
            } else if r.isNamed("valueDate") {
                try r.forEachChild { window[r.localName] = try r.readElementText() }
            }
        }
        let id = e.sourceID
        switch type.lowercased() {
        case "birthdate":
            e.datesOfBirth.append(birthdate(value: value, window: window, id: id, support: &state.support))
        case "place of birth":
            if !value.isEmpty { e.placesOfBirth.append(value) }
        case "nationality country":
            if !value.isEmpty { e.nationalities.append(state.support.country(value, record: id, field: "Nationality Country")) }
        case "citizenship country":
            if !value.isEmpty { e.citizenships.append(state.support.country(value, record: id, field: "Citizenship Country")) }
        case "title":
            if !value.isEmpty { e.titles.append(value) }
        default:
            let text = value.isEmpty ? window["fromDateBegin"].map { String($0.prefix(10)) } ?? "" : value
            e.remarks.append(OFACIDTypes.remark(type: type, value: text))
        }
    }

    /// The feature's text (`12 Mar 1971`, `1962`, `circa 1955`) when readable, else the exact
    /// window OFAC encodes: from/to begin and end, approximate and range flags.
    private static func birthdate(value: String, window: [String: String], id: String, support: inout ListParsingSupport) -> PartialDate {
        var d = ListParsingSupport.parseDate(value)
        if !d.isValid || value.isEmpty, let begin = window["fromDateBegin"].map({ ListParsingSupport.parseDate($0) }), begin.isValid {
            let end = window["toDateEnd"].map { ListParsingSupport.parseDate($0) }
            d = ListParsingSupport.dateWindow(begin: begin.from, end: end?.isValid == true ? end?.from : nil,
                                              approximate: window["isApproximate"] == "true", raw: value.isEmpty ? nil : value)
        }
        if !d.isValid { support.warnings.add(ListParsingSupport.Kind.unparseableDate, record: id, field: "Birthdate", value: value) }
        return d
    }

    private static func readDocument(_ r: XMLStreamReader, into e: inout ListEntry, state: inout State) throws {
        var type = ""
        var number = ""
        var country: String?
        var notes: [String] = []
        try r.forEachChild {
            if r.isNamed("type") { type = try refText(r, state) }
            else if r.isNamed("documentNumber") { number = try r.readElementText() }
            else if r.isNamed("issuingCountry") { let c = try refText(r, state); country = c.isEmpty ? nil : c }
            else if r.isNamed("issuingLocation") || r.isNamed("issuingAuthority") {
                if let v = try r.readNonEmptyText() { notes.append("issued by \(v)") }
            } else if r.isNamed("isValid") {
                if try r.readElementText() == "false" { notes.append("not valid") }
            }
        }
        if OFACIDTypes.isAttribute(type) || number.isEmpty {
            e.remarks.append(OFACIDTypes.remark(type: type, value: number))
            return
        }
        let code = state.support.countryCode(country, record: e.sourceID, field: "issuingCountry")
        e.identityDocuments.append(IdentityDocument(type: type, number: number, country: code, countryRaw: country,
                                                    note: notes.isEmpty ? nil : notes.joined(separator: "; ")))
    }
}
