import Testing
@testable import RedFlagMatching

@Suite struct ZZDebug {
    @Test func dump() {
        for (q, s, l) in [("yingteer", PhoneticComparison.Source.han, "finder"), ("inte", .han, "finder"), ("yingteer", .han, "inter"), ("masuku", .kana, "nashuk"), ("neimareu", .hangul, "meymar"), ("shkira", .hebrew, "zakir"), ("imhaneul", .hangul, "manuel"), ("taiinternational", .kana, "international")] {
            print("SIM", q, l, PhoneticComparison.similarity(query: q, source: s, listed: l))
        }
        for n in ["タイ国際航空", "英特尔", "マースク", "네이마르"] {
            print("READ", n, Transliterator.toLatin(n), "|", Transliterator.romanise(n, .foreignName), "|", Transliterator.alternativeReadings(n), BusinessWords.readings(n))
        }
    }
}
