import Foundation
import RedFlagCore
import RedFlagKit
import Testing
@testable import RedFlagMatching

/// Second-opinion probes (`Data/probes/`): listed parties the evaluation set does not hold, written
/// in other scripts as the press writes them, well-known unlisted organisations and public figures,
/// all written after the set was fixed. They show whether what the set measures carries over; their misses
/// were read, so they are development figures. Skipped without the real lists.
@Suite("Second-opinion probes", .enabled(if: EvaluationContext.available))
struct ProbeTests {
    static let directory = EvaluationContext.evaluationDirectory.appendingPathComponent("Data/probes")

    /// Rows of a probe file: tab-separated fields, comments and blank lines left out.
    static func rows(_ name: String) throws -> [[String]] {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The share of `names` (each on no list) whose screen is not CLEAR; the alerts printed.
    static func falseAlarmRate(_ probe: String, names: [String]) throws -> Double {
        let engine = try EvaluationContext.get().engine
        var alerts: [String] = []
        for name in names {
            let result = engine.screen(ScreeningQuery(name: name))
            if result.decision != .clear, let top = result.matches.first { alerts.append("\(name) → \(top.matchedName) \(String(format: "%.3f", top.score))") }
        }
        let rate = Double(alerts.count) / Double(names.count)
        print("probe \(probe): \(alerts.count) false alarms of \(names.count) = \(String(format: "%.4f", rate)); \(alerts.joined(separator: "; "))")
        return rate
    }

    @Test("press spellings in other scripts of listed parties outside the set: found")
    func pressSpellings() throws {
        let engine = try EvaluationContext.get().engine
        let rows = try Self.rows("press-spellings.tsv")
        var found = 0, misses: [String] = []
        for row in rows {
            try #require(row.count == 3, "press-spellings.tsv: three fields expected in \(row)")
            // The listed party: every entry the Latin anchor finds as itself.
            let listed = Set(engine.screen(ScreeningQuery(name: row[2])).matches.filter { $0.score >= 0.9 }.map(\.name))
            try #require(!listed.isEmpty, "press-spellings.tsv: the anchor '\(row[2])' finds no listed party")
            let result = engine.screen(ScreeningQuery(name: row[1]))
            if result.matches.contains(where: { $0.decision != .clear && listed.contains($0.name) }) { found += 1 } else { misses.append("\(row[0]) \(row[1]) (\(row[2]))") }
        }
        let rate = Double(found) / Double(rows.count)
        print("probe press spellings: \(found)/\(rows.count) = \(String(format: "%.3f", rate)); misses: \(misses.joined(separator: "; "))")
        // 57 of 68 on 2026-12-04 (through `redflag screen` over the six imported lists: 56 before the day's
        // round, 58 after it); the misses left are Chinese brand names
        // and translations (中芯国际 for SMIC, 基地组织 for al-Qaida) and four personal names. With the twelfth round's
        // 181 spellings of 70 more parties (2026-12-05), 228 of 249; the new misses are translations (俄罗斯航空 for
        // Aeroflot, 哈尔滨工业大学 for Harbin Institute of Technology), brands (商汤科技 SenseTime) and three names.
        // With the thirteenth round's 402 spellings of 90 more parties (2026-12-05; 287 of 402 found when they were
        // written, 328 after the round's business words, transcription letters and katakana Korean names), 559 of 651
        // by `redflag screen`; the misses left are translations and brand names (俄罗斯联合造船集团, 中广核), Burmese
        // names and a few persons. With the fourteenth round's 399 spellings of 120 more parties (2026-12-05; 305 of
        // 399 found when they were written, 313 after the round's assimilated article, press readings one letter from
        // the listed spelling and Chinese names in Hangul, 338 after 1,675 more business words, drafted with these
        // misses in view, so the 338 is a development figure; 339 with Persian -vi), 901 of 1,050; most misses left are organisation names
        // translated into French or German (no Latin-script business words), brand names and a few persons. With the
        // fifteenth round's 410 spellings of 74 more parties (2026-12-05; 340 of 415 found when they were written, 349
        // after the round's Latin and other business words, Hindi schwa and country adjectives), 1,260 of 1,460; the
        // misses left are organisation names in translation or by brand (山口組 Yamaguchi-gumi, 中芯国际), Japanese
        // names in kanji and a few persons. With the sixteenth round's 331 spellings of 45 more parties (2026-12-05; 260
        // found when written, 268 after the round's sound splits, glued article, Hebrew letters, the English-spelt
        // country and the political and state vocabulary), 1,535 of 1,791: the new misses are mostly organisation names
        // translated word for word and Japanese names in kanji. With the seventeenth round's 333 spellings of 35 more
        // parties (2026-12-05; 288 found when written, 297 after the round's Hebrew medial alef, Turkish e, Chinese titles,
        // unsounded final r and Spanish ll), 1,841 of 2,124. With the eighteenth round's 310 spellings of 40 more parties
        // (238 found when written, 248 after the round's kind words, Polish and Czech spellings and the silent coda r)
        // and 318 of 40 more persons (270 when written, 283 after the round's Persian v, South Slavic final c and
        // French silent t; 167 → 178 of 187 in the half whose misses were read, 103 → 105 of 131 in the other), 2,385
        // of 2,752. With the nineteenth round's 264 spellings of 35 more parties (206 found when written, 208 after the
        // round's article on the head, "Abdul Rahman" for "Abd al-Rahman"; the misses left are names translated word for
        // word, Burmese names and a daughter named without her father's name), 2,593 of 3,016. With the twentieth round's
        // 292 spellings of 37 more parties (2026-12-06; 246 of 299 found through `redflag screen` when written, 251 after
        // the round's place adjectives and Arabic ng; 244 of 292 here), 2,842 of 3,308: the misses left are organisation
        // names translated (万寿台海外开发会社, 조선민족보험총회사), Burmese names and English names in katakana. With the
        // twenty-first round's 274 spellings of 30 more parties (2026-12-06; 195 found when written, 197 after the round's
        // Arabic letters and final q; most misses are organisation names translated word for word and Burmese names),
        // 3,043 of 3,582; the twenty-second round's three business words, loanwords and letters kept apart took it to
        // 3,060. With that round's 285 spellings of 45 more parties (2026-12-06; 238 found when written, 240 after the
        // round: most misses are Burmese names and Chinese companies by their short names), 3,300 of 3,867; 3,331 after the
        // round's Myanmar syllables in other scripts and in Burmese script (255 of the round's 285). With the twenty-third
        // round's 352 spellings of 65 more parties (2026-12-06; 239 found through `redflag screen` when written, 246 after
        // the round's Serbian and Macedonian Cyrillic, katakana va and Cyrillic w; most misses left are organisation
        // names translated word for word and Balkan names in Russian), 3,577 of 4,219. With the twenty-fourth round's 362
        // spellings of 69 more parties (2026-12-06; 279 found through `redflag screen` when written, 302 after the round's
        // country in a company's name, North Korean names in Han, business words, German and Polish spellings and
        // Japanese kun stems; most misses left are Chinese and Korean names of academies and universities), 3,926 of
        // 4,581 (counted as this test counts, through `redflag screen`). With the twenty-fifth round's 397 spellings of 95
        // more parties (2026-12-06; 310 found through `redflag screen` when written, 328 after the round's places written
        // otherwise, adjectives read as nouns, Sino-Korean words and words of research bodies, a draft prompted in part by
        // this probe's missed words, so not an independent gain; most misses left are Sino-Vietnamese readings of Chinese
        // names and organisations translated beyond the tables), 4,266 of 4,978.
        #expect(rate >= 0.84)
    }

    @Test("unlisted people and brands written in other scripts: no false alarm")
    func pressNegatives() throws {
        let rows = try Self.rows("press-negatives.tsv")
        try #require(rows.allSatisfy { $0.count == 3 }, "press-negatives.tsv: three fields expected")
        let rate = try Self.falseAlarmRate("press negatives", names: rows.map { $0[1] })
        // 52 of 335 when written (2026-12-05), 41 after the thirteenth round (one sound-alike word under 0.9, a
        // listed word of three letters met exactly, the letters Arabic and Hangul write apart); those left are
        // mostly namesakes in Arabic script (محمد صلاح / SALEH MOHAMMAD, عمر الشريف / AL-SHARIF) and brand names
        // transcribed into Chinese or katakana that sound like a short listed name (麦当劳 / TANGO, ファイザー / Faiza).
        // The fourteenth round's Arabic-script vowel rule took them to 28; with its 125 native-script renderings of
        // people and organisations sharing a name with listed parties (2026-12-05; 23 of 125 alerted when written,
        // 20 after the round, "رادیو فردا" / FRD among them), 50 of 460. With the fifteenth round's 240 renderings of
        // ordinary people and organisations (2026-12-05; 37 alerted when written, 25 after the round), 67 of 700: mostly exact or near
        // namesakes of listed persons (Алексей Петров, "أحمد محمود عبدالله") and brand names heard in another language
        // (美的 Midea / MEHDI GROUP). With the sixteenth round's 370 (2026-12-05; 26 alerted when written, 25 after the
        // round), 85 of 1,070; the round's rules (the listed word met by sound beside the customer's own, generic words
        // in any script, the glide y, Indic letters) took 7 of the earlier 700 off. With the seventeenth round's 353
        // (2026-12-05; 24 alerted when written, 21 after the round: the Hebrew medial alef took Lang Lang / HAILIN LIN off).
        // With the eighteenth round's 356 (2026-12-05; 36 alerted when written, 26 after the round's reversed compound
        // names, the unvowelled h and the given-names-only rule in every script), 129 of 1,779. The nineteenth round's
        // East Asian syllable rules took ten of those off; with its 355 more (17 alerted when written, 14 after), 133 of 2,134.
        // With the twentieth round's 359 (2026-12-06), chosen to share common name parts with listed persons, many of
        // them exact namesakes alerted by design (علی کریمی / KARIMI, Ali; Александр Иванов / Alexandr IVANOV; 54
        // alerted when written, 53 after the round's Han syllables, Indic sh and Arabic ng), 188 of 2,493. With the
        // twenty-first round's 363 (2026-12-06; 41 alerted when written and after: Andrei Sakharov / ZAKHAROV, Andrey,
        // Aamir Khan / Motaqi Amir Khan), 230 of 2,856; the twenty-second round's letters kept apart and opening alif
        // took four off (226). With that round's 380 (2026-12-06; 38 alerted when written, 35 after: Tan Dun / Than
        // Tun, Oscar D'León / MALHERBE DELEON, Oscar), 261 of 3,236. With the twenty-third round's 380 (2026-12-06; 47
        // alerted when written, 44 after the round's kana stops: スバル / SPAR; most left are Korean and Chinese names
        // against listed ones of like sound, 이상혁 / RI, Song-hyok), 299 of 3,616, the round's kana stops taking others off.
        // With the twenty-fourth round's 373 (2026-12-06; 23 alerted when written and after: Карим / Haji KARIM, Шеин /
        // SHEIN, Andrey), 321 of 3,989. With the twenty-fifth round's 392 (2026-12-06; 18 alerted when written, 17 after
        // the round's syllable letters: イ・セドル / IBRAHIM, Sadr no longer; Авито / Aviton, Хасан Роухани / HASAN
        // DUKHAN left), 339 of 4,381.
        #expect(rate <= 0.10)
    }

    @Test("well-known unlisted organisations: no false alarm")
    func organisations() throws {
        let rate = try Self.falseAlarmRate("organisations", names: Self.rows("organisations.tsv").map { $0[0] })
        // None of 316 on 2026-12-04 after the day's round (3 before: Safran SA, Saab AB, Roche Holding AG); with the
        // second batch of 202, 3 of 518 (IndiGo / INDIGO 3D, Tata Steel / a person's alias TATA, Public Bank Berhad / BM BANK).
        // With the twelfth round's 633 more (2026-12-05), 21 of 1,693 = 1.24 %: the new ones are mostly a listed
        // name with generic words dropped (NEC Corporation / NEC ENGINEERS PRIVATE, Iron Mountain / IRON MOUNTAIN
        // ENTERPRISES), which the dropped-generic class asks to find. With the thirteenth round's 800 (2026-12-05; 13 of
        // them alerted when written, 9 after the round: Sunway Berhad / SUNWAY TECH, Otto GmbH / OTTO), 30 of 2,493. With the
        // fourteenth round's 200 (2026-12-05, names holding words common on the lists: National, Trading, Shipping), 31
        // of 2,693 (Avolon / AVILON). With the fifteenth round's 230 (2026-12-05, with their legal forms), 31 of 2,923
        // (United Electronics Company / UNITED ELECTRONICS GROUP COMPANY); OFAC's weak aliases now weak in the CSL's
        // copy of its entries took Tata Steel / TATA and NICE Ltd / EL NICE off. With the sixteenth round's 1,200 of
        // eight regions (2026-12-05; 18 alerted when written and after the round: mostly generic words with a place,
        // Korea Development Bank / KOREA UNITED DEVELOPMENT BANK, and brand words of listed names, Cielo S.A. / CIELO
        // MARITIME), 48 of 4,123; an organisation on one part of a person's name took Weibo Corporation / Xu Weibo off.
        // With the seventeenth round's 1,196 of 71 countries (2026-12-05; 25 alerted when written, 18 after the round's
        // sector words, a country of the customer's own and a business word naming a company), 65 of 5,319. With the
        // eighteenth round's 1,130 more of 107 countries (2026-12-05; 12 alerted when written and after the round:
        // Asyad Group / ASYAF GROUP, National Sun Yat-sen University / SUN YAT-SEN UNIVERSITY), 77 of 6,449. With the
        // nineteenth round's 1,200 more of 50 countries (9 alerted when written, 7 after the round's place of
        // registration: Henan Polytechnic University / NORTHWEST POLYTECHNIC UNIVERSITY), 83 of 7,649. With the twentieth
        // round's 1,200 of 77 countries, mostly local subsidiaries of multinationals (2026-12-06; 6 alerted when written,
        // 4 after the round's regions and legal-form typos: Ukrainian Railways / THE RAILWAYS OF CRIMEA, Yusen Logistics
        // / K LOGISTICS HONG KONG), 87 of 8,849. With the twenty-first round's 1,200 of 81 countries (2026-12-06; 9
        // alerted when written and after: Asyad Group / ASYAF GROUP), 96 of 10,049. With the twenty-second round's 1,200
        // of 82 countries (2026-12-06; 1 alerted when written and after: Khaleeji Bank / AL-KHALEEJ BANK), 97 of 11,249.
        // The twenty-third round's generic names told apart by their words together took three off (Software AG /
        // SOFTWARE RESEARCH INSTITUTE); with its 1,243 of 73 countries (2026-12-06; 19 alerted when written, 17 after:
        // Shenzhen Investment Holdings / INTERNATIONAL INVESTMENTS HOLDING no longer), 111 of 12,492. With the
        // twenty-fourth round's 1,256 of 40 countries (2026-12-06; 9 alerted when written, 10 after: Centro de Estudios
        // Científicos / SCIENTIFIC STUDIES RESEARCH CENTRE, three business words read in English), 121 of 13,748. With the
        // twenty-fifth round's 1,217 of 29 countries (2026-12-06; 5 alerted when written and after: Componenta Oyj /
        // KOMPONENTA AO, Transnafta / TRANSNEFT), 128 of 14,965: two older ones alerted by the round's adjectives read as
        // nouns (Universidad Tecnológica Nacional / NATIONAL UNIVERSITY OF DEFENSE TECHNOLOGY).
        #expect(rate <= 0.013)
    }

    @Test("public figures of many countries on no list: no false alarm")
    func persons() throws {
        let names = try Self.rows("persons.tsv").filter { $0.count >= 2 && $0[1] == "clear" }.map { $0[0] }
        try #require(names.count >= 700, "persons.tsv: too few rows marked clear")
        let rate = try Self.falseAlarmRate("persons", names: names)
        // 16 of 823 before the rules these names led to (given names only, names of one root, a closing kunya, a
        // common surname beside initials, primary parts absent), 10 after (2026-12-04): the given-names-only rule
        // holds to two known names or patronymics (so "Ali Mabkhout", "Ahmed Radhi", "Hussein Saeed" still alert);
        // Buhari / BOUYERI, Musharraf / a one-word alias, A. R. Rahman / AR RAHMAH FOUNDATION, Jafar Hassan /
        // AL-HUSSAINI, Pinera / PANARO, Tarasov / TOROSOV remain. With the fourteenth round's 150 (2026-12-05, sharing
        // a given name or a common surname with listed persons), 9 of 973 (Mohammed Shami / Abu Mohammad AL-SHAMI).
        // With the fifteenth round's 128 ordinary names (2026-12-05; two exact namesakes marked so), 11 of 1,099.
        // With the seventeenth round's 1,500 ordinary names weighted to the cultures the lists are dense in (2026-12-05;
        // 30 alerted when written and after the round: its one-word given-name alias and nisba rules took Leo Kim / LEO
        // and سالم الزهراني off, its Turkish reading added Mustafe Abdullahi / ABDULLAHI, Mustafa and Qaderi / AL-QADRI),
        // 37 of 2,598: the new ones are mostly namesakes in all but a patronymic (Igor Lebedev / Игорь Владимирович
        // ЛЕБЕДЕВ) and common Arabic and Chinese names in their script. An entry's next name deciding where a rule
        // holds its best one no match added two (Mohamed Salah / SALAH, Salah Abdallah Mohamed): 39 of 2,598.
        // With the eighteenth round's 1,499 ordinary names (2026-12-05; 31 alerted when written, 29 after the round:
        // the given-name table's new groups and the given-names-only rule in every script took some off; most left
        // are namesakes in all but a patronymic or a spelling, Osama Attar / ATTAR, Usama), 66 of 4,097. The nineteenth
        // round's Pinyin syllables, East Asian syllables and title before "bin" took five off (Lin Zhiwei / ZHIFU LIN,
        // Hafiz bin Zulkifli / BIN MARZUKI, Zulkifli); with its 1,500 more (11 alerted when written, 9 after), 70 of 5,597.
        // With the twentieth round's 1,500 of 79 countries (2026-12-06; 15 alerted when written, 13 after the round's
        // Pinyin family names and given names: Xiaoming Jiang / ZHANG, Xiaoming, Mehri Bahrami / MEHDI BAHRAMI), 83 of 7,097.
        // With the twenty-first round's 1,500 of 49 countries (2026-12-06; 24 alerted when written, 21 after the round's
        // Arabic letters: رضا امینی / AMIDI, Reza, عبدالله الخصاونة / AL-HASAN, Abdallah), 104 of 8,597; 103 after the
        // twenty-second round. With that round's 1,500 of 81 countries (2026-12-06; 13 alerted when written and after:
        // Omar Diab / DIABY, Omar, Andreas Lang / LANGA, Andrew), 116 of 10,097. With the twenty-third round's 1,568 of
        // 38 cultures, chosen to share common name parts with listed persons (2026-12-06; 27 marked namesakes; 46 of the
        // 1,541 others alerted through `redflag screen` when written, 41 after the round's Myanmar syllables: Aung Thu /
        // Aung Myo THU), 158 of 11,638. With the twenty-fourth round's 1,655 of 35 cultures (2026-12-06; 36 alerted when
        // written, 34 after the round's other given name: Ramesh Kumar Gupta / GUPTA, Rajesh Kumar; none marked
        // namesake), 192 of 13,293. With the twenty-fifth round's 1,593 of 27 languages (2026-12-06; 3 marked namesakes,
        // Alpha Conde / CONDE, Alpha; 13 of the others alerted when written and after: Sirbaz Khan / KHAN, Sherbaz), 205
        // of 14,883.
        #expect(rate <= 0.018)
    }
}
