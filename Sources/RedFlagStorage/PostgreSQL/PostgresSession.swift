import Foundation
import PostgresNIO
import RedFlagCore

/// One connection to a team's PostgreSQL database, used synchronously: the commands and the
/// pipeline's writer threads are plain threads, so each call waits for its result there (never
/// on an event-loop thread). One caller at a time: a transaction holds the session.
final class PostgresSession: @unchecked Sendable {
    /// The URL without its password, for messages.
    let description: String
    private let connection: PostgresConnection
    private let logger = Logger(label: "redflag.postgres")
    private let lock = NSLock()

    /// Connects to `postgres://user[:password]@host[:port]/database` (also `postgresql://`;
    /// `?sslmode=require` asks for TLS, anything else connects in the clear, as on loopback).
    init(url text: String) throws {
        let target = try PostgresTarget(url: text)
        description = target.description
        var configuration = PostgresConnection.Configuration(
            host: target.host, port: target.port, username: target.user, password: target.password,
            database: target.database, tls: target.requireTLS ? .require(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable)
        configuration.options.connectTimeout = .seconds(10)
        do {
            connection = try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.next(), configuration: configuration,
                                                        id: 1, logger: logger).wait()
        } catch {
            throw RedFlagError.cannotWrite(path: target.description, reason: "cannot connect to PostgreSQL: \(Self.message(error))")
        }
    }

    deinit { try? connection.close().wait() }

    /// Runs one statement outside a transaction (or inside the caller's).
    @discardableResult
    func query(_ query: PostgresQuery) throws -> [PostgresRow] {
        try connection.query(query, logger: logger).wait().rows
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        try query("BEGIN")
        do {
            let value = try body(self)
            try query("COMMIT")
            return value
        } catch {
            _ = try? query("ROLLBACK")
            throw error
        }
    }

    /// Reads outside a transaction, one caller at a time.
    func read<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(self)
    }

    /// The server's message for a failed query rather than the library's generic one.
    static func message(_ error: Error) -> String {
        if let psql = error as? PSQLError {
            if let server = psql.serverInfo, let text = server[.message] { return text }
            return "\(psql.code)"
        }
        return "\(error)"
    }
}

/// A parsed `postgres://` URL.
struct PostgresTarget: Sendable, Equatable {
    var user: String
    var password: String?
    var host: String
    var port: Int
    var database: String
    var requireTLS: Bool

    /// True for the URLs `--database` takes as PostgreSQL.
    static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    init(url text: String) throws {
        guard Self.isPostgresURL(text), let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw RedFlagError.usage("--database: '\(Self.redacted(text))' is not a URL like postgres://user@host:5432/database")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else {
            throw RedFlagError.usage("--database: '\(Self.redacted(text))' names no database (postgres://user@host:5432/database)")
        }
        self.user = components.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        self.password = components.password ?? ProcessInfo.processInfo.environment["PGPASSWORD"]
        self.host = host
        self.port = components.port ?? 5432
        self.database = database
        self.requireTLS = components.queryItems?.contains { $0.name == "sslmode" && ["require", "verify-ca", "verify-full"].contains($0.value ?? "") } ?? false
    }

    var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// The URL with any password replaced, for messages.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }
}
