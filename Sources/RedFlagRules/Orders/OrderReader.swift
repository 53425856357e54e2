import Foundation
import RedFlagCore

/// The records of an order export in any layout: a header record first, then one record per
/// order line, each field at the index of its header cell. `CSVReader` is one; a JSON Lines
/// reader that turns each object into such a record is another.
public protocol OrderRecordSource: AnyObject {
    /// The input's name in messages.
    var path: String { get }
    /// The 1-based line the last record (read or failed) started on.
    var lastRecordLine: Int { get }
    /// The next record, nil at the end. Throws `RedFlagError.badData` for a record that cannot
    /// be read after consuming it (the reader goes on with the next one).
    func next() throws -> CSVRecord?
}

extension CSVReader: OrderRecordSource {}

/// Streams an order export: reads the header once, then yields one parsed line (or row error)
/// per record, skipping blank lines. Memory stays constant whatever the file length.
public final class OrderReader {
    public let header: OrderHeader
    private let csv: any OrderRecordSource
    private let parser: OrderLineParser

    /// Opens a reader over `csv`; throws when the header is missing or lacks required columns.
    public convenience init(csv: CSVReader, map: ColumnMap = ColumnMap(), countries: CountryTable = .shared) throws {
        try self.init(records: csv, map: map, countries: countries)
    }

    /// Opens a reader over any record source (CSV, JSON Lines); throws when the header is
    /// missing or lacks required columns.
    public init(records csv: any OrderRecordSource, map: ColumnMap = ColumnMap(), countries: CountryTable = .shared) throws {
        self.csv = csv
        var first = try csv.next()
        while let r = first, r.fields.count == 1, r.fields[0].isEmpty { first = try csv.next() }
        guard let headerRecord = first else {
            throw RedFlagError.badData(path: csv.path, location: "line 1", message: "empty file: no header row")
        }
        header = try OrderHeader(fields: headerRecord.fields, map: map, path: csv.path)
        parser = OrderLineParser(header: header, countries: countries)
    }

    /// The next row, or nil at the end. A record the CSV reader cannot read (text that is not
    /// UTF-8, a record over its size limit) is a row error and the run goes on with the next one.
    public func next() throws -> Result<OrderLine, OrderRowError>? {
        while true {
            let record: CSVRecord
            do {
                guard let r = try csv.next() else { return nil }
                record = r
            } catch RedFlagError.badData(_, _, let message) {
                return .failure(OrderRowError(orderID: nil, line: csv.lastRecordLine, message: message))
            }
            if record.fields.count == 1, record.fields[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            return parser.parse(record)
        }
    }
}
