import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import RedFlagCore
import RedFlagKit
import RedFlagLists
@testable import RedFlagServer

/// A data directory with the fixture lists imported, and a service over it.
enum ServiceFixtures {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func fixture(_ path: String) -> URL { packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(path) }

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-serve-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Imports list files into the store of `directory` (what `redflag lists import` does).
    static func importLists(_ files: [String], into directory: URL) throws {
        let parsed = try ListFileLoader.load(paths: files.map { fixture("lists/\($0)") })
        try ListStore(dataDirectory: DataDirectory(url: directory)).importLists(parsed, artifacts: StoreArtifacts.all, allowOlder: true)
    }

    static var logger: Logger {
        var logger = Logger(label: "redflag-test")
        logger.logLevel = .warning
        return logger
    }

    /// A service over a fresh data directory (with `lists` imported unless empty).
    static func service(lists: [String] = ["csl.csv", "ofac-sdn.xml"], keysFile: String? = nil,
                        maxBodyBytes: Int = 1 << 20, readTimeout: Duration = .seconds(10),
                        directory: URL = temporaryDirectory()) throws -> RedFlagService {
        if !lists.isEmpty { try importLists(lists, into: directory) }
        return try RedFlagService(
            configuration: ServiceConfiguration(dataDirectory: DataDirectory(url: directory), apiKeysPath: keysFile,
                                                maxBodyBytes: maxBodyBytes, readTimeout: readTimeout),
            logger: logger)
    }

    /// Runs `body` against the service's router in-process.
    static func test(_ service: RedFlagService, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: service.router(), logger: logger)
        try await app.test(.router, body)
    }

    /// Runs `body` against the service on a real loopback socket (streamed bodies, timeouts).
    static func testLive(_ service: RedFlagService, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        // No SO_REUSEADDR on an ephemeral port: Linux may hand the same port to two sockets that both set it
        // while neither listens yet, and this test server then answers another test's requests.
        let app = Application(router: service.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0), reuseAddress: false),
                              logger: logger)
        try await app.test(.live, body)
    }
}

extension ByteBuffer {
    var text: String { String(buffer: self) }
}

/// The JSON object of a response body.
func jsonObject(_ buffer: ByteBuffer) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any] ?? [:]
}

/// The `error.code` of an error body.
func errorCode(_ buffer: ByteBuffer) -> String? {
    (jsonObject(buffer)["error"] as? [String: Any])?["code"] as? String
}
