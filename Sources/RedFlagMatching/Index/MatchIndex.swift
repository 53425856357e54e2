import Foundation
import RedFlagCore

/// Everything the matcher needs to screen against a set of list entries, in flat arrays: the
/// name and address token spaces, per-name and per-entry facts used in scoring (type, countries,
/// birth years) and display strings. The full entries are kept as JSON and decoded only when a
/// caller asks for one (`entry(at:)`), so opening the index never decodes every entry.
public struct MatchIndex: Sendable, Equatable {
    /// One document per matchable name (primary names and aliases).
    public var names: TokenSpace
    /// Entry index of each name.
    public var nameEntry: FlatArray<Int32>
    /// Bit 0: primary name; bits 1–2: alias strength (0 strong, 1 weak, 2 unknown).
    public var nameFlags: FlatArray<UInt8>
    /// The name as published.
    public var nameText: StringTable
    /// Sorted, de-duplicated canonical legal forms of each name, joined by spaces ("" when none).
    public var nameLegalForms: StringTable

    /// One document per listed address (with at least a street, city or postal code).
    public var addresses: TokenSpace
    public var addressEntry: FlatArray<Int32>
    public var addressText: StringTable

    public var entryID: StringTable
    /// Index into `ListSource.allCases`.
    public var entrySource: FlatArray<UInt8>
    public var entryList: StringTable
    /// Index into `PartyType.allCases`.
    public var entryType: FlatArray<UInt8>
    /// Programs joined by U+001F.
    public var entryPrograms: StringTable
    /// ISO country codes joined by ",".
    public var entryCountries: StringTable
    /// Birth-year spans (CSR of lo/hi pairs; approximate dates already widened).
    public var entryBirthOffsets: FlatArray<Int32>
    public var entryBirthYears: FlatArray<Int16>
    /// Each entry as JSON, decoded on demand: offsets into `entryJSONBlob`, which for an index
    /// read from a file is a range of the memory-mapped file (paged in only for entries asked for).
    public var entryJSONOffsets: FlatArray<Int64>
    public var entryJSONBlob: FlatArray<UInt8>
    /// Entry indices sorted by id, for `entryIndex(id:)`.
    public var entryIDOrder: FlatArray<Int32>
    /// Initials and repeated tokens of each name and address document, which the candidate bound
    /// allows for: derived once at import rather than at every start.
    var nameTerms: DocumentBoundTerms
    var addressTerms: DocumentBoundTerms

    public var entryCount: Int { entryID.count }
    public var nameCount: Int { nameEntry.count }

