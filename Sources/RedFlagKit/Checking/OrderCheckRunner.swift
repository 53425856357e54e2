import Foundation
import RedFlagCore
import RedFlagRules

/// One checked row, with its rendered output text (rendered in parallel with the checking).
public struct CheckedRow: Sendable {
    public var check: OrderCheck
    /// The parsed line (nil for an error row), for case files.
    public var line: OrderLine?
    /// The row as the chosen output format renders it.
    public var text: String
    /// The row's JSON for the audit trail, rendered in parallel with the checking when the run
    /// asked for it (HOLD and STOP rows only), so the writing loop does not encode it.
    public var auditJSON: String?
}

/// Streams an order export through the rules: reads a chunk, gives each line its customer's
/// history (sequentially, in input order), screens the parties and runs the rules on all cores
/// (`OrderedBatchProcessor`), emits the chunk in input order, then records the chunk's orders in
/// the history store in one transaction.
public final class OrderCheckRunner {
    public let checker: LineChecker
    public let history: HistoryTracker

    public init(engine: RuleEngine, screener: (any PartyScreener)?, history: (any OrderHistoryStoring)?,
                adjust: (@Sendable (ScreeningResult) -> ScreeningResult)? = nil) {
        checker = LineChecker(engine: engine, screener: screener, adjust: adjust)
        self.history = HistoryTracker(store: history)
    }

    enum Input: Sendable {
        case line(OrderLine, ItemProfile, HistorySummary)
        case failed(OrderRowError)
    }

    /// Rows per chunk: large enough that the per-chunk costs (one output flush, one audit and one
    /// history transaction, one fork/join of the workers) vanish next to the work, small enough
    /// that the first results are out within a second and memory stays a few MB.
    public static let chunkSize = 2_048

    /// Runs the whole export. `render` turns a check into output text and `renderAudit` into
    /// its audit JSON (nil: none), both called in parallel; `emit` receives each finished chunk
    /// in input order. Returns the counts per decision.
    @discardableResult
    public func run(reader: OrderReader, processor: OrderedBatchProcessor = OrderedBatchProcessor(chunkSize: chunkSize),
                    render: @escaping @Sendable (OrderCheck) -> String,
                    renderAudit: @escaping @Sendable (OrderCheck) -> String? = { _ in nil },
                    emit: ([CheckedRow]) throws -> Void, shouldStop: () -> Bool = { false }) throws -> DecisionCounts {
        var counts = DecisionCounts()
        let checkedAt = ISO8601DateFormatter().string(from: Date())
        try processor.run(
            next: { () throws -> Input? in
                guard let row = try reader.next() else { return nil }
                switch row {
                case .failure(let e): return .failed(e)
                case .success(let line):
                    let item = ItemProfile(line: line, items: checker.engine.items)
                    return .line(line, item, try history.summary(for: line, item: item))
                }
            },
            transform: { [checker] input -> CheckedRow in
                switch input {
                case .failed(let e):
                    let c = OrderCheck.failed(e)
                    return CheckedRow(check: c, line: nil, text: render(c), auditJSON: renderAudit(c))
                case .line(let line, let item, let summary):
                    let c = checker.check(line, item: item, history: summary)
                    return CheckedRow(check: c, line: line, text: render(c), auditJSON: renderAudit(c))
                }
            },
            emit: { rows in
                for r in rows { counts.add(r.check.decision) }
                try emit(rows)
                try history.flush(checkedAt: checkedAt)
            },
            shouldStop: shouldStop)
        return counts
    }

    /// The exit code of a check run: 2 if any STOP, else 1 if any HOLD, else 65 if any row could
    /// not be read, else 0. A HOLD or STOP outranks bad rows because it is the more urgent signal;
    /// bad rows are always reported as error records and on stderr.
    public static func exitCode(for counts: DecisionCounts) -> Int32 {
        if counts.stop > 0 { return ExitCode.stop }
        if counts.hold > 0 { return ExitCode.hold }
        if counts.errors > 0 { return ExitCode.dataError }
        return ExitCode.clear
    }
}

/// Screens an order line's parties and runs the rules on it: the part of a check that runs in
/// parallel. Thread-safe.
public struct LineChecker: Sendable {
    public let engine: RuleEngine
    public let screener: (any PartyScreener)?
    /// Applied to each screening result (the allow-list); identity when nil.
    public let adjust: (@Sendable (ScreeningResult) -> ScreeningResult)?
    private let cache = ScreeningCache()

    public init(engine: RuleEngine, screener: (any PartyScreener)?, adjust: (@Sendable (ScreeningResult) -> ScreeningResult)? = nil) {
        self.engine = engine
        self.screener = screener
        self.adjust = adjust
    }

    /// Checks one line given its customer's history.
    public func check(_ line: OrderLine, history summary: HistorySummary) -> OrderCheck {
        check(line, item: ItemProfile(line: line, items: engine.items), history: summary)
    }

    /// Checks one line given its item profile (made with `engine.items`) and its customer's history.
    public func check(_ line: OrderLine, item: ItemProfile, history summary: HistorySummary) -> OrderCheck {
        var parties: [PartyScreening]?
        if let screener {
            // The allow-list is fixed for the runner's life, so its adjustment is remembered with
            // the result: every line naming the party then shares one result's storage (which
            // also makes the output's party JSON memo a pointer comparison).
            parties = OrderParties.queries(for: line).map { role, query in
                PartyScreening(role: role, result: cache.result(for: query) { query in
                    let result = screener.screen(query)
                    return adjust.map { $0(result) } ?? result
                })
            }
        }
        return engine.check(line, item: item, history: summary, parties: parties)
    }
}

extension OrderCheckRunner {
    /// A runner with `rules`, screening the parties against `context` (its check screener;
    /// nil: no screening, list flags "not evaluated"), the history store (nil: only the earlier
    /// lines of this export) and the allow-list applied to every party's result.
    public convenience init(rules: CheckRules, context: ScreeningContext?, history: (any OrderHistoryStoring)?,
                            allowList: ResolvedAllowList? = nil) {
        self.init(engine: rules.engine, screener: context?.checkScreener, history: history,
                  adjust: ResolvedAllowList.adjustment(allowList))
    }

    /// Checks every line of `reader` and hands each chunk to `write` as JSON Lines bytes (one
    /// record per order line, error rows included, in input order): the exact bytes of
    /// `redflag check … --format jsonl`. `output` must be a `.jsonl` format. Returns the counts
    /// per decision (`exitCode(for:)` turns them into the CLI's exit code).
    @discardableResult
    public func writeJSONLines(reader: OrderReader, output: CheckOutputFormat, shouldStop: () -> Bool = { false },
                               write: ([UInt8]) throws -> Void) throws -> DecisionCounts {
        precondition(output.kind == .jsonl, "writeJSONLines needs a JSON Lines output format")
        return try run(reader: reader, render: { output.render($0) }, emit: { rows in
            var bytes: [UInt8] = []
            for row in rows { bytes.append(contentsOf: row.text.utf8) }
            try write(bytes)
        }, shouldStop: shouldStop)
    }
}

extension CheckOutputFormat {
    /// The format for a check with `rules` against `context`'s lists (none when nil), naming the
    /// export's extra columns (`reader.header.passthrough`).
    public init(kind: Kind, rules: CheckRules, context: ScreeningContext?, passthroughNames: [String],
                style: TerminalStyle = TerminalStyle(colour: false), details: Bool = false) {
        self.init(kind: kind, configuration: rules.catalog.configuration, lists: context?.listStamps ?? [],
                  passthroughNames: passthroughNames, style: style, details: details)
    }
}
