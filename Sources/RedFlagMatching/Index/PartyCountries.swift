/// The countries a listed party is known by, across the lists that carry it: one party is often
/// listed several times (OFAC SDN, the CSL's copy, the EU, UN and UK lists), and only some of its
/// entries give a country (the UK and EU lists often give none, or only in text). A stated country
/// that contradicts the party is evidence against identity whichever of its entries the name
/// matched: "NAQQDI, Muhammad" in Spain is not the Iranian "NAQDI, Mohammad Reza" just because the
/// UK entry "Mohammad Reza NAQDI" states no country.
///
/// The party of an entry: the entry itself and every entry of the same type carrying one of its
/// names of two or more words, as the same words in any order ("NAQDI, Mohammad Reza" and
/// "Mohammad Reza NAQDI"). The countries are the union over those entries, so a country of any
/// of them still matches (a query country is never contradicted by a twin's absence of it).
extension Matcher {
    /// The countries of entry e and of the entries sharing a name with it (see above), the
    /// entry's own first; remembered per entry.
    func partyCountries(entry e: Int) -> (countries: [String], shared: Bool) {
        let own = index.countries(entry: e)
        let key = withUnsafeBytes(of: Int32(e)) { Array($0) }
        let twins = partyCountryCache.value(key) { twinCountries(entry: e) }
        let extra = twins.filter { !own.contains($0) }
        return (own + extra, !extra.isEmpty)
    }

    /// Countries of the other entries of e's type that carry one of e's names (two words or more).
    private func twinCountries(entry e: Int) -> [String] {
        let space = index.names
        // An entry's names are contiguous in the name table.
        var lo = 0, hi = index.nameEntry.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(index.nameEntry[mid]) < e { lo = mid + 1 } else { hi = mid }
        }
        let type = index.entryType[e]
        var out: [String] = []
        var seen: Set<Int32> = [Int32(e)]
        var n = lo
        while n < index.nameEntry.count && Int(index.nameEntry[n]) == e {
            defer { n += 1 }
            let tokens = space.documentRange(n).map { space.documentTokens[$0] }.sorted()
            guard tokens.count >= 2 else { continue }
            // Walk the shortest posting list of the name's words.
            let rarest = tokens.min { a, b in
                space.postingOffsets[Int(a) + 1] - space.postingOffsets[Int(a)] < space.postingOffsets[Int(b) + 1] - space.postingOffsets[Int(b)]
            }!
            for p in Int(space.postingOffsets[Int(rarest)])..<Int(space.postingOffsets[Int(rarest) + 1]) {
                let d = Int(space.postings[p])
                let other = index.nameEntry[d]
                guard !seen.contains(other), index.entryType[Int(other)] == type, space.documentRange(d).count == tokens.count,
                      space.documentRange(d).map({ space.documentTokens[$0] }).sorted() == tokens else { continue }
                seen.insert(other)
                for c in index.countries(entry: Int(other)) where !out.contains(c) { out.append(c) }
            }
        }
        return out
    }
}
