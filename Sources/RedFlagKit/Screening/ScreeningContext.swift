import Foundation
import RedFlagCore
import RedFlagLists
import RedFlagMatching
import RedFlagRules

/// Everything a screen or check needs, loaded once and never changed afterwards: one lists
/// snapshot with its match index, the matcher configuration and decision policy, and (when
/// asked for) the red-flag rules. A one-shot command loads one; a long-running process (the
/// service) holds one in a `ScreeningContextHolder`, asks `hasNewerSnapshot` between requests
/// and swaps in a freshly loaded context after `lists import`/`update`: a request that took the
/// old context finishes on it, so no request ever sees a half-loaded index.
public final class ScreeningContext: @unchecked Sendable {
    /// Where the lists came from.
    public enum Origin: Sendable, Equatable {
        /// The imported store of a data directory, at the snapshot `ListStore.currentSnapshotID` named.
        case store(DataDirectory, snapshotID: String)
        /// List files parsed in memory (`--lists`): never newer.
        case files([URL])
    }

    public let origin: Origin
    /// What is screened against: source, SHA-256 and publication date of each list.
    public let snapshots: [ListSnapshot]
    /// The match index over every entry of the snapshot.
    public let index: MatchIndex
    /// The screening of `screen` requests (thresholds, limit and policy of `settings.screen`).
    public let screener: ScreeningEngine
    /// The red-flag rules of `check` (nil when loaded without them).
    public let rules: CheckRules?
    public let settings: ScreeningSettings
    /// The store's prebuilt index was written by another build (another format or name data), so
    /// the entries were indexed in memory at load: correct, but slower at every start until the
    /// next import rebuilds the file. Front ends say so on stderr.
    public let indexBuiltInMemory: Bool
    private let lock = NSLock()
    private var checkEngine: ScreeningEngine?

    init(origin: Origin, snapshots: [ListSnapshot], index: MatchIndex, settings: ScreeningSettings, rules: CheckRules?,
         indexBuiltInMemory: Bool = false) throws {
        try settings.screen.validate()
        self.origin = origin
        self.indexBuiltInMemory = indexBuiltInMemory
        self.snapshots = snapshots
        self.index = index
        self.settings = settings
        self.rules = rules
        screener = ScreeningEngine(index: index, snapshots: snapshots, configuration: settings.screen)
    }

    /// Loads the lists: `listPaths` when given (parsed now), else the current snapshot of the
    /// store of `dataDirectory` through its prebuilt index (folder and manifest read together).
    /// Throws `noLists` when neither has anything, as `ScreeningEngine.open` does.
    public static func load(dataDirectory: DataDirectory, listPaths: [URL] = [], settings: ScreeningSettings = .default,
                            rules: CheckRules? = nil) throws -> ScreeningContext {
        try settings.screen.validate()
        if !listPaths.isEmpty {
            let set = ListSet(parsed: try ListSet.checkedUnique(ListFileLoader.load(paths: listPaths)))
            return try ScreeningContext(origin: .files(listPaths), snapshots: set.snapshots, index: try MatchIndex(entries: set.entries),
                                        settings: settings, rules: rules)
        }
        let store = ListStore(dataDirectory: dataDirectory)
        // An import may replace the folder between resolving the link and reading it: try again once.
        for attempt in 0..<2 {
            guard let id = store.currentSnapshotID(), let snapshot = try store.currentSnapshot() else {
                throw RedFlagError.noLists("no lists imported: run `redflag lists import` or pass --lists")
            }
            let (folder, manifest) = snapshot
            let indexURL = folder.appendingPathComponent(MatchIndex.fileName)
            do {
                let index: MatchIndex
                // An index of another format (written by another redflag) is never read: the entries
                // are indexed in memory instead until the next import rebuilds the file.
                let current = MatchIndex.isCurrentFile(at: indexURL)
                if current {
                    index = try MatchIndex(contentsOf: indexURL)
                } else {
                    // A store imported before the index existed or by another version: build it in
                    // memory (slow, but correct).
                    index = try MatchIndex(entries: try ListSet.load(store: store).entries)
                }
                return try ScreeningContext(origin: .store(dataDirectory, snapshotID: id), snapshots: manifest.sources,
                                            index: index, settings: settings, rules: rules, indexBuiltInMemory: !current)
            } catch is RedFlagError where attempt == 0 && !FileManager.default.fileExists(atPath: folder.path) {
                continue
            }
        }
        throw RedFlagError.noLists("the list store in \(dataDirectory.url.path) changed while it was being read; try again")
    }

