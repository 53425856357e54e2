import Foundation
import RedFlagCore
@testable import RedFlagMatching
import Testing

/// The failure classes the lists' own non-Latin names showed (ListedScriptsTests): Arabic compound names
/// written as two words, the name of God, presentation forms, Persian letter values and suffixes, words run
/// together after a letter that does not join, a Latin name inside a Greek or Bulgarian phrase, Bulgarian and
/// Greek legal forms, glued North Korean company names. Each mechanism is paired with a look-alike it must not
/// match. Names from the UN and EU lists' own Arabic, Greek and Cyrillic fields.
@Suite("Readings for the lists' own non-Latin names")
struct ListedScriptReadingsTests {
    typealias F = FixtureWithParties

    static let matcher = F.matcher([
        F.sdnPerson("l1", "JALALUDDIN HAQQANI"), F.sdnPerson("l2", "HABIBULLAH RESHAD"), F.sdnPerson("l3", "RAMZI MOHAMED ABDULLAH BINALSHIBH"),
        F.sdnPerson("l4", "SANAULLAH GHAFARI"), F.sdnPerson("l5", "Nasser MALEKI"), F.sdnPerson("l6", "AHMAD JAN AKHUNDZADA SHUKOOR AKHUNDZADA"),
        F.sdnPerson("l7", "Ali YAZDIKHAH"), F.sdnPerson("l8", "Rida Ali KHAMIS"), F.sdnPerson("l9", "Majid SOURI"),
        F.entity("l10", "Haqqani Network"), F.entity("l11", "Belarusian Potash Company"), F.entity("l12", "Korea Rungrado General Trading Corporation"),
        F.entity("l13", "Ulyanovsk Automobile Plant"), F.sdnPerson("l14", "SHAHABUDDIN DELAWAR"),
    ])

    static func finds(_ query: String, _ id: String) -> Bool { F.finds(matcher, query, id) }

    @Test("the name of God is one word, alone or ending a compound; presentation forms read as letters")
    func nameOfGod() {
        #expect(Transliterator.toLatin("عبد الله") == "abd allah")
        #expect(Transliterator.toLatin("عبدالله") == "abdallah")
        #expect(Transliterator.toLatin("ﷲ") == "allah")
        #expect(Transliterator.toLatin("ﺭﺿﺎ") == Transliterator.toLatin("رضا"))
        // The article still stands apart in any other word.
        #expect(Transliterator.toLatin("التكريتي") == "al tkrt")
    }

    @Test("Arabic compound names written as two words find the lists' one word",
          arguments: [("جلال الدين حقانى", "l1"), ("حبیب الله رشاد", "l2"), ("رمزي محمد عبد الله بن الشيبة", "l3"), ("شهاب الدين دلاور", "l14")])
    func compounds(_ query: String, _ id: String) {
        #expect(Self.finds(query, id), "\(query) → \(Transliterator.alternativeReadings(query))")
    }

    @Test("compounds join only a known second half, or an article word after عبد, ابو, بن: a surname with the article stays apart")
    func compoundLookAlikes() {
        #expect(Transliterator.alternativeReadings("جلال الدين").contains("jlaluddin"))
        #expect(Transliterator.alternativeReadings("بلقاسم الدريسي").allSatisfy { !$0.contains("blqsmaldrs") && !$0.contains("blqasmaldrisi") })
        #expect(!Self.finds("جلال الدين حسيني", "l1"))  // another surname
        #expect(!Self.finds("نجم الدين دلاور", "l14"))  // another first half
    }

    @Test("Persian and Urdu names: their letter values, suffixes written apart, خوا read kha, a final ى read i",
          arguments: [("ثناء اللہ غفاری", "l4"), ("احمد جان آخوند زاده شكور آخوند زاده", "l6"), ("علی یزدی خواه", "l7"), ("مجید سورى", "l9")])
    func persian(_ query: String, _ id: String) {
        #expect(Self.finds(query, id), "\(query) → \(Transliterator.alternativeReadings(query))")
    }

    @Test("words run together after a letter that does not join are read apart; a word without one is left whole")
    func unjoined() {
        #expect(UnjoinedLetters.split("ناصرملکی") == "ناصر ملکی")
        #expect(UnjoinedLetters.split("ناصر ملکی") == nil)
        #expect(UnjoinedLetters.split("الدريسي") == nil)  // the split would leave a syllable after the article
        #expect(Self.finds("ناصرملکی", "l5"))
        #expect(!Self.finds("ناصرمحمدی", "l5"))  // Nasser Mohammadi
    }

    @Test("a Latin name inside a Greek or Bulgarian phrase: its organisation words read in English, its legal form dropped",
          arguments: [("Δίκτυο Haqqani", "l10"), ("Συμμετοχική εταιρία Belarusian Potash Company", "l11"), ("Акционерно дружество „Belarusian Potash Company“", "l11"),
                      ("ООО Ульяновский автомобильный завод", "l13")])
    func mixedScripts(_ query: String, _ id: String) {
        #expect(Self.finds(query, id), "\(query) → \(BusinessWords.readings(query))")
    }

    @Test("organisation words alone, two of them, or with another name, find nothing")
    func mixedLookAlikes() {
        #expect(!Self.finds("Δίκτυο Hezbollah", "l10"))
        #expect(!Self.finds("Συμμετοχική εταιρία Belarusian Steel Works", "l11"))
        #expect(BusinessWords.readings("Медиа Группа").isEmpty)
        // Three business words name an organisation by themselves (`BusinessWords.wordsNamingAlone`).
        #expect(BusinessWords.readings("Национальная Медиа Группа") == ["National Media Group"])
        #expect(BusinessWords.readings("Δίκτυο Haqqani") == ["Network Haqqani"])
    }

    @Test("a glued North Korean company name is peeled of its business words at both ends")
    func gluedHangul() {
        #expect(BusinessWords.readings("조선릉라도무역총회사").first == "Korea 릉라도 Trading General Corporation")
        #expect(Self.finds("조선릉라도무역총회사", "l12"))
        #expect(!Self.finds("조선만경대무역총회사", "l12"))  // Mangyongdae, another company
    }
}
