/// Writes a stream of output records in one format (table, JSON, JSON Lines, CSV).
///
/// The screening and checking commands both drive their writers the same way: `begin` once,
/// `write` for every finished chunk of records (in input order; the writer flushes after each
/// chunk so a pipe consumer sees results early), then `end` once. A writer holds no records
/// beyond the chunk it is given, so output memory does not grow with the input.
public protocol RecordWriter {
    associatedtype Record
    /// Writes whatever comes before the first record (a CSV header, the opening `[` of JSON).
    func begin() throws
    /// Writes a chunk of records and flushes them.
    func write(_ records: [Record]) throws
    /// Writes whatever closes the output (JSON's `]`) and flushes.
    func end() throws
}
