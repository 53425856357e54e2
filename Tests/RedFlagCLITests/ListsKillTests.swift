import Foundation
import Testing

/// A `lists import` killed with SIGKILL part-way leaves the previous store exactly as it was, and
/// the next import clears what it left behind.
@Suite struct ListsKillTests {
    @Test func aKilledImportLeavesThePreviousStoreInUse() throws {
        guard let shared = CLI.sharedLists else {
            print("skipped: ../shared/lists absent")
            return
        }
        let dir = CLI.temporaryDirectory()
        #expect(try CLI.run(["lists", "import", CLI.fixture("lists/ofac-sdn.xml"), "--data-dir", dir.path]).status == 0)
        let before = try CLI.run(["lists", "status", "--data-dir", dir.path, "--format", "json"]).stdout

        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["lists", "import", shared.appendingPathComponent("ofac/sdn.xml").path,
                             shared.appendingPathComponent("eu/fsf-full-1_1-20240513.xml").path, "--data-dir", dir.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 0.4)
        guard process.isRunning else {
            print("skipped: the import finished before it could be killed")
            return
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        #expect(try CLI.run(["lists", "status", "--data-dir", dir.path, "--format", "json"]).stdout == before)
        #expect(try CLI.run(["lists", "import", CLI.fixture("lists/csl.csv"), "--data-dir", dir.path]).status == 0)
        let folders = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("lists-") }
        #expect(folders.count == 1)
    }
}
