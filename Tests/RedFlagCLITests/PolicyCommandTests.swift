import Foundation
import Testing

/// One verdict per name from the command line: `--limit` never changes it, the table shows entry
/// ids, `rules policy` shows the policy and a configuration changes it for screen and check alike.
@Suite("decision policy on the command line")
struct PolicyCommandTests {
    static let lists = [CLI.fixture("lists/ofac-sdn.xml"), CLI.fixture("lists/csl.csv"), CLI.fixture("lists/un.xml")]

    func screen(_ arguments: [String]) throws -> CLI.Result {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        return try CLI.run(["screen"] + arguments + ["--lists"] + Self.lists + ["--data-dir", dir.path])
    }

    @Test("--limit 1 gives the verdict of the full run, and the table has an ID column")
    func limitDoesNotChangeTheVerdict() throws {
        for name in ["Zhongshan Everlight Microelectronics", "Sunrise Horizon Electronics Trading", "Eastern Horizon Shipping Company Limited"] {
            let all = try screen([name, "--threshold", "0.6"]), one = try screen([name, "--threshold", "0.6", "--limit", "1"])
            #expect(all.status == one.status, "\(name): \(all.status) vs \(one.status)")
            #expect(all.stdout.prefix(4) == one.stdout.prefix(4))
        }
        let t = try screen(["Zhongshan Everlight Microelectronics Co., Ltd.", "--format", "table"])
        #expect(t.stdout.contains(" ID "))
        #expect(t.stdout.contains("OFAC-SDN:"))
    }

    @Test("a UN-listed entity is STOP in screen")
    func unIsStop() throws {
        #expect(try screen(["Eastern Horizon Shipping Company Limited"]).status == 2)
    }

    @Test("rules policy shows every rule with its reason; a config's decisionPolicy changes it")
    func showsAndChangesThePolicy() throws {
        let r = try CLI.run(["rules", "policy"])
        #expect(r.status == 0)
        for s in ["OFAC-CONS", "CMIC", "weak alias", "address only", "decision-policy.json"] { #expect(r.stdout.contains(s), "\(s)") }
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("config.json")
        try Data(#"{"decisionPolicy": {"lists": [{"list": "UVL", "decision": "STOP", "reason": "house rule", "source": "memo"}]}}"#.utf8).write(to: config)
        let changed = try CLI.run(["rules", "policy", "--config", config.path, "--format", "json"])
        #expect(changed.status == 0)
        #expect(changed.stdout.contains("house rule"))
        let held = try screen(["Sunrise Horizon Electronics Trading FZE"])
        let stopped = try screen(["Sunrise Horizon Electronics Trading FZE", "--config", config.path])
        #expect(held.status == 1)
        #expect(stopped.status == 2)
        try Data(#"{"decisionPolicy": {"lists": [{"list": "UVL", "decision": "CLEAR", "reason": "x", "source": "y"}]}}"#.utf8).write(to: config)
        let bad = try CLI.run(["rules", "policy", "--config", config.path])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains(config.path))
    }
}
