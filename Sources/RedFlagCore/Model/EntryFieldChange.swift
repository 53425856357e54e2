import Foundation

/// One field-level difference between two versions of a listed entry: what a reviewer reads in
/// the change log ("alias added: …") and in a lapsed allow-list rule, instead of a bare "modified".
///
/// Multi-valued fields (aliases, addresses, programs, identity documents…) are compared item by
/// item: an item only in the new version is `added`, one only in the old `removed`; aliases and
/// identity documents keep their key (the alias name, the document type and number), so a changed
/// strength or issuing country reads as one `changed` item rather than a removal plus an addition.
/// Single-valued fields (name, type, list, legal facts) are `changed`, `added` or `removed`.
public struct EntryFieldChange: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable { case added, removed, changed }

    /// `name`, `alias`, `address`, `program`, `id`, `nationality`… (singular: one item).
    public var field: String
    public var change: Kind
    /// The item as it was (nil when added) and as it is (nil when removed), as people read it.
    public var old: String?
    public var new: String?

    public init(field: String, change: Kind, old: String?, new: String?) {
        self.field = field
        self.change = change
        self.old = old
        self.new = new
    }

    /// `alias added: HUAWEI TECH (strong aka)`, `name changed: A → B`.
    public var text: String {
        switch change {
        case .added: return "\(field) added: \(new ?? "")"
        case .removed: return "\(field) removed: \(old ?? "")"
        case .changed: return "\(field) changed: \(old ?? "") → \(new ?? "")"
        }
    }

    /// Every field that differs between two versions of one entry, in field order
    /// (name, type, list, programs, aliases, addresses, ids, …); empty when they are equal.
    public static func between(old: ListEntry, new: ListEntry) -> [EntryFieldChange] {
        var out: [EntryFieldChange] = []
        func single(_ field: String, _ a: String?, _ b: String?) {
            let a = a.flatMap { $0.isEmpty ? nil : $0 }, b = b.flatMap { $0.isEmpty ? nil : $0 }
            guard a != b else { return }
            let kind: Kind = a == nil ? .added : b == nil ? .removed : .changed
            out.append(EntryFieldChange(field: field, change: kind, old: a, new: b))
        }
        func items<T>(_ field: String, _ a: [T], _ b: [T], text: (T) -> String, key: ((T) -> String)? = nil) {
            let old = a.map { (key: key?($0), text: text($0)) }, new = b.map { (key: key?($0), text: text($0)) }
            let changes = itemChanges(field, old, new)
            out += changes
            // The same items in another order still changes the fingerprint: say so rather than nothing.
            if changes.isEmpty && old.map(\.text) != new.map(\.text) {
                out.append(EntryFieldChange(field: "\(field) order", change: .changed,
                                            old: old.map(\.text).joined(separator: "; "), new: new.map(\.text).joined(separator: "; ")))
            }
        }
        single("name", old.name, new.name)
        single("type", old.type.rawValue, new.type.rawValue)
        single("list", old.list.rawValue, new.list.rawValue)
        items("program", old.programs, new.programs, text: { $0 })
        items("alias", old.aliases, new.aliases, text: Self.describe(alias:), key: { TextFolding.fold($0.name) })
        items("address", old.addresses, new.addresses, text: Self.describe(address:))
        items("id", old.identityDocuments, new.identityDocuments, text: Self.describe(document:),
              key: { "\($0.type)|\($0.number)" })
        items("nationality", old.nationalities, new.nationalities, text: Self.describe(country:))
        items("citizenship", old.citizenships, new.citizenships, text: Self.describe(country:))
        items("date of birth", old.datesOfBirth, new.datesOfBirth, text: \.raw)
        items("place of birth", old.placesOfBirth, new.placesOfBirth, text: { $0 })
        items("listing date", old.listingDates, new.listingDates, text: \.raw)
        items("title", old.titles, new.titles, text: { $0 })
        items("remark", old.remarks, new.remarks, text: { $0 })
        items("federal register notice", old.legal.federalRegisterNotices, new.legal.federalRegisterNotices, text: { $0 })
        single("license requirement", old.legal.licenseRequirement, new.legal.licenseRequirement)
        single("license policy", old.legal.licensePolicy, new.legal.licensePolicy)
        single("end date", old.legal.endDate, new.legal.endDate)
        single("standard order", old.legal.standardOrder, new.legal.standardOrder)
        items("measure", old.legal.measures, new.legal.measures, text: { $0 })
        single("source url", old.legal.sourceURL, new.legal.sourceURL)
        single("source information url", old.legal.sourceInformationURL, new.legal.sourceInformationURL)
        if out.isEmpty && old != new {
            // Every stored field is compared above; this catches one added to ListEntry later
            // without a line here, so a modified entry never shows an empty change list.
            out.append(EntryFieldChange(field: "other", change: .changed, old: nil, new: nil))
        }
        return out
    }

    /// Item-wise comparison of a multi-valued field. Items are matched by their text first (equal
    /// items are unchanged, duplicates counted), then the leftovers by key when there is one.
    static func itemChanges(_ field: String, _ old: [(key: String?, text: String)], _ new: [(key: String?, text: String)]) -> [EntryFieldChange] {
        var remaining: [String: Int] = [:]
        for item in new { remaining[item.text, default: 0] += 1 }
        var removed: [(key: String?, text: String)] = []
        for item in old {
            if let n = remaining[item.text], n > 0 { remaining[item.text] = n - 1 } else { removed.append(item) }
        }
        var unmatchedOld: [String: Int] = [:]
        for item in old { unmatchedOld[item.text, default: 0] += 1 }
        var added: [(key: String?, text: String)] = []
        for item in new {
            if let n = unmatchedOld[item.text], n > 0 { unmatchedOld[item.text] = n - 1 } else { added.append(item) }
        }
        var out: [EntryFieldChange] = []
        var addedUsed = Array(repeating: false, count: added.count)
        for item in removed {
            if let key = item.key,
               let index = added.indices.first(where: { !addedUsed[$0] && added[$0].key == key }) {
                addedUsed[index] = true
                out.append(EntryFieldChange(field: field, change: .changed, old: item.text, new: added[index].text))
            } else {
                out.append(EntryFieldChange(field: field, change: .removed, old: item.text, new: nil))
            }
        }
        for (index, item) in added.enumerated() where !addedUsed[index] {
            out.append(EntryFieldChange(field: field, change: .added, old: nil, new: item.text))
        }
        return out
    }

    /// `HUAWEI TECH (weak aka)`, with the language when the list gives one.
    public static func describe(alias a: Alias) -> String {
        let language = a.language.map { ", \($0)" } ?? ""
        return "\(a.name) (\(a.strength.rawValue) \(a.kind.rawValue)\(language))"
    }

    /// The address on one line, with the ISO code when the country was resolved.
    public static func describe(address a: Address) -> String {
        var line = a.oneLine.isEmpty ? (a.full ?? "") : a.oneLine
        if let code = a.country, let raw = a.countryRaw, raw != code { line += " [\(code)]" }
        return line
    }

    /// `Passport 12345 (CN), issued 2010-01-01, expires 2020-01-01; note`.
    public static func describe(document d: IdentityDocument) -> String {
        var text = "\(d.type) \(d.number)"
        if let country = d.countryRaw ?? d.country { text += " (\(country))" }
        if let issued = d.issueDate { text += ", issued \(issued)" }
        if let expires = d.expirationDate { text += ", expires \(expires)" }
        if let note = d.note, !note.isEmpty { text += "; \(note)" }
        return text
    }

    /// The country as listed, with its ISO code when resolved and different.
    public static func describe(country c: CountryRef) -> String {
        guard let code = c.code, code != c.raw else { return c.raw }
        return "\(c.raw) [\(code)]"
    }
}
