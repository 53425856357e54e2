import Foundation
import RedFlagCore

/// A data file of one lower-case ASCII word a line, sorted (`#` lines are its header), looked up
/// by binary search over its bytes as they stand: no set of tens of thousands of strings is built
/// (that would cost a fresh process more than screening one name). Each line is one word as the
/// name pipeline writes tokens, so no normalisation is needed. `CommonWords` and `CommonNames`.
struct SortedWordFile: Sendable {
    let bytes: [UInt8]
    /// Where each word starts, in the file's order.
    let starts: [Int32]

    /// `Lists/<relativePath>`; a missing file stops the process with the reason (`NameData.fail`).
    init(required relativePath: String) {
        let data: Data
        do { data = try ProjectData.contents(relativePath).data } catch { NameData.fail("\(error)") }
        bytes = [UInt8](data)
        var starts: [Int32] = []
        starts.reserveCapacity(bytes.count / 8)
        var lineStart = 0
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") {
            if i > lineStart && bytes[lineStart] != UInt8(ascii: "#") { starts.append(Int32(lineStart)) }
            lineStart = i + 1
        }
        if lineStart < bytes.count && bytes[lineStart] != UInt8(ascii: "#") { starts.append(Int32(lineStart)) }
        self.starts = starts
    }

    /// Number of words.
    var count: Int { starts.count }

    /// The bytes of word `i` (in the file's sorted order).
    private func slice(_ i: Int) -> ArraySlice<UInt8> {
        let start = Int(starts[i])
        var end = start
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        return bytes[start..<end]
    }

    /// Word `i`.
    func word(_ i: Int) -> String { String(decoding: slice(i), as: UTF8.self) }

    /// Whether `token` is one of the words.
    func contains(_ token: String) -> Bool {
        let key = Array(token.utf8)
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let word = slice(mid)
            if word.elementsEqual(key) { return true }
            if word.lexicographicallyPrecedes(key) { lo = mid + 1 } else { hi = mid }
        }
        return false
    }
}