    /// True when the data directory's current snapshot is not the one loaded (an import or
    /// update ran since): two file-system calls, cheap enough to ask before every request.
    /// Always false for list files.
    public var hasNewerSnapshot: Bool {
        guard case .store(let directory, let id) = origin else { return false }
        return ListStore(dataDirectory: directory).currentSnapshotID().map { $0 != id } ?? false
    }

    /// A context over the current snapshot with the same settings and rules.
    public func reloaded() throws -> ScreeningContext {
        switch origin {
        case .store(let directory, _): return try Self.load(dataDirectory: directory, settings: settings, rules: rules)
        case .files(let urls): return try Self.load(dataDirectory: DataDirectory(url: URL(fileURLWithPath: "/")), listPaths: urls,
                                                    settings: settings, rules: rules)
        }
    }

    /// The screening of `check`'s parties: the same index under the check configuration's
    /// decision policy with default thresholds, as `redflag check` screens. Built on first use.
    public var checkScreener: ScreeningEngine {
        lock.lock()
        defer { lock.unlock() }
        if let checkEngine { return checkEngine }
        let configuration = MatchConfiguration(policy: settings.checkPolicy)
        let engine = configuration == settings.screen ? screener
            : ScreeningEngine(index: index, snapshots: snapshots, configuration: configuration)
        checkEngine = engine
        return engine
    }

    /// The encoder of screen records against this context's snapshots (the `"lists"` array,
    /// stale marks included, is encoded once per encoder: make one per request or batch).
    public func screeningJSON() -> ScreeningJSON { ScreeningJSON(snapshots: snapshots) }

    /// The `lists` stamps of check records.
    public var listStamps: [ListStamp] {
        snapshots.map { ListStamp(source: $0.source.rawValue, sha256: $0.sha256, stale: $0.isStale ? true : nil) }
    }
}

/// The configurations a context applies: the matcher's for `screen` (thresholds, limit, per-list
/// overrides, decision policy) and the decision policy `check` screens its parties with.
public struct ScreeningSettings: Sendable {
    public var screen: MatchConfiguration
    public var checkPolicy: DecisionPolicy

    public static let `default` = ScreeningSettings(screen: .default, checkPolicy: .bundled)

    public init(screen: MatchConfiguration = .default, checkPolicy: DecisionPolicy = .bundled) {
        self.screen = screen
        self.checkPolicy = checkPolicy
    }

    /// The settings of `redflag screen --config SCREEN` and `redflag check --config CHECK`.
    public static func load(screenConfig: String?, checkConfig: String?) throws -> ScreeningSettings {
        ScreeningSettings(screen: try screenConfig.map { try MatchConfiguration.load(from: URL(fileURLWithPath: $0)) } ?? .default,
                          checkPolicy: try DecisionPolicy.load(configPath: checkConfig))
    }
}

/// The red-flag rules `check` runs: the catalog as a check configuration changes it, and the
/// engine over it. Independent of the lists, so a context swap keeps them.
public struct CheckRules: Sendable {
    public let catalog: RedFlagCatalog
    public let engine: RuleEngine

    /// The bundled catalog (and country groups), changed by `configuration`.
    public init(configuration: CheckConfiguration = .default) throws {
        catalog = try RedFlagCatalog.bundled().applying(configuration)
        engine = try RuleEngine(catalog: catalog, groups: CountryGroups.bundled())
    }

    /// The rules of `redflag check --config PATH` (nil: the defaults).
    public static func load(configPath: String?) throws -> CheckRules {
        try CheckRules(configuration: try configPath.map { try CheckConfiguration.load(path: $0) } ?? .default)
    }
}

/// Holds the context a long-running process screens with and swaps it atomically: a request
/// takes `current` once and uses that context to its end; `refreshIfNewer` loads the new
/// snapshot beside the old one and only then replaces it.
public final class ScreeningContextHolder: @unchecked Sendable {
    private let lock = NSLock()
    private let loading = NSLock()
    private var context: ScreeningContext

    public init(_ context: ScreeningContext) { self.context = context }

    /// The context to use for one whole request.
    public var current: ScreeningContext {
        lock.lock()
        defer { lock.unlock() }
        return context
    }

    /// Loads and swaps in the current snapshot when it differs from the loaded one; returns the
    /// new context, nil when nothing changed. One caller loads at a time (others wait and then
    /// see the swap); requests keep being served from the old context while it loads. A load
    /// that fails leaves the old context in place and throws.
    @discardableResult
    public func refreshIfNewer() throws -> ScreeningContext? {
        guard current.hasNewerSnapshot else { return nil }
        loading.lock()
        defer { loading.unlock() }
        let old = current
        guard old.hasNewerSnapshot else { return nil }
        let new = try old.reloaded()
        lock.lock()
        context = new
        lock.unlock()
        return new
    }
}
