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
            for (e, v) in full where (indexed[e] ?? 0) < v - 1e-9 {
                print("  missed by the index: \(q) → \(matcher.index.entry(at: e)?.name ?? "?") \(v)")
            }
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

    /// Listed names the candidate bound used to underrate: initials (credited by the aligner
    /// against any query token with that letter, yet in no posting of the query's tokens) and a
    /// repeated token (posted once, weighed twice), among filler that gives IDF its spread.
    static let boundMatcher: Matcher = {
        var entries = [
            ListEntry(source: .ofacSDN, sourceID: "1", list: .ofacSDN, type: .person, name: "ELASHI, I. H.", programs: ["SDGT"]),
            ListEntry(source: .ofacSDN, sourceID: "2", list: .ofacSDN, type: .person, name: "NADIA NADIA NADIA NADIA NADIA KAREEM", programs: ["SDGT"]),
            ListEntry(source: .ofacSDN, sourceID: "3", list: .ofacSDN, type: .entity, name: "K TECHNOLOGIES", programs: ["RUSSIA-EO14024"]),
        ]
        for (i, g) in ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Theta", "Kappa"].enumerated() {
            entries.append(ListEntry(source: .csl, sourceID: String(100 + i), list: .entityList, type: .entity, name: "\(g) Holding \(i)",
                                     programs: ["EAR"]))
        }
        return Matcher(index: try! MatchIndex(entries: entries))
    }()

    @Test("a listed name with initials is a candidate for the full name",
          arguments: ["Ihsan Hamid Elashi", "Ihsan Elashi", "Elashi Ihsan"])
    func listedInitials(query: String) throws {
        let matcher = Self.boundMatcher
        let entry = try #require(matcher.index.entryIndex(id: "OFAC-SDN:1"))
        let full = try #require(matcher.nameScores(for: query, fullScan: true)[entry])
        #expect(full >= 0.8, "the aligner credits the initials: \(full)")
        #expect(matcher.nameScores(for: query, fullScan: false)[entry] == full)
        #expect(matcher.screen(ScreeningQuery(name: query)).matches.first?.id == "OFAC-SDN:1")
    }

    @Test("a letter in a company name is the name itself, not an initial",
          arguments: ["Keysight Technologies", "Kingsley Technologies"])
    func companyLetter(query: String) throws {
        let matcher = Self.boundMatcher
        let entry = try #require(matcher.index.entryIndex(id: "OFAC-SDN:3"))
        #expect((matcher.nameScores(for: query, fullScan: true)[entry] ?? 0) < 0.8)
        #expect(matcher.screen(ScreeningQuery(name: query)).decision == .clear)
        #expect(matcher.screen(ScreeningQuery(name: "K Technologies")).matches.first?.id == "OFAC-SDN:3")
    }

    @Test("a listed name repeating a token is a candidate for the query repeating it")
    func repeatedToken() throws {
        let matcher = Self.boundMatcher
        let entry = try #require(matcher.index.entryIndex(id: "OFAC-SDN:2"))
        // Counting "nadia" once, as its posting does, the listed side would look 1/6 covered (bound 0.67).
        let query = "Nadia Nadia Nadia Nadia Nadia"
        let full = try #require(matcher.nameScores(for: query, fullScan: true)[entry])
        #expect(full >= 0.8)
        #expect(matcher.nameScores(for: query, fullScan: false)[entry] == full)
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

    /// The bound credits a query initial with one listed word at most (the document's heaviest), so a
    /// full scan finds nothing at the matcher's own floor through the query's words that the index
    /// does not propose.
    @Test("real lists: a query with initials finds every full-scan hit at the name floor", .enabled(if: SharedLists.available))
    func realListsInitials() throws {
        let entries = try SharedLists.entries(["un/consolidated.xml"])
        let matcher = Matcher(index: try MatchIndex(entries: entries))
        var rng = SplitMix(seed: 11)
        var queries: [String] = []
        let persons = entries.filter { $0.type == .person }
        while queries.count < 60 {
            let e = persons[Int(rng.next() % UInt64(persons.count))]
            let words = e.name.split { !$0.isLetter }.map(String.init).filter { $0.count > 1 }
            guard words.count >= 2, let longest = words.indices.max(by: { words[$0].count < words[$1].count }) else { continue }
            // Every word but the longest as its initial ("I. H. Elashi"), or one only, the rest typed with a typo.
            let one = rng.next() % 2 == 0
            let initialled = words.indices.map { i in
                i == longest || (one && i != (longest + 1) % words.count) ? words[i] : "\(words[i].prefix(1))."
            }
            queries.append(one ? Perturb.typo(initialled.joined(separator: " "), &rng) : initialled.joined(separator: " "))
        }
        let (found, total) = Self.recall(matcher: matcher, queries: queries, threshold: matcher.nameFloor)
        print("candidate recall with initials \(found)/\(total)")
        // A full scan compares every pair of words directly and so meets a few names through no similar
        // word the index lists ("H. R. MOHAJERANI" / RAED MUHAMMAD HASAN MUHAMMAD HIJAZI, 0.85): two of these
        // 96, whatever the bound. A bound that credited the initials nothing would miss 12.
        #expect(total > 60)
        #expect(Double(found) / Double(total) >= 0.97)
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
