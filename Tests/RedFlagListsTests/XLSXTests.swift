import Foundation
import Testing
@testable import RedFlagLists
import RedFlagCore

/// OFSI's XLSX export: the ZIP container, the workbook reader and the ConList rows it holds.
@Suite("XLSX workbooks (OFSI ConList.xlsx)")
struct XLSXTests {
    static let fixture = ListTestFiles.fixture("ofsi-conlist.xlsx")

    @Test func theXLSXExportGivesTheSameEntriesAsTheCSV() throws {
        let xlsx = try OFSIXLSXParser.parse(Self.fixture)
        let csv = try OFSICSVParser.parse(ListTestFiles.fixture("ofsi-conlist.csv"))
        #expect(xlsx.format == .ofsiXLSX && xlsx.source == .uk)
        #expect(xlsx.publicationDate == "2025-04-10")
        #expect(xlsx.sha256 == (try SHA256.hex(ofFile: Self.fixture)))
        // Rich-text runs joined without their phonetic guide; typed dates back as dd/mm/yyyy.
        #expect(xlsx.entries == csv.entries)
        #expect(xlsx.entries.first { $0.sourceID == "99101" }?.listingDates.map(\.description) == ["2022-03-15"])
        #expect(xlsx.warnings.counts["short row"] == nil)
    }

    @Test func detectedFromContentAndLoadedLikeAnyList() throws {
        #expect(try ListFormatDetector.detect(Self.fixture) == .init(format: .ofsiXLSX))
        let lists = try ListFileLoader.load(paths: [Self.fixture])
        #expect(lists.map(\.format) == [.ofsiXLSX] && lists.first?.entries.count == 3)
        // A ZIP that is not a workbook is refused with what to do.
        var zip = Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0, 0, 8, 0])
        zip.append(Data("SDN_ENHANCED.XML".utf8))
        let e = ListTestFiles.error { _ = try ListFormatDetector.detect(head: zip, path: "SDN_ENHANCED.ZIP") }
        #expect(e?.description.contains("unzip it") == true && e?.exitCode == 65)
    }

    @Test func cellsAndDates() {
        #expect(XLSXWorkbook.columnIndex("A1") == 0)
        #expect(XLSXWorkbook.columnIndex("AJ18798") == 35)
        #expect(XLSXWorkbook.columnIndex("XFD1") == 16_383)
        #expect(XLSXWorkbook.columnIndex("12") == nil)
        #expect(XLSXWorkbook.dayFirstDate(44_635) == "15/03/2022")
        #expect(XLSXWorkbook.dayFirstDate(1) == "01/01/1900")
        #expect(XLSXWorkbook.dayFirstDate(61) == "01/03/1900")
        #expect(XLSXWorkbook.dayFirstDate(19_274.75) == "07/10/1952")
        #expect(XLSXWorkbook.dayFirstDate(0) == nil)
        #expect(XLSXWorkbook.isDateCode("dd/MM/yyyy") && XLSXWorkbook.isDateCode("[$-409]mmm d, yyyy"))
        #expect(!XLSXWorkbook.isDateCode("0.00") && !XLSXWorkbook.isDateCode("#,##0 \"days\""))
    }

    // MARK: - Damaged archives: a clear error naming the file and the member, never a crash

    static func bytes() throws -> [UInt8] { [UInt8](try Data(contentsOf: fixture)) }

    /// Offset of the central directory entry of `name`.
    static func centralEntry(_ b: [UInt8], _ name: String) throws -> Int {
        let n = Array(name.utf8)
        for o in 0..<(b.count - 46 - n.count) where b[o] == 0x50 && b[o + 1] == 0x4B && b[o + 2] == 1 && b[o + 3] == 2 {
            if Array(b[(o + 46)..<(o + 46 + n.count)]) == n { return o }
        }
        throw RedFlagError.badData(path: name, location: nil, message: "not in the fixture")
    }

    static func failure(_ b: [UInt8]) throws -> RedFlagError? {
        let url = try ListTestFiles.temporary(Data(b), name: "ConList.xlsx")
        return ListTestFiles.error { _ = try OFSIXLSXParser.parse(url) }
    }

    @Test func truncatedDownload() throws {
        let b = try Self.bytes()
        let e = try Self.failure(Array(b.prefix(b.count / 2)))
        #expect(e?.exitCode == 65)
        #expect(e?.description.contains("ConList.xlsx") == true && e?.description.contains("end-of-central-directory") == true, "\(String(describing: e))")
    }

    @Test func corruptedMemberIsCaughtByInflateOrCRC() throws {
        var b = try Self.bytes()
        let archive = try ZipArchive(bytes: b, path: "x")
        let sheet = try #require(archive.member(named: "xl/worksheets/sheet1.xml"))
        let data = sheet.localHeaderOffset + 30 + sheet.name.utf8.count
        b[data + sheet.compressedSize / 2] ^= 0x5A
        let e = try Self.failure(b)
        #expect(e?.exitCode == 65)
        #expect(e?.description.contains("xl/worksheets/sheet1.xml") == true, "\(String(describing: e))")
    }

    @Test func sizesThatLieAreRefused() throws {
        let b = try Self.bytes()
        let cd = try Self.centralEntry(b, "xl/worksheets/sheet1.xml")
        func withSize(_ size: UInt32) -> [UInt8] {
            var c = b
            for i in 0..<4 { c[cd + 24 + i] = UInt8((size >> (8 * UInt32(i))) & 0xFF) }
            return c
        }
        let real = try #require(try ZipArchive(bytes: b, path: "x").member(named: "xl/worksheets/sheet1.xml")).size
        let bomb = try Self.failure(withSize(UInt32(ZipArchive.maximumMemberSize) + 1))
        #expect(bomb?.description.contains("more than the") == true, "\(String(describing: bomb))")
        let small = try Self.failure(withSize(UInt32(real - 1)))
        #expect(small?.description.contains("more than its declared") == true, "\(String(describing: small))")
        let large = try Self.failure(withSize(UInt32(real + 1)))
        #expect(large?.exitCode == 65, "\(String(describing: large))")
    }

    /// The real OFSI export of 10 April 2025 (SOURCES.md: 18,796 name rows, 4,686 Group IDs).
    @Test func realOFSIWorkbook() throws {
        guard let url = ListTestFiles.shared("uk/ofsi-conlist-20250410.xlsx") else { return }
        let list = try OFSIXLSXParser.parse(url)
        #expect(list.format == .ofsiXLSX && list.publicationDate == "2025-04-10")
        #expect(list.entries.count == 4_686)
        let types = Dictionary(grouping: list.entries, by: \.type).mapValues(\.count)
        #expect(types[.person] == 3_662 && types[.entity] == 1_009 && types[.vessel] == 15, "\(types)")
        let putin = try #require(list.entries.first { $0.sourceID == "14196" })
        #expect(putin.datesOfBirth.map(\.description) == ["1952-10-07"])
        #expect(putin.allNames.contains { $0.name == "Владимир Владимирович Путин" })
        #expect(putin.programs == ["Russia"])
        print("ofsi-conlist-20250410.xlsx: \(list.entries.count) entries, \(list.nameCount) names; warnings: \(list.warnings.summary)")
    }
}
