import RedFlagCore

extension Qualifiers {
    /// A number in the name that differs from the listed name's: "Snow Storm 1" is not the vessel
    /// "SNOW STORM 2", "Plant No. 9" not "PLANT 19". As strong as a birth year outside the listed
    /// span: a numbered vessel, unit or fund is another party with the same words.
    static let numberDiffers = -0.15

    /// The number tokens (digits only, after number words were made digits) of `tokens`.
    static func numbers(_ tokens: [[UInt8]]) -> [[UInt8]] {
        tokens.filter { !$0.isEmpty && $0.allSatisfy { (48...57).contains($0) } }
    }

    /// The qualifier when the query states numbers (`queryNumbers`), listed name n states numbers
    /// too, and they share none; nil otherwise (a number on one side only is a missing name part).
    static func number(_ queryNumbers: [[UInt8]], name n: Int, index: MatchIndex) -> Qualifier? {
        guard !queryNumbers.isEmpty else { return nil }
        let space = index.names
        var listed: [[UInt8]] = []
        for p in space.documentRange(n) {
            let bytes = space.vocabulary.withBytes(Int(space.documentTokens[p])) { Array($0) }
            if !bytes.isEmpty && bytes.allSatisfy({ (48...57).contains($0) }) { listed.append(bytes) }
        }
        guard !listed.isEmpty, !listed.contains(where: queryNumbers.contains) else { return nil }
        let show = { (n: [[UInt8]]) in n.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ") }
        return Qualifier(name: "number", effect: numberDiffers, detail: "number \(show(queryNumbers)) vs listed \(show(listed))")
    }
}
