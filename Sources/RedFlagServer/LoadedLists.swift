import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists
import RedFlagMatching

/// Everything a request screens with, loaded from one list-store folder: the engine (index and
/// matcher), the snapshots and their JSON. Immutable once built, so a request that took a
/// context keeps screening against the same lists even while a newer store is being loaded; no
/// request can see a half-loaded index.
public final class LoadedLists: Sendable {
    public let engine: ScreeningEngine
    /// The store folder it was loaded from (the target of `<data-dir>/lists`).
    public let folder: URL
    public let manifest: StoreManifest
    public let json: ScreeningJSON
    /// When it was loaded (the service's `lists_loaded_at`).
    public let loadedAt: Date

    public init(engine: ScreeningEngine, folder: URL, manifest: StoreManifest, loadedAt: Date = Date()) {
        self.engine = engine
        self.folder = folder
        self.manifest = manifest
        json = ScreeningJSON(snapshots: engine.snapshots)
        self.loadedAt = loadedAt
    }

    public var snapshots: [ListSnapshot] { engine.snapshots }

    /// Loads the store folder `folder` (the manifest and the prebuilt index from that folder
    /// only; a store imported before the index existed is indexed in memory).
    public static func load(folder: URL, store: ListStore, configuration: MatchConfiguration) throws -> LoadedLists {
        let manifest = try ListStore.readManifest(in: folder)
        let indexURL = folder.appendingPathComponent(MatchIndex.fileName)
        let engine: ScreeningEngine
        if FileManager.default.fileExists(atPath: indexURL.path) {
            engine = ScreeningEngine(index: try MatchIndex(contentsOf: indexURL), snapshots: manifest.sources, configuration: configuration)
        } else {
            engine = try ScreeningEngine(listSet: store.load(), configuration: configuration)
        }
        return LoadedLists(engine: engine, folder: folder, manifest: manifest)
    }
}

/// Hands out the current `LoadedLists` and replaces it when `redflag lists import` or
/// `update` has swapped the data directory's `lists` link: every request asks for the context,
/// the link is read (one `readlink`), and when it points at a new folder the new store is loaded
/// once (concurrent requests wait for the same load) and swapped in whole.
public actor ListsProvider {
    public let store: ListStore
    public let configuration: MatchConfiguration
    private var current: LoadedLists?
    private var loading: (folder: URL, task: Task<LoadedLists, any Error>)?
    /// A store folder that failed to load: not retried on every request (the next import makes a
    /// new folder).
    private var failedFolder: URL?
    /// Called after a new context replaced an older one (the old one is passed), so its audit
    /// runs can be closed.
    private let onSwap: @Sendable (LoadedLists?, LoadedLists) -> Void

    public init(store: ListStore, configuration: MatchConfiguration,
                onSwap: @escaping @Sendable (LoadedLists?, LoadedLists) -> Void = { _, _ in }) {
        self.store = store
        self.configuration = configuration
        self.onSwap = onSwap
    }

    /// The context for a request: the current one, or the newly imported store once loaded.
    /// Throws `noLists` when nothing is imported; a store that fails to load keeps the previous
    /// context in service (and the error is thrown only when there is none).
    public func context() async throws -> LoadedLists {
        guard let folder = store.currentFolder() else {
            if let current { return current }
            throw RedFlagError.noLists("no lists imported in \(store.dataDirectory.url.path): run `redflag lists import` or `redflag lists update`")
        }
        if let current, current.folder == folder || failedFolder == folder { return current }
        if let loading, loading.folder == folder { return try await finish(loading.task, folder: folder) }
        let store = self.store
        let configuration = self.configuration
        let task = Task.detached { try LoadedLists.load(folder: folder, store: store, configuration: configuration) }
        loading = (folder, task)
        return try await finish(task, folder: folder)
    }

    private func finish(_ task: Task<LoadedLists, any Error>, folder: URL) async throws -> LoadedLists {
        do {
            let loaded = try await task.value
            if loading?.task == task { loading = nil }
            if current?.folder != loaded.folder {
                let old = current
                current = loaded
                onSwap(old, loaded)
            }
            return current ?? loaded
        } catch {
            if loading?.task == task { loading = nil }
            failedFolder = folder
            if let current { return current }
            throw error
        }
    }

    /// The context in service now, without checking the store (metrics, health).
    public var loaded: LoadedLists? { current }
}
