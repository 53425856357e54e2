import RedFlagCore

/// Compares a query and a listed name in their own script when both are written in the same
/// non-Latin script. Romanisation merges spellings: Arabic "حسن" (Hasan) and "حسين" (Hussein)
/// both become the skeleton "hsn", Cyrillic "Сергей" and "Сергий" nearly meet. The original
/// letters tell them apart, so a word of the query that the listed name does not spell lowers
/// the score, as a qualifier the explanation names.
enum ScriptComparison {
    /// Score change when every word of the query differs in its script (scaled by the share
    /// of its words that differ).
    static let differs = -0.15

    /// The words of `s` written in `script` (ISO 15924), lower case, combining marks dropped.
    static func words(_ s: String, script: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u.properties.generalCategory == .nonspacingMark || u.value == 0x640 || u.value == 0x200C || u.value == 0x200D { continue }
            if u.properties.isAlphabetic, ScriptDetector.script(of: u) == script {
                current.append(contentsOf: u.properties.isUppercase ? u.properties.lowercaseMapping.unicodeScalars : String(u).unicodeScalars)
            } else if !current.isEmpty {
                out.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }

    /// The qualifier for `query` against the listed name `listed`, nil when they do not share a
    /// non-Latin script or the listed name spells every query word of that script (a word of
    /// five letters or more within one edit counts as spelt: a typo is not another name).
    static func qualifier(query: String, listed: String) -> Qualifier? {
        guard !query.utf8.allSatisfy({ $0 < 0x80 }), !listed.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let script = ScriptDetector.script(of: query)
        guard script != "Latn", ScriptDetector.script(of: listed) == script else { return nil }
        // Ukrainian, Belarusian and Russian spell one name in their own letters ("Дзмітрый",
        // "Дмитро", "Дмитрий"): a name in another Cyrillic alphabet than the listed one is another
        // spelling, not another name, and is compared romanised only.
        if script == "Cyrl", CyrillicLanguage(Array(query.unicodeScalars)) != CyrillicLanguage(Array(listed.unicodeScalars)) { return nil }
        let q = words(query, script: script), l = words(listed, script: script)
        guard !q.isEmpty, !l.isEmpty else { return nil }
        var missing: [String] = []
        for w in q where !l.contains(where: { spells($0, w) }) { missing.append(w) }
        guard !missing.isEmpty else { return nil }
        let share = Double(missing.count) / Double(q.count)
        return Qualifier(name: "script", effect: differs * share,
                         detail: "in \(script) script '\(missing.joined(separator: " "))' is not spelt in the listed '\(listed)'")
    }

    /// The qualifier for `query` against a listed party whose names are `listed` (the matched one
    /// first): a romanised or sound-alike match on the party's Latin name must not hide that the
    /// party also writes its name in the query's own script, and spells it otherwise. Uses the
    /// listed name in that script that spells the most query words; nil when the party has none.
    static func qualifier(query: String, party listed: [String]) -> Qualifier? {
        guard !query.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let script = ScriptDetector.script(of: query)
        guard script != "Latn" else { return nil }
        var best: Qualifier?
        for name in listed where !name.utf8.allSatisfy({ $0 < 0x80 }) && ScriptDetector.script(of: name) == script {
            guard let q = qualifier(query: query, listed: name) else { return nil }
            if best == nil || q.effect > best!.effect { best = q }
        }
        return best
    }

    private static func spells(_ listed: String, _ word: String) -> Bool {
        if listed == word { return true }
        let a = Array(listed.unicodeScalars), b = Array(word.unicodeScalars)
        guard min(a.count, b.count) >= 5, abs(a.count - b.count) <= 1 else { return false }
        // One substitution, insertion or deletion.
        var i = 0
        while i < min(a.count, b.count), a[i] == b[i] { i += 1 }
        if a.count == b.count { return Array(a[(i + 1)...]) == Array(b[(i + 1)...]) }
        return a.count > b.count ? Array(a[(i + 1)...]) == Array(b[i...]) : Array(a[i...]) == Array(b[(i + 1)...])
    }
}
