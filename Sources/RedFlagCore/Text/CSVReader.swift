import Foundation

/// One CSV record and where it started, so errors can name the line.
public struct CSVRecord: Sendable, Equatable {
    public var fields: [String]
    /// 1-based line number of the record's first line in the file.
    public var line: Int

    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }

    /// The field at `index`, or "" when the row is short.
    public subscript(_ index: Int) -> String { index < fields.count ? fields[index] : "" }
}

/// A streaming RFC 4180 CSV reader over bytes.
///
/// Reads quoted fields with embedded separators, quotes and newlines (the CSL has them), LF, CRLF
/// and CR line ends, a leading UTF-8 BOM and the trailing 0x1A end-of-file byte OFAC appends. It
/// reads the input in chunks, so a file of millions of rows is processed in constant memory.
///
/// A record that cannot be read (text that is not UTF-8, NUL bytes, more than `maxRecordBytes`)
/// is consumed to its end before the error is thrown, so a caller that turns the error into an
/// error record can call `next` again and go on with the following record; `lastRecordLine` names
/// the line the failed record started on. Memory stays bounded by `maxRecordBytes` whatever the
/// input (`/dev/zero`, a file without line ends).
public final class CSVReader {
    /// How field bytes become text.
    public enum Encoding: Sendable {
        /// Strict UTF-8: invalid bytes are an error naming the line (a file in another encoding is
        /// refused rather than silently garbled).
        case utf8
        /// Windows-1252, as OFSI publishes ConList.csv.
        case windows1252
    }

    public let path: String
    public let delimiter: UInt8
    public let encoding: Encoding
    private let source: (any ByteReading)?
    private var buffer: [UInt8]
    private var position = 0
    private var exhausted: Bool
    private var line = 1
    private var atStart = true
    /// Fields of the record read last: the next one almost always has as many.
    private var lastFieldCount = 0
    /// A problem found in the record being read, thrown once the record has been consumed.
    private var recordError: RedFlagError?
    /// Bytes of the record being read, to enforce `maxRecordBytes`.
    private var recordBytes = 0

    /// The longest record accepted, in bytes (default 1 MiB): a longer one is skipped without being
    /// held in memory and reported as an error.
    public var maxRecordBytes = CSVReader.defaultMaxRecordBytes
    /// 1 MiB.
    public static let defaultMaxRecordBytes = 1 << 20
    /// The 1-based line the last record (read or failed) started on.
    public private(set) var lastRecordLine = 0
    private static let chunkSize = 1 << 20

    /// Reads the file at `url`. Throws `fileNotFound` (exit 66) when it does not exist.
    public convenience init(url: URL, delimiter: UInt8 = UInt8(ascii: ","), encoding: Encoding = .utf8) throws {
        guard FileManager.default.fileExists(atPath: url.path) else { throw RedFlagError.fileNotFound(path: url.path) }
        guard let h = FileHandle(forReadingAtPath: url.path) else {
            throw RedFlagError.unreadable(path: url.path, reason: "permission denied or not a file")
        }
        self.init(handle: h, path: url.path, delimiter: delimiter, encoding: encoding)
    }

    /// Reads from an open handle (standard input), named `path` in messages; closes it when done.
    public convenience init(handle: FileHandle, path: String, delimiter: UInt8 = UInt8(ascii: ","), encoding: Encoding = .utf8) {
        self.init(source: FileHandleByteReader(handle: handle), ownedHandle: handle, bytes: [], path: path,
                  delimiter: delimiter, encoding: encoding)
    }

    /// Reads from any byte stream (a request body), named `path` in messages. An error the
    /// stream throws ends `next` with that error.
    public convenience init(reader: any ByteReading, path: String, delimiter: UInt8 = UInt8(ascii: ","), encoding: Encoding = .utf8) {
        self.init(source: reader, ownedHandle: nil, bytes: [], path: path, delimiter: delimiter, encoding: encoding)
    }

