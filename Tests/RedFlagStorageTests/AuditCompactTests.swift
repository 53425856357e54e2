import Foundation
import GRDB
import RedFlagCore
import RedFlagKit
@testable import RedFlagStorage
import Testing

/// The compact, chained audit format: records come back byte for byte, tampering is named.
@Suite struct AuditCompactTests {
    func info() -> AuditRunInfo {
        AuditRunInfo(command: "check", arguments: ["redflag", "check", "orders.csv"], inputSHA256: String(repeating: "a", count: 64),
                     snapshots: [], configurationJSON: #"{"x":1}"#, user: "tester", workingDirectory: "/tmp")
    }

    /// Records shaped like check output: shared parts (a listed entry, a flag's texts) and parts of their own.
    static func record(_ i: Int) -> String {
        let entry = #"{"id":"OFAC-SDN:\#(i % 7)","name":"Listed Party \#(i % 7) Trading Co","programs":["SDGT","IRAN"],"score":0.9\#(i % 7)}"#
        return #"{"order_id":"SYN-\#(i)","line":\#(i + 2),"decision":"\#(i % 3 == 0 ? "STOP" : "HOLD")","flags":[{"id":"AC-05","title":"Thin customer information: no website, webmail address","facts":["customer_email = buyer\#(i)@gmail.com"],"next_step":"Ask the customer for its website, registration and ownership before going on."}],"parties":[{"role":"customer","name":"Cust \#(i)","matches":[\#(entry)]}],"note":"marker-\#(String(format: "%05d", i))","text":"é ü \u0007 \"q\" \\ tab\t"}"#
    }

    static let hostile: [String] = [
        "", "{}", "[]", "{", "}", "{\"a\":\"unterminated", "]]]", "{\"a\":[1,2,3]}}", "not json at all",
        "{\"bad\u{01}control\":\"\u{01}\"}", String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
        "{\"k\":\"" + String(repeating: "\\\"", count: 40) + "\"}", "{\"emoji\":\"👩‍👩‍👧 \u{10FFFF}\"}",
    ]

    @Test func packedRecordsComeBackByteForByte() throws {
        var packer = AuditRecordPacker()
        var unpacker = AuditRecordUnpacker()
        var texts = (0..<300).map(Self.record) + Self.hostile + (0..<50).map(Self.record)
        texts.append(texts[5])
        var index = 0
        for chunk in stride(from: 0, to: texts.count, by: 64) {
            let records = texts[chunk..<min(chunk + 64, texts.count)].map { text -> AuditStoredRecord in
                defer { index += 1 }
                return AuditStoredRecord(index: index, decision: index % 2 == 0 ? .stop : .hold, json: text)
            }
            let stored = AuditBytes.compress(packer.pack(records))
            let back = try unpacker.unpack(try AuditBytes.decompress(stored))
            let differing = zip(back, records).filter { String(decoding: $0.bytes, as: UTF8.self) != $1.json }
                .map { "\($1.index): \(String(decoding: $0.bytes, as: UTF8.self).debugDescription) for \($1.json.debugDescription)" }
            #expect(back.count == records.count)
            #expect(differing.isEmpty, "\(differing.prefix(3))")
            #expect(back.map(\.index) == records.map(\.index))
            #expect(back.map(\.decision) == records.map(\.decision))
        }
    }

    /// Containers found whole (a repeated party, a repeated flag list) and the fragments inside
    /// them: every mix of first and repeated sightings, nested and hostile text, comes back
    /// exactly, with the threshold low enough to look up nearly every container whole.
    @Test(arguments: [16, 64, 512])
    func wholeContainerLookupsComeBackByteForByte(wholeMinimum: Int) throws {
        var packer = AuditRecordPacker(wholeMinimum: wholeMinimum)
        var unpacker = AuditRecordUnpacker()
        let long = (0..<40).map { i in Self.record(i) + String(repeating: " ", count: i % 3) }
        let nested = (0..<30).map { i in "{\"parties\":[\(Self.record(i % 4)),\(Self.record(i % 5))],\"again\":[\(Self.record(i % 4))],\"n\":\(i)}" }
        var texts = long + nested + Self.hostile + nested.reversed() + long
        texts.append(String(repeating: "[", count: 200) + Self.record(1) + String(repeating: "]", count: 200))
        texts.append("{\"x\":[" + Self.record(2) + "]" )
        var index = 0
        var total = 0
        for chunk in stride(from: 0, to: texts.count, by: 17) {
            let records = texts[chunk..<min(chunk + 17, texts.count)].map { text -> AuditStoredRecord in
                defer { index += 1 }
                return AuditStoredRecord(index: index, decision: .hold, json: text)
            }
            let payload = packer.pack(records)
            total += payload.count
            let back = try unpacker.unpack(payload)
            #expect(back.map { String(decoding: $0.bytes, as: UTF8.self) } == records.map(\.json))
        }
        // The repeats still cost a few bytes each: far below the text itself.
        #expect(total * 4 < texts.reduce(0) { $0 + $1.utf8.count })
    }

    /// The string scan by `memchr` ends each string where a byte-by-byte walk over its escapes does.
    @Test func closingQuoteAgreesWithAWalkOverEscapes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array(#"\"a\"#.utf8) + [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...24, using: &generator)
            let bytes = [UInt8(ascii: "\"")] + (0..<count).map { _ in alphabet.randomElement(using: &generator)! }
            var j = 1
            while j < bytes.count, bytes[j] != UInt8(ascii: "\"") { j += bytes[j] == UInt8(ascii: "\\") ? 2 : 1 }
            let walked: Int? = j < bytes.count ? j : nil
            let found = bytes.withUnsafeBufferPointer { AuditRecordPacker.closingQuote($0, after: 0) }
            #expect(found == walked, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }

    @Test func repeatedPartsAreStoredOnce() {
        var packer = AuditRecordPacker()
        let records = (0..<1000).map { AuditStoredRecord(index: $0, decision: .hold, json: Self.record($0)) }
        let raw = records.reduce(0) { $0 + $1.json.utf8.count }
        let stored = AuditBytes.compress(packer.pack(records)).count
        // 1,000 records of ~600 bytes, the shared parts once: well under a tenth.
        #expect(stored * 10 < raw, "stored \(stored) bytes for \(raw)")
    }

    func trail() throws -> (AuditTrail, URL) {
        let url = LegacyFileTests.temporaryURL("audit.sqlite")
        return (try AuditTrail(url: url), url)
    }

    func entries(_ range: Range<Int>) -> [AuditEntry] {
        range.map { i in
            AuditEntry(index: i, decision: i % 4 == 3 ? .clear : (i % 3 == 0 ? .stop : .hold), json: { Self.record(i) })
        }
    }

    @Test func runRecordsReadBackExactlyAndVerify() throws {
        let (trail, _) = try trail()
        let run = try trail.beginRun(info())
        try run.record(entries(0..<100))
        try run.record(entries(100..<130))
        try run.finish(status: .complete, exitCode: 2)
        let results = try trail.results(runID: run.id)
        let expected = (0..<130).filter { $0 % 4 != 3 }
        #expect(results.map(\.index) == expected)
        #expect(results.map(\.json) == expected.map(Self.record))
        #expect(results.map(\.decision) == expected.map { $0 % 3 == 0 ? Decision.stop : .hold })
        let verified = try trail.verify()
        #expect(verified.map(\.outcome) == [.intact])
        #expect(verified.first?.recordsVerified == expected.count)
        #expect(try trail.run(id: run.id)?.seal?.count == 64)
    }

    /// Rewrites one block's payload with `edit`, recompressed, as someone with write access could.
    func tamper(_ url: URL, runID: Int64, block: Int, _ edit: (inout [UInt8]) -> Void) throws {
        let db = try DatabaseQueue(path: url.path)
        try db.write { db in
            let data = try #require(try Data.fetchOne(db, sql: "SELECT data FROM result_block WHERE run_id = ? AND block = ?",
                                                      arguments: [runID, block]))
            var payload = try AuditBytes.decompress([UInt8](data))
            edit(&payload)
            try db.execute(sql: "UPDATE result_block SET data = ? WHERE run_id = ? AND block = ?",
                           arguments: [Data(AuditBytes.compress(payload)), runID, block])
        }
    }

