import ArgumentParser

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "(under construction)")
}
