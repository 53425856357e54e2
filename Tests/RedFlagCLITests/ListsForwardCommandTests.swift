import Foundation
import Testing

/// Issue 17 through the real binary: roll-back refusal, identical imports, field-level change
/// log, rescreen delistings, lapsed allow-list rules and renewal. Fixtures: two editions of one
/// invented OFAC non-SDN list (2020-04-22 and 2025-03-28).
@Suite struct ListsForwardCommandTests {
    static let v2020 = CLI.fixture("lists/ofac-cons-oldns.xml")
    static let v2025 = CLI.fixture("lists/ofac-cons-2025.xml")

    static func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    static func published(_ data: [String]) throws -> String? {
        let status = try CLI.run(["lists", "status", "--format", "json"] + data)
        let sources = (try json(status.stdout) as? [String: Any])?["sources"] as? [[String: Any]]
        return sources?.first?["publicationDate"] as? String
    }

    @Test func olderImportIsRefusedWithExit65UnlessAllowOlderAndIdenticalChangesNothing() throws {
        let data = ["--data-dir", CLI.temporaryDirectory().path]
        #expect(try CLI.run(["lists", "import", Self.v2025] + data).status == 0)
        let refused = try CLI.run(["lists", "import", Self.v2020] + data)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("published 2020-04-22 is older than the list in the store (published 2025-03-28"))
        #expect(refused.stderr.contains("--allow-older") && refused.stdout.isEmpty)
        #expect(try Self.published(data) == "2025-03-28")

        let same = try CLI.run(["lists", "import", Self.v2025] + data)
        #expect(same.status == 0)
        #expect(same.stdout.contains("OFAC-CONS: unchanged: identical to the list in the store"))
        let log = try #require(try Self.json(CLI.run(["lists", "changes", "--format", "json"] + data).stdout) as? [[String: Any]])
        #expect(log.count == 1)

