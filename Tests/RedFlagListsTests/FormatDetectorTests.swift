import Foundation
import Testing
@testable import RedFlagLists
import RedFlagCore

@Suite("List format detection")
struct FormatDetectorTests {
    typealias D = ListFormatDetector.Detection

    @Test(arguments: [
        ("csl.csv", D(format: .cslCSV)),
        ("csl-2025.csv", D(format: .cslCSV)),
        ("csl.json", D(format: .cslJSON)),
        ("ofac-csv/sdn.csv", D(format: .ofacCSV, ofacPart: .sdn)),
        ("ofac-csv/add.csv", D(format: .ofacCSV, ofacPart: .add)),
        ("ofac-csv/alt.csv", D(format: .ofacCSV, ofacPart: .alt)),
        ("ofac-csv/sdn_comments.csv", D(format: .ofacCSV, ofacPart: .comments)),
        ("ofsi-conlist.csv", D(format: .ofsiCSV)),
        ("ofsi-conlist-2020.csv", D(format: .ofsiCSV)),
        ("uk-fcdo.csv", D(format: .fcdoCSV)),
    ])
    func fixtures(name: String, expected: D) throws {
        #expect(try ListFormatDetector.detect(ListTestFiles.fixture(name)) == expected)
    }

    /// Workstream A's XML fixtures, where they exist: detected by root element and namespace.
    @Test func xmlFixtures() throws {
        let dir = ListTestFiles.packageRoot.appendingPathComponent("Fixtures/lists")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".xml") }
        let xmlFormats: Set<ListFormat> = [.ofacXML, .ofacEnhancedXML, .ofacAdvancedXML, .unXML, .euXML, .fcdoXML]
        for name in names {
            let d = try ListFormatDetector.detect(dir.appendingPathComponent(name))
            #expect(xmlFormats.contains(d.format), "\(name)")
        }
    }

    @Test func contentNotNameDecides() throws {
        let bytes = try Data(contentsOf: ListTestFiles.fixture("csl.csv"))
        let renamed = try ListTestFiles.temporary(bytes, name: "sdn.xml")
        #expect(try ListFormatDetector.detect(renamed).format == .cslCSV)
        var withBOM = Data([0xEF, 0xBB, 0xBF])
        withBOM.append(bytes)
        #expect(try ListFormatDetector.detect(head: withBOM, path: "x").format == .cslCSV)
    }

    @Test(arguments: [
        ("<?xml version=\"1.0\"?>\n<sdnList xmlns=\"http://tempuri.org/sdnList.xsd\">", ListFormat.ofacXML),
        ("<sdnList xmlns=\"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML\">", .ofacXML),
        ("<?xml version=\"1.0\"?><!-- c --><sanctionsData xmlns=\"https://x/ENHANCED_XML\">", .ofacEnhancedXML),
        ("<Sanctions xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns=\"http://www.un.org/sanctions/1.0\">", .ofacAdvancedXML),
        ("<un:Sanctions xmlns:un=\"http://www.un.org/sanctions/1.0\">", .ofacAdvancedXML),
        ("<CONSOLIDATED_LIST xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" dateGenerated=\"2026\">", .unXML),
        ("<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\" generationDate=\"2024\">", .euXML),
        ("<!DOCTYPE Designations [<!ENTITY a \"b\">]>\n<Designations><DateGenerated>", .fcdoXML),
    ])
    func xmlRoots(text: String, expected: ListFormat) throws {
        #expect(try ListFormatDetector.detect(head: Data(text.utf8), path: "t.xml").format == expected)
    }

    @Test func unknownXMLRootAndNamespace() {
        let e = ListTestFiles.error { _ = try ListFormatDetector.detect(head: Data("<export xmlns=\"urn:other\">".utf8), path: "t.xml") }
        guard case .unknownFormat(let path, let message)? = e else { Issue.record("expected unknownFormat, got \(String(describing: e))"); return }
        #expect(path == "t.xml")
        #expect(message.contains("<export>") && message.contains("urn:other"))
        #expect(e?.exitCode == 65)
    }

    @Test func aZipThatIsNoWorkbookIsRefusedWithWhatToDo() {
        let e = ListTestFiles.error { _ = try ListFormatDetector.detect(head: Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]), path: "SDN.ZIP") }
        #expect(e?.description.contains("unzip it") == true)
        #expect(e?.exitCode == 65)
    }

    /// Every real snapshot in ../shared/lists is detected as the format SOURCES.md says it is.
    @Test func realFiles() throws {
        let expected: [(String, ListFormat, OFACLegacyCSVParser.Part?)] = [
            ("csl/consolidated.csv", .cslCSV, nil), ("csl/consolidated-excerpt-2025-06.csv", .cslCSV, nil),
            ("ofac/sdn.xml", .ofacXML, nil), ("ofac/sdn.csv", .ofacCSV, .sdn),
            ("ofac/csv-2021-07/sdn.csv", .ofacCSV, .sdn), ("ofac/csv-2021-07/add.csv", .ofacCSV, .add),
            ("ofac/csv-2021-07/alt.csv", .ofacCSV, .alt), ("ofac/csv-2021-07/sdn_comments.csv", .ofacCSV, .comments),
            ("ofac/consolidated.xml", .ofacXML, nil), ("ofac/consolidated-20200422.xml", .ofacXML, nil),
            ("ofac/cons_enhanced.xml", .ofacEnhancedXML, nil), ("ofac/sdn_advanced-excerpt-20240223.xml", .ofacAdvancedXML, nil),
            ("un/consolidated.xml", .unXML, nil), ("eu/fsf-full-1_1-20240513.xml", .euXML, nil),
            ("uk/ofsi-conlist-20200427.csv", .ofsiCSV, nil),
        ]
        for (relative, format, part) in expected {
            guard let url = ListTestFiles.shared(relative) else { continue }
            #expect(try ListFormatDetector.detect(url) == D(format: format, ofacPart: part), "\(relative)")
        }
        if let xlsx = ListTestFiles.shared("uk/ofsi-conlist-20250410.xlsx") {
            #expect(try ListFormatDetector.detect(xlsx) == D(format: .ofsiXLSX))
        }
    }
}
