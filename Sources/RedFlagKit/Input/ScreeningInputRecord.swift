import RedFlagCore

/// One record read from `redflag screen --input`: a query ready to screen, or the reason it
/// cannot be (empty name, bad JSON, unknown country…), which becomes an error record in the
/// output at the same position.
public struct ScreeningInputRecord: Sendable {
    /// 1-based line where the record starts.
    public var line: Int
    public var query: Result<ScreeningQuery, InputRecordError>

    public init(line: Int, query: Result<ScreeningQuery, InputRecordError>) {
        self.line = line
        self.query = query
    }
}
