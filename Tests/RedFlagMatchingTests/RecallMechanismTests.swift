import Foundation
import RedFlagCore
import Testing
@testable import RedFlagMatching

/// The recall mechanisms of issue 11 (round two), one test each: a name typed without spaces, a
/// capital inside a word, a misspelt business word that resembles a rarer listed word, a business
/// word abbreviated by truncation, another romanisation of a name, a diminutive, a title that is
/// also a given name. Each case fails without its mechanism; each test also checks a look-alike
/// that must stay below review.
@Suite("Matcher recall mechanisms")
struct RecallMechanismTests {
    static let entries: [ListEntry] = {
        func entity(_ id: String, _ name: String) -> ListEntry {
            ListEntry(source: .ofacSDN, sourceID: id, list: .ofacSDN, type: .entity, name: name, programs: ["IRAN"])
        }
        func person(_ id: String, _ name: String) -> ListEntry {
            ListEntry(source: .ofacSDN, sourceID: id, list: .ofacSDN, type: .person, name: name, programs: ["SDGT"])
        }
        return MatcherFixture.entries + [
            entity("950", "TARVANEH ALUMINUM KHOSROVAN"),
            person("951", "Rahimullah Shah QORVANI"),
            entity("952", "ZAVRAN METALLURGY INDUSTRIES"),
            // "industrias": the rarer listed word "industreis" resembles more than "industries".
            entity("953", "INDUSTRIAS QUIMICAS DEL SUR"),
            entity("954", "KORAMSHAHR RESEARCH AGENCY"),
            entity("955", "TALVOR COMMERCIAL BANK"),
            person("956", "Mikhail GRIBOVSKY"),
            person("957", "Dawood TARRANI"),
            person("958", "Nikolay Vladimirovich PORTNYAGIN"),
            person("959", "Nazir AHMADZAI"),
            entity("960", "DELVARAN SHIPPING IN YEMEN"),
            entity("961", "RYAZVANSKOE KONSTRUKTORSKOE BJURO"),
        ]
    }()
    static let index = try! MatchIndex(entries: entries)
    let matcher = Matcher(index: RecallMechanismTests.index)

    private func score(_ name: String, of id: String) -> Double {
        matcher.screen(ScreeningQuery(name: name)).matches.first { $0.id == "OFAC-SDN:\(id)" }?.score ?? 0
    }

    @Test("a whole name typed without spaces is read as its listed words, stopwords and legal forms")
    func gluedWholeName() {
        #expect(score("tarvanehaluminumkhosrovan", of: "950") >= 0.92)
        #expect(score("TARVANEHALUMINUMKHOSROVANLLC", of: "950") >= 0.92)
        #expect(score("delvaranshippinginyemen", of: "960") >= 0.92)
        #expect(GluedNames.segment(Array("tarvanehaluminumkhosrovan".utf8), space: Self.index.names) == ["tarvaneh", "aluminum", "khosrovan"])
        // Letters that spell no listed words stay one unknown token.
        #expect(GluedNames.segment(Array("qwxzvbnmtrk".utf8), space: Self.index.names) == nil)
        // Short pieces only ("del" + "sur" + "bank") are no reading.
        #expect(GluedNames.segment(Array("delsurbank".utf8), space: Self.index.names) == nil)
        #expect(score("tarvanehpolymerskhosrovanzzq", of: "950") < 0.8)
        // A word split by a space is joined again, its pieces never read as glued words; a title
        // stays a title.
        #expect(score("RYAZVANSKOE KONSTR UKTORSKOE BJURO", of: "961") >= 0.9)
        #expect(score("Admiral Nazir AHMADZAI", of: "959") >= 0.9)
    }

    @Test("a capital after a lower-case letter starts a word")
    func camelCase() {
        #expect(NameNormalizer.separateCamelCase("RahimullahShahQORVANI") == "Rahimullah Shah QORVANI")
        #expect(NameNormalizer.separateCamelCase("SIEMENS AG") == "SIEMENS AG")
        #expect(NameNormalizer.separateCamelCase("SiemensAG") == "Siemens AG")
        // A capital ending the word is part of it: legal forms and degrees stay whole.
        #expect(NameNormalizer.separateCamelCase("Korvetta GmbH, KGaA, SpA; PhD") == "Korvetta GmbH, KGaA, SpA; PhD")
        #expect(score("RahimullahShahQORVANI", of: "951") >= 0.92)
        #expect(score("TarvanehAluminumKhosrovan", of: "950") >= 0.92)
    }

    @Test("a misspelt business word is read as the word it misspells even when a rarer listed word is closer")
    func misspeltBusinessWord() {
        #expect(score("ZAVRAN METALLURGY INDUSTREIS", of: "952") >= 0.8)
        #expect(score("ZAVRAN METALLURGY INDUSTRRIES", of: "952") >= 0.8)
    }

    @Test("a business word abbreviated by truncation matches the word it begins")
    func truncatedAbbreviation() {
        #expect(score("KORAMSHAHR RES AGENCY", of: "954") >= 0.8)
        #expect(score("TALVOR COMM BANK", of: "955") >= 0.8)
        var map: [Int32: Double] = [:]
        PreparedQuery.addAbbreviated(Array("res".utf8), space: Self.index.names, into: &map)
        #expect(map[Self.index.names.id(of: Array("research".utf8))!] == PreparedQuery.abbreviatedCredit)
        // Two letters are no abbreviation; a typed word must be shorter than the word by three letters.
        map = [:]
        PreparedQuery.addAbbreviated(Array("re".utf8), space: Self.index.names, into: &map)
        PreparedQuery.addAbbreviated(Array("resear".utf8), space: Self.index.names, into: &map)
        #expect(map.isEmpty)
    }

    @Test("another romanisation of a name matches through the letter groups romanisations swap")
    func romanisationSwaps() {
        #expect(RomanisationSwaps.respellings(Array("mihayl".utf8)).contains(Array("mikhail".utf8)))
        #expect(RomanisationSwaps.respellings(Array("hajdzh".utf8)).contains(Array("hajj".utf8)))
        #expect(score("Mihayl GRIBOVSKY", of: "956") >= 0.8)
        #expect(score("Dawud TARRANI", of: "957") >= 0.8)
        // A different given name is still a different person.
        #expect(score("Boris TARRANI", of: "957") < 0.8)
    }

    @Test("a diminutive stands for every spelling of its full name")
    func diminutives() {
        #expect(GivenNames.areVariants("kolya", "mykola"))
        #expect(GivenNames.areVariants("volodya", "volodymyr"))
        #expect(GivenNames.areVariants("md", "muhammad"))
        // Two-letter nicknames reach only their own full name.
        #expect(!GivenNames.areVariants("al", "iskander"))
        #expect(score("Kolya Vladimirovich PORTNYAGIN", of: "958") >= 0.8)
    }

    @Test("a title that is also a given name weighs as a title when it leads a longer name")
    func leadingTitles() {
        #expect(score("Emir Nazir AHMADZAI", of: "959") >= 0.8)
        #expect(score("His Excellency Nazir AHMADZAI", of: "959") >= 0.8)
        #expect(LeadingTitles.isTitle("amir", at: 0, of: 3))
        #expect(!LeadingTitles.isTitle("amir", at: 0, of: 2))
        #expect(!LeadingTitles.isTitle("amir", at: 1, of: 3))
    }
}
