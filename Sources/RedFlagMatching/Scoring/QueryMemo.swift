import RedFlagCore

/// What scoring a query computes from its name alone: the name as normalised, and every listed
/// name scoring at least the matcher's name floor (before any qualifier). Country, type, date of
/// birth and address only qualify these hits afterwards. `query`, the name prepared against the
/// name vocabulary, is kept only by the caller that worked it out: a prepared query holds a
/// similarity table of tens of kB, so the memo keeps none, and a remembered name with hits is
/// prepared again (from the token caches) when its matches are explained.
struct NameScoring {
    var normal: NormalizedName
    var query: PreparedQuery?
    var hits: [Matcher.NameHit]
}

/// What scoring a query computes from its address alone: its tokens and the listed addresses that
/// match it on their own (at the address threshold, holding a number). The prepared address is
/// built per query, as for names, only when a match needs it.
struct AddressScoring {
    var tokens: [String]
    var hits: [(document: Int, score: Double)]
}

/// Remembers `NameScoring` per name and `AddressScoring` per address for the life of a matcher.
///
/// An order export names the same parties over and over with other qualifiers: a customer is
/// screened as the customer (an entity, with its address and country), again as its own end user
/// and ship-to (no type, the destination country, the dock address), and its ship-to country
/// changes from order to order. Each such combination is a distinct query, but the candidate
/// retrieval and name alignment, the costly part, depend on the name only (and the address hits on
/// the address only), so a HOLD/STOP-heavy export of 10,000 customers scores about 10,000 names
/// instead of 158,000 queries per million lines. The qualifiers, the decision and the explanation
/// are still worked out for every query from these values, so a result is the same, byte for
/// byte, with or without the memo (`MatcherMemoTests`).
///
/// Bounded: each memo holds at most twice `capacity` values (two generations, see `TokenCache`),
/// so memory stays flat on an input of millions of distinct names. A value is the name's tokens
/// and its hits, a few hundred bytes, so 131,072 names stay within a few tens of MB. A name seen
/// again within about `capacity` queries is not scored again: `redflag-bench generate-names`
/// writes a million names of which a third repeat one met earlier (as an order export does), and
/// a memo of 16,384 emptied shard by shard when full remembered 2 % of them.
struct QueryMemo: Sendable {
    static let capacity = 65_536

    /// What the memo keeps of a `NameScoring`: not its optional prepared query, whose inline room a
    /// dictionary would hold for every name even when empty.
    struct RememberedName {
        var normal: NormalizedName
        var hits: [Matcher.NameHit]

        init(normal: NormalizedName, hits: [Matcher.NameHit]) {
            var normal = normal
            // Most names are written as they are read: one buffer for both saves a fifth of the memo's memory.
            if normal.written == normal.tokens { normal.written = normal.tokens }
            self.normal = normal
            self.hits = hits
        }
    }

    let names: TokenCache<RememberedName>?
    let addresses: TokenCache<AddressScoring>?

    /// `enabled` false: nothing remembered (every query scored from scratch; the tests compare).
    init(enabled: Bool, capacity: Int = QueryMemo.capacity) {
        names = enabled ? TokenCache(capacity: capacity) : nil
        addresses = enabled ? TokenCache(capacity: capacity) : nil
    }

    /// The memo key of a name read with the cross-script channel of `origin` (nil: none).
    /// 0xFF never occurs in UTF-8, so the two parts cannot run into each other.
    static func nameKey(_ name: String, origin: String?) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(name.utf8.count + (origin?.utf8.count ?? 0) + 2)
        switch origin {
        case nil: key.append(0)
        case name?: key.append(1)
        case let other?:
            key.append(2)
            key.append(contentsOf: other.utf8)
            key.append(0xFF)
        }
        key.append(contentsOf: name.utf8)
        return key
    }
}

extension Matcher {
    /// The name scoring of `name` read with the cross-script channel of `origin`, at `floor`:
    /// remembered when `floor` is the matcher's own name floor (the screening path), worked out
    /// afresh otherwise (`nearest` reads deeper).
    func nameScoring(_ name: String, origin: String?, floor: Double, scratch: Scratch) -> NameScoring {
        let compute = {
            let prepared = self.prepareQueryName(name, scratch: scratch, origin: origin)
            let hits = prepared.normal.tokens.isEmpty ? []
                : self.nameHits(prepared.query, fullScan: self.configuration.fullScan, floor: floor, scratch: scratch).filter { $0.score >= floor }
            return NameScoring(normal: prepared.normal, query: prepared.query, hits: hits)
        }
        guard let names = memo.names, floor == nameFloor else { return compute() }
        var fresh: NameScoring?
        let kept = names.value(QueryMemo.nameKey(name, origin: origin)) {
            let full = compute()
            fresh = full
            return QueryMemo.RememberedName(normal: full.normal, hits: full.hits)
        }
        return fresh ?? NameScoring(normal: kept.normal, query: nil, hits: kept.hits)
    }

    /// The prepared name of `scoring` (worked out again when the memo gave it without one).
    func preparedName(_ scoring: NameScoring, name: String, origin: String?, scratch: Scratch) -> PreparedQuery {
        scoring.query ?? prepareQueryName(name, scratch: scratch, origin: origin).query
    }

    /// `address` prepared against the address vocabulary (nil without tokens or listed addresses).
    func preparedAddress(_ tokens: [String], scratch: Scratch) -> PreparedQuery? {
        guard !tokens.isEmpty && index.addresses.documentCount > 0 else { return nil }
        return PreparedQuery(tokens: tokens, legalForms: [], space: index.addresses, scratch: scratch, cache: addressCache,
                             joinCache: addressJoinCache, unknownWeight: Matcher.unknownAddressWeight)
    }

    /// The address scoring of `address` (nil: none given).
    func addressScoring(_ address: String?, scratch: Scratch) -> AddressScoring {
        guard let address else { return AddressScoring(tokens: [], hits: []) }
        let compute = {
            let tokens = NameNormalizer.addressTokens(address)
            guard let prepared = self.preparedAddress(tokens, scratch: scratch) else { return AddressScoring(tokens: tokens, hits: []) }
            // Alone, an address must name a building: a listed address without any number (a district,
            // "Near Damascus in the Yaafur area", "Central District, Pyongyang") names an area many
            // unrelated parties share. With a name match it still adds its bonus (see `score`).
            let hits = self.addressHits(prepared, scratch: scratch).filter { doc, score in
                score >= self.configuration.addressThreshold && self.holdsNumber(address: doc)
            }.map { (document: $0.0, score: $0.1) }
            return AddressScoring(tokens: tokens, hits: hits)
        }
        guard let addresses = memo.addresses else { return compute() }
        return addresses.value(Array(address.utf8), compute: compute)
    }
}
