import RedFlagCore

/// Facts besides the name that raise or lower a match, each reported as a `Qualifier` so the
/// explanation says exactly what moved the score.
///
/// Effects (why): a weak ("low quality") alias −0.05, as OFAC says such names are too broad to
/// screen on alone; a different legal-form family −0.02 (weak evidence: forms are often dropped
/// or translated); a different party type −0.10 (a person is not a company of the same name), the
/// same type +0.02; a company (by its legal form) against a listed vessel or aircraft −0.25 (a ship
/// or plane is property, named without a legal form: "Patria Oyj" is not the tanker PATRIA, and its
/// owner, which is, is listed in its own right); the query country among the entry's countries
/// +0.03, absent from them −0.05 (lists omit branch countries, so a mismatch only lowers); a birth year inside the listed span
/// +0.05, more than a year outside every span −0.15 (the strongest disambiguator lists give).
enum Qualifiers {
    static let weakAlias = -0.05
    static let legalFormDiffers = -0.02
    static let typeDiffers = -0.10
    static let typeMatches = 0.02
    static let companyNotCraft = -0.25
    static let countryMatches = 0.03
    static let countryDiffers = -0.05
    static let birthMatches = 0.05
    static let birthDiffers = -0.15
    static let addressBonus = 0.05
    /// The most qualifiers can add to a name score before the address (candidate floors use it).
    static let maximumBonus = typeMatches + countryMatches + birthMatches

