import Foundation
@testable import RedFlagRules
import Testing

@Suite("Case file names and Markdown escaping")
struct CaseFileNameTests {
    @Test("ids that read alike get files of their own; no path tricks; short enough")
    func uniqueSafeNames() {
        let ids = ["A/B", "A_B", ".", "..", "...", "", "A B", "a/../../etc/passwd", String(repeating: "x", count: 300),
                   String(repeating: "x", count: 301), "line\nbreak", "中文订单"]
        let stems = ids.map(CaseFileWriter.fileStem)
        #expect(Set(stems).count == ids.count, "\(stems)")
        for stem in stems {
            #expect(!stem.contains("/") && !stem.hasPrefix(".") && !stem.contains("\n"))
            #expect(stem.utf8.count + ".json".utf8.count <= 255)
            #expect(stem.range(of: "^case-[A-Za-z0-9_-]+-[0-9a-f]{12}$", options: .regularExpression) != nil, "\(stem)")
        }
        #expect(CaseFileWriter.fileStem("SO-1003").hasPrefix("case-SO-1003-"))
        #expect(CaseFileWriter.fileStem("SO-1003") == CaseFileWriter.fileStem("SO-1003"), "stable across runs")
    }
}

@Suite("Order numbers")
struct OrderNumberTests {
    @Test("decimal quantities are read; hexadecimal, nan and words are not", arguments: [
        ("8", 8.0), ("1,200.50", 1200.5), (" 3 ", 3.0), ("1e3", 1000.0), ("-2", -2.0), ("0.5", 0.5),
    ])
    func decimal(text: String, value: Double) {
        #expect(OrderLine.parseNumber(text) == value)
    }

    @Test("not numbers", arguments: ["0x10", "0X1F", "nan", "inf", "infinity", "eight", "", "1-2", "0x1p3", "+", "."])
    func notNumbers(text: String) {
        #expect(OrderLine.parseNumber(text) == nil)
    }
}
