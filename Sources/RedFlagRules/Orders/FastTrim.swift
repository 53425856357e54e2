extension String {
    /// The string without leading and trailing ASCII whitespace (space, tab, CR, LF). Returns
    /// the string itself when there is nothing to trim: the order reader trims ~40 fields per
    /// line, and Foundation's `trimmingCharacters(in:)` goes through NSString on Linux.
    var trimmedASCII: String {
        let u = utf8
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let f = u.first, let l = u.last, isSpace(f) || isSpace(l) else { return self }
        var start = u.startIndex, end = u.endIndex
        while start < end, isSpace(u[start]) { start = u.index(after: start) }
        while end > start, isSpace(u[u.index(before: end)]) { end = u.index(before: end) }
        return String(self[start..<end])
    }
}
