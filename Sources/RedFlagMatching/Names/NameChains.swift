/// Patronymic chains: "MUHAMMAD BIN SALMAN" (Muhammad, son of Salman) and "SALMAN BIN MUHAMMAD"
/// (Salman, son of Muhammad) are different people, though their tokens are the same. In a chain
/// the order of the two names a particle links matters: Arabic and Hebrew particles (bin, ibn,
/// bint, ben, ould) stand between a child's name and the father's; Turkic ones (oglu, ogly,
/// kyzy, qizi, uulu) follow the father's name, which follows the child's ("Ilham Heydar oglu").
///
/// A link is a (child, father) pair of token positions. When the query links a to b and the
/// listed name links x to y, aligning a with y and b with x would read the chain backwards:
/// those two similarities are set to zero, so the names align only as the same person.
enum NameChains {
    /// Particles written between a child's name and the father's.
    static let before: Set<String> = ["bin", "ibn", "bint", "binti", "binte", "ben", "ould"]
    /// Particles written after the father's name (which follows the child's).
    static let after: Set<String> = ["oglu", "ogly", "ogli", "ugli", "uglu", "kyzy", "kizi", "qizi", "gyzy", "uulu"]

    /// The (child, father) links among `count` tokens, `kind(i)` telling what token i is.
    static func links(count: Int, kind: (Int) -> Kind) -> [(child: Int, father: Int)] {
        var out: [(child: Int, father: Int)] = []
        for i in 0..<count {
            switch kind(i) {
            case .before:
                let child = i - 1, father = i + 1
                guard child >= 0, father < count, kind(child) == .name, kind(father) == .name else { continue }
                out.append((child, father))
            case .after:
                let father = i - 1, child = i - 2
                guard child >= 0, kind(child) == .name, kind(father) == .name else { continue }
                out.append((child, father))
            case .name:
                continue
            }
        }
        return out
    }

    enum Kind { case name, before, after }

    /// What a token is in a chain.
    static func kind(_ token: String) -> Kind { before.contains(token) ? .before : after.contains(token) ? .after : .name }
}
