import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RedFlagCore
import RedFlagKit
import RedFlagLists
import RedFlagRules

extension RedFlagService {
    /// `GET /healthz`: 200 `{"status":"ok"}` with the store in service, 503 `{"status":"no_lists"}`
    /// while nothing is imported (a load balancer keeps traffic away until lists exist).
    func health() async throws -> Response {
        do {
            let lists = try await provider.context()
            var j = JSONText()
            j.beginObject()
            j.string("status", "ok")
            j.string("version", BuildInfo.description)
            j.number("sources", lists.snapshots.count)
            j.bool("stale", lists.snapshots.contains { $0.isStale(maxAgeDays: configuration.maxAgeDays) })
            j.endObject()
            return Self.json(j.text + "\n")
        } catch let error as RedFlagError {
            var j = JSONText()
            j.beginObject()
            j.string("status", "no_lists")
            j.string("version", BuildInfo.description)
            j.string("message", ServiceError.forCaller(error.description, dataDirectory: configuration.dataDirectory.url.path))
            j.endObject()
            return Self.json(j.text + "\n", status: .serviceUnavailable)
        }
    }

    /// `GET /metrics`: Prometheus text exposition.
    func metricsResponse() async -> Response {
        // Picks up a new store too, so list age is current even when no screening request came.
        _ = try? await provider.context()
        metrics.lists(await provider.loaded, maxAgeDays: configuration.maxAgeDays)
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: metrics.text())))
    }

    /// `GET /v1/lists`: the lists in service (sources, snapshots, age, stale): the document of
    /// `redflag lists status --format json`, with the store named by its folder only.
    func lists() async throws -> Response {
        _ = try await provider.context()
        let report = try ListsStatusReport.load(dataDirectory: configuration.dataDirectory, maxAgeDays: configuration.maxAgeDays)
        return Self.document(try report.withoutServerPaths().json())
    }

    /// `GET /v1/rules`: the red-flag catalog in force (`redflag rules list --format json`).
    func rules() throws -> Response {
        Self.document(try RuleListDocument(catalog: provider.rules.catalog).json())
    }

    /// `GET /v1/rules/{id}`: one flag (`redflag rules show ID --format json`); 404 naming the id
    /// when there is none.
    func rule(id: String) throws -> Response {
        guard provider.rules.catalog[id.uppercased()] != nil else {
            throw ServiceError(.notFound, "unknown_rule", "unknown flag id \"\(id)\" (GET /v1/rules lists them)")
        }
        return Self.document(try RuleDocument(catalog: provider.rules.catalog, id: id).json())
    }

    static func document(_ bytes: [UInt8]) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
