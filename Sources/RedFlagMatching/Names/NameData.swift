import Foundation
import RedFlagCore

/// Name knowledge kept as data files in `Lists/names/` (legal forms, abbreviations, given-name
/// variants, romanisation tables, business words), each with a header naming its source, version
/// and licence, so compliance can review it and a table can change without a code change.
///
/// Files are read through `ProjectData`, the same way as the rest of `Lists/` (built into the
/// binary, or from the `--lists-data` folder), and only when a table is first needed: screening an
/// ASCII name never reads the romanisation tables.
enum NameData {
    /// One data row: its tab-separated fields and where it came from (for error messages).
    struct Row {
        var fields: [String]
        var file: String
        var line: Int

        /// Field `i`, or a clear failure naming the file and line when the row is too short.
        func field(_ i: Int) -> String {
            guard i < fields.count else { NameData.fail("\(file):\(line): expected at least \(i + 1) tab-separated fields, found \(fields.count)") }
            return fields[i]
        }
    }

    /// The rows of `Lists/names/<file>`: comment lines (`#`) and blank lines skipped, fields
    /// split on tabs. A missing or unreadable file stops the process with a message naming it:
    /// matching without its name tables would silently change every result.
    static func rows(_ file: String) -> [Row] {
        let name = "names/" + file
        let text: String
        let path: String
        do {
            let (data, cited) = try ProjectData.contents(name)
            guard let decoded = String(data: data, encoding: .utf8) else { fail("\(cited): not UTF-8 text") }
            text = decoded
            path = cited
        } catch {
            fail("\(error)")
        }
        // Split on the bytes of LF and TAB rather than on Characters: the same lines and fields of
        // LF text (neither byte occurs inside a multi-byte sequence, and each is a grapheme of its
        // own), without breaking every table into graphemes at every start.
        var out: [Row] = []
        var lineNumber = 0
        for line in text.utf8.split(separator: 10, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            let fields = line.split(separator: 9, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            out.append(Row(fields: fields, file: path, line: lineNumber))
        }
        return out
    }

    /// Calls `body` with each data row of `Lists/names/<file>` as byte slices of its tab-separated
    /// fields, its line number and the path to cite: the tables built at every start (given-name
    /// variants) read this way, without a String and an array of Strings per row.
    static func forEachRow(_ file: String, _ body: (_ fields: [ArraySlice<UInt8>], _ line: Int, _ path: String) -> Void) {
        let bytes: [UInt8]
        let path: String
        do {
            let (data, cited) = try ProjectData.contents("names/" + file)
            bytes = [UInt8](data)
            path = cited
        } catch {
            fail("\(error)")
        }
        guard String(validating: bytes, as: UTF8.self) != nil else { fail("\(path): not UTF-8 text") }
        var lineNumber = 0
        var fields: [ArraySlice<UInt8>] = []
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 10) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            if lineEnd == lineStart || bytes[lineStart] == UInt8(ascii: "#") { continue }
            // Fields cut in place (no array per line): this runs for every row at every start.
            fields.removeAll(keepingCapacity: true)
            var fieldStart = lineStart
            for i in lineStart..<lineEnd where bytes[i] == 9 {
                fields.append(bytes[fieldStart..<i])
                fieldStart = i + 1
            }
            fields.append(bytes[fieldStart..<lineEnd])
            body(fields, lineNumber, path)
        }
    }

    /// Rows of `file` whose first field is `kind`, without that field. A file of several kinds
    /// feeds several tables (legal forms, compound names): it is read once and kept.
    static func rows(_ file: String, kind: String) -> [Row] {
        kindedFiles.rows(of: file) { rows(file) }
            .filter { $0.fields.first == kind }.map { Row(fields: Array($0.fields.dropFirst()), file: $0.file, line: $0.line) }
    }

    private static let kindedFiles = RowCache()

    /// The rows of the files read by kind, by file name.
    private final class RowCache: @unchecked Sendable {
        private var storage: [String: [Row]] = [:]
        private let lock = NSLock()

        func rows(of file: String, _ load: () -> [Row]) -> [Row] {
            lock.lock(); defer { lock.unlock() }
            if let known = storage[file] { return known }
            let loaded = load()
            storage[file] = loaded
            return loaded
        }
    }

    static func fail(_ message: String) -> Never {
        try? FileHandle.standardError.write(contentsOf: Data("redflag: \(message)\n".utf8))
        exit(ExitCode.software)
    }
}
