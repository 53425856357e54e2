import ArgumentParser

struct Screen: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "screen", abstract: "(under construction)")
}
