import Foundation

/// Light text folding shared by lookups that must ignore case, accents and punctuation (country
/// names, column headers). Name matching has its own, much richer normalisation.
public enum TextFolding {
    /// Lower-cased, accents removed, punctuation turned into spaces, whitespace collapsed.
    public static func fold(_ s: String) -> String {
        let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for u in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(u) {
                out.append(u)
                lastWasSpace = false
            } else if u == "'" || u == "’" || u == "." {
                continue  // "People's" = "Peoples", "U.S." = "US"
            } else if !lastWasSpace {
                out.append(" ")
                lastWasSpace = true
            }
        }
        var result = String(out)
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// Collapses runs of whitespace (including newlines and non-breaking spaces) into one space
    /// and trims: list fields carry embedded newlines and stray padding.
    public static func collapseWhitespace(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for ch in s {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(ch)
            }
        }
        return out
    }

    /// nil for empty or whitespace-only strings and for the placeholders lists use for "none".
    public static func nonEmpty(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = collapseWhitespace(s)
        if t.isEmpty || t == "-0-" || t == "-0" { return nil }
        return t
    }
}
