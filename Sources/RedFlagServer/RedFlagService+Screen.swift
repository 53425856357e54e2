import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RedFlagCore
import RedFlagKit
import RedFlagLists
import RedFlagMatching

extension RedFlagService {
    /// `POST /v1/screen`: one `{"name","address","country","type","dob"}` object → the record
    /// `redflag screen NAME --format json` prints (`ScreenRequest` validates it as the CLI does;
    /// `ScreeningContext.screen` screens it).
    func screen(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let body = try await collectBody(request)
        let screenRequest: ScreenRequest
        do {
            screenRequest = try ScreenRequest.decodeJSON(body.readableBytesView)
            _ = try screenRequest.query()
        } catch {
            throw ServiceError(error)
        }
        let lists = try await provider.context()
        let lease = try runs.acquire(user: context.user ?? localUser, context: lists)
        defer { runs.release(lease) }
        let result: ScreeningResult
        do { result = try lists.screen(screenRequest, allowList: lease.run.allowList) } catch { throw ServiceError(error) }
        let json = lists.screeningJSON().encode(.result(result, line: nil))
        try lease.record(result.decision, json: { json }, query: result.query)
        metrics.decisions(endpoint: "/v1/screen", counts: [(result.decision.rawValue.lowercased(), 1)])
        return Self.json(json + "\n")
    }

    /// `POST /v1/screen/batch`: a JSON Lines body (also CSV with a header, or one name per line, as
    /// `redflag screen --input` reads) → JSON Lines, one record per input record in input order,
    /// an error record (`{"error":{"line","message"},"input":{…}}`) for a record that cannot be
    /// screened (`ScreeningBatch`, the code of `screen --input`). Both directions are streamed;
    /// the batch is one audit run of the key's user.
    func screenBatch(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let lists = try await provider.context()
        let bridge = StreamBridge()
        bridge.feed(request.body)
        let maxRecordBytes = configuration.maxRecordBytes
        // The reader is opened (the format detected) before answering, so a body that cannot be
        // read at all is a 400, not a broken stream.
        let reader = try await bridge.open { source in
            UncheckedBox(try ScreeningInputReader(source: source, maxRecordBytes: maxRecordBytes))
        }
        let run = try PipelineRun.begin(
            info: .screen(context: lists, inputPath: "POST /v1/screen/batch", user: context.user ?? localUser),
            settings: configuration.pipeline, stores: stores, screener: lists.screener, installSignalHandlers: false)
        let batch = lists.batch(allowList: run.allowList, chunkSize: Self.streamChunk)
        bridge.run(run: run, endpoint: "/v1/screen/batch", metrics: metrics, logger: logger) {
            let tally = try batch.run(
                reader: reader.value,
                encode: ScreeningBatch.encoding(all: true, audited: true),
                emit: { items in
                    guard bridge.send(items.map { ($0.json ?? batch.json.encode($0.record)) + "\n" }.joined()) else { return }
                    try run.recordScreened(items, json: batch.json)
                },
                shouldStop: { bridge.isStopped })
            return (DecisionCounts(clear: tally.counts[.clear, default: 0], hold: tally.counts[.hold, default: 0],
                                   stop: tally.counts[.stop, default: 0], errors: tally.errors), tally.exitCode)
        }
        return Response(status: .ok, headers: [.contentType: "application/x-ndjson"], body: bridge.responseBody())
    }

    /// Records per chunk of a streamed request: small enough that the first answers leave soon
    /// after the first lines arrive, large enough that the per-chunk work vanishes.
    static let streamChunk = 256
}

extension ServiceError {
    /// A request that cannot be screened: 400 naming the field (`empty_name`, `unknown_country`…).
    init(_ error: ScreenRequestError) {
        let code: String
        switch error {
        case .emptyName: code = "empty_name"
        case .unknownCountry: code = "unknown_country"
        case .unknownType: code = "unknown_type"
        case .unreadableDateOfBirth: code = "bad_date_of_birth"
        case .invalidJSON: code = "invalid_json"
        case .notAnObject, .notAString: code = "bad_request"
        }
        self.init(.badRequest, code, error.description)
    }
}

/// Hands a non-Sendable value to the one thread that uses it from then on.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

extension DecisionCounts {
    /// The counts as metric labels.
    var labelled: [(String, Int)] { [("clear", clear), ("hold", hold), ("stop", stop), ("error", errors)] }
}
