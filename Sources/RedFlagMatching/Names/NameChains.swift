/// Patronymic chains: "MUHAMMAD BIN SALMAN" (Muhammad, son of Salman) and "SALMAN BIN MUHAMMAD"
/// (Salman, son of Muhammad) are different people, though their tokens are the same. In a chain
/// the order of the two names a particle links matters: Arabic and Hebrew particles (bin, ibn,
/// bint, ben, ould) stand between a child's name and the father's; Turkic ones (oglu, ogly,
/// kyzy, qizi, uulu) follow the father's name, which follows the child's ("Ilham Heydar oglu").
///
/// A link is a (child, father) pair of token positions. When the query links a to b and the
/// listed name links x to y, aligning a with y and b with x would read the chain backwards:
/// those two similarities are set to zero, so the names align only as the same person.
///
/// Links are read in the name's reading order: lists write persons "SURNAME, Given names"
/// ("BEN HENI, Lased" is Lased son of Heni), so the part after a single comma comes first
/// (`readingOrder`). A listed person's name without a particle is still a chain in reading
/// order ("Usama Muhammed Awad" is Usama son of Muhammed): a query chain whose two names occur
/// there only the other way round is read backwards too (see `Matcher.similarities`).
///
/// A chain also says whose name it is: its first name in reading order (`own`). A query whose
/// father is the listed person ("Muhammad Bin Usamah Bin Ladin" against "BIN LADIN, Usama", "Mohammed
/// Bin Rami MAKHLOUF" against "MAKHLOUF, Rami"), or whose own name is the listed person's father, names
/// the listed person's son or father: those pairings are set to zero as well.
enum NameChains {
    /// Particles written between a child's name and the father's (Welsh "ap", Indonesian "ibnu" too).
    static let before: Set<String> = ["bin", "ibn", "ibnu", "bint", "binti", "binte", "ben", "ould", "ap"]
    /// Particles written after the father's name (which follows the child's).
    static let after: Set<String> = ["oglu", "ogly", "ogli", "ugli", "uglu", "kyzy", "kizi", "qizi", "gyzy", "uulu", "uly"]
    /// The Arabic article, written as a word of its own before a name ("bin al-Sheikh"): the father
    /// a particle names is the name after it as well. Never a chain's own name.
    static let articles: Set<String> = ["al", "el"]

    /// Whether a word followed by `next` stands in a chain as a child's name: `next` is a particle
    /// written between a child's name and the father's ("bin", "ben", "ould").
    static func childBefore(_ next: String?) -> Bool { next.map(before.contains) ?? false }

    /// Whether `token` is a chain particle (not an article).
    static func isParticle(_ token: String) -> Bool { before.contains(token) || after.contains(token) }

    /// How many of a name's `count` tokens come before its one comma ("BEN HENI, Lased": 2), or 0
    /// when the name has no comma, more than one, a chain on both sides, or its parts do not
    /// tokenise to `count` tokens together (then it is read as written).
    static func commaOffset(_ raw: String, count: Int) -> Int {
        let parts = raw.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return 0 }
        let head = NameNormalizer.normalize(String(parts[0])).tokens, tail = NameNormalizer.normalize(String(parts[1])).tokens
        // Two chains on either side of the comma ("Usama Bin Muhammed Bin Awad, Osama Bin Laden")
        // are two names of one person, not "SURNAME, Given": read as written.
        let chained = { (t: [String]) in !links(count: t.count) { kind(t[$0]) }.isEmpty }
        if chained(head) && chained(tail) { return 0 }
        return !head.isEmpty && !tail.isEmpty && head.count + tail.count == count ? head.count : 0
    }

    /// Token positions in reading order: the `commaOffset` tokens before the comma go last. A name
    /// without that comma which opens with a particle and a name ("Ben Laden Usama", "Bin Laden
    /// Usamah Bin Muhammad") writes its family name first, the way lists write surnames: the
    /// particle and the name after it go last ("Usama Ben Laden"), for no child stands before them.
    static func readingOrder(count: Int, commaOffset: Int, kind: (Int) -> Kind = { _ in .name }) -> [Int] {
        if commaOffset > 0 && commaOffset < count { return Array(commaOffset..<count) + Array(0..<commaOffset) }
        if count >= 3 && kind(0) == .before && kind(1) == .name && kind(2) == .name { return Array(2..<count) + [0, 1] }
        return Array(0..<count)
    }

    /// The person a name is about, in a chain: the first name token in reading `order` (its child
    /// side), `isWeak` skipping titles ("Sheikh Usama bin Ladin" is about Usama). Nil when none.
    /// None when the name opens with a particle (`childlessFather`: "Ben Hammedi" names a father only).
    static func own(order: [Int], kind: (Int) -> Kind, isWeak: (Int) -> Bool = { _ in false }) -> Int? {
        if let first = order.first, kind(first) == .before { return nil }
        return order.first { kind($0) == .name && !isWeak($0) }
    }

    /// `links` over tokens read in `order` (reading position → token position), as token positions.
    static func links(order: [Int], kind: (Int) -> Kind) -> [(child: Int, father: Int)] {
        links(count: order.count) { kind(order[$0]) }.map { (order[$0.child], order[$0.father]) }
    }

    /// The (child, father) links among `count` tokens, `kind(i)` telling what token i is.
    static func links(count: Int, kind: (Int) -> Kind) -> [(child: Int, father: Int)] {
        var out: [(child: Int, father: Int)] = []
        for i in 0..<count {
            switch kind(i) {
            case .before:
                // An article on either side is read as a name too ("Al Bin Ramzi"), and the name
                // after an article as the father ("bin al-Sheikh": Sheikh).
                let child = i - 1, father = i + 1
                let named = { (k: Kind) in k == .name || k == .article }
                guard child >= 0, father < count, named(kind(child)), named(kind(father)) else { continue }
                out.append((child, father))
                if kind(father) == .article && father + 1 < count && kind(father + 1) == .name { out.append((child, father + 1)) }
            case .after:
                let father = i - 1, child = i - 2
                guard child >= 0, kind(child) == .name, kind(father) == .name else { continue }
                out.append((child, father))
            case .name, .article:
                continue
            }
        }
        return out
    }

    /// The father a name in reading `order` names without a child before him: "HAMMEDI, Ben" (read
    /// "Ben Hammedi") is someone's son of Hammedi, so a query whose own name is Hammedi names his
    /// father. Nil unless the name opens with a particle and a name.
    static func childlessFather(order: [Int], kind: (Int) -> Kind) -> Int? {
        guard order.count >= 2, kind(order[0]) == .before else { return nil }
        let f = order.count >= 3 && kind(order[1]) == .article ? order[2] : order[1]
        return kind(f) == .name ? f : nil
    }

    enum Kind { case name, before, after, article }

    /// What a token is in a chain.
    static func kind(_ token: String) -> Kind {
        before.contains(token) ? .before : after.contains(token) ? .after : articles.contains(token) ? .article : .name
    }
}
