import ArgumentParser
import RedFlagCore
import RedFlagKit

/// `redflag-bench`: speed and memory figures, printed, never asserted (machines are shared and
/// noisy), and the synthetic inputs they use. A tool of its own so the shipped `redflag` carries
/// no benchmark or generator code; it times the `redflag` binary built beside it.
@main
struct RedFlagBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redflag-bench",
        abstract: "Measure import, screening and checking speed and memory on this machine; write synthetic inputs.",
        discussion: """
            screen and check run the `redflag` executable built beside this one (override with --redflag PATH) \
            as child processes, the way users run it. Build both with `swift build -c release` for real figures.
            """,
        subcommands: [BenchImport.self, BenchScreen.self, BenchCheck.self, BenchGenerateOrders.self, BenchGenerateNames.self]
    )

    static func main() {
        Console.prepare()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
