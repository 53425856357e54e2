import Foundation
import RedFlagCore

/// Reads OFAC's legacy header-less CSV set: `sdn.csv` (one row per party) plus, when given,
/// `add.csv` (addresses), `alt.csv` (aliases) and `sdn_comments.csv` (the remarks overflow), joined
/// by `ent_num`. The non-SDN set (`CONS_PRIM.CSV`, `CONS_ADD.CSV`…) has the same layout.
///
/// Alias strength: `alt.csv` holds OFAC's strong aliases (`aka`, `fka`, `nka`), so they are
/// `.strong` unless the row itself says weak/low quality. OFAC's weak aliases appear only inside
/// the remarks, as `a.k.a. 'NAME'` (quoted); those become `.weak` aliases (or mark an `alt.csv`
/// alias of the same name weak). DOB, POB, nationality and citizenship are also read out of the
/// remarks; the remarks text itself is kept whole.
///
/// The source is the SDN list unless the content is the non-SDN consolidated set, recognised by
/// its programs and remarks (see `looksConsolidated`). The files carry no date:
/// `publicationDate` is nil.
public enum OFACLegacyCSVParser {
    /// Which file of the set a CSV is, by its column count and values.
    public enum Part: String, Sendable, CaseIterable {
        case sdn, add, alt, comments
    }

