import ArgumentParser

struct Allow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "allow", abstract: "(under construction)")
}
