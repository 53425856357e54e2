import Foundation
import RedFlagCore

/// Where a default `rescreen` starts: just after what the last completed rescreen consumed.
///
/// Import times in the change log have whole-second precision, so "imported after the last
/// rescreen started" alone could miss an import made in the same second as that rescreen. The
/// rescreen therefore records which change-log records it consumed; the next one reads from a
/// little before the last start and leaves those records out: nothing missed, nothing twice.
public struct RescreenStart: Sendable, Equatable {
    /// Read change-log records imported after this (nil: from the first import).
    public var since: Date?
    /// Change-log records (`RescreenChangeSet.key`) already rescreened.
    public var consumed: Set<String>

    /// How far before the last start to look again (covers the whole-second rounding).
    static let overlap: TimeInterval = 5

    public init(since: Date?, consumed: Set<String>) {
        self.since = since
        self.consumed = consumed
    }

    /// The start after the last completed rescreen in `trail`, or from the beginning.
    public static func afterLastRescreen(in trail: (any AuditStoring)?) throws -> RescreenStart {
        guard let trail, let last = try trail.lastCompletedRun(command: "rescreen"),
              let started = AuditTimestamp.date(last.startedAt) else {
            return RescreenStart(since: nil, consumed: [])
        }
        let recorded = try? JSONDecoder().decode(RescreenConfiguration.self, from: Data(last.configuration.utf8))
        return RescreenStart(since: started.addingTimeInterval(-overlap), consumed: Set(recorded?.consumedChanges ?? []))
    }
}

/// What a rescreen run records as its configuration in the audit trail.
public struct RescreenConfiguration: Codable, Sendable {
    /// The matcher configuration, as JSON text.
    public var matcher: String
    /// The change-log records this run screened against (`RescreenChangeSet.key`).
    public var consumedChanges: [String]

    public init(matcher: String, consumedChanges: [String]) {
        self.matcher = matcher
        self.consumedChanges = consumedChanges
    }
}
