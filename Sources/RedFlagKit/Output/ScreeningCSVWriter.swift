import RedFlagCore
import RedFlagLists
import RedFlagMatching

/// CSV: one flat row per input record: the query, the decision, the match that decided it
/// (`top_*`: the best-scored live match carrying the verdict, not merely the first) and the ids of
/// every match, plus the list snapshots screened against; error rows carry the message instead.
public final class ScreeningCSVWriter: RecordWriter {
    public static let header = [
        "line", "name", "address", "country", "decision", "match_count", "top_score", "top_id", "top_source",
        "top_list", "top_name", "top_matched_name", "top_programs", "top_countries", "match_ids", "lists", "error",
    ]

    private let sink: OutputSink
    private let lists: String

    public init(sink: OutputSink, snapshots: [ListSnapshot]) {
        self.sink = sink
        self.lists = snapshots.map { "\($0.source.rawValue):\($0.sha256)" }.joined(separator: ";")
    }

    public func begin() throws { sink.write(CSVText.row(Self.header)) }

    public func write(_ records: [ScreeningOutputRecord]) throws {
        for r in records { sink.write(CSVText.row(row(r))) }
        try sink.flush()
    }

    public func end() throws { try sink.flush() }

    func row(_ record: ScreeningOutputRecord) -> [String] {
        switch record {
        case .result(let result, let line):
            let q = result.query
            let top = DecisionPolicy.decidingMatch(result)
            return [
                line.map(String.init) ?? "", q.name, q.address ?? "", q.country ?? "", result.decision.rawValue,
                String(result.matches.count), top.map { JSONText.format($0.score) } ?? "", top?.id ?? "",
                top?.source.rawValue ?? "", top?.list.rawValue ?? "", top?.name ?? "", top?.matchedName ?? "",
                top?.programs.joined(separator: ";") ?? "", top?.countries.joined(separator: ";") ?? "",
                result.matches.map(\.id).joined(separator: ";"), lists, "",
            ]
        case .error(let e):
            func field(_ k: String) -> String { e.input.first { $0.key == k }?.value ?? "" }
            let name = field("name").isEmpty ? field("line") : field("name")
            return [String(e.line), name, field("address"), field("country"), "", "", "", "", "", "", "", "", "", "",
                    "", lists, e.message]
        }
    }
}
