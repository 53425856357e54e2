/// Places that open a Chinese company's registered name (`Lists/names/place-words.txt`):
/// "Zhejiang Dahua Technology Co., Ltd." is the listed "Dahua Technology". The place says where
/// the company is registered, not which company it is.
enum PlaceWords {
    static let words: Set<String> = NameWordList.required("names/place-words.txt")

    /// Least tokens of a name whose first word is read as its place of registration: the place
    /// and two words of the name's own ("Shanghai Electric" stays a two-word name).
    static let leastTokens = 3

    /// Whether token `i` of a name of `count` tokens is a place opening the name.
    static func opens(_ token: String, at i: Int, of count: Int) -> Bool {
        i == 0 && count >= leastTokens && words.contains(token)
    }
}
