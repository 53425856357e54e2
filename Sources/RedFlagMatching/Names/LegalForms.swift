/// Company legal forms across languages, unified into one canonical code each and kept apart
/// from the name's distinctive tokens: "Co., Ltd.", "Company Limited", "有限公司" all become `ltd`,
/// "OOO", "ООО", "Obshchestvo s Ogranichennoy Otvetstvennostyu" become `llc`.
///
/// A legal form is weak evidence: "Huawei Technologies Co., Ltd." and "Huawei Technologies" are
/// the same party for screening, so the forms are removed from the tokens that are scored.
public enum LegalForms {
    /// Canonical code → spellings (Latin or Cyrillic; each is normalised with the same pipeline as
    /// names). Han and Hangul forms are given as their ICU romanisation (股份有限公司 → "gu fen you
    /// xian gong si", 有限公司 → "you xian gong si", 有限责任公司 → "you xian ze ren gong si",
    /// 株式会社 → "zhu shi hui she", 주식회사 → "jusighoesa", 公司 → "gong si") so building the table
    /// never starts ICU's Han transliterator, which costs a fresh process hundreds of milliseconds.
    static let table: [(code: String, spellings: [String])] = [
        ("llc", ["LLC", "L.L.C.", "OOO", "ООО", "Obshchestvo s Ogranichennoy Otvetstvennostyu",
                 "Obshchestvo s Ogranichennoi Otvetstvennostyu", "Общество с ограниченной ответственностью",
                 "Limited Liability Company", "Limited Liability Co", "Ltd Liability Company", "Ltd Liability Co",
                 "Limited Liability", "Liability Company", "Private Limited Liability Company", "Obshchestvo s Ogranichennoy Otvetstvennostiu",
                 "Obshchestvo s Ogranichennoi Otvetstvennostiu", "Tovarystvo z Obmezhenoiu Vidpovidalnistiu", "O.O.O.", "TOV", "ТОВ", "TOO", "ТОО", "LLP", "L.L.P.",
                 "Limited Liability Partnership", "SRL", "S.R.L.", "SARL", "S.A.R.L.", "Sp. z o.o.", "Sp z oo",
                 "d.o.o.", "doo", "Ltda", "FZ-LLC", "FZ LLC"]),
        ("jsc", ["JSC", "AO", "АО", "OAO", "ОАО", "PAO", "ПАО", "PJSC", "ZAO", "ЗАО", "CJSC", "OJSC", "OJSC",
                 "Aktsionernoye Obshchestvo", "Aktsionernoe Obshchestvo", "Акционерное общество",
                 "Otkrytoye Aktsionernoye Obshchestvo", "Открытое акционерное общество",
                 "Zakrytoye Aktsionernoye Obshchestvo", "Закрытое акционерное общество",
                 "Publichnoye Aktsionernoye Obshchestvo", "Публичное акционерное общество",
                 "Joint Stock Company", "Joint-Stock Company", "Public Joint Stock Company",
                 "Closed Joint Stock Company", "Open Joint Stock Company", "Joint Stock Co", "Joint Stock",
                 "Private Joint Stock Company", "Private Joint Stock Corporation", "Public Joint Stock Corporation",
                 "Joint Stock Corporation", "Public JSC", "Private JSC",
                 "Open Joint Stock", "Closed Joint Stock", "Public Joint Stock", "Open AO", "Closed AO", "Open JSC", "Closed JSC",
                 "Otkrytoe Aktsionernoe Obshchestvo", "Zakrytoe Aktsionernoe Obshchestvo", "Publichnoe Aktsionernoe Obshchestvo",
                 "Aktsionernoe Obshestvo", "Aktsionerno Obshchestvo", "J.S.C.", "SAOG", "PJSC", "gu fen you xian gong si", "AD", "A.D.", "PLC", "P.L.C.",
                 "Public Limited Company", "Sirket", "A.S.", "Anonim Sirketi"]),
        ("ltd", ["Ltd", "Ltd.", "Limited", "Co., Ltd.", "Co Ltd", "Company Limited", "Co. Limited", "Pte Ltd",
                 "Pte. Ltd.", "Private Limited", "Pte Co Ltd", "Pte. Co., Ltd.", "Pvt Ltd", "Pvt. Ltd.", "Pty Ltd", "Sdn Bhd", "Sdn. Bhd.",
                 "Bhd", "Berhad", "Sendirian Berhad", "you xian gong si", "you xian ze ren gong si", "zhu shi hui she", "KK", "K.K.",
                 "Yugen Kaisha", "Kabushiki Kaisha", "Chusik Hoesa", "jusighoesa", "Tbk", "PT"]),
        ("fze", ["FZE", "F.Z.E.", "FZCO", "FZC", "F.Z.C.O.", "Free Zone Establishment", "Free Zone Company", "DMCC"]),
        ("gmbh", ["GmbH", "G.m.b.H.", "Gesellschaft mit beschrankter Haftung", "mbH", "GmbH & Co KG", "KG", "OHG", "UG"]),
        ("ag", ["AG", "Aktiengesellschaft", "SE"]),
        ("sa", ["SA", "S.A.", "SAS", "S.A.S.", "SpA", "S.p.A.", "S.A. de C.V.", "SA de CV", "SAB de CV", "SAE", "S.A.E.",
                "Sociedad Anonima", "Societe Anonyme", "NV", "N.V.", "BV", "B.V.", "AB", "Oy", "Oyj", "ASA", "A/S"]),
        ("inc", ["Inc", "Inc.", "Incorporated", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company", "Cie", "Compania",
                 "Companhia", "Kompaniya", "Компания", "Sharikat", "Sherkat", "Shirkat", "gong si"]),
    ]

