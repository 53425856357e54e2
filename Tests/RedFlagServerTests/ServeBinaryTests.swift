import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The real `redflag serve` binary on a free loopback port: it answers, `screen --server` prints
/// what local screening prints, SIGTERM drains and exits 0, and (when schemathesis is installed)
/// the running service conforms to its own /openapi.json.
@Suite("redflag serve: the binary", .serialized)
struct ServeBinaryTests {
    /// The built `redflag` executable beside the test bundle.
    static var executable: URL? {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("redflag")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// A running service process; its stderr is collected for the port and for failure messages.
    final class RunningService: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var stderrText = ""
        private(set) var port = 0

        init(arguments: [String]) throws {
            let executable = try #require(ServeBinaryTests.executable, "build the redflag binary first (swift build --build-tests)")
            process.executableURL = executable
            process.arguments = ["serve", "--port", "0"] + arguments
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            err.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self, !data.isEmpty else { return }
                self.lock.lock()
                self.stderrText += String(decoding: data, as: UTF8.self)
                self.lock.unlock()
            }
            try process.run()
            // The service logs its bound address once listening (port 0 picks a free one).
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, process.isRunning {
                if let match = stderr.firstMatch(of: /127\.0\.0\.1:(\d+)/),
                   let p = Int(match.output.1) {
                    port = p
                    break
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            try #require(port > 0, "the service did not report a port: \(stderr)")
        }

        var stderr: String {
            lock.lock()
            defer { lock.unlock() }
            return stderrText
        }

        var base: String { "http://127.0.0.1:\(port)" }

        func terminate() -> Int32 {
            process.terminate()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    static func importFixtures(into directory: URL) throws {
        let executable = try #require(executable)
        let p = Process()
        p.executableURL = executable
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        p.arguments = ["lists", "import", root.appendingPathComponent("Fixtures/lists/csl.csv").path,
                       root.appendingPathComponent("Fixtures/lists/ofac-sdn.xml").path, "--data-dir", directory.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0)
    }

    static func request(_ url: String, method: String = "GET", body: String? = nil) throws -> (status: Int, body: String) {
        var request = URLRequest(url: try #require(URL(string: url)), timeoutInterval: 60)
        request.httpMethod = method
        request.httpBody = body.map { Data($0.utf8) }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, String) = (0, "")
        URLSession.shared.dataTask(with: request) { data, response, _ in
            result = ((response as? HTTPURLResponse)?.statusCode ?? 0, data.map { String(decoding: $0, as: UTF8.self) } ?? "")
            done.signal()
        }.resume()
        done.wait()
        return result
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String) {
        let p = Process()
        p.executableURL = try #require(executable)
        p.arguments = arguments
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("serve answers on loopback, screen --server prints the local output, SIGTERM exits 0")
    func realBinary() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-serve-bin-\(UUID().uuidString)")
        try Self.importFixtures(into: directory)
        let keys = directory.appendingPathComponent("keys").path
        let key = try Self.run(["serve", "keys", "add", "ci-desk", "--api-keys", keys])
        #expect(key.status == 0)
        let apiKey = key.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let service = try RunningService(arguments: ["--data-dir", directory.path, "--api-keys", keys, "--max-age-days", "36500"])
        let health = try Self.request(service.base + "/healthz")
        #expect(health.status == 200)
        #expect(try Self.request(service.base + "/v1/lists").status == 401)

        let name = "Zhongshan Everlight Microelectronics Co., Ltd."
        for format in ["json", "table"] {
            let remote = try Self.run(["screen", name, "--server", service.base, "--format", format, "--max-age-days", "36500"],
                                      environment: ["REDFLAG_API_KEY": apiKey])
            let local = try Self.run(["screen", name, "--data-dir", directory.path, "--format", format, "--no-audit",
                                      "--no-remember-parties", "--max-age-days", "36500"])
            #expect(remote.status == 2)
            #expect(remote.status == local.status)
            #expect(remote.stdout == local.stdout, "\(format)")
        }
        let refused = try Self.run(["screen", name, "--server", service.base], environment: ["REDFLAG_API_KEY": "rfk_nope"])
        #expect(refused.status == 64)
        #expect(service.terminate() == 0, "\(service.stderr)")
    }

    static var schemathesis: String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(dir)/schemathesis"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    @Test("the running service conforms to its /openapi.json (schemathesis)",
          .enabled(if: schemathesis != nil, "schemathesis is not installed (pip install schemathesis): skipped"))
    func schemathesisRun() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-serve-st-\(UUID().uuidString)")
        try Self.importFixtures(into: directory)
        let service = try RunningService(arguments: ["--data-dir", directory.path, "--no-audit", "--no-remember-parties"])
        defer { _ = service.terminate() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(Self.schemathesis))
        // schemathesis writes a cache folder where it runs: not into the package.
        p.currentDirectoryURL = directory
        p.arguments = ["run", service.base + "/openapi.json",
                       "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
                       "--max-examples", "30", "--no-color"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text)")
        #expect(!service.stderr.contains("critical"))
    }
}
