import Foundation
import Testing

/// The benchmarks are their own executable: `redflag` ships without them, `redflag-bench` times it.
@Suite struct BenchToolTests {
    @Test func redflagHasNoBenchCommand() throws {
        let result = try CLI.run(["bench", "check"])
        #expect(result.status == 64)
        #expect(!(try CLI.run(["--help"]).stdout.contains("bench")))
    }

    @Test func generateOrdersIsDeterministic() throws {
        let dir = CLI.temporaryDirectory()
        let a = dir.appendingPathComponent("a.csv"), b = dir.appendingPathComponent("b.csv")
        for url in [a, b] {
            let run = try CLI.run(["generate-orders", "--rows", "50", "--seed", "3", "--out", url.path], executable: CLI.benchExecutable)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let text = try String(contentsOf: a, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 51)
        #expect(text.hasPrefix("order_id,order_date,customer_id,customer_name"))
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
    }

    /// `redflag-bench check` runs the `redflag` built beside it on a generated export and reports the rows it got back.
    @Test func checkTimesTheRedflagBesideIt() throws {
        let data = CLI.temporaryDirectory()
        let run = try CLI.run(["check", "--rows", "120", "--lists", CLI.fixture("lists/csl.csv"), CLI.fixture("lists/ofac-sdn.xml"),
                               "--data-dir", data.path], executable: CLI.benchExecutable)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("checked 120 rows in"), "\(run.stdout)")
        let missing = try CLI.run(["check", "--rows", "10", "--redflag", data.appendingPathComponent("nope").path,
                                   "--lists", CLI.fixture("lists/csl.csv")], executable: CLI.benchExecutable)
        #expect(missing.status != 0)
    }
}
