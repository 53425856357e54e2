import Foundation
import RedFlagCore
import Testing
@testable import RedFlagMatching

/// Transliteration variants of issue 11 (round four): a listed word respelt into another listed
/// word ("Dawud" for "Dawood"), a short word with a consonant digraph ("Zere" for "Dhere", "Hud"
/// for "Khud"), and an Arabic compound written in three words ("Abd al-Lahi" for "Abdullahi").
/// Each case is paired with a look-alike that must not change.
@Suite("Transliteration recall")
struct TransliterationRecallTests {
    static let parties: [ListEntry] = {
        let person = FixtureWithParties.person, entity = FixtureWithParties.entity
        return [
            person("970", "Mumin DHERE"),
            person("971", "Dawood EBRAHIM"),
            // "dawud" is a listed word: another person's.
            person("972", "Dawud KARIMI"),
            person("973", "Dawood KARIMI"),
            person("974", "Khud ORPHALY"),
            person("975", "Sayid Abdullahi Adan HAJI"),
            person("976", "Saleh AL-ABDULLAH"),
            entity("977", "THK TRADING"),
            person("978", "Abd al-Rahim TAZIRI"),
            person("979", "Khalid NUAIMI"),
            person("980", "Abdallah AL-NUAYMI"),
        ]
    }()
    static let index = try! MatchIndex(entries: MatcherFixture.entries + parties)
    let matcher = Matcher(index: TransliterationRecallTests.index)

    private func score(_ name: String, of id: String) -> Double {
        FixtureWithParties.match(matcher.screen(ScreeningQuery(name: name)), id)?.score ?? 0
    }

    private func respelt(_ a: String) -> [String] {
        RomanisationSwaps.respellings(Array(a.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("a listed word is respelt too: another listed person writes the name so")
    func listedWordRespelt() {
        #expect(score("Dawud EBRAHIM", of: "971") >= 0.8)
        // The person listed as typed still ranks above the one listed under the other spelling.
        let exact = score("Dawud KARIMI", of: "972"), other = score("Dawud KARIMI", of: "973")
        #expect(exact > other, "\(exact) vs \(other)")
        #expect(matcher.screen(ScreeningQuery(name: "Dawud KARIMI")).matches.first?.id.hasSuffix(":972") == true)
        // Another given name is another person.
        #expect(score("Boris EBRAHIM", of: "971") < 0.8)
        // A listed token's respelling that the similarity already rates keeps that rating
        // ("nuaimi" / "nuaymi", one letter apart): only what it missed is credited.
        let space = Self.index.names
        let scratch = Scratch()
        scratch.ensure(documents: space.documentCount, vocabulary: space.vocabulary.count)
        let nuaimi = Array("nuaimi".utf8), nuaymi = Array("nuaymi".utf8)
        #expect(RomanisationSwaps.respellings(nuaimi).contains(nuaymi))
        let facts = PreparedQuery.facts(nuaimi, skeleton: nuaimi.withUnsafeBufferPointer { TokenSimilarity.skeleton($0) }, space: space, scratch: scratch)
        let rated = nuaimi.withUnsafeBufferPointer { a in nuaymi.withUnsafeBufferPointer { b in
            TokenSimilarity.similarity(a, b, skeletonA: TokenSimilarity.skeleton(a), skeletonB: TokenSimilarity.skeleton(b))
        } }
        #expect(rated > 0)
        #expect(facts.similar[space.id(of: nuaymi)!] == rated)
        let dawud = Array("dawud".utf8)
        let dawudFacts = PreparedQuery.facts(dawud, skeleton: dawud.withUnsafeBufferPointer { TokenSimilarity.skeleton($0) }, space: space, scratch: scratch)
        #expect((dawudFacts.similar[space.id(of: Array("dawood".utf8))!] ?? 0) >= RomanisationSwaps.credit)
    }

    @Test("a short word is respelt with a consonant digraph, an acronym is not")
    func shortDigraphs() {
        #expect(respelt("zere").contains("dhere"))
        #expect(respelt("hud").contains("khud"))
        // An acronym has no vowel; one digraph for another is another sound ("chan" is not "khan");
        // a vowel swap in a short word is another name.
        #expect(respelt("bce").isEmpty)
        #expect(respelt("thk").isEmpty)
        #expect(respelt("tk").isEmpty)
        #expect(!respelt("chan").contains("khan"))
        #expect(!respelt("dina").contains("dyna"))
        // Only at the first letter: a letter added at the end makes another name.
        #expect(!respelt("smit").contains("smith"))
        #expect(!ApproximatePersonMatch.isVariant("smit", "smith"))
        #expect(score("Mumin ZERE", of: "970") >= 0.8)
        #expect(score("Hud ORPHALY", of: "974") >= 0.8)
        // "TK TRADING" is not "THK TRADING": an acronym is not respelt.
        #expect(score("TK TRADING", of: "977") < 0.8)
        // Another surname is still another person.
        #expect(score("Mumin ZARA", of: "970") < 0.8)
    }

    @Test("an Arabic compound written in three words is also read as one")
    func articleCompounds() {
        #expect(ArticleCompounds.joined("Sayid Abd al-lahi Adan HADJI") == "Sayid Abdallahi Adan HADJI")
        #expect(ArticleCompounds.joined("Saleh EL-ABD AL-LAH") == "Saleh EL-ABDALLAH")
        // The joined parts in the head's case, never a capital that camel case would split again.
        #expect(ArticleCompounds.joined("'Abd ar-Rahman") == "'Abdarrahman")
        // A head written with its article, the name apart: joined too.
        #expect(ArticleCompounds.joined("Abdul Rahman") == "Abdulrahman")
        // No article after the head, or no name after the article: nothing to join.
        #expect(ArticleCompounds.joined("Abd Rahim KHAN") == nil)
        #expect(ArticleCompounds.joined("Ali Abd al") == nil)
        #expect(ArticleCompounds.joined("Abdallah") == nil)
        // The joined word differs from the listed one in the article's vowel only: one compound
        // name, not two common names a vowel apart (the common-names rule must not clear it).
        #expect(ArticleCompounds.sameCompound("abdallahi", "abdullahi") && ArticleCompounds.sameCompound("abdarrahman", "abdulrahman"))
        #expect(!ArticleCompounds.sameCompound("abdulkarim", "abdullahi") && !ArticleCompounds.sameCompound("abdallahi", "abdallahi"))
        #expect(!ArticleCompounds.sameCompound("abdal", "abdul"))
        #expect(ApproximatePersonMatch.isVariant("abdallahi", "abdullahi"))
        #expect(score("Sayid Abd al-lahi Adan HADJI", of: "975") >= 0.8)
        #expect(score("Saleh EL-ABD AL-LAH", of: "976") >= 0.8)
        // Written as listed, the name keeps its score.
        #expect(score("Abd al-Rahim TAZIRI", of: "978") >= 0.99)
        // Another name after the article is another person.
        #expect(score("Saleh EL-ABD AL-KARIM", of: "976") < 0.8)
    }
}
