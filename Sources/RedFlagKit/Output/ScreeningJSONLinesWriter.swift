import RedFlagLists

/// JSON Lines: one JSON object per input record, one per line; the format for pipes.
public final class ScreeningJSONLinesWriter: RecordWriter {
    private let sink: OutputSink
    private let json: ScreeningJSON

    public convenience init(sink: OutputSink, snapshots: [ListSnapshot]) {
        self.init(sink: sink, json: ScreeningJSON(snapshots: snapshots))
    }

    /// Writes with an encoder already made (a batch's).
    public init(sink: OutputSink, json: ScreeningJSON) {
        self.sink = sink
        self.json = json
    }

    public func begin() throws {}

    public func write(_ records: [ScreeningOutputRecord]) throws {
        try write(encoded: records.map(json.encode))
    }

    /// Writes records already encoded by `ScreeningJSON` (in the parallel stage of a batch).
    public func write(encoded lines: [String]) throws {
        for line in lines {
            sink.write(line)
            sink.write("\n")
        }
        try sink.flush()
    }

    public func end() throws { try sink.flush() }
}
