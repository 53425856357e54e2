/// When an initial of a person's name may stand for a word of the other name: "ELASHI, I." for
/// "Ihsan Elashi", "Mohammed F. AL-TAL" for "AL-TAL, Mohammed Fawzi". An initial abbreviates one of
/// the names of the person whose name holds it; when that same name holds a full word found nowhere
/// in the other name, its own given name is another, and the initial is no evidence: "Alexey K.
/// Vasiliev" is not "VASILIEV, Kirill" (the listed given name is Kirill, the query's Alexey), "Ali
/// Nuaimi" is not "AL-NAIMI, A. Rahman", "He Yuting" is not "HE, Daniel Y.".
///
/// A name of initials and particles alone ("EL M", an alias) abbreviates no word of the other name
/// either: nothing of its own is found beside the initial.
///
/// Applied to a person's listed names only (elsewhere a single letter is the name itself), and only
/// to pairs of an initial with a full word: an initial still matches the same initial.
enum NameInitials {
    /// The least length of a word that counts as a name of its own here (not "al", "de").
    static let fullWordLength = 3

    /// Zeroes, in `sims` (`nq` query rows × `nl` listed columns), each pair of an initial with a full
    /// word when the initial's side holds a full word (`full`) with no similar word on the other side;
    /// true when it zeroed a pair.
    @discardableResult
    static func dropUnsupported(_ sims: UnsafeMutableBufferPointer<Double>, nq: Int, nl: Int,
                                queryInitial: (Int) -> Bool, listedInitial: (Int) -> Bool,
                                queryFull: (Int) -> Bool, listedFull: (Int) -> Bool) -> Bool {
        let queryInitials = (0..<nq).filter(queryInitial), listedInitials = (0..<nl).filter(listedInitial)
        // A side of initials without a full word ("EL M", an alias) has no name for them to abbreviate beside.
        let queryUnfound = !queryInitials.isEmpty
            && ((0..<nq).contains { i in queryFull(i) && !(0..<nl).contains { sims[i * nl + $0] > 0 } } || !(0..<nq).contains(where: queryFull))
        let listedUnfound = !listedInitials.isEmpty
            && ((0..<nl).contains { j in listedFull(j) && !(0..<nq).contains { sims[$0 * nl + j] > 0 } } || !(0..<nl).contains(where: listedFull))
        var dropped = false
        if queryUnfound {
            for i in queryInitials { for j in 0..<nl where !listedInitial(j) && sims[i * nl + j] > 0 { sims[i * nl + j] = 0; dropped = true } }
        }
        if listedUnfound {
            for j in listedInitials { for i in 0..<nq where !queryInitial(i) && sims[i * nl + j] > 0 { sims[i * nl + j] = 0; dropped = true } }
        }
        return dropped
    }
}
