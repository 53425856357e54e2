import Testing
@testable import RedFlagMatching

@Suite("Token similarity")
struct TokenSimilarityTests {
    @Test("a listed word of four letters with a consonant inserted is another word; a doubled letter, vowel or h still match")
    func shortListedWord() {
        // The query token comes first, the listed one second.
        for (query, listed) in [("tesla", "tesa"), ("osram", "osam"), ("orkla", "orka"), ("amcor", "amor")] {
            #expect(TokenSimilarity.similarity(query, listed) == 0, "\(query) ~ \(listed)")
        }
        for (query, listed) in [("tessa", "tesa"), ("saeid", "said"), ("fathi", "fath"), ("dawud", "daud")] {
            #expect(TokenSimilarity.similarity(query, listed) >= 0.8, "\(query) ~ \(listed)")
        }
    }

    @Test("Jaro-Winkler reference values")
    func jaroWinkler() {
        #expect(abs(JaroWinkler.similarity("martha", "marhta") - 0.961) < 0.001)
        #expect(abs(JaroWinkler.similarity("dixon", "dicksonx") - 0.813) < 0.001)
        #expect(JaroWinkler.similarity("abc", "abc") == 1)
        #expect(JaroWinkler.similarity("abc", "xyz") == 0)
    }

    @Test("typos and transliteration variants match, unrelated words do not")
    func effective() {
        #expect(TokenSimilarity.similarity("huawei", "huawai") > 0.9)
        #expect(TokenSimilarity.similarity("mohammed", "muhammad") >= TokenSimilarity.skeletonCredit)
        #expect(TokenSimilarity.similarity("mhmd", "mohammed") >= TokenSimilarity.skeletonCredit)
        #expect(TokenSimilarity.similarity("everbright", "electronics") == 0)
        #expect(TokenSimilarity.similarity("trading", "holding") == 0)
    }

    @Test("a silent English gh does not separate spellings, a sounded one still counts")
    func silentGH() {
        #expect(TokenSimilarity.similarity("everlight", "everlite") >= TokenSimilarity.skeletonCredit)
        #expect(TokenSimilarity.similarity("brightstar", "britestar") >= TokenSimilarity.skeletonCredit)
        // "gh" before a vowel is sounded (Afghan, Ghana): no silent-letter credit there.
        #expect(TokenSimilarity.similarity("afghan", "afan") == 0)
    }

    @Test("initials match a token with the same first letter only")
    func initials() {
        #expect(TokenSimilarity.similarity("i", "ihsan") == TokenSimilarity.initialCredit)
        #expect(TokenSimilarity.similarity("j", "ihsan") == 0)
    }

    @Test("the same consonants with the vowels moved about is another word")
    func skeletonNeedsCloseSpelling() {
        #expect(TokenSimilarity.similarity("nokia", "nioec") == 0)
        #expect(TokenSimilarity.similarity("kyocera", "chicharra") == 0)
        #expect(TokenSimilarity.similarity("almeida", "elemed") == 0)
        #expect(TokenSimilarity.similarity("moreau", "mario") == 0)
        // Transliteration variants keep their credit.
        #expect(TokenSimilarity.similarity("zaytzeff", "zaytsev") >= TokenSimilarity.skeletonCredit)
        #expect(TokenSimilarity.similarity("saiid", "sayeed") >= TokenSimilarity.skeletonCredit)
    }

    @Test("a short word with a consonant added at its end is another word; a letter missing inside is a typo")
    func shortWordSuffix() {
        #expect(TokenSimilarity.similarity("yara", "yaran") == 0)
        #expect(TokenSimilarity.similarity("tuli", "tulip") == 0)
        #expect(TokenSimilarity.similarity("joge", "jorge") > 0.9)
        #expect(TokenSimilarity.similarity("fath", "fathi") > 0.9)
        #expect(TokenSimilarity.similarity("star", "starr") > 0.9)
    }

    @Test("split words rejoin as written, exactly or with one typo; an initial never joins by a near miss")
    func joins() {
        let space = TokenSpace(documents: [["cjng"], ["huawei"], ["quanttelecom"], ["engineering"], ["other", "words"]])
        func joined(_ tokens: [String], written: [String]? = nil) -> [String] {
            let q = PreparedQuery(tokens: tokens, written: written, legalForms: [], space: space, scratch: Scratch(), cache: TokenCache(), joinCache: TokenCache())
            return q.joins.map { space.vocabulary[Int($0.id)] }
        }
        #expect(joined(["hua", "wei"]) == ["huawei"])
        #expect(joined(["hua", "wie"]) == ["huawei"])
        #expect(joined(["c", "jung"]).isEmpty)
        #expect(joined(["quantum", "telecom"]).isEmpty)
        // "engi neers" is "engineers", which is made canonical ("engineering") before the lookup.
        #expect(joined(["engi", "engineering"], written: ["engi", "neers"]) == ["engineering"])
    }

    @Test("numbers and short tokens must be (nearly) equal")
    func numbersAndShortTokens() {
        #expect(TokenSimilarity.similarity("1203", "1230") == 0)
        #expect(TokenSimilarity.similarity("1203", "1203") == 1)
        #expect(TokenSimilarity.similarity("abu", "abu") == 1)
        #expect(TokenSimilarity.similarity("abu", "ali") == 0)
    }
}