    static func replace(_ old: String, with new: String, in bytes: inout [UInt8]) {
        let o = Array(old.utf8), n = Array(new.utf8)
        guard let at = (0...(bytes.count - o.count)).first(where: { bytes[$0..<($0 + o.count)].elementsEqual(o) }) else { return }
        bytes.replaceSubrange(at..<(at + o.count), with: n)
    }

    @Test func verifyNamesTheFirstAlteredRecord() throws {
        let (trail, url) = try trail()
        let good = try trail.beginRun(info())
        try good.record(entries(0..<50))
        try good.finish(status: .complete, exitCode: 2)
        let run = try trail.beginRun(info())
        try run.record(entries(0..<60))
        try run.record(entries(60..<120))
        try run.finish(status: .complete, exitCode: 2)
        try tamper(url, runID: run.id, block: 1) { Self.replace("marker-00077", with: "marker-00078", in: &$0) }
        let results = try trail.verify()
        #expect(results[0].outcome == .intact)
        #expect(results[1].outcome == .broken)
        #expect(results[1].firstBadRecord == 77)
        #expect(results[1].recordsVerified == (0..<77).filter { $0 % 4 != 3 }.count)
    }

    @Test func removedBlockAndAlteredEndAreCaught() throws {
        let (trail, url) = try trail()
        let run = try trail.beginRun(info())
        try run.record(entries(0..<40))
        try run.record(entries(40..<80))
        try run.record(entries(80..<120))
        try run.finish(status: .complete, exitCode: 2)
        let db = try DatabaseQueue(path: url.path)
        try db.write { try $0.execute(sql: "UPDATE run SET stop = stop - 1 WHERE id = ?", arguments: [run.id]) }
        var result = try #require(try trail.verify().first)
        #expect(result.outcome == .broken)
        #expect(result.firstBadRecord == nil)
        #expect(result.detail.contains("seal"))
        try db.write { try $0.execute(sql: "DELETE FROM result_block WHERE run_id = ? AND block = 1", arguments: [run.id]) }
        result = try #require(try trail.verify().first)
        #expect(result.outcome == .broken)
        #expect(result.firstBadRecord == 80)
    }

