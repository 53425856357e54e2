import Foundation
import Testing
@testable import RedFlagRules

@Suite("Free-text matching: words, phrases, negation, context")
struct TextMatcherTests {
    @Test func tokensFoldCaseAccentsAndPunctuation() {
        let t = TextTokens("RÉEXPORTATION, Endverbleibserklärung; won't")
        #expect((0..<t.count).map(t.word) == ["reexportation", "endverbleibserklarung", "won", "t"])
        #expect(t.tokens[0].clause != t.tokens[1].clause)
        #expect(t.tokens[2].clause == t.tokens[3].clause)
    }

    @Test func hanCharactersAreTokensOfTheirOwn() {
        let t = TextTokens("客户要求GPU按备件申报")
        #expect((0..<t.count).map(t.word) == ["客", "户", "要", "求", "gpu", "按", "备", "件", "申", "报"])
    }

    @Test func abbreviationDotDoesNotEndTheClauseButASentenceDoes() {
        let a = TextTokens("decl. as spares")
        #expect(a.tokens[0].clause == a.tokens[2].clause)
        let b = TextTokens("Ship complete. Invoice as usual")
        #expect(b.tokens[1].clause != b.tokens[2].clause)
    }

    @Test func phrasesMatchWholeWordsOnly() {
        let set = PhraseSet(["freight", "cargo"])
        #expect(set.matches(in: TextTokens("Summit Freightliner Parts Co.")).isEmpty)
        #expect(set.matches(in: TextTokens("Cargotec Finland Oy")).isEmpty)
        #expect(set.matches(in: TextTokens("Pan-Asia Freight Forwarding")).count == 1)
    }

    @Test func starredWordsMatchInflections() {
        let set = PhraseSet(["relabel*", "re export*"])
        for s in ["relabelled the boxes", "relabeling", "Re-Exported", "re export", "RE-EXPORT planned"] {
            #expect(set.firstMatch(in: TextTokens(s)) != nil, "\(s)")
        }
        #expect(set.firstMatch(in: TextTokens("label the boxes")) == nil)
    }

    @Test func multiWordAndChinesePhrases() {
        let set = PhraseSet(["invoice as", "再出口"], payloads: [1, 2])
        let m = set.firstMatch(in: TextTokens("pls INVOICE  as usual"))
        #expect(m.map { set.payloads[$0.phrase] } == 1)
        #expect(set.firstMatch(in: TextTokens("无再出口计划")).map { set.payloads[$0.phrase] } == 2)
        // A phrase never spans two clauses.
        #expect(set.firstMatch(in: TextTokens("invoice. As agreed")) == nil)
    }

    @Test func quoteMarksTheSpanWithWordsAround() {
        let t = TextTokens("Customer asks us to invoice the GPUs as spare parts, urgent")
        let q = t.quote(4, 9, context: 2)
        #expect(q == "…us to ⟦invoice the GPUs as spare parts⟧, urgent")
    }

    static let patterns = try! TextPatterns.bundled()

    func read(_ s: String) -> [(String, Bool)] {
        Self.patterns.read(TextTokens(s)).map { (Self.patterns.patterns[$0.pattern].id, $0.resolved) }
    }

    @Test func negationAndAnswersResolve() {
        #expect(read("Customer confirmed installation at own site, no re-export planned").allSatisfy { $0.1 })
        #expect(read("Re-export: none").allSatisfy { $0.1 })
        #expect(read("客户承诺不转出口").allSatisfy { $0.1 })
        #expect(read("Keine Re-Export-Absicht, EVE liegt vor").allSatisfy { $0.1 })
        #expect(read("Plans to reexport to a partner in Kazakhstan").contains { $0.0 == "reexport" && !$0.1 })
        // "but" ends the negation's scope.
        #expect(read("no issues so far but reexport to partner planned").contains { $0.0 == "reexport" && !$0.1 })
    }

    @Test func invoiceAsIsNotARequestToMisdeclare() {
        #expect(read("Invoice as per framework agreement to accounts payable").isEmpty)
        #expect(read("invoice the GPUs as spare parts").contains { $0.0 == "misdeclare" })
        #expect(read("Kunde bittet, die GPUs als Ersatzteile zu deklarieren").contains { $0.0 == "misdeclare" })
        #expect(read("Do not declare as spare parts").allSatisfy { $0.1 })
    }

    @Test func theIssuesHonestLinesStayClear() throws {
        for (column, text) in [("notes", "Invoice as per framework agreement to accounts payable"),
                               ("notes", "Customer confirmed installation at own site, no re-export planned"),
                               ("end_user_name", "Summit Freightliner Parts Co.")] {
            let check = try OrderFixture.check([column: text])
            #expect(check.decision == .clear, "\(text): \(check.findings.map(\.id))")
        }
    }

    @Test func answeredQuestionIsShownAsANote() throws {
        let check = try OrderFixture.check(["notes": "Customer confirmed installation at own site, no re-export planned"])
        let f = try #require(check.findings.first { $0.id == "KYC-12" })
        #expect(f.severity == .note)
        #expect(f.facts.allSatisfy { $0.contains("documents the answer") && $0.contains("⟦") })
    }

    @Test func misdeclarationIsStopOnlyWhenTheItemContradictsIt() throws {
        let gpu = try OrderFixture.check(["notes": "label as networking equipment on the AWB"])
        #expect(gpu.findings.first { $0.id == "KYC-11" }?.severity == .stop)
        #expect(gpu.findings.first { $0.id == "KYC-11" }?.facts.contains { $0.contains("NVIDIA H100") } == true)
        let sw = try OrderFixture.check(["notes": "label as networking equipment on the AWB", "item_description": "Spectrum SN5600 Ethernet switch",
                                         "eccn": "5A992.c", "item_tpp": "", "item_dram_bandwidth": ""])
        #expect(!sw.findings.contains { $0.id == "KYC-11" })
        // Without a fact to compare with, text alone is HOLD at most.
        let unknown = try OrderFixture.check(["notes": "please declare as used equipment"])
        #expect(unknown.findings.first { $0.id == "KYC-11" }?.severity == .hold)
    }

    @Test func lowerDeclaredValueIsStopWithTheLinePriceAndHoldWithout() throws {
        let priced = try OrderFixture.check(["notes": "customer wants a lower value on the commercial invoice"])
        #expect(priced.findings.first { $0.id == "KYC-11" }?.severity == .stop)
        let unpriced = try OrderFixture.check(["notes": "customer wants a lower value on the commercial invoice", "unit_price": ""])
        #expect(unpriced.findings.first { $0.id == "KYC-11" }?.severity == .hold)
    }

    @Test func badPatternFileIsAClearError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rf-text-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("text-patterns.json")
        try Data(#"{"languages":["en"],"negation_window":6,"after_window":3,"sets":{"negation_before":{"xx":["no"]},"negation_after":{},"scope_breaks":{}},"descriptions":[],"item_kinds":{},"patterns":[]}"#.utf8).write(to: url)
        #expect(throws: (any Error).self) { try TextPatterns.load(url: url) }
        do { _ = try TextPatterns.load(url: url) } catch { #expect("\(error)".contains("unknown language 'xx'")) }
    }
}
