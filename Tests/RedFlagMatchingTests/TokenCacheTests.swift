import Testing
@testable import RedFlagMatching

/// `TokenCache` keeps two generations per shard: bounded by twice its capacity, and a token used
/// again and again survives every turnover, where a shard emptied when full forgot it each time.
@Suite("Token cache: two generations")
struct TokenCacheTests {
    @Test("a value is computed once and returned again")
    func remembers() {
        let cache = TokenCache<Int>(capacity: 64)
        var computed = 0
        for _ in 0..<3 {
            #expect(cache.value(Array("huawei".utf8)) { computed += 1; return 7 } == 7)
        }
        #expect(computed == 1)
    }

    @Test("a token looked up between thousands of others is computed once, and the cache stays bounded")
    func busyTokenSurvivesTurnover() {
        let cache = TokenCache<Int>(capacity: 64)
        var hot = 0, cold = 0
        for i in 0..<5_000 {
            _ = cache.value(Array("trading".utf8)) { hot += 1; return -1 }
            _ = cache.value(Array("word\(i)".utf8)) { cold += 1; return i }
            #expect(cache.count <= 128)
        }
        #expect(hot == 1)
        #expect(cold == 5_000)
        // Every shard has turned over: 5,000 tokens through 64 places.
        #expect(cache.count >= 64)
    }
}
