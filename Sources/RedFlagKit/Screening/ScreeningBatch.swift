import Foundation
import RedFlagCore
import RedFlagLists
import RedFlagMatching

extension ScreeningContext {
    /// Screens one request: the result `redflag screen NAME --format json` prints (encode it as
    /// `screeningJSON().encode(.result(result, line: nil))`). `allowList` suppresses adjudicated
    /// false positives (nil: none). Throws the request's first invalid field.
    public func screen(_ request: ScreenRequest, allowList: ResolvedAllowList? = nil) throws(ScreenRequestError) -> ScreeningResult {
        let result = screener.screen(try request.query())
        return allowList?.apply(to: result) ?? result
    }

    /// `screen`, as the JSON text of its record (one line, no newline): the exact bytes
    /// `redflag screen NAME --format json` prints before its newline.
    public func screenJSON(_ request: ScreenRequest, allowList: ResolvedAllowList? = nil) throws(ScreenRequestError) -> String {
        screeningJSON().encode(.result(try screen(request, allowList: allowList), line: nil))
    }

    /// A batch over this context's screener and encoder (see `ScreeningBatch`).
    public func batch(allowList: ResolvedAllowList? = nil, chunkSize: Int = ScreeningBatch.defaultChunkSize) -> ScreeningBatch {
        ScreeningBatch(screener: screener, json: screeningJSON(),
                       adjust: ResolvedAllowList.adjustment(allowList), chunkSize: chunkSize)
    }
}

/// A stream of parties screened in input order: `redflag screen --input` and
/// `POST /v1/screen/batch`. Reads records from a `ScreeningInputReader` (CSV, JSON Lines or one
/// name per line, from a file or any byte stream), screens them on every core, and hands each
/// finished chunk, in input order, to the caller, with exactly one record per input record: a
/// result, or an error record (`{"error": {"line", "message"}, "input": {…}}`) for a record that
/// cannot be screened. A read error in the middle of the input (a CSV field that is not UTF-8)
/// becomes a final error record, so what came before is still delivered.
public struct ScreeningBatch: Sendable {
    /// Records per chunk: the per-chunk flush and audit transaction vanish next to the matching.
    public static let defaultChunkSize = 1_024

    public let screener: any PartyScreener
    /// Encodes records as JSON (the snapshots' `"lists"` array fixed at creation).
    public let json: ScreeningJSON
    /// Applied to every result (the allow-list), identity when nil.
    public let adjust: (@Sendable (ScreeningResult) -> ScreeningResult)?
    public let chunkSize: Int

    public init(screener: any PartyScreener, json: ScreeningJSON, adjust: (@Sendable (ScreeningResult) -> ScreeningResult)? = nil,
                chunkSize: Int = ScreeningBatch.defaultChunkSize) {
        self.screener = screener
        self.json = json
        self.adjust = adjust
        self.chunkSize = chunkSize
    }

    /// Which records a run encodes in the parallel stage: every one when the output is JSON
    /// Lines, else the HOLD and STOP ones when an audit trail keeps them.
    public static func encoding(all: Bool, audited: Bool) -> @Sendable (ScreeningOutputRecord) -> Bool {
        { record in all || (audited && (record.decision == .hold || record.decision == .stop)) }
    }

    /// The output record for one input record (runs in the parallel stage).
    public func record(for input: ScreeningInputRecord) -> ScreeningOutputRecord {
        switch input.query {
        case .success(let query):
            let result = screener.screen(query)
            return .result(adjust?(result) ?? result, line: input.line)
        case .failure(let error):
            return .error(error)
        }
    }

    /// Screens every record of `reader` and calls `emit` with each chunk in input order (on the
    /// calling thread). `encode` says which records to encode as JSON in the parallel stage
    /// (`ScreenedRecord.json`; all of them for JSON Lines output, the HOLD and STOP ones for an
    /// audit trail). Stops after the chunk in progress once `shouldStop` is true. Returns the
    /// tally (counts and exit code) of the records emitted.
    @discardableResult
    public func run(reader: ScreeningInputReader, encode: @escaping @Sendable (ScreeningOutputRecord) -> Bool = { _ in true },
                    emit: ([ScreenedRecord]) throws -> Void, shouldStop: () -> Bool = { false }) throws -> ScreeningTally {
        let source = ScreeningRecordSource(reader: reader)
        var tally = ScreeningTally()
        let batch = self
        try OrderedBatchProcessor(chunkSize: chunkSize).run(
            next: { try source.next() },
            transform: { input -> ScreenedRecord in
                let record = batch.record(for: input)
                return ScreenedRecord(record: record, json: encode(record) ? batch.json.encode(record) : nil)
            },
            emit: { items in
                for item in items { tally.add(item.record) }
                try emit(items)
            },
            shouldStop: shouldStop)
        return tally
    }

    /// `run`, handing each chunk to `write` as JSON Lines bytes (each record as `ScreeningJSON`
    /// encodes it, then a newline), one call per chunk in input order: the exact bytes of
    /// `redflag screen --input … --format jsonl`. A front end writes them to its output (a
    /// response body) and flushes.
    @discardableResult
    public func writeJSONLines(reader: ScreeningInputReader, shouldStop: () -> Bool = { false },
                               write: ([UInt8]) throws -> Void) throws -> ScreeningTally {
        try run(reader: reader, emit: { items in
            var bytes: [UInt8] = []
            for item in items {
                bytes.append(contentsOf: (item.json ?? json.encode(item.record)).utf8)
                bytes.append(0x0A)
            }
            try write(bytes)
        }, shouldStop: shouldStop)
    }
}

/// An output record with its JSON when it was encoded in the parallel stage.
public struct ScreenedRecord: Sendable {
    public var record: ScreeningOutputRecord
    /// The record as one JSON line (no newline), when the batch was asked to encode it.
    public var json: String?

    public init(record: ScreeningOutputRecord, json: String?) {
        self.record = record
        self.json = json
    }
}

/// Turns a read error in the middle of the input (a CSV field that is not UTF-8, an unreadable
/// stream) into a final error record, so the records before it are still written and the run
/// says where it stopped instead of losing the chunk in progress. Errors that are not input
/// errors (a broken request stream) end the run.
final class ScreeningRecordSource {
    private let reader: ScreeningInputReader
    private var failed = false

    init(reader: ScreeningInputReader) { self.reader = reader }

    func next() throws -> ScreeningInputRecord? {
        if failed { return nil }
        do {
            return try reader.next()
        } catch let error as RedFlagError {
            failed = true
            var line = 0
            if case .badData(_, let location?, _) = error, let n = Int(location.replacingOccurrences(of: "line ", with: "")) { line = n }
            return ScreeningInputRecord(line: line, query: .failure(InputRecordError(
                line: line, message: "\(error.description); reading stopped here", input: [])))
        }
    }
}
