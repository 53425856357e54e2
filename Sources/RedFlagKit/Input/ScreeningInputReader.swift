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
        try self.init(source: InputByteSource.open(path), nameColumn: nameColumn, countries: countries, maxRecordBytes: maxRecordBytes)
    }

    /// Reads an open handle (a pipe fed by a network request), named `path` in messages.
    public convenience init(handle: FileHandle, path: String, nameColumn: String? = nil, countries: CountryTable = .shared,
                            maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes) throws {
        try self.init(source: InputByteSource(handle: handle, path: path), nameColumn: nameColumn, countries: countries,
                      maxRecordBytes: maxRecordBytes)
    }

    private init(source: InputByteSource, nameColumn: String?, countries: CountryTable, maxRecordBytes: Int) throws {
        self.maxRecordBytes = maxRecordBytes
        progress = source.progress
        self.path = source.path
        self.countries = countries
        let first = source.peekFirstLine(limit: maxRecordBytes)
        format = ScreeningInputFormat.detect(firstLine: first, nameColumn: nameColumn)
        switch format {
        case .csv:
            let delimiter = Self.delimiter(of: first)
            let reader = CSVReader(handle: source.remainingHandle(), path: source.path, delimiter: delimiter)
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
            while let (bytes, line, tooLong) = lineReader.next() {
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
        return ScreeningInputRecord(line: record.line, query: makeQuery(
            name: value(columns.name), address: value(columns.address), country: value(columns.country),
            type: value(columns.type), dob: value(columns.dob), line: record.line, input: fields))
    }

    private func jsonRecord(_ text: String, line: Int) -> ScreeningInputRecord {
        Self.jsonRecord(text, line: line, countries: countries)
    }

    /// One JSON object (`{"name","address","country","type","dob"}`, also the other column names
    /// the CSV layout accepts) as a query, or the error naming what is wrong with it: the same
    /// checks a JSON Lines input gets, for a front end that receives one object (`POST /v1/screen`).
    public static func jsonRecord(_ text: String, line: Int, countries: CountryTable = .shared) -> ScreeningInputRecord {
        func failure(_ line: Int, _ message: String, _ input: [(key: String, value: String)]) -> ScreeningInputRecord {
            ScreeningInputRecord(line: line, query: .failure(InputRecordError(line: line, message: message, input: input)))
        }
        let object: [String: Any]
        do {
            guard let o = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                return failure(line, "a JSON Lines record must be an object", [("line", text)])
            }
            object = o
        } catch {
            return failure(line, "invalid JSON", [("line", text)])
        }
        var input: [(key: String, value: String)] = []
        for k in object.keys.sorted() {
            if let v = object[k] { input.append((k, Self.describe(v))) }
        }
        func string(_ keys: [String]) -> Result<String?, InputRecordError> {
            for k in keys {
                guard let v = object[k] else { continue }
                if v is NSNull { return .success(nil) }
                guard let s = v as? String else {
                    return .failure(InputRecordError(line: line, message: "\"\(k)\" must be a string", input: input))
                }
                let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
                return .success(t.isEmpty ? nil : t)
            }
            return .success(nil)
        }
        let fields = [ScreeningInputFormat.nameColumns, ScreeningInputFormat.addressColumns, ScreeningInputFormat.countryColumns,
                      ScreeningInputFormat.typeColumns, ScreeningInputFormat.dobColumns].map(string)
        var values: [String?] = []
        for f in fields {
            switch f {
            case .success(let v): values.append(v)
            case .failure(let e): return ScreeningInputRecord(line: line, query: .failure(e))
            }
        }
        return ScreeningInputRecord(line: line, query: makeQuery(name: values[0], address: values[1], country: values[2],
                                                                 type: values[3], dob: values[4], line: line, input: input,
                                                                 countries: countries))
    }

    private func makeQuery(name: String?, address: String?, country: String?, type: String?, dob: String?, line: Int,
                           input: [(key: String, value: String)]) -> Result<ScreeningQuery, InputRecordError> {
        Self.makeQuery(name: name, address: address, country: country, type: type, dob: dob, line: line, input: input,
                       countries: countries)
    }

    private static func makeQuery(name: String?, address: String?, country: String?, type: String?, dob: String?, line: Int,
                           input: [(key: String, value: String)], countries: CountryTable) -> Result<ScreeningQuery, InputRecordError> {
        guard let name else { return .failure(InputRecordError(line: line, message: "empty name", input: input)) }
        var code: String?
        if let country {
            guard let c = countries.code(for: country) else {
                return .failure(InputRecordError(line: line, message: "unknown country \"\(country)\"", input: input))
            }
            code = c
        }
        var partyType: PartyType?
        if let type {
            let t = PartyType(listValue: type)
            guard t != .unknown else {
                return .failure(InputRecordError(line: line, message: "unknown type \"\(type)\" (person, entity, vessel or aircraft)",
                                                 input: input))
            }
            partyType = t
        }
        if let dob, !PartialDate.parse(dob).isValid {
            return .failure(InputRecordError(line: line, message: "unreadable date of birth \"\(dob)\"", input: input))
        }
        return .success(ScreeningQuery(name: name, address: address, country: code, type: partyType, dateOfBirth: dob))
    }

    private func failure(_ line: Int, _ message: String, _ input: [(key: String, value: String)]) -> ScreeningInputRecord {
        ScreeningInputRecord(line: line, query: .failure(InputRecordError(line: line, message: message, input: input)))
    }

    private static func describe(_ v: Any) -> String {
        if let s = v as? String { return s }
        if v is NSNull { return "null" }
        if let d = try? JSONSerialization.data(withJSONObject: v, options: [.fragmentsAllowed]) {
            return String(decoding: d, as: UTF8.self)
        }
        return "\(v)"
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
