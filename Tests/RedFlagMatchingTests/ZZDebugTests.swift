import Testing
@testable import RedFlagMatching

@Suite struct ZZDebug {
    @Test func dump() {
        for n in ["تشوي ريونغ هاي", "היאת תחריר א-שאם", "איאד אג ע'אלי"] {
            print("READ", n, "|", Transliterator.toLatin(n), "|", Transliterator.romanise(n, .foreignName), "|", Transliterator.alternativeReadings(n), NameNormalizer.normalize(Transliterator.toLatin(n)).tokens)
        }
    }
}
