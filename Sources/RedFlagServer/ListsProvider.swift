import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists

/// Hands every request the `ScreeningContext` to use and replaces it when `redflag lists import`
/// or `update` has made a new snapshot in the data directory: each request asks
/// `hasNewerSnapshot` (two file-system calls); on a change the new snapshot is loaded once, off
/// the request threads, while other requests keep being served from the old context, then swapped
/// in whole. A request that took the old context finishes on it, so none sees a half-loaded
/// index. Unlike `ScreeningContextHolder` it starts without lists (the service answers 503 until
/// an import) and never blocks a request thread on a load.
public actor ListsProvider {
    public let dataDirectory: DataDirectory
    public let settings: ScreeningSettings
    public let rules: CheckRules
    private var current: (context: ScreeningContext, loadedAt: Date)?
    private var loading: Task<ScreeningContext, any Error>?
    /// A snapshot that failed to load: not retried on every request (the next import makes a new one).
    private var failedSnapshot: String?
    /// Called after a new context replaced the old one (for the log).
    private let onSwap: @Sendable (ScreeningContext?, ScreeningContext) -> Void

    public init(dataDirectory: DataDirectory, settings: ScreeningSettings, rules: CheckRules,
                onSwap: @escaping @Sendable (ScreeningContext?, ScreeningContext) -> Void = { _, _ in }) {
        self.dataDirectory = dataDirectory
        self.settings = settings
        self.rules = rules
        self.onSwap = onSwap
    }

    /// The context for one request. Throws `noLists` when nothing is imported; a snapshot that
    /// fails to load keeps the previous context in service (and throws only when there is none).
    public func context() async throws -> ScreeningContext {
        if let current, !current.context.hasNewerSnapshot { return current.context }
        let snapshot = ListStore(dataDirectory: dataDirectory).currentSnapshotID()
        if let current, snapshot == nil || snapshot == failedSnapshot { return current.context }
        if let loading { return try await finish(loading, snapshot: snapshot) }
        let (directory, settings, rules) = (dataDirectory, self.settings, self.rules)
        let task = Task.detached { try ScreeningContext.load(dataDirectory: directory, settings: settings, rules: rules) }
        loading = task
        return try await finish(task, snapshot: snapshot)
    }

    private func finish(_ task: Task<ScreeningContext, any Error>, snapshot: String?) async throws -> ScreeningContext {
        do {
            let loaded = try await task.value
            if loading == task {
                loading = nil
                let old = current?.context
                current = (loaded, Date())
                onSwap(old, loaded)
            }
            return current?.context ?? loaded
        } catch {
            if loading == task {
                loading = nil
                failedSnapshot = snapshot
            }
            if let current { return current.context }
            throw error
        }
    }

    /// The context in service now and when it was loaded, without looking at the store.
    public var loaded: (context: ScreeningContext, loadedAt: Date)? { current }
}
