import ArgumentParser

/// "Did you mean …?" for a mistyped subcommand (`redflag scren`, `redflag lists stauts`).
enum SubcommandSuggestion {
    /// The hint for the first argument that is not a subcommand where one is expected, when a
    /// subcommand's name is close to it (edit distance at most 2, or a unique prefix); else nil.
    static func hint(for arguments: [String], root: ParsableCommand.Type) -> String? {
        var command = root
        var path = [root.configuration.commandName ?? "redflag"]
        for argument in arguments {
            if argument.hasPrefix("-") { return nil }
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty else { return nil }
            let names = subcommands.map { $0.configuration.commandName ?? String(describing: $0).lowercased() }
            if let i = names.firstIndex(of: argument) {
                command = subcommands[i]
                path.append(argument)
                continue
            }
            guard let best = closest(to: argument, in: names) else { return nil }
            return "Did you mean '\((path + [best]).joined(separator: " "))'?"
        }
        return nil
    }

    static func closest(to word: String, in names: [String]) -> String? {
        let lower = word.lowercased()
        let prefixed = names.filter { $0.hasPrefix(lower) }
        if prefixed.count == 1, lower.count >= 2 { return prefixed[0] }
        let scored = names.map { ($0, distance(lower, $0)) }.filter { $0.1 <= min(2, max(1, $0.0.count / 3)) }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
