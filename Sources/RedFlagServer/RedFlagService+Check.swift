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
    /// `POST /v1/check`: an order export (CSV with a header row, or JSON Lines with the same
    /// column names: `OrderInput`) → the JSON Lines records of `redflag check --format jsonl`, one
    /// per order line in input order, streamed both ways (`OrderCheckRunner`, the code of
    /// `redflag check`). The order history is the service's store; the request is one audit run.
    func check(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let lists = try await provider.context()
        let rules = provider.rules
        let bridge = StreamBridge()
        bridge.feed(request.body)
        let maxRecordBytes = configuration.maxRecordBytes
        let reader = try await bridge.open { source in
            UncheckedBox(try OrderInput.reader(source: source, maxRecordBytes: maxRecordBytes))
        }
        let output = CheckOutputFormat(kind: .jsonl, rules: rules, context: lists,
                                       passthroughNames: reader.value.header.passthrough.map(\.name))
        let run = try PipelineRun.begin(
            info: .check(rules: rules, policy: lists.settings.checkPolicy, context: lists, inputPath: "POST /v1/check",
                          user: context.user ?? localUser),
            settings: configuration.pipeline, stores: stores, screener: lists.checkScreener, installSignalHandlers: false)
        let runner = UncheckedBox(OrderCheckRunner(rules: rules, context: lists, history: try stores.orderHistory(create: true),
                                                   allowList: run.allowList))
        bridge.run(run: run, endpoint: "/v1/check", metrics: metrics, logger: logger) {
            let counts = try runner.value.run(
                reader: reader.value,
                processor: OrderedBatchProcessor(chunkSize: Self.streamChunk),
                render: { output.render($0) },
                emit: { rows in
                    guard bridge.send(rows.map(\.text).joined()) else { return }
                    try run.recordChecked(rows, output: output)
                },
                shouldStop: { bridge.isStopped })
            return (counts, OrderCheckRunner.exitCode(for: counts))
        }
        return Response(status: .ok, headers: [.contentType: "application/x-ndjson"], body: bridge.responseBody())
    }
}
