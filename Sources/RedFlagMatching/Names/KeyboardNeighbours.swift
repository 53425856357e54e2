/// Keys next to each other on a QWERTY keyboard, for telling a typo from another word: a typo
/// seldom touches a word's first letter, and when it does it strikes a neighbouring key ("xompany"
/// for company) or swaps the first two letters ("ocmpany"); a first letter changed to a distant
/// key makes another word ("Berrada", a surname, is not "cerrada" mistyped).
enum KeyboardNeighbours {
    /// The three letter rows and how far each is shifted right of the one above, in key widths.
    private static let rows: [(keys: String, shift: Double)] = [("qwertyuiop", 0), ("asdfghjkl", 0.25), ("zxcvbnm", 0.75)]

    /// Row and horizontal position of each lowercase letter.
    private static let positions: [UInt8: (row: Int, x: Double)] = {
        var out: [UInt8: (row: Int, x: Double)] = [:]
        for (r, row) in rows.enumerated() {
            for (c, key) in row.keys.utf8.enumerated() { out[key] = (r, Double(c) + row.shift) }
        }
        return out
    }()

    /// Whether `a` and `b` are different letter keys that touch: on one row side by side, or on
    /// neighbouring rows less than a key width apart (the rows are staggered: "d" touches "e", "r",
    /// "x" and "c").
    static func adjacent(_ a: UInt8, _ b: UInt8) -> Bool {
        guard a != b, let p = positions[a], let q = positions[b] else { return false }
        if p.row == q.row { return abs(p.x - q.x) == 1 }
        return abs(p.row - q.row) == 1 && abs(p.x - q.x) < 1
    }

    /// Whether `typed`, one edit from `word`, keeps the word's first letter as a typist would:
    /// the same first letter, the first two letters swapped, or the first letter struck on a
    /// neighbouring key.
    static func plausibleStart(_ typed: [UInt8], of word: [UInt8]) -> Bool {
        guard let t = typed.first, let w = word.first else { return false }
        if t == w { return true }
        if typed.count > 1 && word.count > 1 && typed[0] == word[1] && typed[1] == word[0] { return true }
        return typed.count == word.count && adjacent(t, w)
    }
}