    /// Builds the index over `entries` (any order; ids must be unique for `entry(id:)` to be exact).
    /// `encodedEntries`, when given, is each entry's canonical JSON (`EntryFingerprint`'s sorted
    /// keys, slashes unescaped) at the same position, as the list store has just written it: the
    /// index keeps those bytes instead of encoding every entry a second time.
    public init(entries: [ListEntry], encodedEntries: [Data]? = nil) throws {
        precondition(encodedEntries == nil || encodedEntries!.count == entries.count, "one JSON per entry")
        // Normalising names dominates: once per distinct name, then drafts on every core, in
        // chunks of entries.
        let normalNames = MatchIndexDraft.NormalNames(entries)
        let weakInOFAC = MatchIndexDraft.weakInOFAC(entries, normalNames: normalNames)
        let chunkSize = 256
        let chunks = stride(from: 0, to: entries.count, by: chunkSize).map { $0..<min($0 + chunkSize, entries.count) }
        let drafts = OrderedBatchProcessor(chunkSize: 1).map(chunks) { range in
            range.map { i in
                let entry = entries[i]
                return MatchIndexDraft(entry, json: encodedEntries?[i], normalNames: normalNames,
                                       weakElsewhere: entry.source == .csl ? weakInOFAC[entry.sourceID] : nil)
            }
        }
        // The name token space is the largest single piece of work left and needs only the
        // drafts' tokens: it is built on another thread while this one fills the tables.
        let nameDocs = drafts.flatMap { $0.flatMap { $0.names.map(\.tokens) } }
        let nameSpace = BackgroundValue { TokenSpace(documents: nameDocs) }
        var addressDocs: [[String]] = []
        var nameEntry: [Int32] = [], nameFlags: [UInt8] = [], addressEntry: [Int32] = []
        var nameText = StringTable.Builder(), nameLegalForms = StringTable.Builder(), addressText = StringTable.Builder()
        var entryID = StringTable.Builder(), entryList = StringTable.Builder()
        var entryPrograms = StringTable.Builder(), entryCountries = StringTable.Builder()
        var entrySource: [UInt8] = [], entryType: [UInt8] = []
        var entryBirthOffsets: [Int32] = [0], entryBirthYears: [Int16] = []
        var entryJSONOffsets: [Int64] = [0]
        entryJSONOffsets.reserveCapacity(entries.count + 1)
        entryBirthOffsets.reserveCapacity(entries.count + 1)
        var blob: [UInt8] = []
        blob.reserveCapacity(drafts.reduce(0) { $0 + $1.reduce(0) { $0 + $1.json.count } })
        var e = 0
        for chunk in drafts {
            for draft in chunk {
                let entry = entries[e]
                for n in draft.names {
                    nameEntry.append(Int32(e))
                    nameFlags.append(n.flags)
                    nameText.append(n.text)
                    nameLegalForms.append(n.legalForms)
                }
                for a in draft.addresses {
                    addressDocs.append(a.tokens)
                    addressEntry.append(Int32(e))
                    addressText.append(a.text)
                }
                entryID.append(entry.id)
                entrySource.append(UInt8(ListSource.allCases.firstIndex(of: entry.source)!))
                entryList.append(entry.list.rawValue)
                entryType.append(UInt8(PartyType.allCases.firstIndex(of: entry.type)!))
                entryPrograms.append(entry.programs.joined(separator: "\u{1F}"))
                entryCountries.append(entry.countryCodes.joined(separator: ","))
                entryBirthYears += draft.birthYears
                entryBirthOffsets.append(Int32(entryBirthYears.count))
                blob.append(contentsOf: draft.json)
                entryJSONOffsets.append(Int64(blob.count))
                e += 1
            }
        }
        self.nameEntry = FlatArray(nameEntry)
        self.nameFlags = FlatArray(nameFlags)
        self.nameText = nameText.build()
        self.nameLegalForms = nameLegalForms.build()
        self.addressEntry = FlatArray(addressEntry)
        self.addressText = addressText.build()
        self.entryID = entryID.build()
        self.entrySource = FlatArray(entrySource)
        self.entryList = entryList.build()
        self.entryType = FlatArray(entryType)
        self.entryPrograms = entryPrograms.build()
        self.entryCountries = entryCountries.build()
        self.entryBirthOffsets = FlatArray(entryBirthOffsets)
        self.entryBirthYears = FlatArray(entryBirthYears)
        self.entryJSONOffsets = FlatArray(entryJSONOffsets)
        entryJSONBlob = FlatArray(blob)
        let addresses = TokenSpace(documents: addressDocs)
        self.addresses = addresses
        let ids = entries.map(\.id)
        entryIDOrder = FlatArray((0..<entries.count).map(Int32.init).sorted { ids[Int($0)] < ids[Int($1)] })
        let names = try nameSpace.wait()
        self.names = names
        let types = entryType.map { PartyType.allCases[Int($0)] }
        nameTerms = DocumentBoundTerms(space: names, hasInitials: { Matcher.initialsStandForWords(types[Int(nameEntry[$0])]) },
                                       person: { types[Int(nameEntry[$0])] == .person })
        addressTerms = DocumentBoundTerms(space: addresses) { _ in true }
    }

