import Foundation
import RedFlagCore

/// Reads the FCDO UK Sanctions List XML (root `Designations`, list-formats.md §8.2).
///
/// No real copy of this file could be obtained: the element names follow the documented secondary
/// sources (OpenSanctions' crawler), so the parser matches local names leniently and keeps every
/// detail it does not map (ship and entity particulars) as `remarks` rather than dropping it.
/// `UniqueID` (`RUS0251`) is the id, `RegimeName` the program, `DateDesignated` the listing date and
/// `DateGenerated` (dd/mm/yyyy) the publication date. `NameType` Primary Name → the name; Primary Name
/// Variation → a variation; Alias → an alias, weak when its strength says "Low quality". Non-Latin
/// names keep their script and language.
public enum FCDOXMLParser {
    public static func parse(_ url: URL) throws -> ParsedList {
        let r = try XMLStreamReader(url: url)
        var support = ListParsingSupport()
        support.startHashing(url)
        var entries: [ListEntry] = []
        var generated: String?
        var sawRoot = false
        while try r.read() {
            guard r.nodeType == .element else { continue }
            if r.depth == 0 {
                guard r.isNamed("Designations") else {
                    throw r.badData("not an FCDO UK Sanctions List file: root element is <\(r.localName)>, expected <Designations>")
                }
                sawRoot = true
            } else if r.depth == 1, r.isNamed("DateGenerated") {
                generated = try r.readNonEmptyText()
            } else if r.depth == 1, r.isNamed("Designation") {
                entries.append(try readDesignation(r, support: &support))
            }
        }
        guard sawRoot else { throw r.badData("no root element") }
        var iso: String?
        if let generated {
            iso = PartialDate.isoDay(generated, slashOrder: .dayFirst)
            if iso == nil { support.warnings.add(ListParsingSupport.Kind.unparseableDate, record: "Designations", field: "DateGenerated", value: generated) }
        }
        return try support.finish(url: url, source: .uk, format: .fcdoXML, entries: entries, publicationDate: iso)
    }

    private struct Name {
        var parts: [String] = []
        var type = ""
        var strength = ""
        var text: String { parts.joined(separator: " ") }
    }

