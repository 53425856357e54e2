import RedFlagLists

/// JSON: a single object for one screened name, an array of objects (one per input record) for a
/// batch. The array is streamed element by element, so a batch never sits in memory.
public final class ScreeningJSONWriter: RecordWriter {
    private let sink: OutputSink
    private let json: ScreeningJSON
    private let asArray: Bool
    private var count = 0

    /// `asArray` false writes the lone record as a bare object (the single-name case).
    public init(sink: OutputSink, snapshots: [ListSnapshot], asArray: Bool) {
        self.sink = sink
        self.json = ScreeningJSON(snapshots: snapshots)
        self.asArray = asArray
    }

    public func begin() throws { if asArray { sink.write("[") } }

    public func write(_ records: [ScreeningOutputRecord]) throws {
        for r in records {
            if asArray { sink.write(count == 0 ? "\n" : ",\n") }
            sink.write(json.encode(r))
            count += 1
        }
        try sink.flush()
    }

    public func end() throws {
        sink.write(asArray ? (count == 0 ? "]\n" : "\n]\n") : "\n")
        try sink.flush()
    }
}
