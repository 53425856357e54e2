import Foundation
import RedFlagCore
@testable import RedFlagMatching
import Testing

/// The sixteenth round's classes (issue 11, items 4, 7 and 10 and the organisations' false
/// alarms), found on probes written for the round, each paired with a look-alike it must not
/// match: foreign compound names a script runs together, the Arabic article glued in Hangul or
/// written as a lone alef in Hebrew, abjad words that spell a title's abbreviation, the listed
/// party's one word met by sound beside the customer's own, generic words in any script, the glide
/// y against lip sounds, Indic letters, and an organisation on one part of a person's name.
@Suite("Sixteenth round")
struct Round16Tests {
    static let entries: [ListEntry] = {
        var entries = MatcherFixture.entries
        func entity(_ id: String, _ name: String) -> ListEntry {
            ListEntry(source: .ofacSDN, sourceID: id, list: .sdn, type: .entity, name: name, programs: ["TEST"])
        }
        func person(_ id: String, _ name: String) -> ListEntry {
            ListEntry(source: .ofacSDN, sourceID: id, list: .sdn, type: .person, name: name, programs: ["TEST"])
        }
        func vessel(_ id: String, _ name: String) -> ListEntry {
            ListEntry(source: .ofacSDN, sourceID: id, list: .sdn, type: .vessel, name: name, programs: ["TEST"])
        }
        entries.append(person("s1", "BIN LADEN, Hamza"))
        entries.append(person("s2", "AL-MAJID, Ali Hasan"))
        entries.append(person("s3", "DELIMKHANOV, Adam Sultanovich"))
        entries.append(vessel("s4", "TAMAR"))
        entries.append(entity("s5", "RUSSIAN ENERGY GROUP"))
        entries.append(entity("s6", "FINDER TECHNOLOGY LTD"))
        entries.append(entity("s7", "BIKE CENTER"))
        entries.append(ListEntry(source: .csl, sourceID: "s8", list: .dtc, type: .unknown, name: "Xu Weibo", programs: []))
        entries.append(entity("s9", "NATIONAL BANK OF CUBA"))
        entries.append(entity("s10", "TAHRIR AL-SHAM"))
        entries.append(person("s11", "GHALI, Iyad Ag"))
        entries.append(person("s12", "PICHAI, Sundar"))
        // A common name, as on the real lists: the customer's own word "حسني" hsn weighs little.
        for (n, given) in ["Ali", "Omar", "Khalid", "Yusuf", "Salim", "Karim", "Nabil", "Tariq"].enumerated() {
            entries.append(person("h\(n)", "HASAN, \(given)"))
        }
        return entries
    }()
    static let matcher = Matcher(index: try! MatchIndex(entries: entries))
    /// The same lists, reviewed from 0.6: the fixture's few names weigh the customer's own word more
    /// than the real lists do, so its rules are seen deciding here.
    static let lowMatcher = Matcher(index: try! MatchIndex(entries: entries), configuration: MatchConfiguration(reviewThreshold: 0.6))

    static func finds(_ query: String, _ id: String) -> Bool {
        let result = matcher.screen(ScreeningQuery(name: query))
        return result.decision != .clear && result.matches.contains { $0.id.hasSuffix(":" + id) }
    }

    @Test("a Hangul or kana word that sounds like two listed words run together is split; a Latin word is not read so")
    func soundSplits() {
        #expect(Self.finds("함자 빈라덴", "s1"))
        #expect(Self.finds("알리 하산 알마지드", "s2"))
        #expect(!Self.finds("함자 빈라사", "s1"))
        // A split needs two parts that each sound like a listed word, in one listed name.
        let lookup: ([UInt8]) -> [(id: Int32, similarity: Double)] = { part in
            switch String(decoding: part, as: UTF8.self) {
            case "gazpuro": return [(1, 0.93)]
            case "munefu": return [(2, 0.91)]
            case "gazpu": return [(1, 0.5)]
            default: return []
            }
        }
        let splits = PreparedQuery.soundSplits(Array("gazpuromunefu".utf8), at: 0, lookup: lookup)
        #expect(splits.count == 1 && splits[0].left == 1 && splits[0].right == 2 && splits[0].similarity == 0.91)
        #expect(PreparedQuery.soundSplits(Array("gazpuro".utf8), at: 0, lookup: lookup).isEmpty)   // too short to split
    }

