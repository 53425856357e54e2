import Foundation
import RedFlagCore
@testable import RedFlagMatching
import Testing

/// The matcher's shortcuts for speed give the results of the plain computations they replace: the
/// given-name table built on integers holds the equivalence as written, and a phonetic alignment
/// that stops once it cannot reach the floor keeps every similarity at or above it exact.
@Suite("Matcher speed shortcuts")
struct MatcherSpeedTests {
    typealias P = PhoneticComparison

    @Test("the given-name table holds the equivalence written plainly, spelling for spelling")
    func givenNameTable() {
        let reference = Self.reference()
        let table = GivenNames.table
        #expect(reference.count > 1000)
        #expect(Set(reference.keys).isSubset(of: Set(table.spellings)))
        let differing = table.spellings.filter { GivenNames.variants(of: $0) != (reference[$0] ?? []) }
        #expect(differing.isEmpty, "equivalents differ for \(differing.prefix(10))")
        let unpaired = reference.flatMap { a, bs in bs.filter { !GivenNames.areVariants(a, $0) }.map { "\(a)~\($0)" } }
        #expect(unpaired.isEmpty, "\(unpaired.prefix(10))")
        #expect(GivenNames.variants(of: "zzqx").isEmpty && !GivenNames.areVariants("bill", "zzqx"))
    }

    @Test("a phonetic similarity at or above the floor is exact when the alignment may stop early; one below stays below",
          arguments: P.Source.allCases)
    func earlyStop(source: P.Source) {
        let listed = ["vladimir", "putin", "lavrov", "mohammad", "muhammad", "gazprombank", "hizballah", "nasrallah", "kim", "jong", "un",
                      "aleksandr", "oleksandr", "joaquin", "yevgeniy", "khamenei", "deripaska", "rosneft", "sberbank", "ali", "ahmad",
                      "hassan", "hussein", "abdullah", "sergei", "igor", "dmitry", "mahan", "iran", "air", "bank", "melli", "trading"]
        let queries = ["beulladimireu", "urajimiru", "fulajimier", "pujing", "butin", "lafuluofu", "mhmd", "muhanmode", "gaseupeurombangkeu",
                       "khizvlla", "nsrllh", "gim", "jeong", "eun", "oleksandr", "khoakin", "evgenii", "khamnei", "deripaseuka", "rosnyeft",
                       "sberbanku", "alii", "akhmad", "khasan", "khusein", "abdalla", "sergey", "igori", "dmitrii", "mhn", "iraan", "er"]
        for q in queries {
            guard let qs = P.segments(Array(q.utf8), source: source) else { continue }
            for l in listed {
                guard let ls = P.segments(Array(l.utf8), source: nil) else { continue }
                let full = P.similarity(qs, ls, source: source)
                let consonants = (P.strongConsonants(qs), P.strongConsonants(ls))
                let early = qs.withUnsafeBufferPointer { a in
                    ls.withUnsafeBufferPointer { b in P.similarity(a, b, source: source, consonants: consonants, least: P.floor) }
                }
                if full >= P.floor {
                    #expect(early == full, "\(q) ~ \(l) (\(source))")
                } else {
                    #expect(early < P.floor, "\(q) ~ \(l) (\(source))")
                }
            }
        }
    }

    /// The given-name equivalence written plainly (spelling → its equivalent spellings), as
    /// `GivenNames` first built it.
    static func reference() -> [String: Set<String>] {
        var map: [String: Set<String>] = [:]
        var nicknames: [(full: String, nick: String)] = []
        for row in NameData.rows("given-names.tsv") {
            switch row.field(0) {
            case "nickname":
                let full = row.field(1)
                for nick in row.field(2).split(separator: " ").map(String.init) where nick != full { nicknames.append((full, nick)) }
            default:
                let group = row.field(1).split(separator: " ").map(String.init)
                for a in group { for b in group where a != b { map[a, default: []].insert(b) } }
            }
        }
        let groups = map
        for (full, nick) in nicknames {
            let spellings = nick.utf8.count >= 3 ? [full] + (groups[full].map { $0.sorted() } ?? []) : [full]
            for spelling in spellings where spelling != nick {
                map[spelling, default: []].insert(nick)
                map[nick, default: []].insert(spelling)
            }
        }
        return map
    }
}
