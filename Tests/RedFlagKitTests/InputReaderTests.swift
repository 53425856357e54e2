import Foundation
import RedFlagCore
import RedFlagKit
import Testing

@Suite("Screening input reader")
struct InputReaderTests {
    static let countries = CountryTable(rows: [(code: "CN", names: ["China"]), (code: "DE", names: ["Germany"]),
                                               (code: "AE", names: ["United Arab Emirates", "UAE"])])

    func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-input-\(UUID().uuidString)")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func read(_ text: String, nameColumn: String? = nil) throws -> (ScreeningInputFormat, [ScreeningInputRecord]) {
        let path = try file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try ScreeningInputReader(path: path, nameColumn: nameColumn, countries: Self.countries)
        var out: [ScreeningInputRecord] = []
        while let r = try reader.next() { out.append(r) }
        return (reader.format, out)
    }

    @Test func detection() {
        #expect(ScreeningInputFormat.detect(firstLine: "{\"name\":\"x\"}", nameColumn: nil) == .jsonLines)
        #expect(ScreeningInputFormat.detect(firstLine: "id,Customer Name,country", nameColumn: nil) == .csv)
        #expect(ScreeningInputFormat.detect(firstLine: "party_name\tcountry", nameColumn: nil) == .csv)
        #expect(ScreeningInputFormat.detect(firstLine: "name", nameColumn: nil) == .csv)
        #expect(ScreeningInputFormat.detect(firstLine: "ACME, Inc.", nameColumn: nil) == .lines)
        #expect(ScreeningInputFormat.detect(firstLine: "Huawei", nameColumn: nil) == .lines)
        #expect(ScreeningInputFormat.detect(firstLine: "id,consignee", nameColumn: "consignee") == .csv)
    }

    @Test("CSV: name, address, country (code or name), type, dob; blank rows skipped; bad rows become errors")
    func csv() throws {
        let (format, records) = try read("""
            \u{FEFF}Order,Customer_Name,Address,Country,Type,DOB
            1,"Huawei Technologies Co., Ltd.","Bantian, Longgang",China,entity,
            2,Ivan Petrov,,DE,person,1970

            3,  ,,CN,,
            4,Sunrise Horizon,,Narnia,,
            5,Someone,,,robot,
            6,Other,,,,not a date
            """)
        #expect(format == .csv)
        #expect(records.map(\.line) == [2, 3, 5, 6, 7, 8])
        let q1 = try records[0].query.get()
        #expect(q1 == ScreeningQuery(name: "Huawei Technologies Co., Ltd.", address: "Bantian, Longgang", country: "CN", type: .entity))
        let q2 = try records[1].query.get()
        #expect(q2.dateOfBirth == "1970")
        #expect(q2.type == .person)
        for (i, message) in [(2, "empty name"), (3, "unknown country \"Narnia\""), (4, "unknown type"), (5, "unreadable date")] {
            guard case .failure(let e) = records[i].query else { Issue.record("record \(i) should fail"); continue }
            #expect(e.message.hasPrefix(message))
            #expect(e.input.first { $0.key == "Order" }?.value == String(i + 1))
        }
    }

    @Test("--name-column chooses the column; a header without it is bad data")
    func nameColumn() throws {
        let (_, records) = try read("id,consignee,name\n1,Arktos Freight,Ignored\n", nameColumn: "consignee")
        #expect(try records[0].query.get().name == "Arktos Freight")
        #expect(throws: RedFlagError.self) { try read("id,buyer\n1,x\n", nameColumn: "consignee") }
        #expect(throws: RedFlagError.self) { try read("id,buyer\n1,x\n", nameColumn: "name") }
    }

    @Test("JSON Lines: fields, bad JSON, a non-object, a non-string name")
    func jsonLines() throws {
        let (format, records) = try read("""
            {"name": "Everbright Trading", "country": "UAE", "address": "Jebel Ali"}
            {"name": "broken"
            [1, 2]

            {"name": 42}
            {"customer_name": "Via alias column", "dob": "1970-01-02"}
            """)
        #expect(format == .jsonLines)
        #expect(records.map(\.line) == [1, 2, 3, 5, 6])
        #expect(try records[0].query.get() == ScreeningQuery(name: "Everbright Trading", address: "Jebel Ali", country: "AE"))
        guard case .failure(let bad) = records[1].query else { Issue.record("bad JSON accepted"); return }
        #expect(bad.message == "invalid JSON")
        #expect(bad.input.first?.value == "{\"name\": \"broken\"")
        guard case .failure(let array) = records[2].query else { Issue.record("array accepted"); return }
        #expect(array.message.contains("object"))
        guard case .failure(let number) = records[3].query else { Issue.record("number name accepted"); return }
        #expect(number.message.contains("string"))
        #expect(try records[4].query.get().name == "Via alias column")
    }

    @Test("one name per line: CRLF, CR, BOM, blanks, a last line without newline")
    func lines() throws {
        let (format, records) = try read("\u{FEFF}ACME, Inc.\r\nBlue Harbor\r\rGolden Bridge\n  \nLast One")
        #expect(format == .lines)
        #expect(try records.map { try $0.query.get().name } == ["ACME, Inc.", "Blue Harbor", "Golden Bridge", "Last One"])
        #expect(records.map(\.line) == [1, 2, 4, 6])
    }

    @Test("invalid UTF-8 on a line is an error record, not a crash")
    func invalidUTF8() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-input-\(UUID().uuidString)")
        try Data([0x41, 0x43, 0x4D, 0x45, 0x0A, 0xFF, 0xFE, 0x0A, 0x42, 0x0A]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = try ScreeningInputReader(path: url.path, countries: Self.countries)
        var out: [ScreeningInputRecord] = []
        while let r = try reader.next() { out.append(r) }
        #expect(out.count == 3)
        guard case .failure(let e) = out[1].query else { Issue.record("invalid UTF-8 accepted"); return }
        #expect(e.line == 2)
    }

    @Test("a long input streams across read chunks with every record in order")
    func longInput() throws {
        let names = (0..<30_000).map { "Company number \($0) Trading Co., Ltd." }
        let (_, records) = try read("name\n" + names.map { "\"\($0)\"" }.joined(separator: "\n") + "\n")
        #expect(records.count == names.count)
        #expect(try records.last?.query.get().name == names.last)
        #expect(records.last?.line == names.count + 1)
    }

    @Test("a missing file is fileNotFound (exit 66)")
    func missing() {
        #expect(throws: RedFlagError.fileNotFound(path: "/nonexistent/x.csv")) {
            try ScreeningInputReader(path: "/nonexistent/x.csv")
        }
    }
}
