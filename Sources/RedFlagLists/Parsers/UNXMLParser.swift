import Foundation
import RedFlagCore

/// Reads the UN Security Council Consolidated List XML (`CONSOLIDATED_LIST`, list-formats.md §6).
///
/// `REFERENCE_NUMBER` (e.g. `QDi.237`) is the id, the one the EU and UK lists cross-reference;
/// `UN_LIST_TYPE` (the regime) is the program; `dateGenerated` is the publication date. Individual
/// names are the positional FIRST..FOURTH_NAME joined in order; `NAME_ORIGINAL_SCRIPT` becomes an
/// alias in its own script. Individual aliases of QUALITY `Low` are weak, `Good` strong; entity
/// aliases carry their kind (a.k.a./f.k.a.) in QUALITY instead. Empty placeholder aliases are skipped.
public enum UNXMLParser {
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
                guard r.isNamed("CONSOLIDATED_LIST") else {
                    throw r.badData("not a UN consolidated list: root element is <\(r.localName)>, expected <CONSOLIDATED_LIST>")
                }
                sawRoot = true
                generated = r.nonEmptyAttribute("dateGenerated")
            } else if r.isNamed("INDIVIDUAL") {
                entries.append(try readRecord(r, type: .person, support: &support))
            } else if r.isNamed("ENTITY") {
                entries.append(try readRecord(r, type: .entity, support: &support))
            }
        }
        guard sawRoot else { throw r.badData("no root element") }
        let iso = generated.flatMap { PartialDate.isoDay($0) }
        if let generated, iso == nil {
            support.warnings.add(ListParsingSupport.Kind.unparseableDate, record: "CONSOLIDATED_LIST", field: "dateGenerated", value: generated)
        }
        return try support.finish(url: url, source: .un, format: .unXML, entries: entries, publicationDate: iso)
    }

    private static func readRecord(_ r: XMLStreamReader, type: PartyType, support: inout ListParsingSupport) throws -> ListEntry {
        let line = r.line
        var nameParts: [String] = []
        var dataID = ""
        var reference = ""
        var program: String?
        var originalScript: String?
        var aliases: [Alias] = []
        var addresses: [Address] = []
        var nationalities: [String] = []
        var documents: [IdentityDocument] = []
        var dobs: [PartialDate] = []
        var pobs: [String] = []
        var listed: String?
        var remarks: [String] = []
        var titles: [String] = []
        // Dates and countries are resolved after the record's id is known (REFERENCE_NUMBER comes
        // after the names), so warnings name the record.
        var rawDOBs: [DOB] = []
        var rawDocuments: [RawDocument] = []
        try r.forEachChild {
            if r.isNamed("FIRST_NAME") || r.isNamed("SECOND_NAME") || r.isNamed("THIRD_NAME") || r.isNamed("FOURTH_NAME") {
                if let v = try r.readNonEmptyText() { nameParts.append(v.collapsedWhitespace) }
            } else if r.isNamed("DATAID") {
                dataID = try r.readElementText()
            } else if r.isNamed("REFERENCE_NUMBER") {
                reference = try r.readElementText()
            } else if r.isNamed("UN_LIST_TYPE") {
                program = try r.readNonEmptyText()
            } else if r.isNamed("NAME_ORIGINAL_SCRIPT") {
                originalScript = try r.readNonEmptyText()?.collapsedWhitespace
            } else if r.isNamed("LISTED_ON") {
                listed = try r.readNonEmptyText()
            } else if r.isNamed("COMMENTS1") {
                if let c = try r.readNonEmptyText() { remarks.append(c) }
            } else if r.isNamed("GENDER") {
                if let g = try r.readNonEmptyText() { remarks.append("Gender: \(g)") }
            } else if r.isNamed("TITLE") || r.isNamed("DESIGNATION") {
                try r.forEachChild { if r.isNamed("VALUE"), let v = try r.readNonEmptyText() { titles.append(v.collapsedWhitespace) } }
            } else if r.isNamed("NATIONALITY") {
                try r.forEachChild { if r.isNamed("VALUE"), let v = try r.readNonEmptyText() { nationalities.append(v) } }
            } else if r.isNamed("INDIVIDUAL_ALIAS") || r.isNamed("ENTITY_ALIAS") {
                let (found, dob) = try readAliases(r, individual: type == .person)
                aliases.append(contentsOf: found)
                if let dob { rawDOBs.append(dob) }
            } else if r.isNamed("INDIVIDUAL_ADDRESS") || r.isNamed("ENTITY_ADDRESS") {
                if let (a, note) = try readAddress(r) {
                    addresses.append(a)
                    if let note { remarks.append("Address note: \(note)") }
                }
            } else if r.isNamed("INDIVIDUAL_DATE_OF_BIRTH") {
                if let d = try readDOB(r) { rawDOBs.append(d) }
            } else if r.isNamed("INDIVIDUAL_PLACE_OF_BIRTH") {
                var parts: [String] = []
                try r.forEachChild {
                    if r.isNamed("CITY") || r.isNamed("STATE_PROVINCE") || r.isNamed("COUNTRY") {
                        if let v = try r.readNonEmptyText() { parts.append(v.collapsedWhitespace) }
                    }
                }
                if !parts.isEmpty { pobs.append(parts.joined(separator: ", ")) }
            } else if r.isNamed("INDIVIDUAL_DOCUMENT") {
                if let d = try readDocument(r) { rawDocuments.append(d) }
            }
        }
        let id = reference.isEmpty ? dataID : reference
        guard !id.isEmpty else { throw r.badData("record without REFERENCE_NUMBER or DATAID", line: line) }
        let name = nameParts.joined(separator: " ")
        if name.isEmpty { support.warnings.add(ListParsingSupport.Kind.missingName, record: id, field: "FIRST_NAME", value: "") }
        if let originalScript, originalScript != name {
            aliases.insert(Alias(name: originalScript, strength: .strong, kind: .variation), at: 0)
        }
        for i in addresses.indices {
            addresses[i].country = support.countryCode(addresses[i].countryRaw, record: id, field: "ADDRESS/COUNTRY")
        }
        for d in rawDOBs { dobs.append(d.resolve(record: id, support: &support)) }
        for d in rawDocuments {
            if d.number.isEmpty {
                remarks.append(["Document", d.type, d.note].compactMap { $0 }.joined(separator: ": "))
            } else {
                documents.append(IdentityDocument(type: d.type ?? "Document", number: d.number,
                                                  country: support.countryCode(d.country, record: id, field: "ISSUING_COUNTRY"),
                                                  countryRaw: d.country, issueDate: d.issueDate, note: d.note))
            }
        }
        return ListEntry(source: .un, sourceID: id, list: .un, type: type, name: name,
                         programs: program.map { [$0] } ?? [], aliases: aliases, addresses: addresses,
                         nationalities: nationalities.map { support.country($0, record: id, field: "NATIONALITY") },
                         identityDocuments: documents, datesOfBirth: dobs, placesOfBirth: pobs,
                         listingDates: listed.map { [support.date($0, record: id, field: "LISTED_ON")] } ?? [],
                         remarks: remarks, titles: titles)
    }

    /// A date of birth as the UN writes it, before it is turned into a `PartialDate`.
    private struct DOB {
        var typeOfDate = ""
        var date: String?
        var year: String?
        var fromYear: String?
        var toYear: String?
        var note: String?

        /// EXACT / APPROXIMATELY with DATE or YEAR; BETWEEN with FROM_YEAR and TO_YEAR; a DOB given
        /// only as a NOTE (`Nov. 1973`) is read from the note.
        func resolve(record: String, support: inout ListParsingSupport) -> PartialDate {
            let approximate = typeOfDate.uppercased().hasPrefix("APPROX")
            if let from = fromYear, let to = toYear, let f = Int(from), let t = Int(to) {
                return PartialDate(from: .init(year: f), to: .init(year: t), approximate: approximate,
                                   raw: "\(typeOfDate) \(from)-\(to)".trimmingCharacters(in: .whitespaces))
            }
            let raw = date ?? year ?? fromYear ?? toYear ?? note ?? ""
            var d = support.date(raw, record: record, field: "DATE_OF_BIRTH")
            if approximate { d.approximate = true }
            return d
        }
    }

    private struct RawDocument {
        var type: String?
        var number = ""
        var country: String?
        var issueDate: String?
        var note: String?
    }

    private static func readDOB(_ r: XMLStreamReader) throws -> DOB? {
        var d = DOB()
        try r.forEachChild {
            if r.isNamed("TYPE_OF_DATE") { d.typeOfDate = try r.readElementText() }
            else if r.isNamed("DATE") { d.date = try r.readNonEmptyText() }
            else if r.isNamed("YEAR") { d.year = try r.readNonEmptyText() }
            else if r.isNamed("FROM_YEAR") { d.fromYear = try r.readNonEmptyText() }
            else if r.isNamed("TO_YEAR") { d.toYear = try r.readNonEmptyText() }
            else if r.isNamed("NOTE") { d.note = try r.readNonEmptyText() }
        }
        return d.date == nil && d.year == nil && d.fromYear == nil && d.toYear == nil && d.note == nil ? nil : d
    }

    private static func readAliases(_ r: XMLStreamReader, individual: Bool) throws -> ([Alias], DOB?) {
        var quality = ""
        var text = ""
        var dob: String?
        try r.forEachChild {
            if r.isNamed("QUALITY") { quality = try r.readElementText() }
            else if r.isNamed("ALIAS_NAME") { text = try r.readElementText().collapsedWhitespace }
            else if r.isNamed("DATE_OF_BIRTH") { dob = try r.readNonEmptyText() }
        }
        let aliasDOB = dob.map { DOB(date: $0) }
        let strength: Alias.Strength, kind: Alias.Kind
        switch quality.lowercased() {
        case "good": (strength, kind) = (.strong, .aka)
        case "low": (strength, kind) = (.weak, .aka)
        default:
            let k = OFACXMLParser.aliasKind(quality)
            (strength, kind) = (.unknown, k == .unknown ? .aka : k)
        }
        return (aliasNames(text).map { Alias(name: $0, strength: strength, kind: kind) }, aliasDOB)
    }

    /// The names one `ALIAS_NAME` holds. The UN packs several into one field: spellings separated
    /// by semicolons ("Qasim Soleimani; Qasem Sulaimani"), now and then lettered ("… Sabet b) M.
    /// Javad …"), and a closing bracket with the same name in its original script or more
    /// spellings ("Jin Tiesan (金铁三)", "Amir Khazmat (original script: Амир Хазмат)", "حسن غول
    /// (Hassan Ghul; Hassan Gul)"). Read whole, such a field is one long name that no spelling of
    /// it scores well against; each name is listed on its own instead. A closing bracket in the
    /// same script with one item ("Lord’s Resistance Movement (LRM)", "EL PARA (COMBAT NAME)") is
    /// part of the name, left to the matcher's bracketed parts.
    static func aliasNames(_ text: String) -> [String] {
        var t = text.trimmingCharacters(in: .whitespaces)
        while let last = t.last, last == "," || last == ";" { t.removeLast(); t = t.trimmingCharacters(in: .whitespaces) }
        var names: [String] = []
        if t.hasSuffix(")"), let open = openingBracket(closingAt: t) {
            let outer = t[..<open].trimmingCharacters(in: .whitespaces)
            var inner = String(t[t.index(after: open)..<t.index(before: t.endIndex)]).trimmingCharacters(in: .whitespaces)
            let marker = "original script:"
            let marked = inner.lowercased().hasPrefix(marker)
            if marked { inner = String(inner.dropFirst(marker.count)) }
            let pieces = listItems(inner).map(withoutScriptNote)
            let otherScript = ScriptDetector.script(of: inner) != ScriptDetector.script(of: outer)
            if !outer.isEmpty && (marked || pieces.count > 1 || otherScript) {
                names = listItems(outer) + pieces
            }
        }
        if names.isEmpty { names = listItems(t) }
        var seen = Set<String>()
        return names.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    nonisolated(unsafe) private static let letteredItem = /\s[a-z]\)\s/

    /// Items of a semicolon or lettered list, trimmed.
    private static func listItems(_ s: String) -> [String] {
        s.split(separator: ";").flatMap { $0.split(separator: letteredItem) }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A name without a trailing "(original script)" note.
    private static func withoutScriptNote(_ s: String) -> String {
        let note = "(original script)"
        guard s.lowercased().hasSuffix(note) else { return s }
        return String(s.dropLast(note.count)).trimmingCharacters(in: .whitespaces)
    }

    /// The index of the "(" that the ")" ending `s` closes, nested brackets counted; nil when unbalanced.
    private static func openingBracket(closingAt s: String) -> String.Index? {
        var depth = 0
        var i = s.endIndex
        while i > s.startIndex {
            i = s.index(before: i)
            if s[i] == ")" { depth += 1 }
            else if s[i] == "(" {
                depth -= 1
                if depth == 0 { return i }
            }
        }
        return nil
    }

    private static func readAddress(_ r: XMLStreamReader) throws -> (Address, String?)? {
        var a = Address()
        var note: String?
        try r.forEachChild {
            if r.isNamed("STREET") { if let v = try r.readNonEmptyText() { a.lines.append(v.collapsedWhitespace) } }
            else if r.isNamed("CITY") { a.city = try r.readNonEmptyText()?.collapsedWhitespace }
            else if r.isNamed("STATE_PROVINCE") { a.region = try r.readNonEmptyText()?.collapsedWhitespace }
            else if r.isNamed("ZIP_CODE") { a.postalCode = try r.readNonEmptyText() }
            else if r.isNamed("COUNTRY") { a.countryRaw = try r.readNonEmptyText()?.collapsedWhitespace }
            else if r.isNamed("NOTE") { note = try r.readNonEmptyText()?.collapsedWhitespace }
        }
        if a.isCountryOnly && a.countryRaw == nil { return note.map { (Address(full: $0), nil) } }
        return (a, note)
    }

    private static func readDocument(_ r: XMLStreamReader) throws -> RawDocument? {
        var d = RawDocument()
        var types: [String] = []
        var city: String?
        try r.forEachChild {
            if r.isNamed("TYPE_OF_DOCUMENT") || r.isNamed("TYPE_OF_DOCUMENT2") {
                if let v = try r.readNonEmptyText() { types.append(v.collapsedWhitespace) }
            } else if r.isNamed("NUMBER") { d.number = try r.readElementText().collapsedWhitespace }
            else if r.isNamed("ISSUING_COUNTRY") || r.isNamed("COUNTRY_OF_ISSUE") {
                if let v = try r.readNonEmptyText(), d.country == nil { d.country = v.collapsedWhitespace }
            } else if r.isNamed("DATE_OF_ISSUE") { d.issueDate = try r.readNonEmptyText() }
            else if r.isNamed("CITY_OF_ISSUE") { city = try r.readNonEmptyText() }
            else if r.isNamed("NOTE") { d.note = try r.readNonEmptyText()?.collapsedWhitespace }
        }
        if let city { d.note = [d.note, "issued in \(city)"].compactMap { $0 }.joined(separator: "; ") }
        d.type = types.isEmpty ? nil : types.joined(separator: " / ")
        return d.type == nil && d.number.isEmpty && d.note == nil ? nil : d
    }
}
