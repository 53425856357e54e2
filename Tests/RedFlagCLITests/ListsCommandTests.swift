import Foundation
import Testing

/// `redflag lists import|status|changes` run as a user would, on the hand-made fixtures.
@Suite struct ListsCommandTests {
    /// `lists status --format json` decoded loosely.
    static func status(_ dataDir: URL, _ extra: [String] = []) throws -> (CLI.Result, [String: Any]) {
        let r = try CLI.run(["lists", "status", "--data-dir", dataDir.path, "--format", "json"] + extra)
        let json = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any] ?? [:]
        return (r, json)
    }

    static func sources(_ json: [String: Any]) -> [[String: Any]] { json["sources"] as? [[String: Any]] ?? [] }

    @Test func importsFixturesAndReportsStatus() throws {
        let dir = CLI.temporaryDirectory()
        let r = try CLI.run(["lists", "import", CLI.fixture("lists/csl.csv"), CLI.fixture("lists/ofac-sdn.xml"), "--data-dir", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("CSL: +"))
        #expect(r.stdout.contains("OFAC-SDN: +"))
        #expect(r.stdout.contains("removed, ~0 modified"))

        let (s, json) = try Self.status(dir, ["--max-age-days", "100000"])
        #expect(s.status == 0)
        #expect(s.stderr.isEmpty)
        let sources = Self.sources(json)
        #expect(sources.compactMap { $0["source"] as? String } == ["CSL", "OFAC-SDN"])
        for source in sources {
            #expect((source["records"] as? Int ?? 0) > 0)
            #expect((source["names"] as? Int ?? 0) >= (source["records"] as? Int ?? 0))
            #expect((source["sha256"] as? String)?.count == 64)
            #expect(source["importedAt"] is String)
            #expect(source["stale"] as? Bool == false)
        }
        #expect(sources.first { $0["source"] as? String == "OFAC-SDN" }?["publicationDate"] is String)

        let table = try CLI.run(["lists", "status", "--data-dir", dir.path, "--max-age-days", "100000"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("SOURCE") && table.stdout.contains("OFAC-SDN"))
    }

    @Test func aListOlderThanMaxAgeIsFlaggedStale() throws {
        let dir = CLI.temporaryDirectory()
        #expect(try CLI.run(["lists", "import", CLI.fixture("lists/ofac-sdn.xml"), "--data-dir", dir.path]).status == 0)
        let (s, json) = try Self.status(dir, ["--max-age-days", "0"])
        let sdn = try #require(Self.sources(json).first)
        // The fixture carries a publication date in the past, so with a zero-day limit it is stale.
        #expect(sdn["stale"] as? Bool == true)
        #expect((json["stale"] as? [String]) == ["OFAC-SDN"])
        #expect(s.stderr.contains("warning: OFAC-SDN is"))
        #expect(s.status == 0)
    }

    @Test func jsonFormatPrintsOnlyJSON() throws {
        let dir = CLI.temporaryDirectory()
        let r = try CLI.run(["lists", "import", CLI.fixture("lists/csl.csv"), "--data-dir", dir.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let report = try #require(json["report"] as? [String: Any])
        let imported = try #require(report["imported"] as? [[String: Any]])
        let changes = try #require(imported.first?["changes"] as? [String: Any])
        #expect((changes["added"] as? [String])?.isEmpty == false)
    }

    @Test func importingOneSourceKeepsTheOthersAndLogsChanges() throws {
        let dir = CLI.temporaryDirectory()
        #expect(try CLI.run(["lists", "import", CLI.fixture("lists/csl.csv"), CLI.fixture("lists/ofac-sdn.xml"), "--data-dir", dir.path]).status == 0)
        let (_, before) = try Self.status(dir)
        // The 2025 fixture has 3 of the 8 entries: a shrink the import refuses without --allow-shrink.
        let r = try CLI.run(["lists", "import", CLI.fixture("lists/csl-2025.csv"), "--allow-shrink", "--data-dir", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("OFAC-SDN: kept"))
        let (_, after) = try Self.status(dir)
        let sha = { (json: [String: Any], name: String) in Self.sources(json).first { $0["source"] as? String == name }?["sha256"] as? String }
        #expect(sha(before, "OFAC-SDN") != nil && sha(before, "OFAC-SDN") == sha(after, "OFAC-SDN"))
        #expect(sha(before, "CSL") != sha(after, "CSL"))

        let log = try CLI.run(["lists", "changes", "--data-dir", dir.path, "--source", "csl", "--format", "json"])
        #expect(log.status == 0)
        let changes = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
        #expect(changes.count == 2)
        #expect(changes.allSatisfy { $0["source"] as? String == "CSL" })
        let text = try CLI.run(["lists", "changes", "--data-dir", dir.path])
        #expect(text.stdout.components(separatedBy: "\n").filter { $0.contains("added") }.count == 3)
    }

    @Test func eachBadInputExits65NamingTheFileAndWritesNothing() throws {
        let dir = CLI.temporaryDirectory()
        #expect(try CLI.run(["lists", "import", CLI.fixture("lists/ofac-sdn.xml"), "--data-dir", dir.path]).status == 0)
        let (_, before) = try Self.status(dir)
        let folders = { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }
        let listing = try folders()
        let bad = try FileManager.default.contentsOfDirectory(atPath: CLI.fixture("bad")).sorted()
        #expect(!bad.isEmpty)
        for name in bad {
            let path = CLI.fixture("bad/\(name)")
            let r = try CLI.run(["lists", "import", path, "--data-dir", dir.path])
            #expect(r.status == 65, "\(name): exit \(r.status), stderr \(r.stderr)")
            #expect(r.stderr.contains(name), "\(name): \(r.stderr)")
            #expect(r.stdout.isEmpty)
            let (_, after) = try Self.status(dir)
            #expect(NSDictionary(dictionary: after).isEqual(to: before), "\(name) changed the store")
            #expect(try folders() == listing, "\(name) left files behind")
        }
    }

    @Test func aMissingFileExits66AndWritesNothing() throws {
        let dir = CLI.temporaryDirectory()
        let r = try CLI.run(["lists", "import", CLI.fixture("lists/csl.csv"), "/no/such/list.xml", "--data-dir", dir.path])
        #expect(r.status == 66)
        #expect(r.stderr.contains("/no/such/list.xml"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func twoFilesOfOneSourceIsAUsageError() throws {
        let dir = CLI.temporaryDirectory()
        let r = try CLI.run(["lists", "import", CLI.fixture("lists/csl.csv"), CLI.fixture("lists/csl-2025.csv"), "--data-dir", dir.path])
        #expect(r.status == 64)
        #expect(r.stderr.contains("CSL given twice"))
    }

    @Test func statusWithNothingImportedExits66() throws {
        let dir = CLI.temporaryDirectory()
        let r = try CLI.run(["lists", "status", "--data-dir", dir.path])
        #expect(r.status == 66)
        #expect(r.stderr.contains("no lists imported"))
        #expect(r.stdout.isEmpty)
    }

    @Test func theDataDirectoryComesFromTheEnvironmentToo() throws {
        let dir = CLI.temporaryDirectory()
        let r = try CLI.run(["lists", "import", CLI.fixture("lists/csl.csv")], environment: ["REDFLAG_DATA_DIR": dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("lists/manifest.json").path))
    }
}
