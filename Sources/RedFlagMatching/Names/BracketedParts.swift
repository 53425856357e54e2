import Foundation

/// Listed names carry acronyms and former names in brackets: "NAFTIRAN INTERTRADE CO. (NICO)
/// SARL", "MAHAN AIR (a.k.a. MAHAN AIRLINES)", "HUDSON ENGINEERING (HONG KONG) LTD.". A customer
/// writes the name without them, or the acronym alone. The index therefore holds, beside the
/// name as published, the name with its bracketed parts removed and, for a bracket holding an
/// acronym or a name marked as another name ("formerly", "a.k.a.", "f.k.a."), that part alone.
/// Other bracketed words ("Hong Kong", "Pvt") are never a name on their own.
enum BracketedParts {
    /// A name derived from a bracketed name: its text and whether it stands alone as the
    /// bracket's acronym or other name (an alias in its own right) rather than the name without brackets.
    struct Variant: Equatable {
        var text: String
        var isBracketOnly: Bool
    }

    /// Markers that say a bracket holds another name of the party.
    private static let markers = ["formerly known as", "also known as", "previously", "formerly", "former", "a.k.a.", "f.k.a.",
                                  "aka", "fka", "a/k/a", "f/k/a", "ex-", "ex "]

    /// The derived names of `name`, or none when it holds no complete bracket.
    static func variants(of name: String) -> [Variant] {
        guard let (outside, inside) = split(name) else { return [] }
        var out: [Variant] = []
        let stripped = outside.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if stripped.contains(where: \.isLetter) { out.append(Variant(text: stripped, isBracketOnly: false)) }
        for part in inside {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            let lower = trimmed.lowercased()
            if let marker = markers.first(where: { lower.hasPrefix($0) }) {
                let rest = String(trimmed.dropFirst(marker.count)).trimmingCharacters(in: CharacterSet(charactersIn: " :.,-"))
                if rest.contains(where: \.isLetter) { out.append(Variant(text: rest, isBracketOnly: true)) }
            } else if isAcronym(trimmed) {
                out.append(Variant(text: trimmed, isBracketOnly: true))
            }
        }
        return out
    }

    /// The words of `name`'s bracketed parts that are neither an acronym nor another name (the
    /// place or kind of "HUAWEI TECHNOLOGIES (NEW ZEALAND) COMPANY LIMITED", "(PVT)"), normalised.
    static func qualifierWords(of name: String) -> Set<String> {
        guard let (_, inside) = split(name) else { return [] }
        var out = Set<String>()
        for part in inside {
            let trimmed = part.trimmingCharacters(in: .whitespaces), lower = trimmed.lowercased()
            if !markers.contains(where: { lower.hasPrefix($0) }) && !isAcronym(trimmed) {
                out.formUnion(NameNormalizer.normalize(trimmed).tokens)
            }
        }
        return out
    }

    /// `name` outside its brackets (each bracket a space) and the text of each outermost bracket,
    /// or nil when it holds no bracket or an unclosed one (then the name as published is all there is).
    private static func split(_ name: String) -> (outside: String, inside: [String])? {
        // On the bytes: every listed name comes here at import, and Foundation's substring search is slow.
        guard name.utf8.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "[") }) else { return nil }
        var outside = ""
        var inside: [String] = []
        var depth = 0
        var current = ""
        for ch in name {
            switch ch {
            case "(", "[":
                if depth == 0 { current = "" } else { current.append(ch) }
                depth += 1
                outside.append(" ")
            case ")", "]":
                guard depth > 0 else { outside.append(" "); continue }
                depth -= 1
                if depth == 0 { inside.append(current) } else { current.append(ch) }
            default:
                if depth == 0 { outside.append(ch) } else { current.append(ch) }
            }
        }
        guard depth == 0, !inside.isEmpty else { return nil }
        return (outside, inside)
    }

    /// One word of 2–10 capital letters (digits, dots and hyphens allowed) with at least two
    /// letters: "NICO", "IRISL", "S.E.P.", "MTS-2".
    static func isAcronym(_ s: String) -> Bool {
        guard !s.isEmpty, !s.contains(where: \.isWhitespace) else { return false }
        let letters = s.filter(\.isLetter)
        guard (2...10).contains(letters.count), letters.allSatisfy(\.isUppercase) else { return false }
        return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "&" }
    }
}
