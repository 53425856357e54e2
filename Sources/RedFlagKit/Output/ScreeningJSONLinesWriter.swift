import RedFlagLists

/// JSON Lines: one JSON object per input record, one per line; the format for pipes.
public final class ScreeningJSONLinesWriter: RecordWriter {
    private let sink: OutputSink
    private let json: ScreeningJSON

    public init(sink: OutputSink, snapshots: [ListSnapshot]) {
        self.sink = sink
        self.json = ScreeningJSON(snapshots: snapshots)
    }

    public func begin() throws {}

    public func write(_ records: [ScreeningOutputRecord]) throws {
        for r in records {
            sink.write(json.encode(r))
            sink.write("\n")
        }
        try sink.flush()
    }

    public func end() throws { try sink.flush() }
}
