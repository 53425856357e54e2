import ArgumentParser

/// Benchmarks: speed and memory figures, printed, never asserted (machines are shared and noisy).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure import, screening and checking speed and memory on this machine.",
        subcommands: [BenchImport.self, BenchScreen.self, BenchStartup.self, BenchCheck.self, BenchGenerateOrders.self, BenchGenerateNames.self]
    )
}
