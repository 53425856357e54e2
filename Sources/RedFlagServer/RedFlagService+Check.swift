import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RedFlagCore
import RedFlagKit
import RedFlagLists
import RedFlagMatching
import RedFlagRules

extension RedFlagService {
    /// `POST /v1/check`: an order export (CSV with a header row) → the JSON Lines records of
    /// `redflag check --format jsonl`, one per order line in input order, streamed both ways. The
    /// order history is the service's store (as `check` without `--no-history`); the request is one
    /// audit run of the key's user.
    func check(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let lists = try await provider.context()
        let bridge = StreamBridge()
        bridge.feed(request.body)
        let user = context.user ?? localUser
        let maxRecordBytes = configuration.maxRecordBytes
        let opened: Result<OrderReader, any Error> = await withCheckedContinuation { done in
            DispatchQueue.global().async {
                done.resume(returning: Result {
                    let csv = CSVReader(handle: bridge.pipe.fileHandleForReading, path: "request body")
                    csv.maxRecordBytes = maxRecordBytes
                    return try OrderReader(csv: csv)
                })
            }
        }
        let reader: OrderReader
        switch opened {
        case .success(let r): reader = r
        case .failure(let error):
            bridge.stop()
            bridge.finish()
            throw ServiceError(.badRequest, "bad_input", (error as? RedFlagError)?.description ?? "\(error)")
        }
        let history = try stores.orderHistory(create: true)
        let stamps = lists.snapshots.map { ListStamp(source: $0.source.rawValue, sha256: $0.sha256, stale: $0.isStale ? true : nil) }
        let output = CheckOutputFormat(kind: .jsonl, configuration: catalog.configuration, lists: stamps,
                                       passthroughNames: reader.header.passthrough.map(\.name))
        let run = try PipelineRun.begin(
            info: AuditRunInfo(command: "check", inputPath: "POST /v1/check", snapshots: lists.snapshots,
                               configurationJSON: AuditRunInfo.json(["configuration": catalog.configuration,
                                                                     "decisionPolicy": lists.engine.configuration.policy.identity]),
                               user: user),
            settings: configuration.pipeline, stores: stores, screener: lists.engine, installSignalHandlers: false)
        let runner = OrderCheckRunner(engine: ruleEngine, screener: lists.engine, history: history, adjust: { run.applyAllowList(to: $0) })
        let reading = UncheckedBox((reader, runner))
        let metrics = self.metrics
        let logger = self.logger
        DispatchQueue.global().async {
            var counts = DecisionCounts()
            do {
                counts = try reading.value.1.run(
                    reader: reading.value.0,
                    processor: OrderedBatchProcessor(chunkSize: 256),
                    render: { output.render($0) },
                    emit: { rows in
                        guard bridge.send(rows.map(\.text).joined()) else { return }
                        // A JSON Lines row already is the audit record (plus its newline).
                        try run.record(rows.map { row in (row.check.decision, { String(Substring(row.text.utf8.dropLast())) }) })
                        var byRole: [PartyScreening.Role: [ScreeningQuery]] = [:]
                        for row in rows {
                            for party in row.check.parties { byRole[party.role, default: []].append(party.result.query) }
                        }
                        for role in PartyScreening.Role.allCases {
                            if let queries = byRole[role] { try run.remember(queries, role: role.rawValue) }
                        }
                    },
                    shouldStop: { bridge.isStopped })
                if bridge.isStopped {
                    run.fail(ServiceError(.badRequest, "client_gone", "the client went away"))
                } else {
                    try run.finish(exitCode: OrderCheckRunner.exitCode(for: counts), printSummary: false)
                }
            } catch {
                run.fail(error)
                logger.error("check failed", metadata: ["error": "\(error)"])
                bridge.send(ServiceError(.internalServerError, "internal", "the check stopped: \(error)").json)
            }
            metrics.decisions(endpoint: "/v1/check", counts: counts.labelled)
            bridge.finish()
        }
        return Response(status: .ok, headers: [.contentType: "application/x-ndjson"], body: bridge.responseBody())
    }
}
