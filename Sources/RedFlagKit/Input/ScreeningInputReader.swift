import Foundation
import RedFlagCore

/// Reads parties to screen from a file or standard input, streamed, in any of the three layouts
/// of `ScreeningInputFormat` (detected from the content).
///
/// Every non-blank record yields exactly one `ScreeningInputRecord`; a record that cannot be
/// screened carries an `InputRecordError` naming its line, so the run continues and the output
/// keeps one record per input record. Only problems with the input as a whole (missing file,
/// a CSV header without the name column, a file that is not text) throw.
public final class ScreeningInputReader {
    public let path: String
    public let format: ScreeningInputFormat
    private let countries: CountryTable
    private var lineReader: InputLineReader?
    private var csv: CSVReader?
    private var columns = CSVColumnsIndex()
    private let maxRecordBytes: Int
    private let progress: InputProgress?

    /// 0…1: the share of the input file read so far, for the progress line's percentage and ETA;
    /// nil for standard input or a pipe.
    public var fraction: Double? { progress?.fraction }

    /// Opens `path` (`-` for standard input) and detects its format. `nameColumn` picks the CSV
    /// column holding the name (default: the first of name, customer_name, party_name, full_name).
    ///
    /// A line or CSV record longer than `maxRecordBytes` (default 1 MiB) becomes an error record;
    /// memory stays bounded by it.
    public convenience init(path: String, nameColumn: String? = nil, countries: CountryTable = .shared,
                            maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes) throws {
        try self.init(source: try InputByteSource.open(path), nameColumn: nameColumn, countries: countries,
                      maxRecordBytes: maxRecordBytes)
    }

    /// Reads any byte stream (a request body: `InputByteSource(reader: channel, path: "request body")`)
    /// and detects its format, as `init(path:)` does for a file.
    public init(source: InputByteSource, nameColumn: String? = nil, countries: CountryTable = .shared,
                maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes) throws {
        self.maxRecordBytes = maxRecordBytes
        progress = source.progress
        self.path = source.path
        self.countries = countries
        let first = try source.peekFirstLine(limit: maxRecordBytes)
        format = ScreeningInputFormat.detect(firstLine: first, nameColumn: nameColumn)
        switch format {
        case .csv:
            let delimiter = Self.delimiter(of: first)
            let reader = CSVReader(reader: source, path: source.path, delimiter: delimiter)
            reader.maxRecordBytes = maxRecordBytes
            guard let header = try reader.next() else {
                throw RedFlagError.badData(path: source.path, location: nil, message: "empty input: no CSV header")
            }
            columns = try CSVColumnsIndex(header: header.fields, nameColumn: nameColumn, path: source.path)
            csv = reader
        case .jsonLines, .lines:
            lineReader = InputLineReader(source: source, maxLineBytes: maxRecordBytes)
        }
    }

