import Foundation
import RedFlagCore
import Testing
@testable import RedFlagMatching

/// Latin-script names written the way other languages write them (issue 11, items 9 and 10): press
/// orthographies of German, Dutch, Polish, Hungarian, Lithuanian…, titles in other languages, a
/// legal form after its qualifier ("PUBLIC AO"), and a number that sets two names apart. One test
/// per mechanism; each pairs a case the mechanism fixes with a look-alike it must not match.
/// Invented names throughout.
@Suite("Latin-script spellings of other languages")
struct LatinPressSpellingTests {
    static let entries: [ListEntry] = {
        func party(_ id: String, _ type: PartyType, _ name: String) -> ListEntry {
            ListEntry(source: .ofacSDN, sourceID: id, list: .ofacSDN, type: type, name: name, programs: ["RUSSIA-EO14024"])
        }
        return MatcherFixture.entries + [
            party("970", .person, "TUROVETS, Vsevolod Vladlenovich"),
            party("971", .person, "Yevgeniy Arkhipovich KHOLMOGORTSEV"),
            party("972", .person, "Javad Ahmadi ZARVANDI"),
            party("973", .person, "Vsevolod Ivanovich TURNOVSKY"),
            party("974", .entity, "PUBLIC JOINT STOCK COMPANY ZAVRAN METALLURGY"),
            party("975", .vessel, "NORDIC GALE 2"),
            // A listed word: a query holding it as typed reads as another listed word only as a respelling.
            party("976", .entity, "WOLKOW TRADING"),
            party("977", .person, "Oleg VOLKOV"),
            party("978", .person, "Vyacheslav Ivanovich TURNOVSKY"),
        ]
    }()
    static let index = try! MatchIndex(entries: entries)
    let matcher = Matcher(index: LatinPressSpellingTests.index)

    private func score(_ name: String, of id: String, type: PartyType? = nil) -> Double {
        var query = ScreeningQuery(name: name)
        query.type = type
        return matcher.screen(query).matches.first { $0.id == "OFAC-SDN:\(id)" }?.score ?? 0
    }

    @Test("a name as the German, Dutch, Polish, Hungarian or Lithuanian press writes it reads as the listed romanisation")
    func pressOrthographies() {
        let readings = { (word: String) in PressOrthographies.readings(Array(word.utf8)).map { String(decoding: $0, as: UTF8.self) } }
        #expect(readings("wladlenowitsch").contains("vladlenovich"))      // German w, tsch
        #expect(readings("wladlenowitsj").contains("vladlenovich"))       // Dutch tsj
        #expect(readings("wladlenowicz").contains("vladlenovich"))        // Polish cz
        #expect(readings("vlagyimirovics").contains("vladimirovich"))     // Hungarian gy, cs
        #expect(readings("turovetsas").contains("turovets"))              // Lithuanian -as
        #expect(readings("dschawad").contains("javad"))                   // German dsch
        #expect(readings("cholmogorzew").contains("kholmogortsev"))       // German ch, z, w
        #expect(readings("wiaczeslaw").contains("vyacheslav"))            // Polish ia for я
        #expect(readings("aleksiej").contains("aleksey"))                 // Polish -iej for -ей
        #expect(!readings("servier").contains("server"))                  // ie inside a word stays (French Servier)
        #expect(readings("ahm").isEmpty)                                  // too short to read
        #expect(score("Wsewolod Wladlenowitsch Turowez", of: "970") >= 0.8)
        #expect(score("Wsewolod Wladlenowitsj Toerovets", of: "970") >= 0.8)
        #expect(score("Vsevolodas Turovetsas", of: "970") >= 0.8)
        #expect(score("Jewgenij Cholmogorzew", of: "971") >= 0.8)
        #expect(score("Dschawad Sarwandi", of: "972") >= 0.8)
        #expect(score("Wiaczesław Iwanowicz Turnowski", of: "978") >= 0.8)
        #expect(score("Wiaczesław Iwanowicz Turnowski", of: "973") < 0.8)  // Vsevolod: another given name
        // Another surname read the same way is still another person.
        #expect(score("Wsewolod Wladlenowitsch Turnowski", of: "970") < 0.8)
        #expect(score("Dschawad Serwani", of: "972") < 0.8)
    }

