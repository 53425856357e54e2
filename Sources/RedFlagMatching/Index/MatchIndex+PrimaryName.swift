extension MatchIndex {
    /// The primary name of entry `e` as published, read from the name table rather than by
    /// decoding the entry's JSON (which cost more than the matching for every match reported).
    /// Names are indexed in entry order with the primary first, so the entry's names are one run
    /// of `nameEntry`; nil when the primary name was not indexed (it normalised to no tokens).
    public func indexedPrimaryName(entry e: Int) -> String? {
        let target = Int32(e)
        var lo = 0, hi = nameEntry.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if nameEntry[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        var n = lo
        while n < nameEntry.count && nameEntry[n] == target {
            if isPrimary(name: n) { return nameText[n] }
            n += 1
        }
        return nil
    }
}
