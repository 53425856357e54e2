import Foundation

extension ListEntry {
    /// The entry as `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` writes it, byte
    /// for byte, without going through `Encodable`: the list store encodes every entry of every
    /// import (and fingerprints those bytes), and the generic encoder cost more than parsing the
    /// lists. Keys are in byte order, absent optionals are left out, control characters are
    /// escaped as `JSONEncoder` escapes them; a test holds the two encoders equal on every list.
    public var canonicalJSON: Data {
        var w = CanonicalJSONWriter()
        w.entry(self)
        return Data(w.bytes)
    }
}

/// Writes the canonical JSON of list entries into a byte buffer (see `ListEntry.canonicalJSON`).
/// When a stored property is added to an entry type, it must be added here too (the equality test
/// with `JSONEncoder` fails until it is).
struct CanonicalJSONWriter {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1024) }

    mutating func entry(_ e: ListEntry) {
        var o = Object(); open()
        key("addresses", &o); array(e.addresses) { $0.address($1) }
        key("aliases", &o); array(e.aliases) { $0.alias($1) }
        key("citizenships", &o); array(e.citizenships) { $0.country($1) }
        key("datesOfBirth", &o); array(e.datesOfBirth) { $0.date($1) }
        key("id", &o); string(e.id)
        key("identityDocuments", &o); array(e.identityDocuments) { $0.document($1) }
        key("legal", &o); legal(e.legal)
        key("list", &o); string(e.list.rawValue)
        key("listingDates", &o); array(e.listingDates) { $0.date($1) }
        key("name", &o); string(e.name)
        key("nationalities", &o); array(e.nationalities) { $0.country($1) }
        key("placesOfBirth", &o); strings(e.placesOfBirth)
        key("programs", &o); strings(e.programs)
        key("remarks", &o); strings(e.remarks)
        key("source", &o); string(e.source.rawValue)
        key("sourceID", &o); string(e.sourceID)
        key("titles", &o); strings(e.titles)
        key("type", &o); string(e.type.rawValue)
        close()
    }

    mutating func address(_ a: Address) {
        var o = Object(); open()
        optional("city", a.city, &o)
        optional("country", a.country, &o)
        optional("countryRaw", a.countryRaw, &o)
        optional("full", a.full, &o)
        key("lines", &o); strings(a.lines)
        optional("postalCode", a.postalCode, &o)
        optional("region", a.region, &o)
        close()
    }

    mutating func alias(_ a: Alias) {
        var o = Object(); open()
        key("kind", &o); string(a.kind.rawValue)
        optional("language", a.language, &o)
        key("name", &o); string(a.name)
        key("script", &o); string(a.script)
        key("strength", &o); string(a.strength.rawValue)
        close()
    }

    mutating func country(_ c: CountryRef) {
        var o = Object(); open()
        optional("code", c.code, &o)
        key("raw", &o); string(c.raw)
        close()
    }

    mutating func document(_ d: IdentityDocument) {
        var o = Object(); open()
        optional("country", d.country, &o)
        optional("countryRaw", d.countryRaw, &o)
        optional("expirationDate", d.expirationDate, &o)
        optional("issueDate", d.issueDate, &o)
        optional("note", d.note, &o)
        key("number", &o); string(d.number)
        key("type", &o); string(d.type)
        close()
    }

    mutating func date(_ d: PartialDate) {
        var o = Object(); open()
        key("approximate", &o); bool(d.approximate)
        key("from", &o); parts(d.from)
        key("isValid", &o); bool(d.isValid)
        key("raw", &o); string(d.raw)
        if let to = d.to { key("to", &o); parts(to) }
        close()
    }

    mutating func parts(_ p: PartialDate.Parts) {
        var o = Object(); open()
        if let day = p.day { key("day", &o); int(day) }
        if let month = p.month { key("month", &o); int(month) }
        if let year = p.year { key("year", &o); int(year) }
        close()
    }

    mutating func legal(_ l: LegalInfo) {
        var o = Object(); open()
        optional("endDate", l.endDate, &o)
        key("federalRegisterNotices", &o); strings(l.federalRegisterNotices)
        optional("licensePolicy", l.licensePolicy, &o)
        optional("licenseRequirement", l.licenseRequirement, &o)
        key("measures", &o); strings(l.measures)
        optional("sourceInformationURL", l.sourceInformationURL, &o)
        optional("sourceURL", l.sourceURL, &o)
        optional("standardOrder", l.standardOrder, &o)
        close()
    }

    // MARK: - JSON pieces

    /// Whether an object has a member yet (for the commas).
    struct Object { var empty = true }

    private mutating func open() { bytes.append(UInt8(ascii: "{")) }
    private mutating func close() { bytes.append(UInt8(ascii: "}")) }

    private mutating func key(_ name: StaticString, _ o: inout Object) {
        if !o.empty { bytes.append(UInt8(ascii: ",")) }
        o.empty = false
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func optional(_ name: StaticString, _ value: String?, _ o: inout Object) {
        guard let value else { return }
        key(name, &o)
        string(value)
    }

    private mutating func array<T>(_ items: [T], _ element: (inout CanonicalJSONWriter, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            element(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func strings(_ items: [String]) { array(items) { $0.string($1) } }

    private mutating func bool(_ b: Bool) {
        if b { bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) } else { bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65]) }
    }

    private mutating func int(_ v: Int) { bytes.append(contentsOf: String(v).utf8) }

    /// A JSON string: `"` and `\` escaped, control characters as `\b \t \n \f \r` or `\u00xx`,
    /// everything else (slashes, DEL, non-ASCII) as its UTF-8 bytes.
    mutating func string(_ s: String) { JSONStringLiteral.append(s, to: &bytes, style: .namedLikeJSONEncoder) }
}
