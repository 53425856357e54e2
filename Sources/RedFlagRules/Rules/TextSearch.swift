/// Substring search over UTF-8 bytes. The rules search every order line for dozens of terms;
/// Foundation's `String.contains` goes through NSString on Linux and dominated the check's CPU
/// time, so the hot path uses this plain byte search instead (terms are ASCII lower case).
enum TextSearch {
    /// Whether `haystack` contains `needle` (byte-wise; both already lower-cased).
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        if needle.isEmpty { return true }
        var h = haystack, n = needle
        return h.withUTF8 { hb in
            n.withUTF8 { nb in
                guard nb.count <= hb.count else { return false }
                let first = nb[0]
                var i = 0
                let last = hb.count - nb.count
                while i <= last {
                    if hb[i] == first {
                        var j = 1
                        while j < nb.count && hb[i + j] == nb[j] { j += 1 }
                        if j == nb.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// The first of `terms` that `haystack` contains.
    static func first(in haystack: String, of terms: [String]) -> String? {
        terms.first { contains(haystack, $0) }
    }
}
