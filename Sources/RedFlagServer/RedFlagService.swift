import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import RedFlagCore
import RedFlagKit
import RedFlagLists
import RedFlagMatching
import RedFlagRules
import RedFlagStorage
import ServiceLifecycle

/// The request context of the service: Hummingbird's core storage plus the user the API key
/// belongs to (the audit trail's user).
public struct ServiceRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The key's name; the service's own login name when the service runs without keys.
    public var user: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        user = nil
    }
}

/// `redflag serve`: the screener as an HTTP service over the same library as the CLI (the
/// engine, input readers, pipeline run, check runner and JSON encoders), so a name gets the same
/// record from both. Build the router with `router()` (tests drive it in-process) or run it with
/// `run()`, which also handles SIGTERM/SIGINT: the listener closes, requests in flight finish,
/// the open audit runs are closed, then it returns.
public final class RedFlagService: Sendable {
    public let configuration: ServiceConfiguration
    public let logger: Logger
    public let metrics = ServiceMetrics()
    let provider: ListsProvider
    let keys: APIKeyFile?
    let stores: any StoreProvider
    let runs: SharedAuditRuns
    /// The user of every request when the service runs without keys.
    let localUser: String

    public init(configuration: ServiceConfiguration, logger: Logger) throws {
        try configuration.validate()
        self.configuration = configuration
        self.logger = logger
        // A client that goes away while its body is piped to a pipeline must not kill the process.
        signal(SIGPIPE, SIG_IGN)
        ListSnapshot.staleAfterDays = configuration.maxAgeDays
        let log = logger
        provider = ListsProvider(dataDirectory: configuration.dataDirectory, settings: .default, rules: try CheckRules()) { old, new in
            log.info("lists loaded", metadata: [
                "replaced": "\(old == nil ? "none" : "previous snapshot")",
                "sources": "\(new.snapshots.map { "\($0.source.rawValue) \($0.publicationDate ?? "undated")" }.joined(separator: ", "))",
            ])
        }
        keys = try configuration.apiKeysPath.map { path in
            try APIKeyFile(path: path) { error in log.error("API keys file not reloaded; the previous keys stay in force", metadata: ["error": "\(error)"]) }
        }
        stores = try StoreLocation.resolve(databaseURL: configuration.databaseURL, dataDirectory: configuration.dataDirectory)
        if stores is SQLiteStores, configuration.pipeline.audit || configuration.pipeline.rememberParties {
            try configuration.dataDirectory.create()
        }
        localUser = AuditRunInfo.currentUser()
        let settings = configuration.pipeline
        let stores = self.stores
        runs = SharedAuditRuns(rollAfter: configuration.auditRollSeconds, begin: { user, context in
            try PipelineRun.begin(
                info: .screen(context: context, inputPath: "POST /v1/screen", user: user),
                settings: settings, stores: stores, screener: context.screener, installSignalHandlers: false)
        }, onError: { error in log.error("audit run could not be closed", metadata: ["error": "\(error)"]) })
    }

    /// Loads the lists now (so the first request does not wait, and a broken store is reported at
    /// start); a service without lists still starts and answers 503 until lists are imported.
    public func preload() async {
        do {
            _ = try await provider.context()
        } catch {
            logger.warning("no lists loaded yet: /v1 screening answers 503 until `redflag lists import` or `update` runs",
                           metadata: ["error": "\(error)"])
        }
    }

    /// Every route, behind the metrics, error and (on /v1) key middlewares.
    public func router() -> Router<ServiceRequestContext> {
        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        router.add(middleware: ErrorMiddleware(logger: logger, maxBodyBytes: configuration.maxBodyBytes,
                                              dataDirectory: configuration.dataDirectory.url.path))
        router.get("/healthz") { _, _ in try await self.health() }
        router.get("/metrics") { _, _ in await self.metricsResponse() }
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        let v1 = router.group("v1").add(middleware: AuthMiddleware(keys: keys, localUser: localUser))
        v1.post("screen") { request, context in try await self.screen(request, context: context) }
        v1.post("screen/batch") { request, context in try await self.screenBatch(request, context: context) }
        v1.post("check") { request, context in try await self.check(request, context: context) }
        v1.get("lists") { _, _ in try await self.lists() }
        v1.get("rules") { _, _ in try self.rules() }
        v1.get("rules/{id}") { _, context in try self.rule(id: context.parameters.require("id")) }
        return router
    }

    /// The Hummingbird application on the configured address (`port` 0 picks a free one;
    /// `onServerRunning` gets the bound channel).
    public func application(onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in })
        -> some ApplicationProtocol {
        let seconds = configuration.readTimeout.components.seconds
        var app = Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: .seconds(max(1, seconds * 3)))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "redflag"),
            onServerRunning: onServerRunning,
            logger: logger)
        app.addServices(AuditRunCloser(runs: runs))
        return app
    }

    /// Runs until SIGTERM or SIGINT, then drains the requests in flight and returns.
    public func run(onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }) async throws {
        await preload()
        try await application(onServerRunning: onServerRunning).runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    // MARK: - Bodies

    /// Collects a single-object body: at most `maxBodyBytes`, within `readTimeout` (a client that
    /// trickles its body cannot hold the request open).
    func collectBody(_ request: Request) async throws -> ByteBuffer {
        let limit = configuration.maxBodyBytes
        let timeout = configuration.readTimeout
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw ServiceError(.badRequest, "body_too_large", "the request body (\(length) bytes) is over the limit of \(limit) bytes")
        }
        return try await withThrowingTaskGroup(of: ByteBuffer.self) { group in
            group.addTask {
                var buffer = ByteBuffer()
                for try await chunk in request.body {
                    if buffer.readableBytes + chunk.readableBytes > limit {
                        throw ServiceError(.badRequest, "body_too_large", "the request body is over the limit of \(limit) bytes")
                    }
                    buffer.writeImmutableBuffer(chunk)
                }
                return buffer
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw ServiceError(.requestTimeout, "read_timeout", "the request body did not arrive within \(timeout)")
            }
            defer { group.cancelAll() }
            guard let body = try await group.next() else { throw CancellationError() }
            return body
        }
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// Requires `Authorization: Bearer KEY` on every /v1 request when the service has a keys file,
/// and puts the key's name into the context; without keys, the user is the service's own.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let keys: APIKeyFile?
    let localUser: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let keys {
            guard let header = request.headers[.authorization] else {
                throw ServiceError(.unauthorized, "unauthorized", "this service needs an API key: send `Authorization: Bearer KEY`")
            }
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer",
                  let name = keys.name(forKey: parts[1].trimmingCharacters(in: .whitespaces)) else {
                throw ServiceError(.unauthorized, "unauthorized", "unknown API key")
            }
            context.user = name
        } else {
            context.user = localUser
        }
        return try await next(request, context)
    }
}

/// Closes the open single-screen audit runs when the service shuts down (after the server has
/// drained its requests).
struct AuditRunCloser: Service {
    let runs: SharedAuditRuns

    func run() async throws {
        try? await gracefulShutdown()
        runs.closeAll()
    }
}
