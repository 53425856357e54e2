import Foundation
import RedFlagCore

/// Splitting of the multi-valued cells the list files pack into one text field, and the shared
/// conversions (dates, countries) that count a warning instead of dropping a value.
enum FieldSplitter {
    /// Splits on `;` (CSL style `A; B; and C`), trims, collapses whitespace, drops a leading
    /// `and ` that Federal Register grammar puts before the last item, and drops empty items.
    static func semicolonList(_ raw: String?, stripLeadingAnd: Bool = true) -> [String] {
        guard let raw, !raw.isEmpty else { return [] }
        var out: [String] = []
        for part in raw.split(separator: ";", omittingEmptySubsequences: true) {
            var item = TextFolding.collapseWhitespace(String(part))
            if stripLeadingAnd, item.lowercased().hasPrefix("and ") { item = String(item.dropFirst(4)) }
            if !item.isEmpty { out.append(item) }
        }
        return out
    }

    /// Splits OFSI's inline numbered values (`1) Saudi Arabia 2) Qatar`, `(1) Germany. (2) Morocco`);
    /// a value not starting with a number is returned whole.
    static func numberedList(_ raw: String?) -> [String] {
        guard let text = TextFolding.nonEmpty(raw) else { return [] }
        guard text.hasPrefix("1)") || text.hasPrefix("(1)") else { return [text] }
        let pieces = text.split(separator: /(?:^|\s)\(?\d{1,2}\)\s*/, omittingEmptySubsequences: true)
        let items = pieces.map { piece -> String in
            var s = TextFolding.collapseWhitespace(String(piece))
            while let last = s.last, last == "." || last == "," || last == ";" { s.removeLast() }
            return s
        }
        return items.filter { !$0.isEmpty }
    }

    /// Splits on `separator`, trimming items and dropping empty ones.
    static func list(_ raw: String?, separator: Character) -> [String] {
        guard let raw else { return [] }
        return raw.split(separator: separator).compactMap { TextFolding.nonEmpty(String($0)) }
    }

    /// Parses a date; an unreadable one is kept (invalid, raw text) and counted.
    static func date(_ raw: String, record: String, field: String, slashOrder: PartialDate.SlashOrder = .dayFirst,
                     warnings: inout ParseWarnings) -> PartialDate {
        let d = PartialDate.parse(raw, slashOrder: slashOrder)
        if !d.isValid { warnings.add("unparseable date", record: record, field: field, value: raw) }
        return d
    }

    /// Resolves a country name or code; an unknown one is kept raw and counted.
    static func country(_ raw: String, record: String, field: String, warnings: inout ParseWarnings) -> CountryRef {
        let ref = CountryRef(resolving: raw)
        if ref.code == nil { warnings.add("unknown country", record: record, field: field, value: raw) }
        return ref
    }

    /// Appends `value` unless already present.
    static func appendUnique<T: Equatable>(_ value: T, to array: inout [T]) {
        if !array.contains(value) { array.append(value) }
    }
}