    /// `queryNamesCompany`: the query carries a company legal form ("Kone Oyj") or a business word
    /// ("Sorbonne University", "索邦大学"), so, when no type
    /// was given, a listed person, vessel or aircraft is a different type (the penalty only: an inferred type earns no bonus).
    /// `queryPerson`: what makes the query read as a person's (`PersonNameShape.mark`: a given name, a
    /// title, an East Asian name's shape), so, when no type was given, a listed organisation, vessel
    /// or aircraft whose name lacks one of its words is a different type (the penalty only); so is a
    /// party of no stated type whose name carries a legal form or one of `organisationWords`
    /// (`organisationWords(in:)`).
    /// `written`: the name as the user wrote it when `query.name` is one of its romanisations: the
    /// same-script comparison reads the original letters.
    /// `countries`: the listed party's countries (`Matcher.partyCountries`: the entry's and those of
    /// the entries sharing a name with it, `shared` when these added any), asked only when the query states a country.
    static func forName(_ n: Int, entry e: Int, index: MatchIndex, query: ScreeningQuery, written: String? = nil, queryLegalForms: Set<String>,
                        queryNamesCompany: Bool = false, queryPerson: PersonNameShape.Mark? = nil, organisationWords: Set<Int32> = [], birthYears: ClosedRange<Int>?,
                        countries partyCountries: (() -> (countries: [String], shared: Bool))? = nil) -> [Qualifier] {
        var out: [Qualifier] = []
        // Same non-Latin script on both sides: compared in that script too (Names/ScriptComparison.swift).
        let writtenName = written ?? query.name
        if !writtenName.utf8.allSatisfy({ $0 < 0x80 }), let q = ScriptComparison.qualifier(query: writtenName, party: index.names(ofEntryAround: n)) {
            out.append(q)
        }
        if index.strength(name: n) == .weak {
            out.append(Qualifier(name: "weak_alias", effect: weakAlias, detail: "matched a weak (low-quality) alias"))
        }
        let listedForms = index.nameLegalForms[n]
        if !queryLegalForms.isEmpty && !listedForms.isEmpty {
            let listed = Set(listedForms.split(separator: " ").map(String.init))
            if listed.isDisjoint(with: queryLegalForms) {
                out.append(Qualifier(name: "legal_form", effect: legalFormDiffers,
                                     detail: "legal form \(queryLegalForms.sorted().joined(separator: "/")) vs listed \(listed.sorted().joined(separator: "/"))"))
            }
        }
        let entryType = index.type(entry: e)
        if let qt = query.type, qt != .unknown, entryType != .unknown {
            if qt == entryType {
                out.append(Qualifier(name: "type", effect: typeMatches, detail: "type \(qt.rawValue) matches"))
            } else {
                out.append(Qualifier(name: "type", effect: typeDiffers, detail: "type \(qt.rawValue) vs listed \(entryType.rawValue)"))
            }
        } else if (queryNamesCompany && (entryType == .person || entryType == .vessel || entryType == .aircraft)
                    && !(queryLegalForms.isEmpty && entryType != .person && names(n, index: index, holdAll: NameNormalizer.normalize(query.name).tokens)))
                    || (entryType == .person && !queryLegalForms.isEmpty && listedForms.isEmpty) {
            // A vessel or aircraft is named without a legal form (its owner carries one): "Magnolia
            // Marine Limited" is not the ship MAGNOLIA. A business word of the ship's own name names no
            // company: "Saint Light" typed whole is the tanker SAINT LIGHT ("light" names industries
            // too). A short form that may be a name's syllable ("SA", "AB", read as a form at the
            // name's edge only) names a company too when the listed person's name ends in no such
            // syllable: "Safran SA" is not "Anna ŠAFRAN".
            let why = queryLegalForms.isEmpty ? "a business word" : "legal form \(queryLegalForms.sorted().joined(separator: "/"))"
            out.append(Qualifier(name: "type", effect: entryType == .person ? typeDiffers : companyNotCraft,
                                 detail: "\(why) names a company; listed party is a \(entryType.rawValue)"))
        } else if let person = queryPerson,
                  entryType == .entity || entryType == .vessel || entryType == .aircraft
                    || (entryType == .unknown && (!listedForms.isEmpty || holdsAny(n, of: organisationWords, index: index))),
                  !names(n, index: index, holdAll: person.words) {
            // An organisation named with that very given name ("ANSAR AL-ISLAM") may be what was meant. A
            // party the list gives no type is an organisation when its name carries a legal form or a word
            // of bodies ("Hui Tong Business Ltd.", "Hefei Institute of Electronic Engineering"). A ship is
            // no person either: "Jeong Young-ho" is not the tanker SAINT LIGHT's other name YOUNG YONG,
            // while a ship named for the person ("AMIR KABIR") bears the name whole.
            let listed = entryType == .entity ? "listed party is an organisation"
                : entryType == .vessel || entryType == .aircraft ? "listed party is a \(entryType.rawValue)"
                : "listed name is an organisation's (legal form or business word)"
            out.append(Qualifier(name: "type", effect: typeDiffers,
                                 detail: "a person's name (\(person.why), no business word); \(listed)"))
        }
        if let qc = query.country?.uppercased(), !qc.isEmpty {
            let (countries, shared) = partyCountries?() ?? (index.countries(entry: e), false)
            if !countries.isEmpty {
                if countries.contains(qc) {
                    out.append(Qualifier(name: "country", effect: countryMatches, detail: "country \(qc) matches"))
                } else {
                    let whose = shared ? " (this entry and the entries listing the same name)" : ""
                    out.append(Qualifier(name: "country", effect: countryDiffers, detail: "country \(qc) not among listed \(countries.joined(separator: ","))\(whose)"))
                }
            }
        }
        if let span = birthYears {
            let listed = index.birthYears(entry: e)
            if !listed.isEmpty {
                let describe = listed.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ", ")
                if listed.contains(where: { $0.overlaps(span) }) {
                    out.append(Qualifier(name: "date_of_birth", effect: birthMatches, detail: "birth year \(span.lowerBound) within listed \(describe)"))
                } else if !listed.contains(where: { ($0.lowerBound - 1)...($0.upperBound + 1) ~= span.lowerBound }) {
                    out.append(Qualifier(name: "date_of_birth", effect: birthDiffers, detail: "birth year \(span.lowerBound) outside listed \(describe)"))
                }
            }
        }
        return out
    }

    /// The name vocabulary's words of bodies: generic words ("institute", "bank": `CommonWords.generic`),
    /// legal-form words and the abbreviations' full words. A listed name of no stated type holding one, or a
    /// legal form, reads as an organisation's; titles do not count ("General" names a person).
    static func organisationWords(in space: TokenSpace) -> Set<Int32> {
        Set((CommonWords.generic.union(LegalForms.words).union(Matcher.businessWords)).compactMap { space.id(of: Array($0.utf8)) })
    }

    /// Whether listed name n holds one of the vocabulary words `ids`.
    static func holdsAny(_ n: Int, of ids: Set<Int32>, index: MatchIndex) -> Bool {
        !ids.isEmpty && index.names.documentRange(n).contains { ids.contains(index.names.documentTokens[$0]) }
    }

    /// Whether listed name `n` holds every one of `words` as a word of its own, or holds them joined
    /// as one ("Hua Wei" for HUAWEI): an organisation named after the person, or the organisation's
    /// name written apart. Its own words, not the syllables the index also files a long word under
    /// (ZHUHAI: zhu, hai).
    static func names(_ n: Int, index: MatchIndex, holdAll words: [String]) -> Bool {
        if words.count == 1 { return names(n, index: index, contain: words[0]) }
        let own = Set(NameNormalizer.fold(index.nameText[n]).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        return words.allSatisfy(own.contains) || own.contains(words.joined())
    }

    /// Whether listed name n holds `token` as one of its words.
    static func names(_ n: Int, index: MatchIndex, contain token: String) -> Bool {
        guard let id = index.names.id(of: Array(token.utf8)) else { return false }
        return index.names.documentRange(n).contains { index.names.documentTokens[$0] == id }
    }
}
