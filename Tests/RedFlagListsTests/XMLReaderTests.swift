import Foundation
import Testing
@testable import RedFlagLists
import RedFlagCore

@Suite("XMLStreamReader")
struct XMLReaderTests {
    @Test("matches elements by local name in any namespace and reads text and attributes")
    func localNamesAndText() throws {
        let url = try ListTestFiles.temporary("""
        <?xml version="1.0"?>
        <a:root xmlns:a="urn:one" xmlns="urn:two"><item id="7" empty=""><name> Alpha &amp; <![CDATA[Beta]]> </name></item><item id="8"/><other>x</other></a:root>
        """)
        let r = try XMLStreamReader(url: url)
        var ids: [String?] = []
        var names: [String] = []
        var empties: [String?] = []
        while try r.read() {
            guard r.nodeType == .element else { continue }
            if r.isNamed("item") {
                ids.append(r.attribute("id"))
                empties.append(r.nonEmptyAttribute("empty"))
                try r.forEachChild {
                    if r.isNamed("name") { names.append(try r.readElementText()) }
                }
            }
        }
        #expect(ids == ["7", "8"])
        #expect(names == ["Alpha & Beta"])
        #expect(empties == [nil, nil])
    }

    @Test("one-letter attribute names work too")
    func oneLetterAttribute() throws {
        let url = try ListTestFiles.temporary("<r a=\"1\" ab=\"2\"/>")
        let r = try XMLStreamReader(url: url)
        _ = try r.read()
        #expect(r.attribute("a") == "1")
        #expect(r.attribute("ab") == "2")
        #expect(r.attribute("b") == nil)
    }

    @Test("isNamed does not match prefixes or longer names")
    func exactNames() throws {
        let url = try ListTestFiles.temporary("<root><uidx/><ui/><uid/></root>")
        let r = try XMLStreamReader(url: url)
        var hits = 0
        var elements = 0
        while try r.read() {
            guard r.nodeType == .element else { continue }
            elements += 1
            if r.isNamed("uid") { hits += 1 }
        }
        #expect(elements == 4)
        #expect(hits == 1)
    }

    @Test("forEachChild skips unread grandchildren and stops at the parent's end")
    func forEachChildSkips() throws {
        let url = try ListTestFiles.temporary("<r><p><c><g>deep</g></c><c>two</c></p><p/><tail>t</tail></r>")
        let r = try XMLStreamReader(url: url)
        var childCount = 0
        var tail: String?
        while try r.read() {
            guard r.nodeType == .element else { continue }
            if r.isNamed("p") { try r.forEachChild { childCount += 1 } }
            if r.isNamed("tail") { tail = try r.readElementText() }
        }
        #expect(childCount == 2)
        #expect(tail == "t")
    }

    @Test("a missing file is fileNotFound (exit 66)")
    func missingFile() {
        #expect(throws: RedFlagError.fileNotFound(path: "/nonexistent/redflag.xml")) {
            _ = try XMLStreamReader(url: URL(fileURLWithPath: "/nonexistent/redflag.xml"))
        }
    }
}

@Suite("FastDate")
struct FastDateTests {
    @Test("agrees with PartialDate.parse on every shape it accepts, declines the others")
    func agreesWithPartialDate() {
        let accepted = ["1963", "1957-10-10", "1973-03-25T00:00:00", "10 Oct 1957", "1 Jan 1980", "Oct 1957",
                        "circa 1955", "circa 12 Mar 1971", "1970 to 1975", "01 Feb 1960 to 31 Dec 1962", "Feb 1960 to Mar 1961",
                        "12 March 1971", "1957-00-00"]
        for raw in accepted {
            let fast = FastDate.parse(raw)
            #expect(fast != nil, "\(raw)")
            #expect(fast == PartialDate.parse(raw), "\(raw)")
        }
        #expect(FastDate.parse("2015-04-07-04:00") == PartialDate(year: 2015, month: 4, day: 7, raw: "2015-04-07-04:00"))
        #expect(FastDate.parse("2024-05-13Z")?.from == PartialDate.Parts(year: 2024, month: 5, day: 13))
        for raw in ["25/03/1973", "00/00/1980", "dd/mm/1980", "Nov. 1956", "approximately 1960", "", "garbage",
                    "32 Jan 1970", "1960/1962", "0999"] {
            #expect(FastDate.parse(raw) == nil, "\(raw)")
        }
    }
}
