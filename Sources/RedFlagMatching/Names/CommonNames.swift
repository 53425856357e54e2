/// Given names and surnames common in some country (`Lists/names/common-names.txt`, from the
/// names-dataset package's frequencies: its header says which and why): "mikhail", "ali", "smith",
/// "hashemi". The matcher's weights count words in the sanctions lists, where "brian" or "smit"
/// are rare; among the people a desk screens they are not, and a person match resting on such a
/// name written as listed, its other parts only similar, is as often another person
/// (`Matcher.approximatePerson`). Loaded on first use and looked up by binary search
/// (`SortedWordFile`): read only when a person match at review level is judged, never when scoring.
enum CommonNames {
    static let words = SortedWordFile(required: "names/common-names.txt")

    /// Whether `token` (a normalised name token) is a common given name or surname.
    static func contains(_ token: String) -> Bool { words.contains(token) }
}
