import ArgumentParser

struct Rescreen: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rescreen", abstract: "(under construction)")
}
