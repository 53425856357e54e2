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
    /// `redflag screen NAME --format json` prints. Validated as a JSON Lines input record is, so
    /// the errors read the same.
    func screen(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let body = try await collectBody(request)
        guard let text = String(validating: body.readableBytesView, as: UTF8.self) else {
            throw ServiceError(.badRequest, "invalid_json", "the body is not UTF-8 text")
        }
        let query: ScreeningQuery
        switch ScreeningInputReader.jsonRecord(text, line: 1).query {
        case .success(let q): query = q
        case .failure(let e):
            let message = e.message == "a JSON Lines record must be an object" ? "the body must be a JSON object" : e.message
            throw ServiceError(.badRequest, ServiceError.code(forRecordMessage: e.message), message)
        }
        let lists = try await provider.context()
        let lease = try runs.acquire(user: context.user ?? localUser, context: lists)
        defer { runs.release(lease) }
        let result = lease.run.applyAllowList(to: lists.engine.screen(query))
        let record = ScreeningOutputRecord.result(result, line: nil)
        let json = lists.json.encode(record)
        try lease.record(result.decision, json: { json }, query: query)
        metrics.decisions(endpoint: "/v1/screen", counts: [(result.decision.rawValue.lowercased(), 1)])
        return Self.json(json + "\n")
    }

    /// `POST /v1/screen/batch`: a JSON Lines body (also CSV with a header, or one name per line, as
    /// `redflag screen --input` reads) → JSON Lines, one record per input record in input order,
    /// an error record (`{"error":{"line","message"},"input":{…}}`) for a record that cannot be
    /// screened. Both directions are streamed; the batch is one audit run of the key's user.
    func screenBatch(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let lists = try await provider.context()
        let bridge = StreamBridge()
        bridge.feed(request.body)
        let user = context.user ?? localUser
        let settings = configuration.pipeline
        let stores = self.stores
        let maxRecordBytes = configuration.maxRecordBytes
        let metrics = self.metrics
        let logger = self.logger
        // The reader is opened (and the format detected) before answering, so a body that cannot
        // be read at all (a CSV header without a name column) is a 400, not a broken stream.
        let opened: Result<ScreeningInputReader, any Error> = await withCheckedContinuation { done in
            DispatchQueue.global().async {
                done.resume(returning: Result {
                    try ScreeningInputReader(handle: bridge.pipe.fileHandleForReading, path: "request body", maxRecordBytes: maxRecordBytes)
                })
            }
        }
        let reader: ScreeningInputReader
        switch opened {
        case .success(let r): reader = r
        case .failure(let error):
            bridge.stop()
            bridge.finish()
            let message = (error as? RedFlagError)?.description ?? "\(error)"
            throw ServiceError(.badRequest, "bad_input", message)
        }
        let run = try PipelineRun.begin(
            info: AuditRunInfo(command: "screen", inputPath: "POST /v1/screen/batch", snapshots: lists.snapshots,
                               configurationJSON: AuditRunInfo.json(["configuration": lists.engine.configuration]), user: user),
            settings: settings, stores: stores, screener: lists.engine, installSignalHandlers: false)
        let reading = UncheckedBox(reader)
        DispatchQueue.global().async {
            var counts = DecisionCounts()
            var failed = false
            do {
                try OrderedBatchProcessor(chunkSize: 256).run(
                    next: { () -> ScreeningInputRecord? in
                        if failed { return nil }
                        do {
                            return try reading.value.next()
                        } catch {
                            // A read error mid-stream ends the batch with an error record saying where.
                            failed = true
                            var line = 0
                            if case .badData(_, let location?, _) = error as? RedFlagError,
                               let n = Int(location.replacingOccurrences(of: "line ", with: "")) { line = n }
                            return ScreeningInputRecord(line: line, query: .failure(InputRecordError(
                                line: line, message: "\((error as? RedFlagError)?.description ?? "\(error)"); reading stopped here", input: [])))
                        }
                    },
                    transform: { record -> (ScreeningOutputRecord, String) in
                        let output: ScreeningOutputRecord
                        switch record.query {
                        case .success(let query): output = .result(run.applyAllowList(to: lists.engine.screen(query)), line: record.line)
                        case .failure(let error): output = .error(error)
                        }
                        return (output, lists.json.encode(output))
                    },
                    emit: { items in
                        var text = ""
                        for (_, json) in items { text += json; text += "\n" }
                        guard bridge.send(text) else { return }
                        for (r, _) in items { counts.add(r.decision) }
                        try run.record(items.map { item in (item.0.decision, { item.1 }) })
                        let queries = items.compactMap { item -> ScreeningQuery? in
                            if case .result(let result, _) = item.0 { return result.query }
                            return nil
                        }
                        if !queries.isEmpty { try run.remember(queries) }
                    },
                    shouldStop: { bridge.isStopped })
                if bridge.isStopped {
                    run.fail(ServiceError(.badRequest, "client_gone", "the client went away"))
                } else {
                    try run.finish(exitCode: counts.errors > 0 && counts.worst == .clear ? RedFlagCore.ExitCode.dataError : counts.worst.exitCode,
                                   printSummary: false)
                }
            } catch {
                run.fail(error)
                logger.error("batch screening failed", metadata: ["error": "\(error)"])
                bridge.send(ServiceError(.internalServerError, "internal", "the batch stopped: \(error)").json)
            }
            metrics.decisions(endpoint: "/v1/screen/batch", counts: counts.labelled)
            bridge.finish()
        }
        return Response(status: .ok, headers: [.contentType: "application/x-ndjson"], body: bridge.responseBody())
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
