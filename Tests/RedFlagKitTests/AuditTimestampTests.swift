import Foundation
import Testing
@testable import RedFlagKit

/// Audit times are written by hand (a fresh process's first `ISO8601DateFormatter` costs about
/// 1.5 ms of a one-name screen): they must be the formatter's digits, and read back as the date.
@Suite("Audit timestamps: written by hand as ISO8601DateFormatter writes them")
struct AuditTimestampTests {
    /// Random instants of 1970–9999 at three precisions (any microsecond of any millisecond, whole
    /// microseconds, whole milliseconds), with a fixed seed so a failure repeats.
    @Test func randomInstantsMatchTheFormatter() {
        var generator = PipelineReaderFuzzTests.Random(state: 0x5eed_2026)
        var mismatches: [String] = []
        for i in 0..<60_000 {
            let t: Double
            switch i % 3 {
            case 0: t = Double(generator.next() % 253_402_300_000_000) / 1000 + Double(generator.next() % 1000) / 1e6
            case 1: t = Double(generator.next() % 4_102_444_800_000_000) / 1e6
            default: t = Double(generator.next() % 4_102_444_800_000) / 1000
            }
            let date = Date(timeIntervalSince1970: t)
            let mine = AuditTimestamp.string(date), reference = AuditTimestamp.formatted(date)
            guard mine != reference else { continue }
            // Near a half millisecond the two may round apart, by one millisecond at most.
            let apart = AuditTimestamp.date(mine).flatMap { a in AuditTimestamp.date(reference).map { abs(a.timeIntervalSince($0)) } }
            if !Self.isNearTie(date) || apart.map({ $0 > 0.0011 }) != false { mismatches.append("\(t): \(mine) vs \(reference)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// Day, month and year boundaries, leap days (2000 and 2400 are leap years, 2100 is not), the
    /// epoch, a second's last millisecond rounding up into the next day, and the last writable day.
    @Test func boundariesMatchTheFormatter() {
        let texts = ["1970-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2000-02-29T12:00:00Z", "2000-03-01T00:00:00Z",
                     "2024-02-29T23:59:59Z", "2100-02-28T23:59:59Z", "2100-03-01T00:00:00Z", "2400-02-29T00:00:00Z",
                     "2026-12-04T05:03:22Z", "9999-12-31T23:59:58Z"]
        let parser = ISO8601DateFormatter()
        for text in texts {
            let base = try! #require(parser.date(from: text))
            for offset in [0.0, 0.001, 0.0996, 0.9994, 0.9996, 0.999_999] {
                let date = base.addingTimeInterval(offset)
                #expect(AuditTimestamp.string(date) == AuditTimestamp.formatted(date), "\(text) + \(offset)")
            }
        }
        let now = Date()
        #expect(AuditTimestamp.string(now) == AuditTimestamp.formatted(now))
    }

    /// Outside 1970–9999 the formatter writes the time (its Julian calendar before 1582).
    @Test func datesOutsideTheHandWrittenYearsUseTheFormatter() {
        for t in [-1.0006, -62_135_596_800.5, 253_402_300_799.9996, 1e12] {
            let date = Date(timeIntervalSince1970: t)
            #expect(AuditTimestamp.string(date) == AuditTimestamp.formatted(date))
        }
    }

    /// Every stamp reads back within half a millisecond of its date, and stamps sort as their dates.
    @Test func stampsReadBackAndSortAsText() throws {
        var generator = PipelineReaderFuzzTests.Random(state: 7)
        var pairs: [(Date, String)] = []
        for _ in 0..<5_000 {
            let date = Date(timeIntervalSince1970: Double(generator.next() % 4_102_444_800_000_000) / 1e6)
            let text = AuditTimestamp.string(date)
            let back = try #require(AuditTimestamp.date(text), "\(text)")
            #expect(abs(back.timeIntervalSince(date)) <= 0.000_501, "\(text)")
            pairs.append((date, text))
        }
        let byDate = pairs.sorted { $0.0 < $1.0 }.map(\.1), byText = pairs.map(\.1).sorted()
        #expect(byDate == byText)
    }

    /// Whether the date lies within two microseconds (or four units of its last place, later in
    /// the millennia) of a half millisecond, where the formatter's
    /// own arithmetic decides the rounding (it differs from any exact rule there) and the two may
    /// round apart by one millisecond; elsewhere they must agree digit for digit.
    static func isNearTie(_ date: Date) -> Bool {
        let r = date.timeIntervalSinceReferenceDate
        let scaled = (r - r.rounded(.down)) * 1000
        return abs(scaled - scaled.rounded(.down) - 0.5) < max(0.002, r.ulp * 4000)
    }
}
