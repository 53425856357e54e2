import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists
import Testing

/// Property test: malformed input (random bytes, truncations, byte mutations, spliced lines) fed
/// to every reader the pipeline uses — the CSV reader, the list loader (CSV and XML formats) and
/// the screen input reader (CSV, JSON Lines, plain names). Each must either read the input or
/// throw a `RedFlagError` that names the file; never crash, hang or throw anything else.
/// Seeded, bounded iterations: a failure reproduces with the printed seed and case number.
@Suite struct PipelineReaderFuzzTests {
    /// SplitMix64: tiny, seedable, good enough to drive mutations.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    }

    /// Interesting bytes for text formats: quotes, separators, line ends, markup, invalid UTF-8.
    static let specials: [UInt8] = [0x22, 0x2C, 0x0A, 0x0D, 0x00, 0x3C, 0x3E, 0x26, 0x7B, 0x7D, 0x5C, 0xFF, 0xC3, 0xE2, 0x80, 0x3B, 0x09]

    static func mutate(_ seed: [UInt8], _ rng: inout Random) -> [UInt8] {
        var bytes = seed
        switch rng.below(6) {
        case 0:  // random bytes
            return (0..<rng.below(400)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        case 1:  // truncation
            return Array(bytes.prefix(rng.below(bytes.count + 1)))
        case 2:  // point mutations with special bytes
            for _ in 0..<(1 + rng.below(12)) where !bytes.isEmpty {
                bytes[rng.below(bytes.count)] = specials[rng.below(specials.count)]
            }
        case 3:  // delete a range
            if !bytes.isEmpty {
                let a = rng.below(bytes.count), b = min(bytes.count, a + rng.below(200))
                bytes.removeSubrange(a..<b)
            }
        case 4:  // duplicate a range elsewhere (spliced records, repeated tags)
            if !bytes.isEmpty {
                let a = rng.below(bytes.count), b = min(bytes.count, a + rng.below(300))
                bytes.insert(contentsOf: bytes[a..<b], at: rng.below(bytes.count + 1))
            }
        default:  // insert specials
            for _ in 0..<(1 + rng.below(8)) {
                bytes.insert(specials[rng.below(specials.count)], at: rng.below(bytes.count + 1))
            }
        }
        return bytes
    }

    static func seedFile(_ path: String, limit: Int = 24_000) throws -> [UInt8] {
        let data = try Data(contentsOf: PipelineFixtures.packageRoot.appendingPathComponent(path))
        return Array(data.prefix(limit))
    }

    /// Runs `body` on `iterations` mutations of `seed`, written to a temporary file named `name`.
    /// Returns how many were read and how many were refused with a clear error.
    static func fuzz(seed: [UInt8], name: String, iterations: Int, rngSeed: UInt64,
                     _ body: (URL) throws -> Void) throws -> (read: Int, refused: Int) {
        var rng = Random(state: rngSeed)
        let dir = PipelineFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var read = 0, refused = 0
        for i in 0..<iterations {
            let url = dir.appendingPathComponent(name)
            try Data(mutate(seed, &rng)).write(to: url)
            do {
                try body(url)
                read += 1
            } catch let error as RedFlagError {
                refused += 1
                #expect(error.description.contains(url.path) || error.description.contains(name),
                        "seed \(rngSeed) case \(i): error does not name the file: \(error)")
                #expect(error.exitCode == 65 || error.exitCode == 66 || error.exitCode == 64,
                        "seed \(rngSeed) case \(i): unexpected exit code \(error.exitCode) for \(error)")
            } catch {
                Issue.record("seed \(rngSeed) case \(i): \(name) threw a non-RedFlagError: \(error)")
            }
        }
        return (read, refused)
    }

    @Test func csvReaderNeverCrashes() throws {
        let seed = try Self.seedFile("Fixtures/lists/csl.csv")
        let outcome = try Self.fuzz(seed: seed, name: "fuzz.csv", iterations: 300, rngSeed: 0xC5F) { url in
            for encoding in [CSVReader.Encoding.utf8, .windows1252] {
                let reader = try CSVReader(url: url, encoding: encoding)
                var last = 0
                while let record = try reader.next() {
                    #expect(record.line >= last)
                    last = record.line
                }
            }
        }
        #expect(outcome.read + outcome.refused == 300)
    }

    @Test(arguments: [
        ("Fixtures/lists/csl.csv", "consolidated.csv"),
        ("Fixtures/lists/ofac-sdn.xml", "sdn.xml"),
        ("Fixtures/lists/un.xml", "consolidated.xml"),
        ("Fixtures/lists/eu.xml", "eu-fsf.xml"),
        ("Fixtures/lists/ofsi-conlist.csv", "ConList.csv"),
    ])
    func listLoaderNeverCrashes(fixture: String, name: String) throws {
        let seed = try Self.seedFile(fixture)
        let outcome = try Self.fuzz(seed: seed, name: name, iterations: 120, rngSeed: UInt64(truncatingIfNeeded: fixture.hashValue & 0xFFFF) | 1) { url in
            let lists = try ListFileLoader.load(paths: [url])
            for list in lists { for entry in list.entries { #expect(!entry.id.isEmpty) } }
        }
        #expect(outcome.refused > 0, "no mutation of \(fixture) was refused: the loader accepts anything?")
    }

    @Test(arguments: [
        "name,country,address\nAcme GmbH,DE,\"Main St 1, Berlin\"\nArktos Freight Forwarding LLC,AE,\n\"Doe, John\",US,\n",
        "{\"name\":\"Acme GmbH\",\"country\":\"DE\"}\n{\"name\":\"Arktos Freight Forwarding LLC\",\"address\":\"Dubai\"}\n",
        "Acme GmbH\nArktos Freight Forwarding LLC\nHuawei Technologies\n",
    ])
    func screenInputReaderNeverCrashes(text: String) throws {
        let seed = Array(text.utf8)
        var records = 0
        let outcome = try Self.fuzz(seed: seed, name: "names.txt", iterations: 250, rngSeed: UInt64(seed.count)) { url in
            let reader = try ScreeningInputReader(path: url.path)
            var last = 0
            while let record = try reader.next() {
                #expect(record.line > last)
                last = record.line
                records += 1
                if case .failure(let error) = record.query { #expect(!error.message.isEmpty) }
            }
        }
        #expect(outcome.read + outcome.refused == 250)
        #expect(records > 0)
    }
}
