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

    /// Whether a listed address names only a place (a city, region or country: "Hong Kong, CN",
    /// "Tehran, IR", "Kish Island"): shared by thousands of customers, it matches nothing on its
    /// own and is not indexed. A street address has a number, a postcode, or street lines of
    /// three words or more.
    static func isPlaceOnly(_ a: Address) -> Bool {
        if let p = a.postalCode, p.contains(where: \.isNumber) { return false }
        var street = a.lines.joined(separator: " ")
        if a.lines.isEmpty, a.city == nil, let full = a.full { street = full }
        let tokens = NameNormalizer.addressTokens(street)
        if tokens.contains(where: { $0.contains(where: \.isNumber) }) { return false }
        return tokens.count <= 2
    }

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
                for n in entry.allNames {
                    add(n.name)
                    for v in BracketedParts.variants(of: n.name) { add(v.text) }
                }
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

    /// The aliases OFAC marks weak ("low quality") in its own lists (SDN and consolidated), by
    /// OFAC's entity number: each as its normalised tokens joined by spaces. The Consolidated
    /// Screening List copies OFAC's entries under the same number but drops that mark, so the same
    /// alias ("JABON", "TAMAR") would weigh as a strong name there and stop an order OFAC's own
    /// entry only holds.
    static func weakInOFAC(_ entries: [ListEntry], normalNames: NormalNames) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for entry in entries where entry.source == .ofacSDN || entry.source == .ofacConsolidated {
            for n in entry.allNames where n.strength == .weak {
                out[entry.sourceID, default: []].insert(normalNames[n.name].tokens.joined(separator: " "))
            }
        }
        return out
    }

    /// The draft of `entry`; `json` is its canonical encoding when the caller already has it,
    /// `normalNames` holds the normalisation of every name of the entry. `weakElsewhere`: the
    /// aliases another list marks weak for the same party (`weakInOFAC`), weak here too where this
    /// list does not say.
    init(_ entry: ListEntry, json: Data?, normalNames: NormalNames, weakElsewhere: Set<String>? = nil) {
        var seenNames = Set<String>()
        var names: [Name] = []
        // Flags: bit 0 primary name, bits 1–2 strength, bit 3 a bracketed part standing alone (weak
        // by this index's choice, not by the publisher's).
        func add(_ text: String, strength: Alias.Strength, primary: Bool, bracketOnly: Bool = false) {
            let normal = normalNames[text]
            guard !normal.tokens.isEmpty, seenNames.insert(text).inserted else { return }
            let code: UInt8 = strength == .strong ? 0 : strength == .weak ? 1 : 2
            names.append(Name(tokens: normal.tokens, flags: (primary ? 1 : 0) | code << 1 | (bracketOnly ? 8 : 0), text: text, legalForms: normal.legalForms))
        }
        func strength(_ n: (name: String, strength: Alias.Strength, isPrimary: Bool)) -> Alias.Strength {
            let weak = !n.isPrimary && n.strength == .unknown && weakElsewhere?.contains(normalNames[n.name].tokens.joined(separator: " ")) == true
            return weak ? .weak : n.strength
        }
        for n in entry.allNames { add(n.name, strength: strength(n), primary: n.isPrimary) }
        // Bracketed parts are optional evidence: the name without them is the party's name too;
        // an acronym or former name in brackets stands alone as a weak alias (an acronym alone
        // is broad, as OFAC says of its low-quality aliases).
        for n in entry.allNames {
            for v in BracketedParts.variants(of: n.name) {
                add(v.text, strength: v.isBracketOnly ? .weak : strength(n), primary: false, bracketOnly: v.isBracketOnly)
            }
        }
        self.names = names
        for a in entry.addresses where !a.isCountryOnly && !MatchIndexDraft.isPlaceOnly(a) {
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
