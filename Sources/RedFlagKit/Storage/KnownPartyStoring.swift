import Foundation

/// Where the parties seen by screen and check are remembered for `rescreen`.
public protocol KnownPartyStoring: AnyObject, Sendable {
    /// Records parties as seen now (one transaction; duplicates within the batch count once).
    func record(_ parties: [KnownParty], now: Date) throws
    /// Every known party, in the order first seen.
    func all() throws -> [KnownParty]
    func count() throws -> Int
}

extension KnownPartyStoring {
    public func record(_ parties: [KnownParty]) throws { try record(parties, now: Date()) }
}
