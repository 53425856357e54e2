import Foundation
import RedFlagCore
import RedFlagRules

/// The layouts an order export may have; detected from the content, never the file name.
public enum OrderInputFormat: String, Sendable {
    /// CSV with a header row (README, "Order export").
    case csv
    /// One JSON object per line with the same column names (`JSONLinesOrderRecords`).
    case jsonLines

    /// JSON Lines when the first line starts with `{`, else CSV.
    public static func detect(firstLine: String) -> OrderInputFormat {
        firstLine.drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }.hasPrefix("{") ? .jsonLines : .csv
    }
}

/// Opens an order export for `check`, from a file, standard input or any byte stream (a
/// request body), in either layout, with the column map applied: the one way every front end
/// reads orders.
public enum OrderInput {
    /// A reader over `source`: the layout detected from its first line, the header read and
    /// checked (missing required columns throw, naming them). A record longer than
    /// `maxRecordBytes` is an error row.
    public static func reader(source: InputByteSource, map: ColumnMap = ColumnMap(),
                              maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes) throws -> OrderReader {
        switch OrderInputFormat.detect(firstLine: try source.peekFirstLine(limit: maxRecordBytes)) {
        case .csv:
            let csv = CSVReader(reader: source, path: source.path)
            csv.maxRecordBytes = maxRecordBytes
            return try OrderReader(records: csv, map: map)
        case .jsonLines:
            return try OrderReader(records: JSONLinesOrderRecords(source: source, maxRecordBytes: maxRecordBytes), map: map)
        }
    }

    /// Opens `path` (`-` for standard input, named `<stdin>`): missing → `fileNotFound` (exit
    /// 66), a folder or an unreadable file → `unreadable`. The progress follows a regular file.
    public static func open(path: String) throws -> InputByteSource {
        if path == "-" { return InputByteSource(handle: .standardInput, path: "<stdin>") }
        let normalized = URL(fileURLWithPath: path).path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: normalized, isDirectory: &isDirectory) else {
            throw RedFlagError.fileNotFound(path: normalized)
        }
        guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: normalized) else {
            throw RedFlagError.unreadable(path: normalized, reason: "permission denied or not a file")
        }
        return InputByteSource(handle: handle, path: normalized)
    }
}