    private static func readDesignation(_ r: XMLStreamReader, support: inout ListParsingSupport) throws -> ListEntry {
        let line = r.line
        var id = ""
        var type = PartyType.unknown
        var typeRaw = ""
        var names: [Name] = []
        var nonLatin: [Alias] = []
        var programs: [String] = []
        var titles: [String] = []
        var remarks: [String] = []
        var legal = LegalInfo()
        var designated: String?
        var addresses: [Address] = []
        var rawDOBs: [String] = []
        var rawNationalities: [String] = []
        var pobs: [String] = []
        var documents: [(type: String, number: String, note: String?)] = []
        try r.forEachChild {
            if r.isNamed("UniqueID") { id = try r.readElementText() }
            else if r.isNamed("DateDesignated") { designated = try r.readNonEmptyText() }
            else if r.isNamed("RegimeName") { if let p = try r.readNonEmptyText() { programs.append(p) } }
            else if r.isNamed("IndividualEntityShip") {
                typeRaw = try r.readElementText()
                type = PartyType(listValue: typeRaw)
            } else if r.isNamed("Names") {
                try r.forEachChild { if r.isNamed("Name") { names.append(try readName(r)) } }
            } else if r.isNamed("NonLatinNames") {
                try r.forEachChild {
                    var text: String?
                    var language: String?
                    try r.forEachChild {
                        if r.isNamed("NameNonLatinScript") { text = try r.readNonEmptyText()?.collapsedWhitespace }
                        else if r.isNamed("NonLatinScriptLanguage") { language = try r.readNonEmptyText() }
                    }
                    if let text { nonLatin.append(Alias(name: text, strength: .strong, kind: .variation, language: language)) }
                }
            } else if r.isNamed("Titles") {
                try r.forEachChild { if let t = try r.readNonEmptyText() { titles.append(t) } }
            } else if r.isNamed("SanctionsImposed") {
                legal.measures = try r.readElementText().split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            } else if r.isNamed("OtherInformation") {
                if let t = try r.readNonEmptyText() { remarks.append(t) }
            } else if r.isNamed("UKStatementofReasons") || r.isNamed("UKStatementOfReasons") {
                if let t = try r.readNonEmptyText() { remarks.append("UK Statement of Reasons: " + stripMarkup(t)) }
            } else if r.isNamed("DesignationSource") {
                if let t = try r.readNonEmptyText() { remarks.append("Designation source: \(t)") }
            } else if r.isNamed("UNReferenceNumber") {
                if let t = try r.readNonEmptyText() { remarks.append("UN reference number: \(t)") }
            } else if r.isNamed("OFSIGroupID") {
                if let t = try r.readNonEmptyText() { remarks.append("OFSI group ID: \(t)") }
            } else if r.isNamed("Addresses") {
                try r.forEachChild { if r.isNamed("Address") { addresses.append(try readAddress(r)) } }
            } else if r.isNamed("PhoneNumbers") || r.isNamed("EmailAddresses") || r.isNamed("Websites") {
                let label = r.isNamed("PhoneNumbers") ? "Phone" : r.isNamed("Websites") ? "Website" : "Email"
                try r.forEachChild { if let t = try r.readNonEmptyText() { remarks.append("\(label): \(t)") } }
            } else if r.isNamed("IndividualDetails") || r.isNamed("EntityDetails") || r.isNamed("ShipDetails") {
                // Details come as Individual/Entity/Ship wrappers holding plural lists of values.
                try r.forEachChild {
                    try r.forEachChild {
                        if r.isNamed("DOBs") {
                            try r.forEachChild { if let t = try r.readNonEmptyText() { rawDOBs.append(t) } }
                        } else if r.isNamed("Nationalities") {
                            try r.forEachChild { if let t = try r.readNonEmptyText() { rawNationalities.append(t) } }
                        } else if r.isNamed("Positions") {
                            try r.forEachChild { if let t = try r.readNonEmptyText() { titles.append(t) } }
                        } else if r.isNamed("BirthDetails") {
                            try r.forEachChild {
                                var parts: [String] = []
                                try r.forEachChild { if let t = try r.readNonEmptyText() { parts.append(t) } }
                                if !parts.isEmpty { pobs.append(parts.joined(separator: ", ")) }
                            }
                        } else if r.isNamed("PassportDetails") || r.isNamed("NationalIdentifierDetails") || r.isNamed("IMONumbers")
                                    || r.isNamed("BusinessRegistrationNumbers") {
                            let docType = r.isNamed("PassportDetails") ? "Passport" : r.isNamed("IMONumbers") ? "IMO number"
                                : r.isNamed("BusinessRegistrationNumbers") ? "Business registration number" : "National identifier"
                            try r.forEachChild {
                                if r.isNamed("IMONumber") || r.isNamed("BusinessRegistrationNumber") {
                                    if let n = try r.readNonEmptyText() { documents.append((docType, n, nil)) }
                                    return
                                }
                                var number: String?
                                var info: String?
                                try r.forEachChild {
                                    if r.localName.hasSuffix("Number") { number = try r.readNonEmptyText() }
                                    else if r.localName.hasSuffix("AdditionalInformation") { info = try r.readNonEmptyText() }
                                }
                                if let number { documents.append((docType, number, info)) }
                                else if let info { remarks.append("\(docType): \(info)") }
                            }
                        } else {
                            try collectLeaves(r, into: &remarks)
                        }
                    }
                }
            }
        }
        guard !id.isEmpty else { throw r.badData("Designation without UniqueID", line: line) }
        if type == .unknown { support.warnings.add(ListParsingSupport.Kind.unknownType, record: id, field: "IndividualEntityShip", value: typeRaw) }

        let primaryIndex = names.firstIndex { $0.type.lowercased() == "primary name" } ?? names.indices.first
        let name = primaryIndex.map { names[$0].text } ?? ""
        if name.isEmpty { support.warnings.add(ListParsingSupport.Kind.missingName, record: id, field: "Names", value: "") }
        var aliases: [Alias] = []
        for (i, n) in names.enumerated() where i != primaryIndex && !n.text.isEmpty && n.text != name {
            let variation = n.type.lowercased().contains("variation")
            let s = n.strength.lowercased()
            let strength: Alias.Strength = s.contains("low") ? .weak : s.contains("good") ? .strong : (variation ? .strong : .unknown)
            if !aliases.contains(where: { $0.name == n.text }) {
                aliases.append(Alias(name: n.text, strength: strength, kind: variation ? .variation : .aka))
            }
        }
        aliases += nonLatin.filter { a in !aliases.contains { $0.name == a.name } }
        for i in addresses.indices {
            addresses[i].country = support.countryCode(addresses[i].countryRaw, record: id, field: "AddressCountry")
        }
        return ListEntry(source: .uk, sourceID: id, list: .uk, type: type, name: name, programs: programs, aliases: aliases,
                         addresses: addresses,
                         nationalities: rawNationalities.map { support.country($0, record: id, field: "Nationality") },
                         identityDocuments: documents.map { IdentityDocument(type: $0.type, number: $0.number, note: $0.note) },
                         datesOfBirth: rawDOBs.map { support.date($0, slashOrder: .dayFirst, record: id, field: "DOB") },
                         placesOfBirth: pobs,
                         listingDates: designated.map { [support.date($0, slashOrder: .dayFirst, record: id, field: "DateDesignated")] } ?? [],
                         remarks: remarks, titles: titles, legal: legal)
    }

