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
            j.string("store", lists.manifest.storeID)
            j.number("sources", lists.snapshots.count)
            j.bool("stale", lists.snapshots.contains { $0.isStale(maxAgeDays: configuration.maxAgeDays) })
            j.endObject()
            return Self.json(j.text + "\n")
        } catch let error as RedFlagError {
            var j = JSONText()
            j.beginObject()
            j.string("status", "no_lists")
            j.string("version", BuildInfo.description)
            j.string("message", error.description)
            j.endObject()
            return Self.json(j.text + "\n", status: .serviceUnavailable)
        }
    }

    /// `GET /metrics`: Prometheus text exposition.
    func metricsResponse() async -> Response {
        // Picks up a new store too, so list age is current even when no screening request came.
        let lists = try? await provider.context()
        metrics.lists(lists, maxAgeDays: configuration.maxAgeDays)
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: metrics.text())))
    }

    /// One source as `GET /v1/lists` reports it (the fields of `redflag lists status --format json`).
    struct SourceStatus: Encodable {
        var source: ListSource
        var format: ListFormat
        var records: Int
        var names: Int
        var publicationDate: String?
        var sha256: String
        var importedAt: Date?
        var ageDays: Int?
        var stale: Bool
        var files: [String]
        var warnings: [String: Int]
    }

    struct ListsStatus: Encodable {
        var storeID: String
        var updatedAt: Date
        var loadedAt: Date
        var maxAgeDays: Int
        var sources: [SourceStatus]
        var stale: [ListSource]
    }

    /// `GET /v1/lists`: the lists in service (sources, snapshots, age, stale).
    func lists() async throws -> Response {
        let lists = try await provider.context()
        let now = Date()
        let maxAge = configuration.maxAgeDays
        let sources = lists.snapshots.map { s in
            SourceStatus(source: s.source, format: s.format, records: s.recordCount, names: s.nameCount,
                         publicationDate: s.publicationDate, sha256: s.sha256, importedAt: s.importedAt,
                         ageDays: s.ageInDays(now: now), stale: s.isStale(maxAgeDays: maxAge, now: now),
                         files: s.files, warnings: s.warnings)
        }
        return try Self.encoded(ListsStatus(storeID: lists.manifest.storeID, updatedAt: lists.manifest.createdAt,
                                            loadedAt: lists.loadedAt, maxAgeDays: maxAge, sources: sources,
                                            stale: sources.filter(\.stale).map(\.source)))
    }

    struct RulesOutput: Encodable {
        var configuration: String
        var flags: [FlagDefinition]
    }

    /// `GET /v1/rules`: the red-flag catalog in force (`redflag rules list --format json`).
    func rules() throws -> Response {
        try Self.encoded(RulesOutput(configuration: catalog.configuration, flags: catalog.flags))
    }

    /// `GET /v1/rules/{id}`: one flag; 404 naming the id when there is none.
    func rule(id: String) throws -> Response {
        guard let flag = catalog[id.uppercased()] else {
            throw ServiceError(.notFound, "unknown_rule", "unknown flag id \"\(id)\" (GET /v1/rules lists them)")
        }
        return try Self.encoded(flag)
    }

    static func encoded(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(value)
        data.append(UInt8(ascii: "\n"))
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
