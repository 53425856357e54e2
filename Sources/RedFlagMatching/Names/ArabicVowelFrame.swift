/// The long vowels an Arabic-script word writes, by place between its consonants: what a Latin
/// spelling of the same name must also have there.
///
/// Arabic, Persian and Urdu leave short vowels out but write long ones (ا a, و u/o, ي/ی i/e), so a
/// word's consonant skeleton ("hsn") stands for several names that its vowel letters tell apart:
/// حسن Hasan, حسین Hossein (ی between s and n), حسنی Hosni (ی after the n), حسینی Hosseini. A
/// Latin listed word with as many consonants but no vowel of the letter's kind at its place ("HASAN"
/// for حسینی, "KARIM" for کریمی, "JASIM" for الجسمي) is another name, however alike the skeletons.
///
/// Only plain cases are read: a word with ayn or hamza (which Latin spellings drop or keep), one
/// ending in ه or ة (a vowel or an h), or with و or ی beside another vowel letter (a consonant w or y
/// as often as a vowel) has no frame, and a Latin word with another count of consonants is not
/// compared. A frame never adds a match; it only removes a pair that the skeleton alone would make.
struct ArabicVowelFrame: Equatable {
    enum Vowel: Equatable {
        /// ا inside a word: a, or e as French spellings of Maghreb names write it ("Djamel" جمال,
        /// "Deghdegh" دغداغ).
        case a
        /// و: o, u or w.
        case u
        /// ي ی: i, e or y.
        case i
        /// At the end: ى (alif maqsura), ا, or ی/ي, which Persian writes for the final a of Arabic
        /// names (موسی Musa, مرتضی Morteza) and Egyptian spelling for ى: a vowel, any but o or u.
        case aOrI

        /// Whether Latin vowel group `group` spells this vowel.
        func spelt(by group: ArraySlice<UInt8>) -> Bool {
            switch self {
            case .a: return group.contains { $0 == 97 || $0 == 101 }
            case .u: return group.contains { $0 == 111 || $0 == 117 || $0 == 119 }
            case .i: return group.contains { $0 == 105 || $0 == 101 || $0 == 121 }
            case .aOrI: return group.contains { $0 == 97 || $0 == 101 || $0 == 105 || $0 == 121 }
            }
        }
    }

    /// Consonants of the word (letters that are not vowel letters).
    var consonants: Int
    /// The vowel letter between consonant k and k + 1, if any (`consonants - 1` places).
    var medial: [Vowel?]
    /// The vowel letter after the last consonant, if any.
    var final: Vowel?
    /// Whether the word opens with an alif, the seat of its first vowel: a Latin spelling of it opens
    /// with a vowel, or drops it before two consonants (أحمد Ahmad is no HAMAD, إبراهيم may be BRAHIM).
    var opensWithVowel = false

    private static let alifs: Set<UInt32> = [0x0627, 0x0622, 0x0623, 0x0625, 0x0671]
    private static let waw: UInt32 = 0x0648
    private static let yehs: Set<UInt32> = [0x064A, 0x06CC, 0x06D2]
    private static let alifMaqsura: UInt32 = 0x0649
    /// Ayn and the hamzas: Latin spellings drop them or keep them.
    private static let unsure: Set<UInt32> = [0x0639, 0x0621, 0x0624, 0x0626]
    /// Heh and ta marbuta: at a word's end a vowel as often as an h.
    private static let closing: Set<UInt32> = [0x0647, 0x0629, 0x06C1, 0x06BE, 0x06D5]

    /// The frame of one Arabic-script word (letters of the Arabic block only; harakat and tatweel
    /// are ignored), nil when it is no plain case or writes no vowel letter after a consonant.
    init?(word: [Unicode.Scalar]) {
        let letters = word.map(\.value).filter { (0x0620...0x064A).contains($0) || (0x066E...0x06D5).contains($0) }
        guard letters.count >= 2, !letters.contains(where: Self.unsure.contains), !Self.closing.contains(letters.last!) else { return nil }
        func isVowelLetter(_ u: UInt32) -> Bool { Self.alifs.contains(u) || u == Self.waw || Self.yehs.contains(u) || u == Self.alifMaqsura }
        var consonants = 0
        var medial: [Vowel?] = []
        var pending: Vowel?
        var any = false
        for (k, u) in letters.enumerated() {
            if k == 0 {
                // An opening alif carries the first vowel, whatever it is; an opening و or ی is w or y.
                if Self.alifs.contains(u) {
                    if letters.count > 1, isVowelLetter(letters[1]) { return nil }
                    opensWithVowel = true
                    continue
                }
                consonants = 1
                continue
            }
            guard isVowelLetter(u) else {
                if consonants > 0 { medial.append(pending) }
                pending = nil
                consonants += 1
                continue
            }
            // A vowel letter beside another one, or before any consonant, is read no surer.
            guard consonants > 0, pending == nil, k + 1 == letters.count || !isVowelLetter(letters[k + 1]) else { return nil }
            if u == Self.alifMaqsura {
                guard k + 1 == letters.count else { return nil }
                pending = .aOrI
            } else {
                pending = Self.alifs.contains(u) ? .a : u == Self.waw ? .u : .i
            }
            any = true
        }
        guard any || opensWithVowel, consonants >= 2 else { return nil }
        self.consonants = consonants
        self.medial = medial
        // Whatever long vowel ends the word is read as any vowel but o or u there.
        self.final = pending.map { $0 == .u ? .u : .aOrI }
    }