    /// Reads bytes already in memory.
    public convenience init(data: Data, path: String, delimiter: UInt8 = UInt8(ascii: ","), encoding: Encoding = .utf8) {
        self.init(source: nil, ownedHandle: nil, bytes: [UInt8](data), path: path, delimiter: delimiter, encoding: encoding)
    }

    private init(source: (any ByteReading)?, ownedHandle: FileHandle?, bytes: [UInt8], path: String, delimiter: UInt8, encoding: Encoding) {
        self.path = path
        self.source = source
        self.ownedHandle = ownedHandle
        self.delimiter = delimiter
        self.encoding = encoding
        self.buffer = bytes
        // Without a stream the bytes given are the whole input.
        self.exhausted = source == nil
    }

    /// The handle this reader was given or opened, closed with the reader.
    private let ownedHandle: FileHandle?

    deinit { try? ownedHandle?.close() }

    /// The 1-based line number the next record starts on.
    public var currentLine: Int { line }

    /// Reads all remaining records.
    public func readAll() throws -> [CSVRecord] {
        var out: [CSVRecord] = []
        while let r = try next() { out.append(r) }
        return out
    }

    /// The next record, or nil at the end of the input. A blank line yields a record with one
    /// empty field, as RFC 4180 says; callers skip those where blank lines mean nothing.
    public func next() throws -> CSVRecord? {
        if atStart {
            atStart = false
            guard try ensure(3) || position < buffer.count else { return nil }
            if buffer.count - position >= 3, buffer[position] == 0xEF, buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF {
                position += 3
            }
        }
        guard try ensure(1) else { return nil }
        // OFAC ends its CSV files with a 0x1A (SUB) byte, sometimes followed by a line end.
        if buffer[position] == 0x1A {
            var p = position + 1
            while try ensure(p - position + 1), p < buffer.count, buffer[p] == 0x0D || buffer[p] == 0x0A || buffer[p] == 0x1A { p += 1 }
            if p >= buffer.count && exhausted { position = buffer.count; return nil }
        }
        let startLine = line
        lastRecordLine = startLine
        recordError = nil
        recordBytes = 0
        var fields: [String] = []
        fields.reserveCapacity(lastFieldCount)
        defer { lastFieldCount = fields.count }
        var field: [UInt8] = []
        field.reserveCapacity(64)
        var inQuotes = false
        var quotedField = false
        while true {
            guard try ensure(1) else {
                if inQuotes {
                    throw RedFlagError.badData(path: path, location: "line \(startLine)",
                                               message: "quoted field never closed (file truncated?)")
                }
                fields.append(decode(field, line: startLine))
                return try finish(fields, line: startLine)
            }
            if recordBytes + field.count > maxRecordBytes {
                // Too long: keep reading to the record's end, holding nothing.
                if recordError == nil {
                    recordError = .badData(path: path, location: "line \(startLine)",
                                           message: "record longer than \(maxRecordBytes) bytes (skipped)")
                }
                recordBytes += field.count
                field.removeAll(keepingCapacity: true)
                fields.removeAll(keepingCapacity: true)
            }
            let b = buffer[position]
            position += 1
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if try ensure(1), buffer[position] == UInt8(ascii: "\"") {
                        field.append(b)
                        position += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if b == 0x0A { line += 1 }
                    else if b == 0x0D, try !(ensure(1) && buffer[position] == 0x0A) { line += 1 }
                    field.append(b)
                    appendPlainRun(to: &field, quoted: true)
                }
                continue
            }
            switch b {
            case delimiter:
                fields.append(decode(field, line: startLine))
                field.removeAll(keepingCapacity: true)
                quotedField = false
            case UInt8(ascii: "\"") where field.isEmpty && !quotedField:
                inQuotes = true
                quotedField = true
            case 0x0D, 0x0A:
                if b == 0x0D, try ensure(1), buffer[position] == 0x0A { position += 1 }
                line += 1
                fields.append(decode(field, line: startLine))
                return try finish(fields, line: startLine)
            case 0x1A where try !ensure(1) || buffer[position] == 0x0D || buffer[position] == 0x0A || buffer[position] == 0x1A:
                // End-of-file marker directly after the last field.
                fields.append(decode(field, line: startLine))
                position = buffer.count
                return try finish(fields, line: startLine)
            default:
                field.append(b)
                appendPlainRun(to: &field, quoted: false)
            }
        }
    }

    /// Appends the buffered bytes from `position` up to the next one the loop in `next` must
    /// look at (a quote or line end; unquoted, also the delimiter and SUB) and moves past them:
    /// one copy per run instead of one append per byte, which was most of the reader's time.
    @inline(__always)
    private func appendPlainRun(to field: inout [UInt8], quoted: Bool) {
        let start = position
        let end = buffer.withUnsafeBufferPointer { p -> Int in
            var e = start
            if quoted {
                while e < p.count, p[e] != 0x22, p[e] != 0x0A, p[e] != 0x0D { e += 1 }
            } else {
                while e < p.count {
                    let c = p[e]
                    if c == delimiter || c == 0x22 || c == 0x0A || c == 0x0D || c == 0x1A { break }
                    e += 1
                }
            }
            return e
        }
        guard end > start else { return }
        field.append(contentsOf: buffer[start..<end])
        position = end
    }

    /// Makes sure at least `count` unread bytes are buffered if the input has them; false at the end.
    @inline(__always)
    private func ensure(_ count: Int) throws -> Bool {
        if buffer.count - position >= count { return true }
        return try refill(count)
    }

    private func refill(_ count: Int) throws -> Bool {
        while !exhausted && buffer.count - position < count {
            if position > 0 {
                buffer.removeSubrange(0..<position)
                position = 0
            }
            let chunk = try source?.read(upTo: Self.chunkSize) ?? []
            if chunk.isEmpty { exhausted = true } else { buffer.append(contentsOf: chunk) }
        }
        return buffer.count - position >= count
    }

    /// The record, or the error found while reading it (the record is consumed either way).
    private func finish(_ fields: [String], line: Int) throws -> CSVRecord {
        if let recordError {
            self.recordError = nil
            throw recordError
        }
        return CSVRecord(fields: fields, line: line)
    }

    /// The field's text; a field that is not valid text records the record's error and yields "".
    private func decode(_ bytes: [UInt8], line: Int) -> String {
        recordBytes += bytes.count
        do { return try decodeOrThrow(bytes, line: line) } catch let error as RedFlagError {
            if recordError == nil { recordError = error }
            return ""
        } catch {
            return ""
        }
    }

    private func decodeOrThrow(_ bytes: [UInt8], line: Int) throws -> String {
        if bytes.isEmpty { return "" }
        switch encoding {
        case .utf8:
            // ASCII (nearly every field) is valid as it is; the validating initialiser is generic
            // and looked up its type metadata at run time on every call.
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            if let s = String(validating: bytes, as: UTF8.self) { return s }
            if bytes.contains(0) {
                throw RedFlagError.badData(path: path, location: "line \(line)", message: "binary data (NUL bytes) where CSV text was expected")
            }
            throw RedFlagError.badData(path: path, location: "line \(line)",
                                       message: "text is not valid UTF-8 (wrong encoding?)")
        case .windows1252:
            return Windows1252.decode(bytes)
        }
    }
}

/// Windows-1252 decoding: Latin-1 plus the 0x80–0x9F block of typographic characters.
public enum Windows1252 {
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    public static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        // Written straight to UTF-8 bytes: appending scalars one by one cost more than the CSV parse.
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 2)
        for b in bytes {
            if b < 0x80 {
                utf8.append(b)
                continue
            }
            let v: UInt32 = b <= 0x9F ? high[Int(b - 0x80)] : UInt32(b)
            if v < 0x800 {
                utf8.append(UInt8(0xC0 | (v >> 6)))
                utf8.append(UInt8(0x80 | (v & 0x3F)))
            } else {
                utf8.append(UInt8(0xE0 | (v >> 12)))
                utf8.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                utf8.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
