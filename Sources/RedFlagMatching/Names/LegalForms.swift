/// Company legal forms across languages, unified into one canonical code each and kept apart
/// from the name's distinctive tokens: "Co., Ltd.", "Company Limited", "有限公司" all become `ltd`,
/// "OOO", "ООО", "Obshchestvo s Ogranichennoy Otvetstvennostyu" become `llc`.
///
/// A legal form is weak evidence: "Huawei Technologies Co., Ltd." and "Huawei Technologies" are
/// the same party for screening, so the forms are removed from the tokens that are scored.
public enum LegalForms {
    /// Canonical code → spellings (any script; each is normalised with the same pipeline as names).
    static let table: [(code: String, spellings: [String])] = [
        ("llc", ["LLC", "L.L.C.", "OOO", "ООО", "Obshchestvo s Ogranichennoy Otvetstvennostyu",
                 "Obshchestvo s Ogranichennoi Otvetstvennostyu", "Общество с ограниченной ответственностью",
                 "Limited Liability Company", "Limited Liability Co", "TOV", "ТОВ", "TOO", "ТОО", "LLP", "L.L.P.",
                 "Limited Liability Partnership", "SRL", "S.R.L.", "SARL", "S.A.R.L.", "Sp. z o.o.", "Sp z oo",
                 "d.o.o.", "doo", "Ltda", "FZ-LLC", "FZ LLC"]),
        ("jsc", ["JSC", "AO", "АО", "OAO", "ОАО", "PAO", "ПАО", "PJSC", "ZAO", "ЗАО", "CJSC", "OJSC", "OJSC",
                 "Aktsionernoye Obshchestvo", "Aktsionernoe Obshchestvo", "Акционерное общество",
                 "Otkrytoye Aktsionernoye Obshchestvo", "Открытое акционерное общество",
                 "Zakrytoye Aktsionernoye Obshchestvo", "Закрытое акционерное общество",
                 "Publichnoye Aktsionernoye Obshchestvo", "Публичное акционерное общество",
                 "Joint Stock Company", "Joint-Stock Company", "Public Joint Stock Company",
                 "Closed Joint Stock Company", "Open Joint Stock Company", "股份有限公司", "AD", "A.D.", "PLC", "P.L.C.",
                 "Public Limited Company", "Sirket", "A.S.", "Anonim Sirketi"]),
        ("ltd", ["Ltd", "Ltd.", "Limited", "Co., Ltd.", "Co Ltd", "Company Limited", "Co. Limited", "Pte Ltd",
                 "Pte. Ltd.", "Private Limited", "Pvt Ltd", "Pvt. Ltd.", "Pty Ltd", "Sdn Bhd", "Sdn. Bhd.",
                 "Bhd", "Berhad", "Sendirian Berhad", "有限公司", "有限责任公司", "有限責任公司", "株式会社", "KK", "K.K.",
                 "Yugen Kaisha", "Kabushiki Kaisha", "Chusik Hoesa", "주식회사", "Tbk", "PT"]),
        ("fze", ["FZE", "F.Z.E.", "FZCO", "FZC", "F.Z.C.O.", "Free Zone Establishment", "Free Zone Company", "DMCC"]),
        ("gmbh", ["GmbH", "G.m.b.H.", "Gesellschaft mit beschrankter Haftung", "mbH", "GmbH & Co KG", "KG", "OHG", "UG"]),
        ("ag", ["AG", "Aktiengesellschaft", "SE"]),
        ("sa", ["SA", "S.A.", "SAS", "S.A.S.", "SpA", "S.p.A.", "S.A. de C.V.", "SA de CV", "SAB de CV", "SAE", "S.A.E.",
                "Sociedad Anonima", "Societe Anonyme", "NV", "N.V.", "BV", "B.V.", "AB", "Oy", "Oyj", "ASA", "A/S"]),
        ("inc", ["Inc", "Inc.", "Incorporated", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company", "Cie", "Compania",
                 "Companhia", "Kompaniya", "Компания", "Sharikat", "Sherkat", "Shirkat", "公司"]),
    ]

    /// Ambiguous two-letter forms that are also common name syllables: only removed at the start
    /// or end of a name ("AO Rosoboronexport", "Renault SA"), never from its middle.
    static let edgeOnly: Set<String> = ["ao", "sa", "ag", "ab", "kg", "nv", "bv", "oy", "ad", "se", "pt", "kk", "ug", "as", "too", "tov", "co", "doo"]
}
