/// Arabic-script words run together where a name ends in a letter that never joins the next (ر ز د ذ ژ):
/// the script shows a gap there whether or not a space was typed, so names copied from forms and PDFs often
/// lack it ("ناصرملکی" for ناصر ملکی Nasser Maleki, "عامرتيسير" for عامر تيسير Amer Tayseer). Such a name is
/// also read with the word split after that letter.
enum UnjoinedLetters {
    /// Letters that do not join the letter after them and commonly end a name (Nasser, Aziz, Ahmad, Zaid):
    /// the long-vowel letters ا and و, which sit inside most words, are left out.
    static let nonJoiners: Set<Unicode.Scalar> = ["ر", "ز", "د", "ذ", "ژ"]
    /// Least letters on each side of the split (a shorter part is a syllable, not a name).
    static let leastPart = 3
    /// Endings of a nisba or family name that follow a non-joiner inside one word ("الزهراني" al-Zahrani,
    /// "تهرانی" Tehrani, "البدوي" al-Badawi): no second name.
    static let endings: Set<String> = ["اني", "انی", "اوي", "اوی", "وني", "ونی", "اده"]

    /// `name` with every Arabic-script word that holds a non-joiner with `leastPart` letters or more on each side
    /// split after the first such letter (past an opening article); nil when no word is.
    static func split(_ name: String) -> String? {
        WordSplitting.split(name, isLetter: isArabicLetter) { word in
            let start = word.count > 2 && word[0] == "ا" && word[1] == "ل" ? 2 : 0
            let first = start + leastPart - 1, last = word.count - leastPart - 1
            guard first <= last, let at = (first...last).first(where: { nonJoiners.contains(word[$0]) }),
                  !endings.contains(String(String.UnicodeScalarView(word[(at + 1)...]))) else { return nil }
            return at + 1
        }
    }

    private static func isArabicLetter(_ u: Unicode.Scalar) -> Bool {
        (0x620...0x64A).contains(u.value) || (0x66E...0x6D3).contains(u.value) || (0x6FA...0x6FC).contains(u.value)
    }
}
