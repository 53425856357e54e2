import ArgumentParser

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "(under construction)")
}
