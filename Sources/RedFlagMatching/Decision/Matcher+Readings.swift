import RedFlagCore

extension Matcher {
    /// Screens `query` with its name as romanised by default and, for a name in a non-Latin
    /// script that romanises several ways (Ukrainian read with Russian letter values, Hangul in
    /// Revised Romanization, Arabic script with its vowel letters), in each other reading too,
    /// keeping each entry's best match. Every reading of a non-Latin name is also compared
    /// phonetically with the listed tokens (`PhoneticComparison`), as romanised from the name's
    /// script. Latin names are screened once, but for the few read another way too (an Arabic
    /// article joined, a diacritic's sound, an organisation's words in English).
    ///
    /// A Hangul or Han name is compared so only in its foreign-name reading (whole words): its
    /// other readings set a Korean or Chinese name's syllables apart, and a syllable ("ji", "men")
    /// sounds like too many listed words.
    func screenReadings(_ query: ScreeningQuery) -> ScreeningResult {
        guard Transliterator.needsTransliteration(query.name) else {
            // "Abd al-Lahi" is also read "Abdallahi" (`ArticleCompounds`), "el-Şam" "el-Sham"
            // (`DiacriticSounds`): a second screen for the few Latin names that need one.
            // "Banque commerciale de Syrie" is also read in English ("Bank Commercial Syria", `BusinessWords`).
            let joined = ArticleCompounds.joined(query.name), sounded = DiacriticSounds.sounded(query.name)
            let translated = BusinessWords.latinReadings(query.name)
            // "Ngô Anh Kiệt" is also read "wu yingjie": a Chinese name the Vietnamese press writes (`HanVietNames`).
            let hanViet = query.type == nil || query.type == .person || query.type == .unknown ? HanVietNames.readings(query.name) : []
            guard joined != nil || sounded != nil || !translated.isEmpty || !hanViet.isEmpty else {
                // A country word in an organisation's name ("Russian United Shipbuilding Corporation", `countryWordMatches`).
                let dropped = countryWordMatches(query, readings: [query.name])
                return dropped.isEmpty ? screenOnce(query) : merged(query, [screenOnce(query).matches] + dropped)
            }
            let others = [joined, sounded, sounded.flatMap(ArticleCompounds.joined)].compactMap { $0 } + translated + hanViet
            return merged(query, [screenOnce(query).matches] + others.map { name in
                var alternative = query
                alternative.name = name
                let translation = translated.contains(name)
                let matches = screenOnce(alternative, translatedFrom: translation ? query.name : nil).matches
                // A reading of a body's kind alone ("Physical Technical Federal Institute" for "Physikalisch-Technische
                // Bundesanstalt") has no name to bear a word the listed name lacks: a word of its own beside a listed name
                // met whole (INSTITUTE OF TECHNICAL PHYSICS) is a body of another kind. Where both keep a word unpaired,
                // the two are the translation's other sense ("Institution" for ESTABLISHMENT).
                guard translation, BusinessWords.namesKindAlone(name) else { return matches }
                return matches.filter { m in
                    !m.explanation.tokens.contains { $0.query != nil && $0.matched == nil }
                        || m.explanation.tokens.contains { $0.query == nil }
                }
            } + countryWordMatches(query, readings: [query.name] + others))
        }
        let source = PhoneticComparison.Source(name: query.name)
        // A Chinese name in Palladius Cyrillic ("Си Цзиньпин") is read as Chinese only: its Russian
        // readings are no one's name and sound like others (`PalladiusCyrillic.chineseOnly`).
        if source == .cyrillic, let chinese = PalladiusCyrillic.chineseOnly(query.name) {
            var alternative = query
            alternative.name = chinese
            return merged(query, [screenOnce(alternative, origin: query.name, phonetic: false).matches])
        }
        let foreign = Transliterator.romanise(query.name, .foreignName)
        let transcribed = source == .han ? Transliterator.romanise(query.name, .transcribedName) : foreign
        let phonetic = { (reading: String) in source != .hangul && source != .han || reading == foreign || reading == transcribed }
        let first = screenOnce(query, phonetic: phonetic(Transliterator.toLatin(query.name)))
        var readings = Transliterator.alternativeReadings(query.name).map { ($0, phonetic($0), query.name) }
        // A name read as Serbian or Croatian (`SouthSlavicCyrillic`) is that language's only for a party of those
        // countries (or of no stated country, named so: `SouthSlavicCyrillic.isParty`): the EU writes Russian names in a
        // scholarly romanisation that reading also gives ("Dmitrij Julianovič"), and a Russian given name and patronymic
        // are no Serbian name. Only where no other reading gives it.
        let slavic = source == .cyrillic ? SouthSlavicCyrillic.reading(query.name).flatMap { r in
            r == Transliterator.toLatin(query.name) || readings.contains { $0.0 == r } ? nil : r
        } : nil
        readings += otherLanguageReadings(query.name).filter { r in !readings.contains { $0.0 == r.0 } }
        let dropped = countryWordMatches(query, readings: [Transliterator.toLatin(query.name)] + readings.map(\.0))
        guard !readings.isEmpty || !dropped.isEmpty else { return first }
        // A Han name read as a Korean one (`HanNameReadings.korean`, 金正恩 "kim jong un") is a person's
        // name of three syllables: a listed name that meets only some of them, not the surname, is
        // no reading of it ("蒋雨建" read "jang u kon" is no LLC UKON).
        let korean = Set(HanNameReadings.korean(query.name))
        return merged(query, [first.matches] + readings.map { reading, phonetic, origin in
            var alternative = query
            alternative.name = reading
            let matches = screenOnce(alternative, origin: origin, phonetic: phonetic).matches
            if reading == slavic { return matches.filter(SouthSlavicCyrillic.isParty) }
            return korean.contains(reading) ? matches.filter { m in !m.explanation.tokens.contains { $0.query != nil && $0.matched == nil } } : matches
        } + dropped)
    }