    /// Whether Latin word `latin` (folded a–z) has as many consonants as the frame but lacks one of
    /// its vowels at its place: another name.
    /// A listed word without a vowel (a, e, i, o, u) is itself a skeleton (a name the list writes
    /// in Arabic script, romanised: "mrtd") or an acronym, and is never contradicted.
    func contradicted(by latin: [UInt8]) -> Bool {
        guard latin.contains(where: { $0 == 97 || $0 == 101 || $0 == 105 || $0 == 111 || $0 == 117 }),
              var groups = Self.consonants(of: latin) else { return false }
        // A Latin word opening with a consonant and a vowel has moved the alif's vowel after the consonant;
        // one opening with two consonants has only dropped it, as Maghreb spellings do ("Brahim" إبراهيم,
        // "Smail" إسماعيل).
        if opensWithVowel, let first = groups.first, first.lowerBound == 0, first.upperBound < latin.count,
           [97, 101, 105, 111, 117].contains(latin[first.upperBound]) { return true }
        // A final h after a vowel is silent, as the lists write ta marbuta and the Persian final he
        // ("MINATEH", "Fatemeh"): the word ends on the vowel before it.
        var end = latin.count
        if groups.count == consonants + 1, let last = groups.last, last == (latin.count - 1)..<latin.count, latin[last.lowerBound] == 104,
           last.lowerBound > 0, [97, 101, 105, 111, 117].contains(latin[last.lowerBound - 1]) {
            groups.removeLast()
            end -= 1
        }
        guard groups.count == consonants else { return false }
        for (k, vowel) in medial.enumerated() {
            guard let vowel else { continue }
            let between = latin[groups[k].upperBound..<groups[k + 1].lowerBound]
            if between.isEmpty || !vowel.spelt(by: between) { return true }
        }
        if let final {
            let after = latin[groups[groups.count - 1].upperBound..<end]
            if after.isEmpty || !final.spelt(by: after) { return true }
        }
        return false
    }

    /// The consonants of a Latin word as byte ranges: a digraph (kh, sh, th, dh, gh, ch, zh, ph, dj)
    /// or a doubled letter is one consonant; y and w after a vowel and before no vowel belong to
    /// the vowel. Nil for a word with anything but a–z. `digraphs` false: an h after a consonant is a
    /// letter of its own (the romanisation of ظاهر "zhr" writes ظ and ه, not the Persian ژ zh).
    static func consonants(of w: [UInt8], digraphs: Bool = true) -> [Range<Int>]? {
        guard !w.isEmpty, w.allSatisfy({ (97...122).contains($0) }) else { return nil }
        func vowel(_ c: UInt8) -> Bool { c == 97 || c == 101 || c == 105 || c == 111 || c == 117 }
        var out: [Range<Int>] = []
        var i = 0
        while i < w.count {
            let c = w[i]
            let next = i + 1 < w.count ? w[i + 1] : nil
            if vowel(c) { i += 1; continue }
            if (c == 121 || c == 119), i > 0, vowel(w[i - 1]) || w[i - 1] == 121, next.map({ !vowel($0) }) ?? true {
                i += 1
                continue
            }
            var end = i + 1
            if digraphs, let n = next, n == 104, [107, 115, 116, 100, 103, 99, 122, 112].contains(c) {
                end = i + 2
            } else if digraphs, c == 100, next == 106 {
                end = i + 2
            }
            // A doubled letter ("ss", "mm") is one consonant.
            if let last = out.last, last.upperBound == i, w[last] == w[i..<end] {
                out[out.count - 1] = last.lowerBound..<end
            } else {
                out.append(i..<end)
            }
            i = end
        }
        return out
    }

    /// The frames of a name romanised from Arabic script `origin`, one per token of its reading
    /// `tokens` (nil for an article, a word with no frame, a token with another count of consonants
    /// than its word or an English business word: a translation, "russian" for الروسي, "prison" for
    /// زندان), or nil when the tokens are not the origin's words one for one (a word split or joined
    /// by the reading).
    /// `articles`: the tokens that are the article ال of their word.
    static func frames(origin: String, tokens: [String]) -> (frames: [ArabicVowelFrame?], articles: Set<Int>)? {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for u in origin.unicodeScalars {
            if (0x0600...0x06FF).contains(u.value) && !(0x064B...0x065F).contains(u.value) && u.value != 0x0640 && u.value != 0x0670 {
                current.append(u)
            } else if (0x064B...0x065F).contains(u.value) || u.value == 0x0640 || u.value == 0x0670 {
                continue
            } else {
                if !current.isEmpty { words.append(current) }
                current = []
                if u.properties.isAlphabetic { return nil }
            }
        }
        if !current.isEmpty { words.append(current) }
        var out: [ArabicVowelFrame?] = []
        var articles = Set<Int>()
        var j = 0
        var articleRead = false
        for (i, token) in tokens.enumerated() {
            guard j < words.count else { return nil }
            let word = words[j]
            let hasArticle = word.count > 3 && word[0].value == 0x0627 && word[1].value == 0x0644
            if hasArticle && !articleRead && (ArticleCompounds.articles.contains(token) || token == "al") {
                out.append(nil)
                articles.insert(i)
                articleRead = true
                continue
            }
            let frame = ArabicVowelFrame(word: articleRead ? Array(word.dropFirst(2)) : word)
            // A business word read in English ("prison" for زندان) is no romanisation of its word.
            // Its consonants counted with digraphs or, where the romanisation wrote two letters that read
            // as one ("zhr" for ظاهر), without.
            out.append(frame.flatMap { f in
                let t = Array(token.utf8)
                return !BusinessWords.englishWords.contains(token)
                    && (consonants(of: t)?.count == f.consonants || consonants(of: t, digraphs: false)?.count == f.consonants) ? f : nil
            })
            articleRead = false
            j += 1
        }
        return j == words.count ? (out, articles) : nil
    }
}