    public static func parse(sdn: URL, add: URL?, alt: URL?, comments: URL?) throws -> ParsedList {
        var warnings = ParseWarnings()
        var entries: [ListEntry] = []
        var position: [String: Int] = [:]
        var remarks: [String] = []
        var hasRemark: [Bool] = []

        let reader = try CSVReader(url: sdn)
        while let row = try reader.next() {
            if row.isBlank { continue }
            try checkID(row, path: sdn, part: .sdn)
            checkWidth(row, expected: 12, path: sdn, warnings: &warnings)
            let id = FieldSplitter.clean(row[0])
            if position[id] != nil {
                warnings.add("duplicate id", record: id, field: "ent_num", value: "line \(row.line)")
            } else {
                position[id] = entries.count
            }
            entries.append(entry(row, id: id, warnings: &warnings))
            let remark = FieldSplitter.nonEmpty(row[11])
            remarks.append(remark ?? "")
            hasRemark.append(remark != nil)
        }
        if entries.isEmpty {
            throw RedFlagError.badData(path: sdn.path, location: "line 1", message: "no OFAC sdn.csv records")
        }

        if let comments {
            let reader = try CSVReader(url: comments)
            while let row = try reader.next() {
                if row.isBlank { continue }
                try checkID(row, path: comments, part: .comments)
                checkWidth(row, expected: 2, path: comments, warnings: &warnings)
                let id = FieldSplitter.clean(row[0])
                guard let i = position[id] else {
                    warnings.add("orphan row", record: id, field: "sdn_comments", value: "line \(row.line)")
                    continue
                }
                // The overflow continues the 1,000-character remark directly, with no separator.
                if let text = FieldSplitter.nonEmpty(row[1]) { remarks[i] += text; hasRemark[i] = true }
            }
        }
        var weakAliases = [[Alias]](repeating: [], count: entries.count)
        for i in entries.indices where hasRemark[i] {
            let text = FieldSplitter.clean(remarks[i])
            entries[i].remarks.append(text)
            weakAliases[i] = OFACRemarks.apply(text, to: &entries[i], warnings: &warnings)
        }

        if let add {
            let reader = try CSVReader(url: add)
            while let row = try reader.next() {
                if row.isBlank { continue }
                try checkID(row, path: add, part: .add)
                checkWidth(row, expected: 6, path: add, warnings: &warnings)
                let id = FieldSplitter.clean(row[0])
                guard let i = position[id] else {
                    warnings.add("orphan row", record: id, field: "add", value: "line \(row.line)")
                    continue
                }
                var address = Address(lines: FieldSplitter.nonEmpty(row[2]).map { [$0] } ?? [],
                                      city: FieldSplitter.nonEmpty(row[3]))
                if let country = FieldSplitter.nonEmpty(row[4]) {
                    let ref = FieldSplitter.country(country, record: id, field: "add.Country", warnings: &warnings)
                    address.country = ref.code
                    address.countryRaw = country
                }
                entries[i].addresses.append(address)
                if let note = FieldSplitter.nonEmpty(row[5]) { entries[i].remarks.append("Address note: \(note)") }
            }
        }

        if let alt {
            let reader = try CSVReader(url: alt)
            while let row = try reader.next() {
                if row.isBlank { continue }
                try checkID(row, path: alt, part: .alt)
                checkWidth(row, expected: 5, path: alt, warnings: &warnings)
                let id = FieldSplitter.clean(row[0])
                guard let i = position[id] else {
                    warnings.add("orphan row", record: id, field: "alt", value: "line \(row.line)")
                    continue
                }
                guard let name = FieldSplitter.nonEmpty(row[3]) else {
                    warnings.add("missing name", record: id, field: "alt.alt_name", value: "line \(row.line)")
                    continue
                }
                let type = (FieldSplitter.nonEmpty(row[2]) ?? "").lowercased()
                let note = (FieldSplitter.nonEmpty(row[4]) ?? "").lowercased()
                let weak = type.contains("weak") || note.contains("weak") || note.contains("low quality")
                let kind: Alias.Kind = type.contains("fka") ? .fka : type.contains("nka") ? .nka : .aka
                if entries[i].aliases.contains(where: { FieldSplitter.sameIgnoringCase($0.name, name) }) {
                    warnings.add("duplicate alias", record: id, field: "alt.alt_name", value: name)
                }
                addAlias(Alias(name: name, strength: weak ? .weak : .strong, kind: kind), to: &entries[i])
            }
        }
        // Weak aliases from the remarks go last so an alt.csv alias of the same name is marked weak.
        for i in entries.indices {
            for alias in weakAliases[i] { addAlias(alias, to: &entries[i]) }
        }

        let files = [sdn, add, alt, comments].compactMap { $0 }
        let hashes = try files.map { try SHA256.hex(ofFile: $0) }
        let sha = files.count == 1 ? hashes[0] : SHA256.hex(Data(hashes.joined().utf8))
        let consolidated = looksConsolidated(entries)
        if consolidated {
            for i in entries.indices {
                entries[i] = relabel(entries[i], source: .ofacConsolidated, list: .ofacConsolidated)
            }
        }
        return ParsedList(source: consolidated ? .ofacConsolidated : .ofacSDN, format: .ofacCSV, entries: entries,
                          publicationDate: nil, files: files, sha256: sha, warnings: warnings)
    }

    /// Which part of the set a first record denotes, or nil when it is none of them.
    public static func part(ofFirstRecord fields: [String]) -> Part? {
        func isNumber(_ s: String) -> Bool {
            let t = FieldSplitter.trimSpaces(s)
            return !t.isEmpty && t.allSatisfy(\.isASCII) && t.allSatisfy(\.isNumber)
        }
        guard let first = fields.first, isNumber(first) else { return nil }
        switch fields.count {
        case 12: return .sdn
        case 6 where isNumber(fields[1]): return .add
        case 5 where isNumber(fields[1]): return .alt
        case 2: return .comments
        default: return nil
        }
    }