    /// The next record, or nil at the end of the input. Blank lines are not records.
    public func next() throws -> ScreeningInputRecord? {
        switch format {
        case .csv:
            guard let csv else { return nil }
            while true {
                let record: CSVRecord
                do {
                    guard let r = try csv.next() else { return nil }
                    record = r
                } catch let error as RedFlagError {
                    // The reader has consumed the bad record (not UTF-8, too long): report it, go on.
                    let message: String
                    if case .badData(_, _, let m) = error { message = m } else { message = error.description }
                    return failure(csv.lastRecordLine, message, [])
                }
                // Only a blank line is not a record; a row with an empty name is an error record.
                if record.fields.count == 1, record.fields[0].isEmpty { continue }
                return csvRecord(record)
            }
        case .jsonLines, .lines:
            guard let lineReader else { return nil }
            while let (bytes, line, tooLong) = try lineReader.next() {
                if tooLong { return failure(line, "line longer than \(maxRecordBytes) bytes (skipped)", []) }
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    return ScreeningInputRecord(line: line, query: .failure(InputRecordError(
                        line: line, message: "text is not valid UTF-8", input: [("line", String(decoding: bytes, as: UTF8.self))])))
                }
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { continue }
                return format == .lines
                    ? ScreeningInputRecord(line: line, query: .success(ScreeningQuery(name: trimmed)))
                    : jsonRecord(trimmed, line: line)
            }
            return nil
        }
    }

    private func csvRecord(_ record: CSVRecord) -> ScreeningInputRecord {
        let fields = columns.header.indices.map { (key: columns.header[$0], value: record[$0]) }
        func value(_ index: Int?) -> String? {
            guard let index else { return nil }
            let v = record[index].trimmingCharacters(in: .whitespacesAndNewlines)
            return v.isEmpty ? nil : v
        }
        let request = ScreenRequest(name: value(columns.name) ?? "", address: value(columns.address), country: value(columns.country),
                                    type: value(columns.type), dob: value(columns.dob))
        return query(request, line: record.line, input: fields)
    }

    private func jsonRecord(_ text: String, line: Int) -> ScreeningInputRecord {
        do {
            let (request, input) = try ScreenRequest.decodeJSONObject(text.utf8)
            return query(request, line: line, input: input)
        } catch {
            switch error {
            case .invalidJSON, .notAnObject: return failure(line, error.recordMessage, [("line", text)])
            case .notAString(_, let input): return failure(line, error.recordMessage, input)
            default: return failure(line, error.recordMessage, [])
            }
        }
    }

    /// The request validated as `ScreenRequest.query()` does for one name, its error as an error record.
    private func query(_ request: ScreenRequest, line: Int, input: [(key: String, value: String)]) -> ScreeningInputRecord {
        do {
            return ScreeningInputRecord(line: line, query: .success(try request.query(countries: countries)))
        } catch {
            return failure(line, error.recordMessage, input)
        }
    }

    private func failure(_ line: Int, _ message: String, _ input: [(key: String, value: String)]) -> ScreeningInputRecord {
        ScreeningInputRecord(line: line, query: .failure(InputRecordError(line: line, message: message, input: input)))
    }

    private static func delimiter(of header: String) -> UInt8 {
        let counts: [(UInt8, Int)] = [(UInt8(ascii: ","), header.filter { $0 == "," }.count),
                                      (UInt8(ascii: "\t"), header.filter { $0 == "\t" }.count),
                                      (UInt8(ascii: ";"), header.filter { $0 == ";" }.count)]
        return counts.max { $0.1 < $1.1 }.map { $0.1 > 0 ? $0.0 : UInt8(ascii: ",") } ?? UInt8(ascii: ",")
    }
}

/// Which CSV columns hold the fields of a query.
struct CSVColumnsIndex {
    var header: [String] = []
    var name: Int?
    var address: Int?
    var country: Int?
    var type: Int?
    var dob: Int?

    init() {}

    init(header: [String], nameColumn: String?, path: String) throws {
        self.header = header
        let keys = header.map(ScreeningInputFormat.headerKey)
        func find(_ names: [String]) -> Int? {
            for n in names.map(ScreeningInputFormat.headerKey) { if let i = keys.firstIndex(of: n) { return i } }
            return nil
        }
        if let nameColumn {
            guard let i = find([nameColumn]) else {
                throw RedFlagError.badData(path: path, location: "line 1",
                                           message: "no column \"\(nameColumn)\" in the header (\(header.joined(separator: ", ")))")
            }
            name = i
        } else {
            guard let i = find(ScreeningInputFormat.nameColumns) else {
                throw RedFlagError.badData(path: path, location: "line 1", message: "no name column in the header "
                    + "(looked for \(ScreeningInputFormat.nameColumns.joined(separator: ", ")); use --name-column)")
            }
            name = i
        }
        address = find(ScreeningInputFormat.addressColumns)
        country = find(ScreeningInputFormat.countryColumns)
        type = find(ScreeningInputFormat.typeColumns)
        dob = find(ScreeningInputFormat.dobColumns)
    }
}