    @Test func unfinishedRunVerifiesAsIncomplete() throws {
        let (trail, _) = try trail()
        let run = try trail.beginRun(info())
        try run.record(entries(0..<30))
        let result = try #require(try trail.verify().first)
        #expect(result.outcome == .incomplete)
        #expect(try trail.run(id: run.id)?.status == .incomplete)
        #expect(try trail.results(runID: run.id).count == (0..<30).filter { $0 % 4 != 3 }.count)
    }

    /// audit.sqlite as the v1 migration left it, with a run and a result: still listed and read,
    /// reported as unchained; new runs in the same file are chained.
    @Test func auditFileFromBeforeTheChainKeepsItsRuns() throws {
        let url = LegacyFileTests.temporaryURL("audit.sqlite")
        let legacy = try DatabaseQueue(path: url.path)
        try legacy.write { db in
            try db.execute(sql: """
                CREATE TABLE "grdb_migrations" (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1');
                CREATE TABLE "run" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "command" TEXT NOT NULL, "status" TEXT NOT NULL,
                    "started_at" TEXT NOT NULL, "finished_at" TEXT, "user" TEXT NOT NULL, "arguments" TEXT NOT NULL,
                    "working_directory" TEXT NOT NULL, "input" TEXT, "input_sha256" TEXT, "lists" TEXT NOT NULL,
                    "configuration" TEXT NOT NULL, "clear" INTEGER NOT NULL DEFAULT 0, "hold" INTEGER NOT NULL DEFAULT 0,
                    "stop" INTEGER NOT NULL DEFAULT 0, "errors" INTEGER NOT NULL DEFAULT 0, "exit_code" INTEGER);
                CREATE INDEX "run_started" ON "run"("started_at");
                CREATE TABLE "result" ("run_id" INTEGER NOT NULL REFERENCES "run"("id") ON DELETE CASCADE,
                    "record_index" INTEGER NOT NULL, "decision" TEXT NOT NULL, "json" TEXT NOT NULL,
                    PRIMARY KEY ("run_id", "record_index"));
                CREATE TABLE "purge" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "at" TEXT NOT NULL, "user" TEXT NOT NULL,
                    "older_than" TEXT NOT NULL, "runs_deleted" INTEGER NOT NULL, "results_deleted" INTEGER NOT NULL);
                INSERT INTO run (command, status, started_at, finished_at, user, arguments, working_directory, lists, configuration, stop, exit_code)
                    VALUES ('screen', 'complete', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z', 'old', '[]', '/', '[]', '{}', 1, 2);
                INSERT INTO result VALUES (1, 0, 'STOP', '{"query":{"name":"Old Record"},"decision":"STOP"}');
                """)
        }
        try legacy.close()
        let trail = try AuditTrail(url: url)
        #expect(try trail.runs().map(\.user) == ["old"])
        #expect(try trail.results(runID: 1).map(\.json) == [#"{"query":{"name":"Old Record"},"decision":"STOP"}"#])
        let run = try trail.beginRun(info())
        try run.record(entries(0..<10))
        try run.finish(status: .complete, exitCode: 1)
        #expect(try trail.verify().map(\.outcome) == [.unchained, .intact])
    }
}
