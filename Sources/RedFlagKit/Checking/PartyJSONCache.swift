import Foundation
import RedFlagCore
import RedFlagRules

/// Remembers the JSON of screened parties that had list matches, for one output format.
///
/// On an export the same customer, end user and ship-to come back on line after line with the
/// same screening result, and a party with matches is most of its record (2–4 kB of names,
/// programs and explanations): writing it again, escape by escape, was a tenth of a HOLD/STOP
/// heavy check's CPU time. A hit is used only when the party's result equals the one its bytes
/// were written from, so a changed result (an allow-list suppression, new lists in a long-lived
/// service) is written afresh, never served stale. The results come from the screening memo, so
/// that comparison mostly meets the same string and array storage and costs next to nothing.
/// Bounded by bytes, emptied when full: 24 MB (with 48 MB a heavy export of a million lines
/// peaked at 981 MB, near its 1 GB target; most of the gain comes from the parties met most often).
final class PartyJSONCache: @unchecked Sendable {
    private struct Key: Hashable {
        var role: PartyScreening.Role
        var query: ScreeningQuery
    }

    private let lock = NSLock()
    private var parties: [Key: (result: ScreeningResult, json: [UInt8])] = [:]
    private var bytes = 0
    private let byteBudget: Int

    init(byteBudget: Int = 24 << 20) { self.byteBudget = byteBudget }

    /// Appends the JSON of `party` to `out`, from memory when its result was written before.
    /// `write` writes it and reports whether the bytes may be kept (false: not valid JSON, the
    /// caller falls back to the reference encoder, so nothing is kept).
    func append(_ party: PartyScreening, to out: inout FoundationJSONText, write: (inout FoundationJSONText) -> Void) {
        guard !party.result.matches.isEmpty else { write(&out); return }
        let key = Key(role: party.role, query: party.result.query)
        lock.lock()
        let known = parties[key]
        lock.unlock()
        if let known, known.result == party.result {
            out.rawElement(known.json)
            return
        }
        var own = FoundationJSONText(capacity: 4096)
        write(&own)
        guard !own.invalid else { write(&out); return }
        out.rawElement(own.bytes)
        lock.lock()
        if bytes + own.bytes.count > byteBudget {
            parties.removeAll(keepingCapacity: true)
            bytes = 0
        }
        if let old = parties.updateValue((party.result, own.bytes), forKey: key) { bytes -= old.json.count }
        bytes += own.bytes.count
        lock.unlock()
    }
}
