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

    /// Every name of the entry that listed name `n` belongs to, `n` first (names are indexed in
    /// entry order, so they are one run of `nameEntry` around `n`).
    func names(ofEntryAround n: Int) -> [String] {
        let e = nameEntry[n]
        var out = [nameText[n]]
        var i = n - 1
        while i >= 0 && nameEntry[i] == e { out.append(nameText[i]); i -= 1 }
        i = n + 1
        while i < nameEntry.count && nameEntry[i] == e { out.append(nameText[i]); i += 1 }
        return out
    }
}