    private static func readName(_ r: XMLStreamReader) throws -> Name {
        var n = Name()
        var numbered: [(Int, String)] = []
        try r.forEachChild {
            let local = r.localName
            if local.hasPrefix("Name"), let k = Int(local.dropFirst(4)) {
                if let v = try r.readNonEmptyText() { numbered.append((k, v.collapsedWhitespace)) }
            } else if r.isNamed("NameType") {
                n.type = try r.readElementText()
            } else if local.lowercased().hasPrefix("aliasstrength") || local.lowercased() == "aliasquality" {
                n.strength = try r.readElementText()
            }
        }
        // Name1…Name5 are given/other names, Name6 the surname (or the whole entity name).
        n.parts = numbered.sorted { $0.0 < $1.0 }.map(\.1)
        return n
    }

    private static func readAddress(_ r: XMLStreamReader) throws -> Address {
        var a = Address()
        try r.forEachChild {
            let local = r.localName
            if local.hasPrefix("AddressLine") { if let v = try r.readNonEmptyText() { a.lines.append(v.collapsedWhitespace) } }
            else if r.isNamed("AddressPostalCode") { a.postalCode = try r.readNonEmptyText() }
            else if r.isNamed("AddressCountry") { a.countryRaw = try r.readNonEmptyText() }
        }
        return a
    }

    /// Keeps every leaf value under the current element as `Label: value` (ship and entity
    /// particulars whose exact element names are not confirmed).
    private static func collectLeaves(_ r: XMLStreamReader, into remarks: inout [String]) throws {
        guard r.nodeType == .element, !r.isEmptyElement else { return }
        let start = r.depth
        var label = r.localName
        var text = ""
        while try r.read() {
            switch r.nodeType {
            case .element:
                if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { remarks.append("\(label): \(text.collapsedWhitespace)") }
                label = r.localName
                text = ""
            case .text:
                text += r.textValue
            case .endElement:
                if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { remarks.append("\(label): \(text.collapsedWhitespace)") }
                text = ""
                if r.depth == start { return }
            case .other:
                break
            }
        }
    }

    /// The statement of reasons is published with HTML markup; the text is what a reviewer reads.
    static func stripMarkup(_ s: String) -> String {
        s.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&amp;", with: "&")
            .collapsedWhitespace
    }
}
