import Foundation
import RedFlagCore
import Testing
@testable import RedFlagMatching

@Suite("Match index")
struct MatchIndexTests {
    @Test("serialisation round-trips every array")
    func roundTrip() throws {
        let index = MatcherFixture.index
        let back = try MatchIndex(data: index.serialized(), path: "memory")
        #expect(back == index)
        let q = ScreeningQuery(name: "Huawei Technologies", address: "Room 1203 Lippo Centre 89 Queensway")
        #expect(Matcher(index: back).screen(q) == Matcher(index: index).screen(q))
    }

    @Test("a file round-trips through disk")
    func file() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rf-index-\(UUID().uuidString).bin")
        try MatcherFixture.index.serialized().write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try MatchIndex(contentsOf: url) == MatcherFixture.index)
    }

    @Test("truncated or foreign files are refused as bad data")
    func corrupt() throws {
        let data = MatcherFixture.index.serialized()
        #expect(throws: RedFlagError.self) { try MatchIndex(data: data.prefix(data.count / 2), path: "half.bin") }
        #expect(throws: RedFlagError.self) { try MatchIndex(data: Data("hello world, not an index".utf8), path: "x.bin") }
        do { _ = try MatchIndex(data: data.prefix(100), path: "half.bin") } catch let e as RedFlagError {
            #expect(e.description.hasPrefix("half.bin"))
        }
    }

    @Test("an index of another version or record layout is refused with a message, never read")
    func otherVersion() throws {
        var data = MatcherFixture.index.serialized()
        data.replaceSubrange(4..<8, with: [6, 0, 0, 0])
        do {
            _ = try MatchIndex(data: data, path: "old.bin")
            Issue.record("an index of version 6 was read")
        } catch let e as RedFlagError {
            #expect(e.description.contains("match index version 6, expected \(MatchIndex.version): re-import the lists"))
        }
        var layout = MatcherFixture.index.serialized()
        layout[8] ^= 0xFF
        #expect(throws: RedFlagError.self) { try MatchIndex(data: layout, path: "layout.bin") }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rf-index-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: url) }
        try MatcherFixture.index.serialized().write(to: url)
        #expect(MatchIndex.isCurrentFile(at: url))
        try data.write(to: url)
        #expect(!MatchIndex.isCurrentFile(at: url))
        #expect(!MatchIndex.isCurrentFile(at: url.appendingPathExtension("missing")))

        // Built with other name tables (another build's Lists/names): listed names were
        // normalised otherwise, so the file is refused and not taken for current.
        var tables = MatcherFixture.index.serialized()
        tables[16] ^= 0xFF
        do {
            _ = try MatchIndex(data: tables, path: "tables.bin")
            Issue.record("an index built with other name tables was read")
        } catch let e as RedFlagError {
            #expect(e.description.contains("other name tables"))
        }
        try tables.write(to: url)
        #expect(!MatchIndex.isCurrentFile(at: url))
    }

    @Test("the candidate-bound tables read from the file are those derived from its token spaces")
    func storedTerms() throws {
        let back = try MatchIndex(data: MatcherFixture.index.serialized(), path: "memory")
        #expect(back.nameTerms == MatcherFixture.index.nameTerms)
        let person = { (d: Int) in back.type(entry: Int(back.nameEntry[d])) == .person }
        #expect(back.nameTerms == DocumentBoundTerms(space: back.names, hasInitials: person, person: person))
        #expect(back.addressTerms == DocumentBoundTerms(space: back.addresses) { _ in true })
    }

    @Test("a file with bytes after its last table is refused")
    func trailingBytes() {
        var data = MatcherFixture.index.serialized()
        data.append(contentsOf: [UInt8](repeating: 0, count: 8))
        #expect(throws: RedFlagError.self) { try MatchIndex(data: data, path: "long.bin") }
    }

    @Test("entries decode lazily by id, with every field intact")
    func entries() throws {
        let index = MatcherFixture.index
        for original in MatcherFixture.entries.prefix(12) {
            let e = try #require(index.entryIndex(id: original.id))
            #expect(index.entry(at: e) == original)
        }
        #expect(index.entryIndex(id: "CSL:nope") == nil)
    }

    @Test("the primary name read from the name table is the entry's own")
    func primaryNames() throws {
        let index = MatcherFixture.index
        var indexed = 0
        for e in 0..<index.entryCount {
            let decoded = try #require(index.entry(at: e))
            if let name = index.indexedPrimaryName(entry: e) {
                #expect(name == decoded.name, "entry \(decoded.id)")
                indexed += 1
            }
        }
        #expect(indexed == index.entryCount)
    }

    @Test("two-decimal scores print as printf's %.2f does")
    func twoDecimals() {
        for x in [0, 0.004, 0.005, 0.125, 0.135, 0.5, 0.8, 0.8049, 0.92, 0.999, 0.9951, 1, -0.05, -0.15, -0.004, 12.345, 0.07, 0.615, 0.285] {
            #expect(fmt(x) == String(format: "%.2f", x), "\(x)")
        }
    }

    @Test("IDF weights: generic tokens weigh little, distinctive ones much")
    func weights() throws {
        let space = MatcherFixture.index.names
        func w(_ t: String) throws -> Float { space.weights[Int(try #require(space.id(of: Array(t.utf8))))] }
        // A token of one name only: "huawei" is in two since the Han alias 华为技术有限公司 romanises
        // to "huawei technology" (Lists/names/chinese-words.tsv).
        #expect(try w("rosoboronexport") > 5 * w("trading"))
        #expect(try w("rosoboronexport") == 1 || w("rosoboronexport") > 0.9)
    }
}
