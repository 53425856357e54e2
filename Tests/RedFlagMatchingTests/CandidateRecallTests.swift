import Foundation
import RedFlagCore
import RedFlagLists
import Testing
@testable import RedFlagMatching

/// The index must find (almost) every name a full scan would score at or above review.
@Suite("Candidate recall against a full scan")
struct CandidateRecallTests {
    /// Recall of index candidates against a full scan over `queries`: of the (query, entry) pairs a
    /// full scan scores at or above `threshold`, the share the index also proposes at that score.
    static func recall(matcher: Matcher, queries: [String], threshold: Double) -> (found: Int, total: Int) {
        var found = 0, total = 0
        for q in queries {
            let full = matcher.nameScores(for: q, fullScan: true).filter { $0.value >= threshold }
            let indexed = matcher.nameScores(for: q, fullScan: false)
            total += full.count
            found += full.filter { (indexed[$0.key] ?? 0) >= $0.value - 1e-9 }.count
        }
        return (found, total)
    }

    @Test("fixture queries: every full-scan hit is an index candidate")
    func fixture() {
        let queries = ["Huawai Technologies", "Hua Wei Tech", "Rosoboroneksport", "Elashi Ihsan", "I Elashi", "Mohamad Al Rashid",
                       "Ocean Starr", "Sky Rim Trading", "Golden Eagle Intl Trading", "Beijing Huawei Yuan Aviation", "Shenzhen Unique1003"]
        let (found, total) = Self.recall(matcher: MatcherFixture.matcher(), queries: queries, threshold: 0.7)
        #expect(total >= queries.count)
        #expect(found == total)
    }

    @Test("real lists: ≥ 99.5 % candidate recall on perturbed list names", .enabled(if: SharedLists.available))
    func realLists() throws {
        let entries = try SharedLists.entries(["un/consolidated.xml"])
        let matcher = Matcher(index: try MatchIndex(entries: entries))
        var rng = SplitMix(seed: 7)
        var queries: [String] = []
        for _ in 0..<120 {
            let e = entries[Int(rng.next() % UInt64(entries.count))]
            queries.append(Perturb.typo(e.name, &rng))
        }
        let (found, total) = Self.recall(matcher: matcher, queries: queries, threshold: 0.8)
        print("candidate recall \(found)/\(total)")
        #expect(total > 80)
        #expect(Double(found) / Double(total) >= 0.995)
    }
}

/// Deterministic pseudo-random numbers for reproducible perturbations.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Perturb {
    /// One random edit (swap, drop, double or replace a letter) in a random letter of the name.
    static func typo(_ s: String, _ rng: inout SplitMix) -> String {
        var chars = Array(s)
        let letters = chars.indices.filter { chars[$0].isLetter }
        guard letters.count > 3 else { return s }
        let i = letters[Int(rng.next() % UInt64(letters.count - 1))]
        switch rng.next() % 4 {
        case 0: chars.swapAt(i, i + 1)
        case 1: chars.remove(at: i)
        case 2: chars.insert(chars[i], at: i)
        default: chars[i] = "x"
        }
        return String(chars)
    }
}

/// The real list snapshots in ../shared/lists, when present.
enum SharedLists {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/lists")

    /// Entries of the named files (paths relative to the folder).
    static func entries(_ files: [String]) throws -> [ListEntry] {
        try ListFileLoader.load(paths: files.map { folder.appendingPathComponent($0) }).flatMap(\.entries)
    }

    static var available: Bool {
        let ok = FileManager.default.fileExists(atPath: folder.appendingPathComponent("ofac/sdn.xml").path)
        if !ok { print("skipped: ../shared/lists absent") }
        return ok
    }
}
