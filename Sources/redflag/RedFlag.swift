import ArgumentParser
import RedFlagCore

@main
struct RedFlag: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redflag",
        abstract: "Export-control due diligence: screen parties against restricted-party lists and check orders for BIS red flags.",
        discussion: """
            Exit codes: 0 all CLEAR (or success), 1 at least one HOLD, 2 at least one STOP, \
            64 usage error, 65 bad data, 66 missing input or no lists, 69 download failed, \
            73 cannot write, 130 interrupted (SIGINT), 143 terminated (SIGTERM).
            """,
        subcommands: [Lists.self, Screen.self, Check.self, Rules.self, Allow.self, Audit.self, Rescreen.self, Store.self, Bench.self]
    )
}
