import Foundation
import RedFlagCore

/// What one entry contributes to a `MatchIndex`: its normalised names and addresses, birth-year
/// spans and JSON. Worked out for each entry on its own, so `MatchIndex.init(entries:)` can make
/// the drafts on every core and then only append them in entry order.
struct MatchIndexDraft: Sendable {
    struct Name: Sendable {
        var tokens: [String]
        var flags: UInt8
        var text: String
        var legalForms: String
    }

    struct Place: Sendable {
        var tokens: [String]
        var text: String
    }

    var names: [Name] = []
    var addresses: [Place] = []
    /// lo/hi pairs.
    var birthYears: [Int16] = []
    /// The entry's canonical JSON (`ListEntry.canonicalJSON`).
    var json: Data

    /// The draft of `entry`; `json` is its canonical encoding when the caller already has it.
    init(_ entry: ListEntry, json: Data?) {
        var seenNames = Set<String>()
        for n in entry.allNames {
            let normal = NameNormalizer.normalize(n.name)
            guard !normal.tokens.isEmpty, seenNames.insert(n.name).inserted else { continue }
            let strength: UInt8 = n.strength == .strong ? 0 : n.strength == .weak ? 1 : 2
            names.append(Name(tokens: normal.tokens, flags: (n.isPrimary ? 1 : 0) | strength << 1, text: n.name,
                              legalForms: Set(normal.legalForms).sorted().joined(separator: " ")))
        }
        for a in entry.addresses where !a.isCountryOnly {
            let line = a.oneLine
            let tokens = NameNormalizer.addressTokens(line)
            guard !tokens.isEmpty else { continue }
            addresses.append(Place(tokens: tokens, text: line))
        }
        for d in entry.datesOfBirth {
            guard let span = d.yearSpan() else { continue }
            birthYears.append(Int16(clamping: span.lowerBound))
            birthYears.append(Int16(clamping: span.upperBound))
        }
        self.json = json ?? entry.canonicalJSON
    }
}