    @Test("an abjad word that spells a title's abbreviation is a name (אדם adm is Adam, no admiral)")
    func abjadIsNoTitle() {
        #expect(Self.finds("אדם דלימחאנוב", "s3"))
        #expect(Self.finds("آدم ديليمخانوف", "s3"))
        #expect(Self.finds("Adm. Adam Delimkhanov", "s3"))
    }

    @Test("the one listed word met by sound beside the customer's own word is no match; the word alone still is")
    func ownWordBeside() {
        func low(_ query: String) -> Bool {
            Self.lowMatcher.screen(ScreeningQuery(name: query)).matches.contains { $0.id.hasSuffix(":s4") && $0.decision != .clear }
        }
        #expect(Self.lowMatcher.nearest(ScreeningQuery(name: "تامر حسني"), count: 10).contains { $0.match.id.hasSuffix(":s4") && $0.match.score >= 0.6 })
        #expect(!low("تامر حسني"))
        #expect(low("تامار"))
        #expect(low("Tamar"))
    }

    @Test("generic words only, in any script: a Chinese company of energy and group is no RUSSIAN ENERGY GROUP")
    func genericWordsInScript() {
        #expect(!Self.finds("深圳能源集团", "s5"))
        #expect(Self.finds("俄罗斯能源集团", "s5"))
        #expect(Self.finds("Русская энергетическая группа", "s5"))
    }

    @Test("the glide y is no lip sound; Indic letters keep voicing and write च as ch")
    func phoneticLetters() {
        #expect(!Self.finds("英特尔", "s6"))
        #expect(PhoneticComparison.similarity(query: "yingteer", source: .han, listed: "finder") < 0.85)
        #expect(PhoneticComparison.similarity(query: "yinder", source: .han, listed: "finder") < PhoneticComparison.similarity(query: "winder", source: .han, listed: "finder"))
        #expect(!Self.finds("सुंदर पिचाई", "s7"))
        #expect(Transliterator.toLatin("पिचाई").hasPrefix("pich"))
        #expect(Self.finds("सुंदर पिचाई", "s12"))
    }

    @Test("an organisation's name on one part of a listed person's name is no match; the full name is")
    func organisationOnOneNamePart() {
        #expect(!Self.finds("Weibo Corporation", "s8"))
        #expect(!Self.finds("Weibo Ltd", "s8"))
        #expect(Self.finds("Xu Weibo Trading Co", "s8"))
        #expect(Self.finds("Xu Weibo", "s8"))
    }

    @Test("a Latin name with a country English spells alike is read in English")
    func englishSpeltCountry() {
        #expect(BusinessWords.latinReadings("Banque nationale de Cuba").first == "Bank National Cuba")
        #expect(Self.finds("Banque nationale de Cuba", "s9"))
        #expect(Self.finds("Banca Nazionale di Cuba", "s9"))
        #expect(!Self.finds("Banque nationale de Belgique", "s9"))
    }

    @Test("Hebrew: the assimilated article as a lone alef and hyphen, and the geresh letters for Arabic sounds")
    func hebrewArticleAndGeresh() {
        #expect(Transliterator.toLatin("תחריר א-שאם").hasSuffix("al-sham"))
        #expect(Transliterator.toLatin("ע'אלי").hasPrefix("gh"))
        #expect(Transliterator.toLatin("ח'אלד").hasPrefix("kh"))
        #expect(Self.finds("תחריר א-שאם", "s10"))
    }

    @Test("a Han word after kana is a word of its own")
    func hanAfterKana() {
        let tokens = NameNormalizer.normalize(Transliterator.toLatin("タイ国際航空")).tokens
        #expect(tokens.first == "tai")
        #expect(tokens.contains("international"))
    }

    @Test("--explain on a CLEAR name in another script gives the sound-alike rule that held it")
    func explainsSoundAlikeRule() {
        let near = Self.lowMatcher.nearest(ScreeningQuery(name: "تامر حسني"), count: 10).first { $0.match.id.hasSuffix(":s4") }
        #expect(near?.shortfall.hasPrefix("one_word_beside_another_name") == true, "\(near?.shortfall ?? "no candidate")")
    }
}
