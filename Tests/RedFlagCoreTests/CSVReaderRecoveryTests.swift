import Foundation
import RedFlagCore
import Testing

/// A bad record costs that record only: the reader consumes it, throws, and goes on.
@Suite("CSV reader: bad records, size limit, bare CR")
struct CSVReaderRecoveryTests {
    func records(_ bytes: [UInt8], limit: Int? = nil) -> [Result<[String], RedFlagError>] {
        let reader = CSVReader(data: Data(bytes), path: "t.csv")
        if let limit { reader.maxRecordBytes = limit }
        var out: [Result<[String], RedFlagError>] = []
        while true {
            do {
                guard let r = try reader.next() else { break }
                out.append(.success(r.fields))
            } catch let e as RedFlagError {
                out.append(.failure(e))
                #expect(reader.lastRecordLine > 0)
            } catch { Issue.record("unexpected \(error)") }
            if out.count > 100 { Issue.record("no progress"); break }
        }
        return out
    }

    @Test("a row that is not UTF-8 is an error and the rows after it are read")
    func invalidUTF8() {
        let out = records(Array("a,b\n".utf8) + [0x41, 0xFF, 0xFE, 0x2C, 0x42, 0x0A] + Array("c,d\n".utf8))
        #expect(out.count == 3)
        #expect((try? out[0].get()) == ["a", "b"])
        if case .failure(.badData(_, let location, let message)) = out[1] {
            #expect(location == "line 2")
            #expect(message.contains("UTF-8"))
        } else { Issue.record("expected an error for line 2: \(out[1])") }
        #expect((try? out[2].get()) == ["c", "d"])
    }

    @Test("a record over the limit is skipped (not held) and reported; the next is read")
    func tooLong() {
        let long = [UInt8](repeating: 0x78, count: 5_000)
        let out = records(Array("a\n".utf8) + long + Array("\n\"q".utf8) + long + Array("\"\nz\n".utf8), limit: 1_000)
        #expect(out.count == 4)
        #expect((try? out[0].get()) == ["a"])
        if case .failure(.badData(_, _, let m)) = out[1] { #expect(m.contains("longer than 1000 bytes")) } else { Issue.record("\(out[1])") }
        if case .failure = out[2] {} else { Issue.record("a long quoted field is too long as well: \(out[2])") }
        #expect((try? out[3].get()) == ["z"])
    }

    @Test("a stream without line ends is read in bounded memory")
    func endlessLine() throws {
        // 8 MiB of NUL bytes and no line end, through a pipe, with a 64 KiB limit.
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting
        DispatchQueue.global().async {
            let zeros = Data(count: 1 << 20)
            for _ in 0..<8 { try? writer.write(contentsOf: zeros) }
            try? writer.write(contentsOf: Data("\nok\n".utf8))
            try? writer.close()
        }
        let reader = CSVReader(handle: pipe.fileHandleForReading, path: "<pipe>")
        reader.maxRecordBytes = 64 * 1024
        #expect(throws: RedFlagError.self) { _ = try reader.next() }
        #expect(try reader.next()?.fields == ["ok"])
        #expect(try reader.next() == nil)
    }

    @Test("a bare CR inside a quoted field stays in the field: 8 rows are 8 records")
    func bareCRInQuotes() throws {
        var text = "name,country\n"
        for i in 0..<8 { text += i % 2 == 0 ? "\"Name\r\(i)\",DE\n" : "Plain \(i),DE\r\n" }
        let reader = CSVReader(data: Data(text.utf8), path: "t.csv")
        let all = try reader.readAll()
        #expect(all.count == 9)
        #expect(all[1].fields == ["Name\r0", "DE"])
    }
}
