import Dispatch
import Foundation
import RedFlagCore

/// Builds a new store's artifacts on a thread of their own, so the import writes and flushes its
/// entries files meanwhile (the build is CPU work, the writes mostly wait for the disk).
final class ArtifactBuild: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written by the builder thread before it leaves `group`, read only after waiting on it.
    private var results: [Result<Data, any Error>] = []

    /// Starts building `artifacts` from `entries` and their canonical JSON.
    func start(_ artifacts: [StoreArtifact], entries: [ListEntry], json: [Data]) {
        group.enter()
        DispatchQueue.global().async { [self] in
            results = artifacts.map { artifact in Result { try artifact.buildWithJSON(entries, json) } }
            group.leave()
        }
    }

    /// Waits for the build (at once when none was started) and returns one result per artifact.
    @discardableResult
    func wait() -> [Result<Data, any Error>] {
        group.wait()
        return results
    }
}
