import Foundation
import RedFlagCore

/// Where the list parser, detector, loader and store tests find their inputs: the repo's hand-made
/// fixtures and the real snapshots in `<package root>/../shared/lists` (tests on those skip with
/// a printed reason when the folder is absent).
enum ListTestFiles {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static func fixture(_ name: String) -> URL { packageRoot.appendingPathComponent("Fixtures/lists/\(name)") }
    static func bad(_ name: String) -> URL { packageRoot.appendingPathComponent("Fixtures/bad/\(name)") }
    static let sharedLists = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/lists")

    /// The real snapshot at `relative` under shared/lists, or nil (with a printed reason) when absent.
    static func shared(_ relative: String) -> URL? {
        let url = sharedLists.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("skipped: ../shared/lists/\(relative) absent")
            return nil
        }
        return url
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-lists-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Writes `bytes` to `name` in a fresh temporary folder.
    static func temporary(_ bytes: Data, name: String) throws -> URL {
        let url = try temporaryFolder().appendingPathComponent(name)
        try bytes.write(to: url)
        return url
    }

    /// Writes `text` to `name` in a fresh temporary folder.
    static func temporary(_ text: String, name: String = "doc.xml") throws -> URL {
        try temporary(Data(text.utf8), name: name)
    }

    /// The error `body` throws, as a RedFlagError (nil when it throws nothing or something else).
    static func error(_ body: () throws -> Void) -> RedFlagError? {
        do { try body(); return nil } catch let e as RedFlagError { return e } catch { return nil }
    }
}
