import Foundation
import Testing

/// `redflag check` and `redflag rules` run as a user (or a script) would.
@Suite("check and rules commands")
struct CheckCommandTests {
    static let lists = [CLI.fixture("lists/csl.csv"), CLI.fixture("lists/ofac-sdn.xml")]
    static let scenario = CLI.fixture("orders/scenario.csv")

    func check(_ extra: [String], input: String = scenario, stdin: Data? = nil) throws -> (CLI.Result, URL) {
        let dir = CLI.temporaryDirectory()
        let r = try CLI.run(["check", input, "--lists"] + Self.lists + ["--data-dir", dir.path, "--quiet"] + extra, stdin: stdin)
        return (r, dir)
    }

    func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test func scenarioAsJSONLinesOneObjectPerRowInOrder() throws {
        let (r, _) = try check(["--format", "jsonl", "--no-history"])
        #expect(r.status == 2)
        let rows = try objects(r.stdout)
        #expect(rows.count == 37)
        #expect(rows.first?["order_id"] as? String == "SO-0901")
        let stop = try #require(rows.first { $0["order_id"] as? String == "SO-1003" })
        #expect(stop["decision"] as? String == "STOP")
        let flags = try #require(stop["flags"] as? [[String: Any]])
        let el = try #require(flags.first { $0["id"] as? String == "REG-LIST-EL" })
        for key in ["title", "severity", "facts", "citation", "next_step"] { #expect(el[key] != nil, "flag lacks \(key)") }
        #expect((stop["license"] as? [String: Any])?["status"] != nil)
        #expect(stop["not_evaluated"] is [Any])
        #expect((stop["parties"] as? [Any])?.isEmpty == false)
        #expect((stop["lists"] as? [[String: Any]])?.first?["sha256"] != nil)
        #expect(stop["configuration"] as? String == "default")
        #expect((stop["columns"] as? [String: Any])?["sales_rep"] as? String == "m.chan")
        let errors = rows.filter { $0["decision"] as? String == "ERROR" }
        #expect(errors.count == 3)
        #expect(r.stderr.contains("line 36"))
    }

    /// `--out` writes through the path in place: a symlink stays a link (and a device such as
    /// /dev/null stays a device) instead of being replaced by a new plain file.
    @Test func outWritesThroughASymlinkInPlace() throws {
        let dir = CLI.temporaryDirectory()
        let target = dir.appendingPathComponent("target.jsonl"), link = dir.appendingPathComponent("link.jsonl")
        try Data("old\n".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let (r, _) = try check(["--format", "jsonl", "--no-history", "--out", link.path])
        #expect(r.status == 2, "\(r.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: link.path)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        let written = try String(contentsOf: target, encoding: .utf8)
        #expect(written.split(separator: "\n").count == 37)
        #expect(!written.hasPrefix("old"))
    }

    @Test func reportDirHoldsACaseFilePerStopOrder() throws {
        let out = CLI.temporaryDirectory()
        let (r, _) = try check(["--format", "csv", "--no-history", "--report-dir", out.path, "--out", out.appendingPathComponent("result.csv").path])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        // case-<order id>-<12 hex digits of its SHA-256>.md and .json
        func caseFile(_ id: String, _ ext: String) -> String? {
            files.first { $0.range(of: "^case-\(id)-[0-9a-f]{12}\\.\(ext)$", options: .regularExpression) != nil }
        }
        #expect(caseFile("SO-1003", "md") != nil && caseFile("SO-1003", "json") != nil)
        #expect(caseFile("SO-1010", "md") == nil) // a HOLD
        #expect(caseFile("SO-1023", "md") != nil) // HOLDs of two concerns: COMBO-01
        #expect(caseFile("SO-1020", "md") == nil) // one concern's HOLD and a NOTE (issue 12)
        let md = try String(contentsOf: out.appendingPathComponent(try #require(caseFile("SO-1003", "md"))), encoding: .utf8)
        #expect(md.contains("1-800-424-2980") && md.contains("764.5") && md.contains("REG-LIST-EL"))
        let csv = try String(contentsOf: out.appendingPathComponent("result.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("order_id,line,decision,flags,license,not_evaluated,error,sales_rep,region\n"))
        #expect(csv.split(separator: "\n").count == 38)
    }

    @Test func historyIsKeptInTheDataDirectoryAndNotDoubleCounted() throws {
        let dir = CLI.temporaryDirectory()
        let args = ["check", Self.scenario, "--lists"] + Self.lists + ["--data-dir", dir.path, "--quiet", "--format", "jsonl"]
        let a = try CLI.run(args)
        let b = try CLI.run(args)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("history.sqlite").path))
        #expect(a.status == 2 && b.status == 2)
        #expect(try objects(a.stdout).map { $0["decision"] as? String } == objects(b.stdout).map { $0["decision"] as? String })
    }

    @Test func exitCodesFollowTheWorstOutcome() throws {
        let dir = CLI.temporaryDirectory()
        let clean = "order_id,order_date,customer_id,customer_name,customer_country,quantity,eccn,ship_to_country\nA,2026-09-01,C1,Cascade Research Computing Inc.,US,4,EAR99,US\n"
        let (ok, _) = try check(["--format", "jsonl", "--no-history"], input: "-", stdin: Data(clean.utf8))
        #expect(ok.status == 0, "\(ok.stderr)")
        let bad = clean + "B,2026-09-01,C1,Cascade Research Computing Inc.,Atlantis,4,EAR99,US\n"
        let (err, _) = try check(["--format", "jsonl", "--no-history"], input: "-", stdin: Data(bad.utf8))
        #expect(err.status == 65)
        #expect(try objects(err.stdout).count == 2)
        let hold = bad + "C,2026-09-01,C1,Cascade Research Computing Inc.,US,4,EAR99,US\n".replacingOccurrences(of: "EAR99,US", with: "EAR99,IR")
        let (h, _) = try check(["--format", "jsonl", "--no-history"], input: "-", stdin: Data(hold.utf8))
        #expect(h.status == 2)
        let missing = try CLI.run(["check", dir.appendingPathComponent("nope.csv").path, "--skip-screening", "--data-dir", dir.path, "--quiet"])
        #expect(missing.status == 66)
        let usage = try CLI.run(["check", Self.scenario, "--map", "nonsense", "--skip-screening", "--data-dir", dir.path, "--quiet"])
        #expect(usage.status == 64)
        let header = try CLI.run(["check", CLI.fixture("lists/csl.csv"), "--skip-screening", "--data-dir", dir.path, "--quiet"])
        #expect(header.status == 65)
        #expect(header.stderr.contains("missing required column"))
    }

    @Test func columnMapAndSkippedScreeningReportNotEvaluated() throws {
        let dir = CLI.temporaryDirectory()
        let text = "ORDER_NO,DATE,CUST,NAME,COUNTRY,QTY\nX1,2026-09-01,C9,Acme Robotics,DE,2\n"
        let r = try CLI.run(["check", "-", "--map", "order_id=ORDER_NO,order_date=DATE,customer_id=CUST,customer_name=NAME,customer_country=COUNTRY,quantity=QTY",
                             "--skip-screening", "--no-history", "--data-dir", dir.path, "--quiet", "--format", "jsonl"], stdin: Data(text.utf8))
        let row = try #require(try objects(r.stdout).first)
        #expect(row["order_id"] as? String == "X1")
        let notEvaluated = try #require(row["not_evaluated"] as? [String])
        #expect(notEvaluated.contains("REG-LIST-EL: no screening lists loaded"))
        #expect(notEvaluated.contains("AC-06: no customer_type, facility_power_kw column") || notEvaluated.contains { $0.hasPrefix("AC-06: no ") })
        #expect((row["license"] as? [String: Any])?["status"] as? String == "not determined")
    }

    @Test func configurationIsNamedInTheOutput() throws {
        let dir = CLI.temporaryDirectory()
        let config = dir.appendingPathComponent("strict.json")
        try #"{"flags": {"AC-01": {"severity": "HOLD"}}}"#.write(to: config, atomically: true, encoding: .utf8)
        let (r, _) = try check(["--format", "jsonl", "--no-history", "--config", config.path])
        let rows = try objects(r.stdout)
        let nordlicht = try #require(rows.first { $0["order_id"] as? String == "SO-1002" })
        #expect(nordlicht["decision"] as? String == "HOLD")
        #expect((nordlicht["configuration"] as? String)?.contains("sha256") == true)
    }

    @Test func rulesListsAndExplainsTheCatalog() throws {
        let list = try CLI.run(["rules"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("AC-02") && list.stdout.contains("not evaluable"))
        let json = try CLI.run(["rules", "--format", "json"])
        let obj = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((obj["flags"] as? [Any])?.count ?? 0 > 60)
        let show = try CLI.run(["rules", "show", "REG-CN-CBC"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("max_tpp = 21000") && show.stdout.contains("91 FR 1684"))
        #expect(try CLI.run(["rules", "show", "NOPE-1"]).status == 64)
    }
}

@Suite("check with a map file and the other output formats")
struct CheckMapFileTests {
    @Test func erpExportWithMapFile() throws {
        let dir = CLI.temporaryDirectory()
        let r = try CLI.run(["check", CLI.fixture("orders/erp-export.csv"), "--map-file", CLI.fixture("orders/erp-export.map"),
                             "--lists"] + CheckCommandTests.lists + ["--data-dir", dir.path, "--quiet", "--no-history", "--format", "json"])
        #expect(r.status == 2, "\(r.stderr)")
        let obj = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let orders = try #require(obj["orders"] as? [[String: Any]])
        #expect(orders.map { $0["order_id"] as? String } == ["4500012001", "4500012002", "4500012003"])
        #expect(orders.map { $0["decision"] as? String } == ["CLEAR", "STOP", "STOP"])
        #expect((orders[2]["columns"] as? [String: Any])?["VKGRP"] as? String == "V03")
        let flags = (orders[2]["flags"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        // Packaging (logistics) and a third-party payer (payment): two concerns, so COMBO-01 stops it.
        #expect(flags.contains("KYC-11") && flags.contains("FC23-05") && flags.contains("COMBO-01"))
        #expect((obj["summary"] as? [String: Any])?["stop"] as? Int == 2)
    }

    @Test func tableIsReadable() throws {
        let dir = CLI.temporaryDirectory()
        let r = try CLI.run(["check", CLI.fixture("orders/erp-export.csv"), "--map-file", CLI.fixture("orders/erp-export.map"),
                             "--lists"] + CheckCommandTests.lists + ["--data-dir", dir.path, "--quiet", "--no-history", "--format", "table"])
        #expect(r.stdout.contains("4500012002     STOP"))
        #expect(r.stdout.contains("REG-LIST-EL"))
        #expect(r.stdout.contains("CLEAR 1 · HOLD 0 · STOP 2"))
    }
}
