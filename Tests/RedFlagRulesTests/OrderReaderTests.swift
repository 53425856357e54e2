import Foundation
import Testing
import RedFlagCore
@testable import RedFlagRules

@Suite("Order export reading: header, column map, bad rows, pass-through")
struct OrderReaderTests {
    func rows(_ text: String, map: ColumnMap = ColumnMap()) throws -> [Result<OrderLine, OrderRowError>] {
        let reader = try OrderReader(csv: CSVReader(data: Data(text.utf8), path: "orders.csv"), map: map)
        var out: [Result<OrderLine, OrderRowError>] = []
        while let r = try reader.next() { out.append(r) }
        return out
    }

    @Test func readsCanonicalColumnsCaseInsensitivelyAndKeepsExtras() throws {
        let r = try rows("Order_ID,ORDER_DATE,customer_id,customer_name,customer_country,quantity,Sales_Rep\nA1,2026-03-14,C1,Acme,Germany,4,Jane\n")
        let line = try r[0].get()
        #expect(line.orderID == "A1")
        #expect(line.country(.customerCountry) == "DE")
        #expect(line.quantity == 4)
        #expect(line.passthrough == [OrderLine.Passthrough(name: "Sales_Rep", value: "Jane")])
        #expect(!line.has(.shipToCountry))
    }

    @Test func fieldsAreTrimmedAndNumbersMayHaveSeparators() throws {
        let r = try rows("order_id,order_date,customer_id,customer_name,customer_country,quantity,unit_price\n  A2 , 2026-03-14 ,C1,\tAcme ,  Germany , 1_024 ,\"31,500.50\"\n")
        let line = try r[0].get()
        #expect(line.orderID == "A2" && line.text(.customerName) == "Acme")
        #expect(line.country(.customerCountry) == "DE")
        #expect(line.quantity == 1024)
        #expect(line.number(.unitPrice) == 31500.5)
    }

    @Test func columnMapRenamesHeaders() throws {
        let map = try ColumnMap.parse(option: "order_id=ORDER_NO,customer_name=CUST_NAME")
        let r = try rows("ORDER_NO,order_date,customer_id,CUST_NAME,customer_country,quantity\nX9,2026-01-02,C1,Acme,US,1\n", map: map)
        #expect(try r[0].get().orderID == "X9")
        #expect(try r[0].get().text(.customerName) == "Acme")
    }

    @Test func mapFileIsReadAndUnknownColumnsRejected() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rf-map-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let good = dir.appendingPathComponent("good.map")
        try "# SAP export\norder_id = VBELN\n\ncustomer_name=NAME1\n".write(to: good, atomically: true, encoding: .utf8)
        #expect(try ColumnMap.load(path: good.path).headers[.orderID] == "VBELN")
        let bad = dir.appendingPathComponent("bad.map")
        try "order_idd=VBELN\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect(throws: RedFlagError.self) { try ColumnMap.load(path: bad.path) }
        #expect(throws: RedFlagError.self) { try ColumnMap.parse(option: "nonsense") }
    }

    @Test func missingRequiredColumnNamesFileAndLine() throws {
        do {
            _ = try rows("order_id,order_date,customer_name,customer_country,quantity\n")
            Issue.record("expected an error")
        } catch let e as RedFlagError {
            #expect(e.description.contains("orders.csv: line 1"))
            #expect(e.description.contains("customer_id"))
            #expect(e.exitCode == 65)
        }
    }

    @Test func mappedHeaderAbsentIsAnError() throws {
        let map = try ColumnMap.parse(option: "order_id=ORDER_NO")
        #expect(throws: RedFlagError.self) { _ = try rows("order_id,order_date,customer_id,customer_name,customer_country,quantity\n", map: map) }
    }

    @Test func badRowsBecomeErrorsAndTheRunContinues() throws {
        let text = """
            order_id,order_date,customer_id,customer_name,customer_country,quantity,ship_to_country,item_tpp
            ,2026-01-01,C1,Acme,US,1,US,
            B,14/03/2026,C1,Acme,US,1,US,
            C,2026-01-01,C1,Acme,US,many,US,
            D,2026-01-01,C1,Acme,US,1,Atlantis,
            E,2026-01-01,C1,Acme,US,1,US,fast
            F,2026-01-01,C1,Acme,Hong Kong,2,MO,15830
            """
        let r = try rows(text + "\n")
        #expect(r.count == 6)
        let messages = r.compactMap { if case .failure(let e) = $0 { return e.message } else { return nil } }
        #expect(messages.count == 5)
        #expect(messages[0].contains("missing order_id"))
        #expect(messages[1].contains("order_date"))
        #expect(messages[2].contains("quantity"))
        #expect(messages[3].contains("Atlantis"))
        #expect(messages[4].contains("item_tpp"))
        if case .failure(let e) = r[3] { #expect(e.line == 5 && e.orderID == "D") }
        let last = try r[5].get()
        #expect(last.country(.customerCountry) == "HK")
        #expect(last.country(.shipToCountry) == "MO")
    }

    @Test func placeholdersAreNotCountriesButNotErrors() throws {
        let r = try rows("order_id,order_date,customer_id,customer_name,customer_country,quantity,end_user_country\nA,2026-01-01,C,Acme,US,1,unknown\n")
        let line = try r[0].get()
        #expect(line.country(.endUserCountry) == nil)
        #expect(line[.endUserCountry] == "unknown")
    }

    /// `isPlaceholder` skips values longer than 16 bytes; a longer placeholder needs that bound raised.
    @Test func partyPlaceholdersAreRecognisedAndShort() {
        #expect(OrderLine.placeholders.allSatisfy { $0.utf8.count <= 16 })
        for value in ["Unknown", " TBD ", "To Be Determined", "\tn/a", "NOT KNOWN"] { #expect(OrderLine.isPlaceholder(value)) }
        for value in ["Unknown Trading LLC", "To Be Determined Holdings", "Acme", ""] { #expect(!OrderLine.isPlaceholder(value)) }
    }
}

@Suite("Order columns")
struct OrderColumnTests {
    @Test func slotsAreTheCaseOrder() {
        #expect(OrderColumn.allCases.map(\.slot) == Array(0..<OrderColumn.allCases.count))
    }
}
