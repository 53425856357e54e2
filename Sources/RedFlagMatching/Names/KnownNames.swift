/// Given names and surnames among the thousand most frequent of some country
/// (`Lists/names/known-names.txt`, from the names-dataset package's frequencies: its header says
/// which and why): a wider net than `CommonNames` (the hundred most frequent). A word a customer
/// types that is such a name is somebody's name, not a typo of the listed one: a typo makes no
/// one's name, so "Kharchenko" against a listed "KHAVCHENKO", or "Mourinho" against "MORENO", names
/// another family (`ApproximatePersonMatch.isAnotherName`). Looked up by binary search
/// (`SortedWordFile`), only when a person match at review level is judged, never when scoring.
enum KnownNames {
    static let words = SortedWordFile(required: "names/known-names.txt")

    /// Whether `token` (a normalised name token) is a known given name or surname.
    static func contains(_ token: String) -> Bool { words.contains(token) }
}
