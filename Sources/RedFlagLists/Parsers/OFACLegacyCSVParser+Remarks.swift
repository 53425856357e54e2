import Foundation
import RedFlagCore

/// Reads the facts OFAC's legacy CSV serialises into `Remarks` (`DOB 1963; POB Egypt; citizen
/// Egypt; a.k.a. 'ABU MARIAM'.`): the XML has them as structured fields, the CSV only as text.
enum OFACRemarks {
    /// Adds dates and places of birth, nationalities and citizenships to `entry`, and returns the
    /// quoted `a.k.a. 'X'` names, which are OFAC's weak aliases.
    static func apply(_ text: String, to entry: inout ListEntry, warnings: inout ParseWarnings) -> [Alias] {
        var weak: [Alias] = []
        for rawSegment in FieldSplitter.split(text, on: ";") {
            var s = FieldSplitter.trimSpaces(rawSegment)
            if s.lowercased().hasPrefix("alt. ") { s = String(s.dropFirst(5)) }
            let lower = s.lowercased()
            if let kind = aliasKind(lower) {
                var name = FieldSplitter.trimSpaces(s.dropFirst(7))
                if name.hasSuffix(".") { name.removeLast() }
                if name.hasPrefix("'"), name.hasSuffix("'"), name.count >= 2 {
                    name = String(name.dropFirst().dropLast())
                }
                let clean = FieldSplitter.clean(name)
                if !clean.isEmpty { weak.append(Alias(name: clean, strength: .weak, kind: kind)) }
            } else if lower.hasPrefix("dob ") {
                let value = trimmedValue(s, prefix: 4)
                entry.datesOfBirth.append(FieldSplitter.date(value, record: entry.sourceID, field: "Remarks DOB",
                                                             slashOrder: .monthFirst, warnings: &warnings))
            } else if lower.hasPrefix("pob ") {
                FieldSplitter.appendUnique(trimmedValue(s, prefix: 4), to: &entry.placesOfBirth)
            } else if lower.hasPrefix("nationality ") {
                let ref = FieldSplitter.country(trimmedValue(s, prefix: 12), record: entry.sourceID,
                                                field: "Remarks nationality", warnings: &warnings)
                FieldSplitter.appendUnique(ref, to: &entry.nationalities)
            } else if lower.hasPrefix("citizen ") {
                let ref = FieldSplitter.country(trimmedValue(s, prefix: 8), record: entry.sourceID,
                                                field: "Remarks citizen", warnings: &warnings)
                FieldSplitter.appendUnique(ref, to: &entry.citizenships)
            }
        }
        return weak
    }

    private static func aliasKind(_ lower: String) -> Alias.Kind? {
        if lower.hasPrefix("a.k.a. ") { return .aka }
        if lower.hasPrefix("f.k.a. ") { return .fka }
        if lower.hasPrefix("n.k.a. ") { return .nka }
        return nil
    }

    /// The value after a label, without the sentence's final full stop.
    private static func trimmedValue(_ s: String, prefix: Int) -> String {
        var v = FieldSplitter.trimSpaces(s.dropFirst(prefix))
        if v.hasSuffix(".") { v.removeLast() }
        return v
    }
}