    /// A row whose `ent_num` is not a number means the file is not what it was taken for.
    /// Runs on every row: the path is worked out only for the error (`URL.path` is not cheap),
    /// and "ASCII digits only" is checked on the bytes.
    private static func checkID(_ row: CSVRecord, path: URL, part: Part) throws {
        let id = FieldSplitter.trimSpaces(row[0])
        guard !id.isEmpty, id.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw RedFlagError.badData(path: path.path, location: "line \(row.line)",
                                       message: "OFAC \(part.rawValue) CSV row does not start with a numeric ent_num (got \"\(id.prefix(40))\")")
        }
    }

    private static func checkWidth(_ row: CSVRecord, expected: Int, path: URL, warnings: inout ParseWarnings) {
        if row.fields.count < expected {
            warnings.add("short row", record: "\(path.lastPathComponent) line \(row.line)", field: "row", value: "\(row.fields.count) of \(expected) fields")
        } else if row.fields.count > expected {
            warnings.add("long row", record: "\(path.lastPathComponent) line \(row.line)", field: "row", value: "\(row.fields.count) of \(expected) fields")
        }
    }

    private static func entry(_ row: CSVRecord, id: String, warnings: inout ParseWarnings) -> ListEntry {
        let name = FieldSplitter.clean(row[1])
        if name.isEmpty { warnings.add("missing name", record: id, field: "SDN_Name", value: "line \(row.line)") }
        let type: PartyType
        if let t = FieldSplitter.nonEmpty(row[2]) {
            type = PartyType(listValue: t)
            if type == .unknown { warnings.add("unknown party type", record: id, field: "SDN_Type", value: t) }
        } else {
            type = .entity  // OFAC writes `-0-` for entities: there is no "entity" value.
        }
        var programs: [String] = []
        if let p = FieldSplitter.nonEmpty(row[3]) {
            var text = Substring(p)
            if text.hasPrefix("[") { text = text.dropFirst() }
            if text.hasSuffix("]") { text = text.dropLast() }
            programs = text.components(separatedBy: "] [").compactMap { FieldSplitter.nonEmpty($0) }
        }
        var remarks: [String] = []
        for (index, label) in [(5, "Call sign"), (6, "Vessel type"), (7, "Tonnage"), (8, "Gross registered tonnage"),
                               (9, "Vessel flag"), (10, "Vessel owner")] {
            if let v = FieldSplitter.nonEmpty(row[index]) { remarks.append("\(label): \(v)") }
        }
        return ListEntry(source: .ofacSDN, sourceID: id, list: .ofacSDN, type: type, name: name, programs: programs,
                         remarks: remarks, titles: FieldSplitter.nonEmpty(row[4]).map { [$0] } ?? [])
    }

    static func addAlias(_ alias: Alias, to entry: inout ListEntry) {
        if let j = entry.aliases.firstIndex(where: { FieldSplitter.sameIgnoringCase($0.name, alias.name) }) {
            if alias.strength == .weak { entry.aliases[j].strength = .weak }
            return
        }
        entry.aliases.append(alias)
    }

    /// Programs only the non-SDN lists use, and remark phrases only they carry.
    static let consolidatedPrograms: Set<String> = ["NS-PLC", "CMIC-EO13959", "CAPTA", "NS-MBS"]

    /// True when most rows belong to the non-SDN lists: an SSI directive in the remarks, an
    /// NS-PLC/CMIC/CAPTA/NS-MBS program, or an `FSE-` program. The SDN list has a few such rows,
    /// never a majority.
    static func looksConsolidated(_ entries: [ListEntry]) -> Bool {
        guard !entries.isEmpty else { return false }
        let marked = entries.filter { e in
            e.programs.contains { consolidatedPrograms.contains($0) || $0.hasPrefix("FSE-") }
                || e.remarks.contains { FieldSplitter.contains($0, "Directive Determination") || FieldSplitter.contains($0, "Sectoral Sanctions") }
        }.count
        return marked * 2 > entries.count
    }

    private static func relabel(_ e: ListEntry, source: ListSource, list: ListCode) -> ListEntry {
        ListEntry(source: source, sourceID: e.sourceID, list: list, type: e.type, name: e.name, programs: e.programs,
                  aliases: e.aliases, addresses: e.addresses, nationalities: e.nationalities,
                  citizenships: e.citizenships, identityDocuments: e.identityDocuments,
                  datesOfBirth: e.datesOfBirth, placesOfBirth: e.placesOfBirth, listingDates: e.listingDates,
                  remarks: e.remarks, titles: e.titles, legal: e.legal)
    }
}
