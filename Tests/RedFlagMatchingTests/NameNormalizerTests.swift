import Testing
@testable import RedFlagMatching

@Suite("Name normalisation")
struct NameNormalizerTests {
    private func tokens(_ s: String) -> [String] { NameNormalizer.normalize(s).tokens }
    private func forms(_ s: String) -> [String] { NameNormalizer.normalize(s).legalForms }

    @Test("case, diacritics, punctuation and whitespace fold away")
    func folding() {
        #expect(tokens("  Société  GÉNÉRALE—Trading\t") == ["societe", "generale", "trading"])
        #expect(tokens("Łódź Ørsted Straße") == ["lodz", "orsted", "strasse"])
        #expect(tokens("ＡＢＣ Ｈｏｌｄｉｎｇ") == ["abc", "holding"])  // NFKC: full-width letters
    }

    @Test("OFAC quote marks and apostrophes vanish, initials with periods join")
    func quotesAndPeriods() {
        #expect(tokens("'ABBAS, Abu") == ["abbas", "abu"])
        #expect(tokens("People's Bank") == ["peoples", "bank"])
        #expect(tokens("U.S.A. Imports") == ["usa", "import"])
        #expect(tokens("J. Smith") == ["j", "smith"])
    }

    @Test("legal forms unify across languages and scripts", arguments: [
        ("Huawei Technologies Co., Ltd.", "ltd"), ("Huawei Technologies Company Limited", "ltd"),
        ("Huawei Technologies Co Ltd", "ltd"), ("Romashka LLC", "llc"), ("Romashka L.L.C.", "llc"),
        ("OOO Romashka", "llc"), ("ООО Ромашка", "llc"), ("Obshchestvo s Ogranichennoy Otvetstvennostyu Romashka", "llc"),
        ("Общество с ограниченной ответственностью Ромашка", "llc"), ("AO Romashka", "jsc"), ("OAO Romashka", "jsc"),
        ("PJSC Romashka", "jsc"), ("ZAO Romashka", "jsc"), ("Aktsionernoye Obshchestvo Romashka", "jsc"),
        ("Romashka GmbH", "gmbh"), ("Romashka AG", "ag"), ("Romashka S.A.", "sa"), ("Romashka SARL", "llc"),
        ("Romashka Sdn Bhd", "ltd"), ("Romashka Pte Ltd", "ltd"), ("Romashka FZE", "fze"), ("Romashka FZCO", "fze"),
        ("Romashka FZ-LLC", "llc"), ("罗马什卡有限公司", "ltd"), ("罗马什卡股份有限公司", "jsc"),
    ])
    func legalForms(name: String, code: String) {
        #expect(forms(name).contains(code), "\(name) → \(NameNormalizer.normalize(name))")
        #expect(!tokens(name).contains(code))
    }

    @Test("a legal form in the middle of a name stays a token when it is an ambiguous syllable")
    func edgeOnlyForms() {
        #expect(tokens("Kim Sa Wei") == ["kim", "sa", "wei"])
        #expect(tokens("Sa Wei") == ["wei"] || tokens("Sa Wei") == ["sa", "wei"])
    }

    @Test("a legal-form word split by a stray space is still the legal form")
    func splitLegalWords() {
        #expect(NameNormalizer.normalize("OBSH CHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU OPTIMA") == NameNormalizer.normalize("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU OPTIMA"))
        #expect(tokens("LIMITED LIABI LITY COMPANY PRIUS") == ["prius"])
        // Two name parts are never joined into one.
        #expect(tokens("Hua Wei Limited") == ["hua", "wei"])
    }

    @Test("only legal forms that are no name syllable say the party is a company")
    func namesCompany() {
        #expect(NameNormalizer.normalize("Kone Oyj").namesCompany)
        #expect(NameNormalizer.normalize("Romashka Co., Ltd.").namesCompany)
        #expect(!NameNormalizer.normalize("Ali Sa").namesCompany)
        #expect(!NameNormalizer.normalize("Ihsan Elashi").namesCompany)
    }

    @Test("romanised Han syllables, initials and particles are not legal-form words")
    func legalWords() {
        for w in ["hui", "shi", "zhu", "xian", "gong", "you", "a", "s", "z", "de"] { #expect(!LegalForms.words.contains(w), "\(w)") }
        for w in ["limited", "obshchestvo", "joint", "stock", "aktsionernoe"] { #expect(LegalForms.words.contains(w), "\(w)") }
    }

    @Test("a name made only of legal forms keeps them as tokens")
    func onlyLegalForms() {
        #expect(!tokens("Company Limited").isEmpty)
    }

    @Test("abbreviations map to one canonical word")
    func abbreviations() {
        #expect(tokens("Shenzhen Intl Tech Corp") == tokens("Shenzhen International Technology Corporation"))
        #expect(tokens("ABC Imp & Exp Co") == tokens("ABC Import and Export Company"))
        #expect(tokens("Acme Mfg Grp Hldgs") == ["acme", "manufacturing", "group", "holding"])
        #expect(tokens("Acme Int'l Svcs") == ["acme", "international", "service"])
    }

    @Test("Cyrillic transliterates the way the lists romanise it")
    func cyrillic() {
        #expect(tokens("Рособоронэкспорт") == ["rosoboroneksport"])
        #expect(tokens("Шойгу Сергей Кужугетович") == ["shoygu", "sergey", "kuzhugetovich"])
    }

    @Test("Arabic and Han transliterate to Latin letters")
    func arabicAndHan() {
        let arabic = tokens("محمد علي")
        #expect(arabic.count == 2)
        #expect(arabic.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII } })
        #expect(arabic == ["mhmd", "ali"])
        // A company's syllables joined, its business words in English (Lists/names/chinese-words.tsv).
        #expect(tokens("华为技术") == ["huawei", "technology"])
    }

    @Test("person-name order is left to the aligner: both orders give the same token set")
    func reordering() {
        #expect(Set(tokens("ELASHI, Ihsan")) == Set(tokens("Ihsan Elashi")))
    }

    @Test("the one-typo check equals an edit distance of at most one, on every pair of short strings")
    func withinOneEditMatchesEditDistance() {
        var words: [[UInt8]] = [[]]
        var frontier: [[UInt8]] = [[]]
        for _ in 0..<5 {
            frontier = frontier.flatMap { w in [UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "c")].map { w + [$0] } }
            words += frontier
        }
        var differing = 0
        for a in words {
            for b in words {
                let fast = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in TokenSimilarity.withinOneEdit(x, y) } }
                if fast != (TokenSimilarity.editDistance(a, b, limit: 1) <= 1) { differing += 1 }
            }
        }
        #expect(differing == 0)
    }

    @Test("ASCII and general tokenisers agree")
    func asciiTokenizer() {
        for s in ["l.l.c. o'brien & sons", "u.s. a.b.c", "\"quoted\" `x` a.b", "x.", ".a", "a..b", "ab.c", "1.2.3", "a.1", "co.,ltd", "j.-p. a&b&&c"] {
            // The same text with a non-ASCII letter appended takes the general path.
            let general = NameNormalizer.tokenize(s + " é")
            #expect(NameNormalizer.tokenize(s) + ["é"] == general, "\(s)")
        }
    }
}

