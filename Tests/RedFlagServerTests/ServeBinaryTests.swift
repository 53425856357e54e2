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

    @Test("screen --input --server: every format as local screening prints it, streamed both ways")
    func remoteBatch() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-serve-batch-\(UUID().uuidString)")
        try Self.importFixtures(into: directory)
        let service = try RunningService(arguments: ["--data-dir", directory.path, "--max-age-days", "36500"])
        defer { _ = service.terminate() }
        let names = ["name"] + (1...300).map { "Everbright Trading \($0)" } + ["Zhongshan Everlight Microelectronics Co., Ltd.", ""]
        let file = directory.appendingPathComponent("names.csv")
        try names.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        for format in ["jsonl", "json", "csv", "table"] {
            let remote = try Self.run(["screen", "--input", file.path, "--server", service.base, "--format", format, "--max-age-days", "36500"])
            let local = try Self.run(["screen", "--input", file.path, "--data-dir", directory.path, "--format", format, "--no-audit",
                                      "--no-remember-parties", "--max-age-days", "36500"])
            #expect(remote.status == 2, "\(format)")
            #expect(remote.status == local.status, "\(format)")
            #expect(remote.stdout == local.stdout, "\(format)")
        }

        // Standard input still open: the first answers arrive before the input ends.
        let p = Process()
        p.executableURL = try #require(Self.executable)
        p.arguments = ["screen", "--input", "-", "--server", service.base, "--format", "jsonl", "--max-age-days", "36500"]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        p.standardInput = stdin
        p.standardOutput = stdout
        p.standardError = stderr
        try p.run()
        let first = (1...600).map { "Everbright Trading \($0)\n" }.joined()
        stdin.fileHandleForWriting.write(Data(first.utf8))
        var early = Data()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !String(decoding: early, as: UTF8.self).contains("\n") {
            early += stdout.fileHandleForReading.availableData
        }
        #expect(String(decoding: early, as: UTF8.self).hasPrefix(#"{"line":1,"#), "records come back while the input is still open")
        stdin.fileHandleForWriting.write(Data("Zhongshan Everlight Microelectronics Co., Ltd.\n".utf8))
        try stdin.fileHandleForWriting.close()
        let rest = stdout.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let lines = String(decoding: early + rest, as: UTF8.self).split(separator: "\n")
        let messages = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(lines.count == 601, "\(messages)")
        #expect(p.terminationStatus == 2, "\(messages)")

        // The service down: exit 69 and a message, nothing on stdout.
        let refused = try Self.run(["screen", "--input", file.path, "--server", "http://127.0.0.1:9"])
        #expect(refused.status == 69)
        #expect(refused.stdout.isEmpty)
    }

    /// A raw TCP connection to the service, to send a request in pieces (what a slow or
    /// streaming client does) and read what comes back.
    final class RawConnection {
        let fd: Int32

        init(port: Int) throws {
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            try #require(connected == 0, "cannot connect to port \(port)")
            var timeout = timeval(tv_sec: 60, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit { close(fd) }

        func send(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        }

        /// Reads until the peer closes or `until` is in what was read.
        func receive(until marker: String? = nil) -> String {
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { break }
                received += buffer[0..<n]
                if let marker, String(decoding: received, as: UTF8.self).contains(marker) { break }
            }
            return String(decoding: received, as: UTF8.self)
        }
    }

    @Test("SIGTERM lets a request in flight finish (all its records) before the process exits 0")
    func drainsOnSIGTERM() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-serve-drain-\(UUID().uuidString)")
        try Self.importFixtures(into: directory)
        let service = try RunningService(arguments: ["--data-dir", directory.path])
        let connection = try RawConnection(port: service.port)
        // A chunked batch: the first part, then SIGTERM once records come back, then the rest.
        connection.send("POST /v1/screen/batch HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        let first = (0..<600).map { #"{"name":"Everbright Trading \#($0)"}"# + "\n" }.joined()
        connection.send(String(first.utf8.count, radix: 16) + "\r\n" + first + "\r\n")
        // The pipeline answers its first chunk (256 records) once the second is read: in flight now.
        let head = connection.receive(until: "\"decision\"")
        #expect(head.hasPrefix("HTTP/1.1 200"))
        kill(service.process.processIdentifier, SIGTERM)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(service.process.isRunning, "the service waits for the request in flight")
        let rest = (600..<700).map { #"{"name":"Everbright Trading \#($0)"}"# + "\n" }.joined()
        connection.send(String(rest.utf8.count, radix: 16) + "\r\n" + rest + "\r\n0\r\n\r\n")
        let response = head + connection.receive()
        #expect(response.components(separatedBy: "{\"line\":").count - 1 == 700)
        service.process.waitUntilExit()
        #expect(service.process.terminationStatus == 0, "\(service.stderr)")
    }

    @Test("a client that sends its body too slowly gets 408 read_timeout and the connection back")
    func slowClient() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-serve-slow-\(UUID().uuidString)")
        try Self.importFixtures(into: directory)
        let service = try RunningService(arguments: ["--data-dir", directory.path, "--read-timeout", "1"])
        defer { _ = service.terminate() }
        let connection = try RawConnection(port: service.port)
        connection.send("POST /v1/screen HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{\"name\":")
        let started = Date()
        let response = connection.receive(until: "}}")
        #expect(response.hasPrefix("HTTP/1.1 408"), "\(response)")
        #expect(response.contains("read_timeout"))
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(try Self.request("http://127.0.0.1:\(service.port)/healthz").status == 200)
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
