import Foundation
import Testing

/// Stops a real batch run with SIGINT / SIGTERM once it has written output, and checks the
/// contract: only complete JSON records on stdout, exit 130 / 143, the audit run marked
/// interrupted (the database consistent and readable).
@Suite struct InterruptTests {
    /// A large input so the run is still going when the signal arrives.
    static func largeInput(in dir: URL, rows: Int = 400_000) throws -> URL {
        let names = ["Arktos Freight Forwarding LLC", "Harmless Bakery GmbH", "Shenzhen Velocity Compute Technology",
                     "Sunrise Horizon Electronics Trading FZE", "Nordic Timber AS", "Everbright Trading Co Ltd"]
        var text = "name,country\n"
        text.reserveCapacity(rows * 32)
        for i in 0..<rows { text += "\(names[i % names.count]) \(i),DE\n" }
        let url = dir.appendingPathComponent("names.csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func interrupt(with sig: Int32) throws -> (status: Int32, stdout: Data, dataDir: URL) {
        let dir = CLI.temporaryDirectory()
        let input = try largeInput(in: dir)
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["screen", "--input", input.path, "--lists", CLI.fixture("lists/csl.csv"), "--format", "jsonl",
                             "--data-dir", dir.path, "--quiet"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var received = Data()
        let handle = out.fileHandleForReading
        // Read until the first complete line, then signal, then drain to EOF.
        while !received.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            received.append(chunk)
        }
        kill(process.processIdentifier, sig)
        received.append(handle.readDataToEndOfFile())
        process.waitUntilExit()
        return (process.terminationStatus, received, dir)
    }

    static func checkOutput(_ data: Data) throws -> Int {
        #expect(data.last == UInt8(ascii: "\n"), "output ends in the middle of a record")
        let lines = data.split(separator: UInt8(ascii: "\n"))
        for line in lines {
            let object = try? JSONSerialization.jsonObject(with: Data(line))
            #expect(object is [String: Any], "not a complete JSON object: \(String(decoding: line.prefix(120), as: UTF8.self))")
        }
        return lines.count
    }

    static func auditStatus(_ dir: URL) throws -> (status: String?, exitCode: Int?) {
        let r = try CLI.run(["audit", "list", "--format", "jsonl", "--data-dir", dir.path])
        let line = try #require(r.stdout.split(separator: "\n").last)
        let run = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        return (run["status"] as? String, run["exitCode"] as? Int)
    }

    @Test func sigintWritesCompleteRecordsAndExits130() throws {
        let (status, stdout, dir) = try Self.interrupt(with: SIGINT)
        #expect(status == 130)
        let count = try Self.checkOutput(stdout)
        #expect(count > 0)
        #expect(count < 400_000, "the run finished before the signal; nothing was interrupted")
        let audit = try Self.auditStatus(dir)
        #expect(audit.status == "interrupted")
        #expect(audit.exitCode == 130)
        #expect(try CLI.run(["audit", "verify", "--data-dir", dir.path]).stdout.hasPrefix("1\tintact\t"))
    }

    @Test func sigtermWritesCompleteRecordsAndExits143() throws {
        let (status, stdout, dir) = try Self.interrupt(with: SIGTERM)
        #expect(status == 143)
        #expect(try Self.checkOutput(stdout) > 0)
        #expect(try Self.auditStatus(dir).status == "interrupted")
    }

    /// SIGKILL cannot be caught: the run must stay recorded as incomplete, the database readable.
    @Test func killedRunStaysIncomplete() throws {
        let (status, _, dir) = try Self.interrupt(with: SIGKILL)
        #expect(status == SIGKILL)
        let audit = try Self.auditStatus(dir)
        #expect(audit.status == "incomplete")
        #expect(audit.exitCode == nil)
        // The chunks it recorded still match their chain; the run reads as incomplete, not broken.
        let verify = try CLI.run(["audit", "verify", "--data-dir", dir.path])
        #expect(verify.status == 0)
        #expect(verify.stdout.hasPrefix("1\tincomplete\t"))
    }
}
