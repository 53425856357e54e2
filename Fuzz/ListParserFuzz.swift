// libFuzzer target: format detection and every list parser (XML and CSV formats) on any bytes.
// The first byte picks the parser; the rest is the file. Errors are expected; crashes are bugs.
import Foundation
import RedFlagCore
import RedFlagLists

let fuzzFile = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-fuzz-list-\(getpid())")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzListParsers(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let formats = ListFormat.allCases.filter { $0 != .ofacCSV && $0 != .ofsiXLSX }
    let format = formats[Int(bytes[0]) % formats.count]
    let body = Data(bytes[1...])
    _ = try? ListFormatDetector.detect(head: body.prefix(64 * 1024), path: "fuzz")
    do { try body.write(to: fuzzFile) } catch { return 0 }
    _ = try? ListFileLoader.parse(fuzzFile, format: format)
    return 0
}