    @Test("a listed word is never read as another language's spelling of another listed word")
    func listedWordsStayAsTyped() {
        let scratch = Scratch()
        let space = Self.index.names
        scratch.ensure(documents: space.documentCount, vocabulary: space.vocabulary.count)
        let typed = Array("wolkow".utf8)
        let facts = PreparedQuery.facts(typed, skeleton: typed.withUnsafeBufferPointer { TokenSimilarity.skeleton($0) }, space: space, scratch: scratch)
        let volkov = try! #require(space.id(of: Array("volkov".utf8)))
        // "wolkow" is listed (WOLKOW TRADING): German w → v credits "volkov" only as a respelling,
        // not as the word itself, as it does for the same word unlisted.
        #expect(facts.similar[volkov] == PressOrthographies.listedCredit)
        #expect(PressOrthographies.listedCredit < PressOrthographies.credit)
        let unlisted = Array("wolkowa".utf8)
        #expect(PressOrthographies.readings(unlisted).contains(Array("volkova".utf8)))
    }

    @Test("a title in another language is weak: it neither sinks nor makes a match")
    func titlesInOtherLanguages() {
        for title in ["Președintele", "Presiden", "Prezydent", "Oberst", "Ajatollah"] {
            #expect(NameTitles.contains(NameNormalizer.normalize(title).tokens.first ?? ""), "\(title)")
            #expect(score("\(title) Vsevolod Vladlenovich TUROVETS", of: "970") >= 0.92, "\(title)")
            // The title with another person's name is no match; the title alone is none either.
            #expect(score("\(title) Vsevolod Kirillovich MAKAROV", of: "970") < 0.8, "\(title)")
            #expect(matcher.screen(ScreeningQuery(name: title)).matches.isEmpty, "\(title)")
        }
        #expect(score("Turovets Vsevolod elnök", of: "970") >= 0.8)
    }

    @Test("an edge-only legal form after its qualifier is a legal form: PUBLIC AO is PAO")
    func qualifiedLegalForm() {
        let n = NameNormalizer.normalize("PUBLIC AO ZAVRAN METALLURGY")
        #expect(n.tokens == ["public", "zavran", "metallurgy"])
        #expect(n.legalForms.contains("jsc"))
        #expect(score("PUBLIC AO ZAVRAN METALLURGY", of: "974") >= 0.92)
        // In the middle of a name, after a name word, "ao" stays a name part.
        #expect(NameNormalizer.normalize("ZAVRAN AO METALLURGY").tokens.contains("ao"))
    }

    @Test("a middle initial the list leaves out costs little; a different name does not become one")
    func middleInitial() {
        #expect(score("Yevgeniy K. KHOLMOGORTSEV", of: "971") >= 0.8)
        #expect(score("Yevgeniy Arkhipovich K. KHOLMOGORTSEV", of: "971") >= 0.9)
        // The initial is light, the surname is not: another surname is another person.
        #expect(score("Yevgeniy K. KHOLMOV", of: "971") < 0.8)
        // Beside a name only alike the initial counts in full.
        #expect(score("Yevgenii K. KHOLMOGORSKY", of: "971") < 0.8)
    }

    @Test("a number that differs from the listed name's sets two names apart")
    func differingNumbers() {
        #expect(score("NORDIC GALE 2", of: "975") >= 0.92)
        #expect(score("Nordik Gale 2", of: "975") >= 0.8)
        #expect(score("NORDIC GALE 3", of: "975") < 0.8)
        #expect(score("NORDIC GALE 3", of: "975", type: .vessel) < 0.8)
        // A number on the query side only is a missing name part, not a contradiction.
        #expect(score("NORDIC GALE", of: "975") >= 0.8)
    }
}
