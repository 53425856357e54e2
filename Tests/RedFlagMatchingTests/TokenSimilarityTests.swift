import Testing
@testable import RedFlagMatching

@Suite("Token similarity")
struct TokenSimilarityTests {
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

    @Test("numbers and short tokens must be (nearly) equal")
    func numbersAndShortTokens() {
        #expect(TokenSimilarity.similarity("1203", "1230") == 0)
        #expect(TokenSimilarity.similarity("1203", "1203") == 1)
        #expect(TokenSimilarity.similarity("abu", "abu") == 1)
        #expect(TokenSimilarity.similarity("abu", "ali") == 0)
    }
}
