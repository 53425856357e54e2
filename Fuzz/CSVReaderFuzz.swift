// libFuzzer target: the CSV reader on any bytes, both encodings, a small record limit.
// Must never crash, hang or grow without bound; errors are expected and fine.
import Foundation
import RedFlagCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    for encoding in [CSVReader.Encoding.utf8, .windows1252] {
        let reader = CSVReader(data: data, path: "fuzz.csv", delimiter: count > 0 && data[0] & 1 == 1 ? UInt8(ascii: ";") : UInt8(ascii: ","),
                               encoding: encoding)
        reader.maxRecordBytes = 4_096
        var records = 0
        while records <= count + 1 {
            do {
                guard let record = try reader.next() else { break }
                precondition(record.line >= 1)
            } catch {}
            records += 1
        }
        precondition(records <= count + 1, "more records than bytes: the reader is not advancing")
    }
    return 0
}
