/// What a query token is in one token space, whatever query it appears in: the vocabulary tokens
/// similar to it, its own vocabulary id and the ways it is two vocabulary tokens written together
/// ("huawei" = "hua" + "wei"). Looked up once per distinct token and kept in a `TokenCache`:
/// batches repeat words endlessly.
struct QueryTokenFacts {
    /// Vocabulary id → effective similarity (> 0).
    var similar: [Int32: Double]
    /// The token's own vocabulary id, nil when no document holds it.
    var id: Int32?
    /// Split points into two vocabulary tokens (tokens of five bytes or more), by ascending cut.
    var splits: [(left: Int32, right: Int32)]
    /// The listed tokens a press reading one edit from them (`PressOrthographies.leastNearReading`)
    /// credited or raised in `similar`, with what they had before (0: nothing). An unknown
    /// token's weight is not borrowed through them: such a reading names the word a person's name
    /// may be; it does not make an unknown word of a company's name ("ryosan") a lighter, known one.
    var beforeNearReadings: [Int32: Double] = [:]
}
