// libFuzzer target: the `screen --input` reader (format detection, CSV, JSON Lines, plain lines).
import Foundation
import RedFlagCore
import RedFlagKit

let fuzzFile = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-fuzz-input-\(getpid())")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScreeningInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    do { try Data(bytes: start, count: count).write(to: fuzzFile) } catch { return 0 }
    guard let reader = try? ScreeningInputReader(path: fuzzFile.path, countries: CountryTable(rows: [("DE", ["Germany"])]),
                                                 maxRecordBytes: 4_096) else { return 0 }
    var records = 0
    while records <= count + 1, let record = try? reader.next() {
        precondition(record.line >= 1 || count == 0)
        records += 1
    }
    return 0
}
