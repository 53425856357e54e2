import Testing

@Suite struct RootCommandTests {
    @Test func helpListsSubcommands() throws {
        let r = try CLI.run(["--help"])
        #expect(r.status == 0)
        for sub in ["lists", "screen", "check", "rules"] { #expect(r.stdout.contains(sub)) }
    }

    @Test func unknownOptionIsAUsageError() throws {
        #expect(try CLI.run(["--no-such-option"]).status == 64)
    }
}
