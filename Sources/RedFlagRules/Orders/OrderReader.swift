import Foundation
import RedFlagCore

/// Streams an order export: reads the header once, then yields one parsed line (or row error)
/// per record, skipping blank lines. Memory stays constant whatever the file length.
public final class OrderReader {
    public let header: OrderHeader
    private let csv: CSVReader
    private let parser: OrderLineParser

    /// Opens a reader over `csv`; throws when the header is missing or lacks required columns.
    public init(csv: CSVReader, map: ColumnMap = ColumnMap(), countries: CountryTable = .shared) throws {
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
