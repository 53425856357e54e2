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

    /// What the index keeps of a name's normalisation: its tokens and its legal forms, sorted,
    /// de-duplicated and joined by spaces.
    struct NormalName: Sendable {
        var tokens: [String]
        var legalForms: String

        init(_ name: String) {
            let normal = NameNormalizer.normalize(name)
            tokens = normal.tokens
            legalForms = Set(normal.legalForms).sorted().joined(separator: " ")
        }
    }

    /// Every distinct name of a set of entries, normalised. The same names recur across sources
    /// (OFAC's SDN names are in the CSL too, and aliases repeat within a list): about a third of
    /// all names, whose normalisation no longer runs twice.
    struct NormalNames: Sendable {
        private var slot: [String: Int] = [:]
        private var normal: [NormalName] = []

        /// Collects the names of `entries`, then normalises each distinct one on every core.
        init(_ entries: [ListEntry]) {
            var slot: [String: Int] = [:]
            var distinct: [String] = []
            func add(_ name: String) {
                if slot[name] == nil {
                    slot[name] = distinct.count
                    distinct.append(name)
                }
            }
            for entry in entries {
                add(entry.name)
                for alias in entry.aliases { add(alias.name) }
            }
            self.slot = slot
            normal = OrderedBatchProcessor().map(distinct) { NormalName($0) }
        }

        /// The normalisation of `name`, one of the names the set was made from.
        subscript(name: String) -> NormalName {
            guard let i = slot[name] else { preconditionFailure("\(name) was not among the names normalised") }
            return normal[i]
        }
    }

    /// The draft of `entry`; `json` is its canonical encoding when the caller already has it,
    /// `normalNames` holds the normalisation of every name of the entry.
    init(_ entry: ListEntry, json: Data?, normalNames: NormalNames) {
        var seenNames = Set<String>()
        for n in entry.allNames {
            let normal = normalNames[n.name]
            guard !normal.tokens.isEmpty, seenNames.insert(n.name).inserted else { continue }
            let strength: UInt8 = n.strength == .strong ? 0 : n.strength == .weak ? 1 : 2
            names.append(Name(tokens: normal.tokens, flags: (n.isPrimary ? 1 : 0) | strength << 1, text: n.name,
                              legalForms: normal.legalForms))
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
