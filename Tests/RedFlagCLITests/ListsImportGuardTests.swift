import Foundation
import RedFlagCore
import Testing

/// Issue 13 item 9: an import that drops most of a source is refused; two files of one source too.
@Suite("lists import guards (CLI)")
struct ListsImportGuardTests {
    /// The fixture CSL cut to its header and first record.
    func oneEntryCSL(in dir: URL) throws -> URL {
        let records = try CSVReader(url: URL(fileURLWithPath: CLI.fixture("lists/csl.csv"))).readAll()
        func line(_ fields: [String]) -> String {
            fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") + "\n"
        }
        let url = dir.appendingPathComponent("csl-one.csv")
        try (line(records[0].fields) + line(records[1].fields)).write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("a file that drops more than half of a source is refused with both counts, unless --allow-shrink")
    func shrink() throws {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let full = try CLI.run(["lists", "import", CLI.fixture("lists/csl.csv"), "--data-dir", dir.path])
        #expect(full.status == 0, "\(full.stderr)")
        let small = try oneEntryCSL(in: dir)
        let refused = try CLI.run(["lists", "import", small.path, "--data-dir", dir.path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("would shrink from") && refused.stderr.contains("to 1 entries") && refused.stderr.contains("--allow-shrink"),
                "\(refused.stderr)")
        let status = try CLI.run(["lists", "status", "--data-dir", dir.path, "--format", "json"])
        #expect(!status.stdout.contains("\"recordCount\" : 1,"), "the store still holds the full list")
        let allowed = try CLI.run(["lists", "import", small.path, "--allow-shrink", "--data-dir", dir.path])
        #expect(allowed.status == 0, "\(allowed.stderr)")
    }

    @Test("two files of one source are refused before parsing (usage error)")
    func duplicateSources() throws {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["lists", "import", CLI.fixture("lists/csl.csv"), CLI.fixture("lists/csl.json"), "--data-dir", dir.path])
        #expect(r.status == 64)
        #expect(r.stderr.contains("CSL given twice"), "\(r.stderr)")
    }
}

/// Issue 13 item 8: every screening command warns about stale lists and marks them in records.
@Suite("stale lists (CLI)")
struct StaleListsCLITests {
    static let lists = [CLI.fixture("lists/ofac-sdn.xml"), CLI.fixture("lists/csl.csv")]

    @Test("screen and check warn on stderr and mark stale lists in every record; fresh enough lists are not marked")
    func warnsAndMarks() throws {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The fixtures were published in 2024 and 2026-03: older than 7 days.
        let screen = try CLI.run(["screen", "ACME", "--format", "json", "--lists"] + Self.lists + ["--data-dir", dir.path])
        #expect(screen.stderr.contains("redflag: warning: CSL is") && screen.stderr.contains("older than 7 days"), "\(screen.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(screen.stdout.utf8)) as? [String: Any])
        let lists = try #require(object["lists"] as? [[String: Any]])
        #expect(lists.allSatisfy { $0["stale"] as? Bool == true })

        let check = try CLI.run(["check", CLI.fixture("orders/scenario.csv"), "--no-history", "--format", "jsonl", "--quiet", "--lists"]
                                + Self.lists + ["--data-dir", dir.path])
        #expect(check.stderr.contains("redflag: warning: OFAC-SDN is"))
        let first = try #require(check.stdout.split(separator: "\n").first)
        #expect(first.contains("\"stale\":true"))

        let fresh = try CLI.run(["screen", "ACME", "--format", "json", "--max-age-days", "36500", "--lists"] + Self.lists + ["--data-dir", dir.path])
        #expect(!fresh.stderr.contains("warning") && !fresh.stdout.contains("\"stale\""))
    }

    @Test("--fail-if-stale exits 75 without screening")
    func failIfStale() throws {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["screen", "ACME", "--format", "json", "--fail-if-stale", "--lists"] + Self.lists + ["--data-dir", dir.path])
        #expect(r.status == 75)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("--fail-if-stale"))
        let ok = try CLI.run(["screen", "ACME", "--format", "json", "--fail-if-stale", "--max-age-days", "36500", "--lists"] + Self.lists
                             + ["--data-dir", dir.path])
        #expect(ok.status == 0)
    }
}
