import ArgumentParser
import Foundation
import Logging
import RedFlagCore
import RedFlagKit
import RedFlagServer

/// `redflag serve`: the screener as an HTTP service (the library's `RedFlagService`); this command
/// only turns options into its configuration, sets up logging and runs it until SIGTERM.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve screening, order checks, lists and rules over HTTP (JSON).",
        discussion: """
            Endpoints: POST /v1/screen, POST /v1/screen/batch (JSON Lines), POST /v1/check (CSV order export → \
            JSON Lines), GET /v1/lists, /v1/rules, /v1/rules/{id}, /healthz, /metrics, /openapi.json. \
            With --api-keys FILE every /v1 request needs `Authorization: Bearer KEY` (make keys with \
            `redflag serve keys add NAME --api-keys FILE`); without it only a loopback address may be bound. \
            Lists imported or updated in the same data directory are picked up by the next request. \
            SIGTERM or SIGINT: the requests in flight finish, then the service exits 0. \
            Exit codes: 0 stopped by a signal after draining, 64 usage (a non-loopback --host without \
            --api-keys), 65 a malformed keys file, 66 a missing keys file, 70 the address cannot be bound \
            or the service failed.
            """,
        subcommands: [Keys.self])

    @Option(help: ArgumentHelp("Address to listen on (default 127.0.0.1; another address needs --api-keys).", valueName: "address"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("Port (default 8080; 0 picks a free one, printed in the log).", valueName: "port"))
    var port = 8080

    @OptionGroup var dataDir: DataDirOptions
    @OptionGroup var database: DatabaseOptions

    @OptionGroup var keysFile: APIKeysOption
    var apiKeys: String? { keysFile.apiKeys }

    @Option(name: .customLong("max-body-bytes"), help: ArgumentHelp("Largest POST /v1/screen body (default 1048576).", valueName: "bytes"))
    var maxBodyBytes = 1 << 20

    @Option(name: .customLong("max-record-bytes"), help: ArgumentHelp(
        "Longest line or CSV record of a batch or check body (default 1048576): a longer one is an error record.", valueName: "bytes"))
    var maxRecordBytes = CSVReader.defaultMaxRecordBytes

    @Option(name: .customLong("read-timeout"), help: ArgumentHelp(
        "Seconds a client has to send a POST /v1/screen body; a connection silent for 3x this long is closed (default 10).",
        valueName: "seconds"))
    var readTimeout = 10

    @Option(name: .customLong("max-age-days"), help: ArgumentHelp("A list older than this is reported stale (default 7).", valueName: "days"))
    var maxAgeDays = 7

    @Option(name: .customLong("log-level"), help: ArgumentHelp("trace, debug, info, notice, warning, error or critical (default info; debug logs every request).", valueName: "level"))
    var logLevel = "info"

    @Flag(name: .customLong("audit"), inversion: .prefixedNo, help: "Record requests in the audit trail (the key's name is the user).")
    var audit = true

    @Flag(name: .customLong("allow-list"), inversion: .prefixedNo, help: "Suppress adjudicated false positives from the allow-list.")
    var allowList = true

    @Flag(name: .customLong("remember-parties"), inversion: .prefixedNo, help: "Remember screened parties for `redflag rescreen`.")
    var rememberParties = true

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard maxBodyBytes >= 1_024 else { throw ValidationError("--max-body-bytes must be at least 1024") }
        guard maxRecordBytes >= 1_024 else { throw ValidationError("--max-record-bytes must be at least 1024") }
        guard readTimeout >= 1 else { throw ValidationError("--read-timeout must be at least 1 second") }
        guard maxAgeDays >= 0 else { throw ValidationError("--max-age-days must be 0 or more") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level \(logLevel)") }
        if apiKeys == nil && !ServiceConfiguration.isLoopback(host) {
            throw ValidationError("--host \(host) is not a loopback address: give --api-keys FILE so every /v1 request needs a key (make one with `redflag serve keys add NAME --api-keys FILE`)")
        }
    }

    func run() throws {
        try runReportingErrors {
            let level = Logger.Level(rawValue: logLevel) ?? .info
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
            let logger = Logger(label: "redflag")
            let configuration = ServiceConfiguration(
                host: host, port: port, dataDirectory: dataDir.directory, databaseURL: database.database, apiKeysPath: apiKeys,
                maxBodyBytes: maxBodyBytes, maxRecordBytes: maxRecordBytes, readTimeout: .seconds(readTimeout), maxAgeDays: maxAgeDays,
                pipeline: PipelineSettings(quiet: true, audit: audit, allowList: allowList, rememberParties: rememberParties))
            let service = try RedFlagService(configuration: configuration, logger: logger)
            let outcome = BlockingOutcome()
            Task.detached {
                do {
                    try await service.run(onServerRunning: { channel in
                        logger.notice("listening", metadata: ["address": "\(channel.localAddress.map { "\($0)" } ?? "?")",
                                                               "keys": "\(apiKeys ?? "none (loopback only)")"])
                    })
                    outcome.set(nil)
                } catch {
                    outcome.set(error)
                }
            }
            if let error = outcome.wait() {
                Console.message("redflag: serve: \(error)")
                return RedFlagCore.ExitCode.software
            }
            logger.notice("stopped")
            return RedFlagCore.ExitCode.clear
        }
    }
}

/// `--api-keys FILE`, shared by `serve` and `serve keys add`.
struct APIKeysOption: ParsableArguments {
    @Option(name: .customLong("api-keys"), help: ArgumentHelp("API keys file (NAME sha256:HEX per line).", valueName: "file"))
    var apiKeys: String?
}

/// The outcome of the service task, waited for by the command's (synchronous) thread.
final class BlockingOutcome: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var error: (any Error)?

    func set(_ error: (any Error)?) {
        self.error = error
        done.signal()
    }

    func wait() -> (any Error)? {
        done.wait()
        return error
    }
}

extension Serve {
    /// `redflag serve keys`: the API keys file.
    struct Keys: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "keys", abstract: "Manage the service's API keys file.", subcommands: [Add.self])

        /// `redflag serve keys add NAME --api-keys FILE`: makes a key, stores its hash, prints it once.
        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add",
                abstract: "Make a new API key for NAME: its hash goes into the keys file, the key is printed once.",
                discussion: "The file is created (mode 0600) when missing. A running service picks the new key up within a second. Exit 64 when NAME is taken or malformed.")

            @Argument(help: ArgumentHelp("Who the key is for (the user in the audit trail): letters, digits, . - _ @.", valueName: "name"))
            var name: String

            // The same option group as `serve`'s: the parser gives a parent's option to the
            // subcommand only when both declare it through one group.
            @OptionGroup var keysFile: APIKeysOption

            func validate() throws {
                if keysFile.apiKeys == nil { throw ValidationError("give the keys file: --api-keys FILE") }
            }

            func run() throws {
                try runReportingErrors {
                    let apiKeys = keysFile.apiKeys ?? ""
                    let key = try APIKeys.add(name: name, path: apiKeys)
                    writeLine(key)
                    Console.message("redflag: key for \(name) added to \(apiKeys); it is shown only now")
                    return 0
                }
            }
        }
    }
}
