import Foundation
import Testing
import RedFlagCore
import RedFlagLists
@testable import RedFlagKit

/// The `lists update` progress display: plain lines into a pipe, one live line on a terminal.
@Suite struct DownloadProgressDisplayTests {
    /// Captures what the display writes.
    final class Capture: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func write(_ s: String) { lock.withLock { text += s } }
        var all: String { lock.withLock { text } }
    }

    @Test func plainLinesReportEachStepAndTheBodyByTenths() {
        let capture = Capture()
        let display = DownloadProgressDisplay(sources: [.csl, .un], mode: .lines, write: capture.write)
        let t0 = Date()
        display.report(.csl, .transfer(.connecting(url: "https://example.test/csl.csv", attempt: 1)), now: t0)
        for (i, bytes) in [0, 50_000, 120_000, 150_000, 390_000, 1_000_000].enumerated() {
            display.report(.csl, .transfer(.received(bytes: Int64(bytes), total: 1_000_000)), now: t0.addingTimeInterval(Double(i) * 0.01))
        }
        display.report(.un, .transfer(.retrying(reason: "HTTP 503", delay: 2)), now: t0)
        display.report(.un, .transfer(.connecting(url: "https://example.test/un.xml", attempt: 2)), now: t0)
        display.report(.csl, .parsing(bytes: 1_000_000), now: t0)
        display.report(.csl, .done(bytes: 1_000_000, seconds: 12.4), now: t0)
        display.report(.un, .failed(reason: "UN: download from https://example.test/un.xml failed: HTTP 503"), now: t0)
        display.finish()
        #expect(capture.all == """
            CSL: connecting to https://example.test/csl.csv
            CSL: 120.0 KB of 1.0 MB (12%)
            CSL: 390.0 KB of 1.0 MB (39%)
            UN: HTTP 503; retrying in 2.0 s
            UN: connecting to https://example.test/un.xml (attempt 2)
            CSL: downloaded 1.0 MB, parsing
            CSL: done (1.0 MB in 12 s)
            UN: failed: UN: download from https://example.test/un.xml failed: HTTP 503

            """)
    }

    @Test func anUnknownLengthIsReportedNowAndThenNotPerChunk() {
        let capture = Capture()
        // interval × 20 = 5.05 s between lines (off the 0.1 s grid of the chunks).
        let display = DownloadProgressDisplay(sources: [.eu], mode: .lines, interval: 0.2525, write: capture.write)
        let t0 = Date()
        // One chunk every 0.1 s for 12 s: the first, then one line about every 5 s.
        for i in 1...120 {
            display.report(.eu, .transfer(.received(bytes: Int64(i * 1_000), total: nil)), now: t0.addingTimeInterval(Double(i) * 0.1))
        }
        #expect(capture.all == "EU: 1.0 KB\nEU: 52.0 KB\nEU: 103.0 KB\n")
    }

    @Test func aTerminalGetsOneLiveLineAndALinePerFinishedSource() {
        let capture = Capture()
        let display = DownloadProgressDisplay(sources: [.csl, .un], mode: .live, interval: 0.25, write: capture.write)
        let t0 = Date()
        display.report(.csl, .transfer(.connecting(url: "https://example.test/csl.csv", attempt: 1)), now: t0)
        display.report(.un, .transfer(.connecting(url: "https://example.test/un.xml", attempt: 1)), now: t0)
        display.report(.csl, .transfer(.received(bytes: 500_000, total: 1_000_000)), now: t0.addingTimeInterval(0.3))
        // Too soon after the last redraw: not drawn.
        display.report(.csl, .transfer(.received(bytes: 600_000, total: 1_000_000)), now: t0.addingTimeInterval(0.35))
        display.report(.un, .failed(reason: "HTTP 404"), now: t0.addingTimeInterval(0.4))
        display.report(.csl, .done(bytes: 1_000_000, seconds: 0.8), now: t0.addingTimeInterval(0.8))
        display.finish()
        let clear = "\r\u{1B}[K"
        #expect(capture.all == [
            clear + "CSL connecting · UN waiting",
            clear + "CSL connecting · UN connecting",
            clear + "CSL 500.0 KB of 1.0 MB (50%) · UN connecting",
            clear + "UN: failed: HTTP 404\n",
            clear + "CSL 600.0 KB of 1.0 MB (60%)",
            clear + "CSL: done (1.0 MB in 0.8 s)\n",
        ].joined())
    }

    @Test func quietShowsNothingAndControlCharactersAreEscaped() {
        let capture = Capture()
        let quiet = DownloadProgressDisplay.forCommand(sources: [.csl], quiet: true)
        #expect(quiet.mode == .off)
        let display = DownloadProgressDisplay(sources: [.csl], mode: .lines, write: capture.write)
        display.report(.csl, .failed(reason: "bad \u{1B}]0;title\u{07} server"))
        #expect(capture.all == "CSL: failed: bad \\x1B]0;title\\x07 server\n")
    }
}
