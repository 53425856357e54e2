import Foundation
import RedFlagCore

/// A data file of one lower-case ASCII word a line, sorted (`#` lines are its header), looked up
/// by binary search over its bytes as they stand, each probe stepping back to its line's start
/// (or of keyed lines, a word and its fields, sorted by the word: `line(for:)`):
/// neither a set of tens of thousands of strings nor a table of where each word starts is built
/// (either would cost a fresh process more than screening one name). Each line is one word as the
/// name pipeline writes tokens, so no normalisation is needed. `CommonWords` and `CommonNames`.
struct SortedWordFile: Sendable {
    /// The file's bytes, as embedded or read (not copied).
    private let bytes: Data
    /// Offset of the first word, after the `#` header.
    private let wordsStart: Int

    /// `Lists/<relativePath>`; a missing file stops the process with the reason (`NameData.fail`).
    init(required relativePath: String) {
        let data: Data
        do { data = try ProjectData.contents(relativePath).data } catch { NameData.fail("\(error)") }
        bytes = data
        var start = data.startIndex
        while start < data.endIndex && data[start] == UInt8(ascii: "#") {
            while start < data.endIndex && data[start] != UInt8(ascii: "\n") { start += 1 }
            start += 1
        }
        wordsStart = min(start, data.endIndex) - data.startIndex
    }

    /// Every word, in the file's order (walks the whole file: for tests and tools).
    var words: [String] {
        bytes.dropFirst(wordsStart).split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The rest of the line whose first field (up to a tab) is `key`, for a file of keyed lines
    /// sorted by their key ("developpement<TAB>word<TAB>…"); nil when no line has that key.
    func line(for key: String) -> Substring? {
        var key = key
        return key.withUTF8 { line(forKey: $0) }
    }

    /// `line(for:)` for a key as bytes.
    func line(forKey key: UnsafeBufferPointer<UInt8>) -> Substring? {
        guard let found = fields(forKey: key) else { return nil }
        let base = bytes.startIndex
        return Substring(String(decoding: bytes[(base + found.lowerBound)..<(base + found.upperBound)], as: UTF8.self))
    }

    /// Whether `token` is one of the words.
    func contains(_ token: String) -> Bool {
        var token = token
        return token.withUTF8 { fields(forKey: $0) } != nil
    }

    /// Binary search for the line whose first field (the whole line when it has no tab) is `key`:
    /// the byte range of the rest of that line, or nil. [lo, hi) always starts and ends at line
    /// boundaries.
    private func fields(forKey key: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let start = wordsStart
        let tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
        return bytes.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lo = start, hi = bytes.count
            while lo < hi {
                var start = (lo + hi) / 2
                while start > lo && bytes[start - 1] != newline { start -= 1 }
                var end = start
                while end < hi && bytes[end] != newline { end += 1 }
                var keyEnd = start
                while keyEnd < end && bytes[keyEnd] != tab { keyEnd += 1 }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<keyEnd])
                if word.elementsEqual(key) { return min(keyEnd + 1, end)..<end }
                if word.lexicographicallyPrecedes(key) { lo = end + 1 } else { hi = start }
            }
            return nil
        }
    }
}