    /// Every word of every legal-form spelling, normalised ("limited", "liability", "joint",
    /// "stock", "obshchestvo"…) plus the qualifiers that precede them ("public", "open", "closed",
    /// "private"). Left over in a name (a truncated or misspelt form), such a word weighs as
    /// little as the most generic word: it never carries a match.
    ///
    /// Words of fewer than three letters ("a", "s", "z" from "A/S", "Obshchestvo s…", "Sp. z o.o.";
    /// "de" from "S.A. de C.V.") and the syllables of romanised Han and Hangul forms ("zhu shi hui
    /// she", "you xian gong si") are left out: alone they are initials, particles and common
    /// given-name syllables ("Hui", "Shi", "Xian"), which must weigh what any name part weighs.
    public static let words: Set<String> = {
        var out: Set<String> = ["public", "open", "closed", "private", "pte", "pvt", "pty"]
        for (_, spellings) in table {
            for s in spellings where !romanisedSyllables.contains(s) {
                out.formUnion(NameNormalizer.tokenize(NameNormalizer.fold(s)).filter { $0.utf8.count >= 3 })
            }
        }
        return out
    }()

    /// Spellings in `table` that are romanised Han or Hangul syllables: legal forms only as a whole phrase.
    static let romanisedSyllables: Set<String> = [
        "gu fen you xian gong si", "you xian gong si", "you xian ze ren gong si", "zhu shi hui she", "jusighoesa", "gong si",
    ]

    /// Weight of a legal-form word left in a name.
    public static let wordWeight: Float = 0.03

    /// Legal forms people glue to the name ("JSCZALIV", "OOORomashka"): split off as a prefix.
    static let gluedPrefixes = ["ojsc", "cjsc", "pjsc", "jsc", "ooo", "llc"]

    /// Ambiguous short forms that are also common name syllables: only removed at the start
    /// or end of a name ("AO Rosoboronexport", "Renault SA"), never from its middle.
    static let edgeOnly: Set<String> = ["ao", "sa", "ag", "ab", "kg", "nv", "bv", "oy", "ad", "se", "pt", "kk", "ug", "as", "too", "tov", "co", "doo"]
}