    init(names: TokenSpace, nameEntry: FlatArray<Int32>, nameFlags: FlatArray<UInt8>, nameText: StringTable, nameLegalForms: StringTable,
         addresses: TokenSpace, addressEntry: FlatArray<Int32>, addressText: StringTable, entryID: StringTable, entrySource: FlatArray<UInt8>,
         entryList: StringTable, entryType: FlatArray<UInt8>, entryPrograms: StringTable, entryCountries: StringTable,
         entryBirthOffsets: FlatArray<Int32>, entryBirthYears: FlatArray<Int16>, entryJSONOffsets: FlatArray<Int64>, entryJSONBlob: FlatArray<UInt8>,
         entryIDOrder: FlatArray<Int32>, nameTerms: DocumentBoundTerms, addressTerms: DocumentBoundTerms) {
        self.names = names
        self.nameEntry = nameEntry
        self.nameFlags = nameFlags
        self.nameText = nameText
        self.nameLegalForms = nameLegalForms
        self.addresses = addresses
        self.addressEntry = addressEntry
        self.addressText = addressText
        self.entryID = entryID
        self.entrySource = entrySource
        self.entryList = entryList
        self.entryType = entryType
        self.entryPrograms = entryPrograms
        self.entryCountries = entryCountries
        self.entryBirthOffsets = entryBirthOffsets
        self.entryBirthYears = entryBirthYears
        self.entryJSONOffsets = entryJSONOffsets
        self.entryJSONBlob = entryJSONBlob
        self.entryIDOrder = entryIDOrder
        self.nameTerms = nameTerms
        self.addressTerms = addressTerms
    }

    /// Whether name `n` is the entry's primary name.
    public func isPrimary(name n: Int) -> Bool { nameFlags[n] & 1 == 1 }
    /// Whether name `n` is a bracketed part of a listed name standing alone ("NICO" of "NAFTIRAN
    /// INTERTRADE CO. (NICO) SARL"): weak by this index's choice, not by the publisher's.
    public func isBracketOnly(name n: Int) -> Bool { nameFlags[n] & 8 != 0 }

    /// Alias strength of name `n` (primary names are strong).
    public func strength(name n: Int) -> Alias.Strength {
        switch (nameFlags[n] >> 1) & 3 {
        case 0: return .strong
        case 1: return .weak
        default: return .unknown
        }
    }

    public func source(entry e: Int) -> ListSource { MatchIndex.sources[Int(entrySource[e])] }
    public func type(entry e: Int) -> PartyType { MatchIndex.types[Int(entryType[e])] }

    /// `allCases` once: it builds a new array on every call, and the type of an entry is asked
    /// for every candidate name of every query.
    private static let sources = ListSource.allCases
    private static let types = PartyType.allCases
    public func list(entry e: Int) -> ListCode { ListCode(entryList[e]) }

    public func programs(entry e: Int) -> [String] {
        let s = entryPrograms[e]
        return s.isEmpty ? [] : s.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
    }

    public func countries(entry e: Int) -> [String] {
        let s = entryCountries[e]
        return s.isEmpty ? [] : s.split(separator: ",").map(String.init)
    }

    /// Birth-year spans of entry e.
    public func birthYears(entry e: Int) -> [ClosedRange<Int>] {
        var out: [ClosedRange<Int>] = []
        var i = Int(entryBirthOffsets[e])
        while i < Int(entryBirthOffsets[e + 1]) {
            let lo = Int(entryBirthYears[i]), hi = Int(entryBirthYears[i + 1])
            out.append(min(lo, hi)...max(lo, hi))
            i += 2
        }
        return out
    }

    /// The primary name of entry e (its first indexed primary name, else the first name).
    public func primaryName(entry e: Int) -> String {
        entry(at: e)?.name ?? ""
    }

    /// Decodes entry e from its stored JSON.
    public func entry(at e: Int) -> ListEntry? {
        let lo = Int(entryJSONOffsets[e]), hi = Int(entryJSONOffsets[e + 1])
        let json = entryJSONBlob.withUnsafeBufferPointer { Data(UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
        return try? JSONDecoder().decode(ListEntry.self, from: json)
    }

    /// The index of the entry with `id`, nil when absent.
    public func entryIndex(id: String) -> Int? {
        var lo = 0, hi = entryIDOrder.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let e = Int(entryIDOrder[mid])
            let v = entryID[e]
            if v == id { return e }
            if v < id { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }
}