    /// One result over several readings of `query`: each party's best-scoring match (the first
    /// reading's on a tie). The policy takes the verdict over every match and trims only the
    /// display, as for one reading.
    private func merged(_ query: ScreeningQuery, _ readings: [[ScreeningMatch]]) -> ScreeningResult {
        var best: [String: ScreeningMatch] = [:]
        for matches in readings {
            for m in matches where (best[m.id]?.score ?? -1) < m.score { best[m.id] = m }
        }
        return configuration.policy.result(query, matches: Array(best.values), limit: configuration.limit)
    }

    /// Readings of a non-Latin name in the language it may be written in rather than the one its
    /// script suggests, each with whether to compare its tokens by sound: business words in
    /// English ("طيران ماهان" → "air mhn", then read as usual), a Han-written name read as Korean
    /// (金正恩 → "kim jong un") or Japanese when the lists know both its parts (山田太郎 → "yamada
    /// taro"), an Arabic-script compound given name split (محمدجواد → "mhmd jwad", `CompoundGivenNames`), words
    /// run together after a letter that does not join split (ناصرملکی → "nasr mlki", `UnjoinedLetters`),
    /// a Korean name in Russian Cyrillic read as Korean (`KoreanCyrillic`), a Chinese name in Hangul
    /// read as pinyin (`KoreanPinyin`), a Serbian or Croatian name in Russian Cyrillic in its own Latin letters
    /// (`SouthSlavicCyrillic`), a North Korean name in the South's spelling with the North's initial sounds
    /// (`KoreanInitialSounds`), a Myanmar name in any script read as its syllables (`BurmeseNames`).
    /// Korean and Japanese readings are exact syllables, not compared by sound. Each reading comes
    /// with the text it was read from: the name, or the name with its words split, whose words the
    /// reading's tokens follow one for one (`ArabicVowelFrame` reads each token's word).
    func otherLanguageReadings(_ name: String) -> [(String, Bool, String)] {
        var out: [(String, Bool, String)] = []
        let source = PhoneticComparison.Source(name: name)
        for translated in BusinessWords.readings(name) + (Self.nonJoinerSpaced(name).map(BusinessWords.readings) ?? []) {
            let foreign = Transliterator.romanise(translated, .foreignName)
            for reading in [Transliterator.toLatin(translated), foreign] where !out.contains(where: { $0.0 == reading }) {
                out.append((reading, source != .hangul && source != .han || reading == foreign, name))
            }
        }
        if source == .arabic {
            for split in [CompoundGivenNames.split(name), UnjoinedLetters.split(name), Self.nonJoinerSpaced(name)].compactMap({ $0 }) {
                for reading in [Transliterator.toLatin(split), Transliterator.romanise(split, .foreignName)] where !out.contains(where: { $0.0 == reading }) {
                    out.append((reading, true, split))
                }
            }
        }
        // A Korean name in Russian Cyrillic ("Чхве Рён Хэ" → "choe ryon hae"), compared by sound like
        // the name's other Cyrillic readings.
        if source == .cyrillic, let korean = KoreanCyrillic.reading(name), !out.contains(where: { $0.0 == korean }) {
            out.append((korean, true, name))
        }
        // A Serbian or Croatian name in Russian Cyrillic ("Желька Цвиянович" → "zeljka cvijanovic"), read in the
        // folded Latin letters of its language, as the lists write it (`SouthSlavicCyrillic`), by sound too.
        if source == .cyrillic, let latin = SouthSlavicCyrillic.reading(name), !out.contains(where: { $0.0 == latin }) {
            out.append((latin, true, name))
        }
        // A South Korean name as its owner spells it in English ("박지성" → "park ji sung", `KoreanPopularNames`):
        // by spelling only, as the name's other Hangul readings that set its syllables apart.
        if source == .hangul, let popular = KoreanPopularNames.reading(name), !out.contains(where: { $0.0 == popular }) {
            out.append((popular, false, name))
        }
        // A Korean name in Japanese katakana ("パク・ヨンシク" → "pak yon sik"), by sound as well.
        if source == .kana, let korean = KoreanKatakana.reading(name), !out.contains(where: { $0.0 == korean }) {
            out.append((korean, true, name))
        }
        // A Chinese name in Russian Cyrillic ("Си Цзиньпин" → "xi jinping"): pinyin syllables, exact
        // like the Han readings.
        if source == .cyrillic, let chinese = PalladiusCyrillic.reading(name), !out.contains(where: { $0.0 == chinese }) {
            out.append((chinese, false, name))
        }
        // A North Korean name as the South writes it ("이재일" → "ri jae il", `KoreanInitialSounds`): exact
        // syllables, like the name's own Korean reading.
        if source == .hangul, let northern = KoreanInitialSounds.northern(name) {
            let reading = Transliterator.toLatin(northern)
            if !out.contains(where: { $0.0 == reading }) { out.append((reading, false, name)) }
        }
        // A Chinese name in Hangul by its Chinese sound ("왕쥔정" → "wang junzheng"): pinyin syllables,
        // exact like the Han readings.
        if source == .hangul {
            for chinese in KoreanPinyin.readings(name) where !out.contains(where: { $0.0 == chinese }) {
                out.append((chinese, false, name))
            }
        }
        // A Myanmar name written by sound ("Маун Маун Чжо" → "maung maung kyaw", `BurmeseNames`): its syllables as
        // the lists write them, compared by spelling like the other syllable readings.
        for burmese in BurmeseNames.readings(name) where !out.contains(where: { $0.0 == burmese }) {
            out.append((burmese, false, name))
        }
        // A North Korean organisation in Han characters ("朝鲜连峰总公司" → "Korea ryonbong General Corporation",
        // `NorthKoreanHan`): exact syllables, like the other Korean readings.
        if source == .han {
            for reading in NorthKoreanHan.readings(name) where !out.contains(where: { $0.0 == reading }) {
                out.append((reading, false, name))
            }
        }
        if source == .han {
            let names = index.names
            for reading in HanNameReadings.korean(name) + HanNameReadings.japanese(name, listed: { names.id(of: Array($0.utf8)) != nil })
            where !out.contains(where: { $0.0 == reading }) {
                out.append((reading, false, name))
            }
        }
        return out
    }

    /// `name` with each zero-width non-joiner read as a space, or nil when it has none. Persian
    /// writes the parts of a compound with it, one word to the eye but two to the lists
    /// ("خاتم‌الانبیا" is KHATAM AL-ANBIYA); the romanisation drops it and glues the parts.
    static func nonJoinerSpaced(_ name: String) -> String? {
        guard name.unicodeScalars.contains(where: { $0.value == 0x200C }) else { return nil }
        return String(String.UnicodeScalarView(name.unicodeScalars.map { $0.value == 0x200C ? " " : $0 }))
    }
}
