import Foundation
import Testing
import RedFlagCore
@testable import RedFlagLists

/// `ListEntry.canonicalJSON` (what the store writes and fingerprints) is byte for byte what
/// `JSONEncoder` with sorted keys and unescaped slashes writes, on every fixture, on hand-made
/// entries with every optional set and awkward text, and on every real list snapshot.
@Suite struct CanonicalJSONTests {
    private func expectSameAsJSONEncoder(_ entries: [ListEntry], _ what: String) throws {
        let encoder = EntryFingerprint.canonicalEncoder()
        var differing = 0
        for entry in entries where entry.canonicalJSON != (try encoder.encode(entry)) {
            differing += 1
            if differing == 1 {
                Issue.record("\(what): \(entry.id) encodes differently:\n\(String(decoding: entry.canonicalJSON, as: UTF8.self))\n\(String(decoding: try encoder.encode(entry), as: UTF8.self))")
            }
        }
        #expect(differing == 0, "\(what): \(differing) of \(entries.count) entries")
    }

    @Test func everyFieldAndAwkwardText() throws {
        var awkward = ""
        for v in 0..<0x80 { awkward.unicodeScalars.append(Unicode.Scalar(v)!) }
        awkward += "\u{80}\u{85}\u{A0}\u{2028}\u{2029}\u{FEFF}é😀 / \\ \" end"
        var full = ListEntry(source: .csl, sourceID: awkward, list: ListCode(awkward), type: .vessel, name: awkward,
                             programs: [awkward, ""], aliases: [Alias(name: awkward, strength: .weak, kind: .fka, script: "Cyrl", language: awkward)],
                             addresses: [Address(lines: [awkward, "b"], city: "c", region: "r", postalCode: "p", country: "DE")],
                             nationalities: [CountryRef(resolving: "Germany"), CountryRef(resolving: awkward)],
                             citizenships: [CountryRef(resolving: "FR")],
                             identityDocuments: [IdentityDocument(type: "Passport", number: awkward, country: "RU", countryRaw: "Russia",
                                                                  issueDate: "2001", expirationDate: "2011", note: awkward)],
                             datesOfBirth: [PartialDate(from: .init(year: 1960, month: 1, day: 2), to: .init(year: -5, month: nil, day: 31),
                                                        approximate: true, raw: awkward, isValid: false)],
                             placesOfBirth: [awkward], listingDates: [PartialDate(year: 2020)], remarks: [awkward], titles: [awkward],
                             legal: LegalInfo(federalRegisterNotices: [awkward], licenseRequirement: "l", licensePolicy: "p", sourceURL: "https://x/y",
                                              sourceInformationURL: "i", endDate: "e", standardOrder: "Y", measures: [awkward]))
        full.addresses.append(Address(lines: []))
        full.addresses[0].countryRaw = "Germany"
        full.addresses[0].full = awkward
        try expectSameAsJSONEncoder([full, ListEntry(source: .un, sourceID: "", list: "UN", type: .unknown, name: "")], "hand-made")
    }

    @Test func fixtures() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: ListTestFiles.packageRoot.appendingPathComponent("Fixtures/lists").path)
            .filter { !$0.hasSuffix(".py") && $0 != "ofac-csv" }.sorted()
        let lists = try ListFileLoader.load(paths: (names + ["ofac-csv/sdn.csv"]).map(ListTestFiles.fixture))
        #expect(lists.count >= 10)
        for list in lists { try expectSameAsJSONEncoder(list.entries, list.files[0].lastPathComponent) }
    }

    @Test func everyRealList() throws {
        guard FileManager.default.fileExists(atPath: ListTestFiles.sharedLists.path) else {
            print("skipped: ../shared/lists absent")
            return
        }
        let files = try FileManager.default.subpathsOfDirectory(atPath: ListTestFiles.sharedLists.path)
            .filter { [".csv", ".xml", ".xlsx", ".json"].contains(where: $0.hasSuffix) && !$0.hasPrefix("ofac/csv-2021-07/") }
            .sorted().map { ListTestFiles.sharedLists.appendingPathComponent($0) }
        let lists = try ListFileLoader.load(paths: files + [ListTestFiles.sharedLists.appendingPathComponent("ofac/csv-2021-07/sdn.csv")])
        for list in lists { try expectSameAsJSONEncoder(list.entries, list.files[0].lastPathComponent) }
    }
}