        let rolledBack = try CLI.run(["lists", "import", Self.v2020, "--allow-older"] + data)
        #expect(rolledBack.status == 0, "\(rolledBack.stderr)")
        #expect(rolledBack.stdout.contains("OFAC-CONS: +1 added, -1 removed, ~2 modified"))
        #expect(try Self.published(data) == "2020-04-22")
    }

    @Test func changesShowFieldsInTheTableAndJSON() throws {
        let data = ["--data-dir", CLI.temporaryDirectory().path]
        #expect(try CLI.run(["lists", "import", Self.v2020] + data).status == 0)
        #expect(try CLI.run(["lists", "import", Self.v2025] + data).status == 0)
        let table = try CLI.run(["lists", "changes", "--source", "ofac-cons"] + data)
        #expect(table.status == 0)
        #expect(table.stdout.contains("  + OFAC-CONS:910007  ORION DUAL-USE TRADING LLC"))
        #expect(table.stdout.contains("  - OFAC-CONS:910006  BANCO FICTICIO DEL CARIBE"))
        #expect(table.stdout.contains("  ~ OFAC-CONS:910001  NORTHERN ARCTIC GAS FINANCE JSC\n      program added: RUSSIA-EO14024\n      alias added: NAG FINANCE (strong aka)\n"))
        let summary = try CLI.run(["lists", "changes", "--summary"] + data)
        #expect(!summary.stdout.contains("alias added"))

        let log = try #require(try Self.json(CLI.run(["lists", "changes", "--format", "json"] + data).stdout) as? [[String: Any]])
        // Two imports in one second have no defined order in the log: take the second by content.
        let last = try #require(log.first { ($0["removed"] as? [String])?.isEmpty == false })
        let modified = try #require(last["modifiedFields"] as? [[String: Any]])
        let first = try #require(modified.first { $0["id"] as? String == "OFAC-CONS:910001" })
        let fields = try #require(first["fields"] as? [[String: Any]])
        #expect(fields.contains { $0["field"] as? String == "alias" && $0["change"] as? String == "added" && $0["new"] as? String == "NAG FINANCE (strong aka)" })
        #expect((last["removedEntries"] as? [[String: Any]])?.first?["name"] as? String == "BANCO FICTICIO DEL CARIBE")
        #expect((last["addedNames"] as? [String: String])?["OFAC-CONS:910007"] == "ORION DUAL-USE TRADING LLC")
    }

    @Test func rescreenReportsADelistingWithTheEntryAndTheVerdictNow() throws {
        let data = ["--data-dir", CLI.temporaryDirectory().path]
        #expect(try CLI.run(["lists", "import", Self.v2020] + data).status == 0)
        #expect(try CLI.run(["screen", "Banco Ficticio del Caribe", "--country", "VE", "--quiet"] + data).status == 2)
        #expect(try CLI.run(["rescreen", "--quiet"] + data).status == 2)   // the first import: everything is new
        #expect(try CLI.run(["lists", "import", Self.v2025] + data).status == 0)

        let r = try CLI.run(["rescreen", "--format", "jsonl"] + data)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("1 removed entries"))
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        let record = try #require(try Self.json(String(line)) as? [String: Any])
        #expect(record["kind"] as? String == "removed")
        #expect(record["decision"] as? String == "CLEAR")
        let removed = try #require((record["removed"] as? [[String: Any]])?.first)
        let entry = try #require(removed["entry"] as? [String: Any])
        #expect(entry["id"] as? String == "OFAC-CONS:910006" && entry["programs"] as? [String] == ["VENEZUELA-EO13850", "UKRAINE-EO13662"])
        #expect((removed["match"] as? [String: Any])?["decision"] as? String == "STOP")
        #expect((removed["change"] as? [String: Any])?["kind"] as? String == "removed")
        // Kept in the audit trail although the party is CLEAR now: the reason on file.
        let export = try CLI.run(["audit", "export", "--format", "jsonl"] + data)
        #expect(export.stdout.split(separator: "\n").contains { $0.contains("\"kind\":\"removed\"") && $0.contains("OFAC-CONS:910006") })

        let table = try CLI.run(["rescreen", "--last", "--format", "table", "--quiet"] + data)
        #expect(table.stdout.hasPrefix("REMOVED\tBanco Ficticio del Caribe (VE): now CLEAR\n    was 1.00 OFAC-CONS:910006 BANCO FICTICIO DEL CARIBE (STOP"))
    }

    @Test func lapsedRuleIsMarkedListedWithItsDateAndRenewed() throws {
        let data = ["--data-dir", CLI.temporaryDirectory().path]
        #expect(try CLI.run(["lists", "import", Self.v2020] + data).status == 0)
        let add = try CLI.run(["allow", "add", "--query", "Northern Arctic Gas Finance", "--entry", "OFAC-CONS:910001",
                               "--reason", "an Oslo shipping firm", "--by", "ana"] + data)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(try CLI.run(["allow", "list"] + data).stdout.contains("1\tactive since "))
        #expect(try CLI.run(["screen", "Northern Arctic Gas Finance", "--no-audit"] + data).status == 0)
        #expect(try CLI.run(["lists", "import", Self.v2025] + data).status == 0)

        let screen = try CLI.run(["screen", "Northern Arctic Gas Finance", "--no-audit", "--format", "table"] + data)
        #expect(screen.status != 0)
        #expect(screen.stdout.contains("! [1] OFAC-CONS:910001 allow-list lapsed: allow-listed as rule 1 by ana"))
        #expect(screen.stdout.contains("(program added: RUSSIA-EO14024; alias added: NAG FINANCE (strong aka))"))

        let list = try CLI.run(["allow", "list"] + data)
        #expect(list.stdout.contains("1\tlapsed 20"))
        #expect(list.stdout.contains("\n    program added: RUSSIA-EO14024\n    alias added: NAG FINANCE (strong aka)\n"))
        let rules = try #require(try Self.json(CLI.run(["allow", "list", "--format", "json"] + data).stdout) as? [[String: Any]])
        #expect(rules.first?["state"] as? String == "lapsed" && rules.first?["since"] is String)

        let renew = try CLI.run(["allow", "renew", "1", "--reason", "still the Oslo firm", "--by", "bo"] + data)
        #expect(renew.status == 0, "\(renew.stderr)")
        #expect(renew.stdout.contains("allow-list rule 2 renews rule 1"))
        #expect(try CLI.run(["allow", "renew", "1", "--reason", "again", "--by", "bo"] + data).status == 64)
        #expect(try CLI.run(["allow", "renew", "2", "--reason", "x", "--by", "bo"] + data).status == 64)   // active
        let after = try #require(try Self.json(CLI.run(["allow", "list", "--format", "json"] + data).stdout) as? [[String: Any]])
        #expect(after.map { $0["state"] as? String } == ["lapsed", "active"])
        #expect(after.first?["renewedBy"] as? Int == 2 && after.last?["renews"] as? Int == 1)
        #expect(try CLI.run(["screen", "Northern Arctic Gas Finance", "--no-audit"] + data).status == 0)
    }

    // MARK: the real OFAC non-SDN pair

    static let realPair: (old: String, new: String)? = {
        guard let shared = CLI.sharedLists else { return nil }
        let old = shared.appendingPathComponent("ofac/consolidated-20200422.xml").path
        let new = shared.appendingPathComponent("ofac/consolidated.xml").path
        return FileManager.default.fileExists(atPath: old) && FileManager.default.fileExists(atPath: new) ? (old, new) : nil
    }()

    @Test(.enabled(if: realPair != nil, "../shared/lists/ofac consolidated pair absent"))
    func realPairRollBackRefusedAndDelistingsReported() throws {
        let pair = try #require(Self.realPair)
        let data = ["--data-dir", CLI.temporaryDirectory().path]
        #expect(try CLI.run(["lists", "import", pair.old] + data).status == 0)
        // Parties that are listed only in 2020, and one listed in both.
        let parties = ["Staroil B.V.", "Prominvestbank", "Sberbank (Switzerland) AG", "Harmless Bakery GmbH"]
        for name in parties { _ = try CLI.run(["screen", name, "--quiet"] + data) }
        _ = try CLI.run(["rescreen", "--quiet"] + data)
        #expect(try CLI.run(["lists", "import", pair.new] + data).status == 0)

        let rollBack = try CLI.run(["lists", "import", pair.old] + data)
        #expect(rollBack.status == 65)
        #expect(rollBack.stderr.contains("published 2020-03-17 is older than the list in the store (published 2025-03-28"))
        let same = try CLI.run(["lists", "import", pair.new] + data)
        #expect(same.status == 0 && same.stdout.contains("unchanged"))

        let changes = try CLI.run(["lists", "changes", "--source", "ofac-cons"] + data)
        #expect(changes.stdout.contains("OFAC-CONS: +77 added, -9 removed, ~288 modified"))
        #expect(changes.stdout.contains("      name changed: VTB BANK OAO → VTB BANK PUBLIC JOINT STOCK COMPANY\n"))

        let r = try CLI.run(["rescreen", "--format", "jsonl"] + data)
        #expect(r.status == 0, "\(r.stderr)")
        let records = try r.stdout.split(separator: "\n").compactMap { try Self.json(String($0)) as? [String: Any] }
        let removed = records.filter { $0["kind"] as? String == "removed" }
        #expect(Set(removed.compactMap { ($0["party"] as? [String: Any])?["name"] as? String }) == Set(parties.dropLast()))
        #expect(removed.allSatisfy { $0["decision"] as? String == "CLEAR" })
    }
}
