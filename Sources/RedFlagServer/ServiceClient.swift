import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RedFlagCore
import RedFlagKit
import RedFlagLists

/// The client side of the service for `redflag screen --server URL`: a desk without local lists
/// asks the team's service and prints what local screening would print. The records come back
/// as the service's JSON and are decoded into the same `ScreeningOutputRecord`s the local writers
/// print, so every output format works remotely.
public struct ServiceClient: Sendable {
    public let baseURL: URL
    /// Sent as `Authorization: Bearer KEY` (from `$REDFLAG_API_KEY`).
    public let apiKey: String?
    public let timeout: TimeInterval

    /// `server` is the service's base URL (`http://host:8080`, or behind a proxy `https://…/redflag`).
    public init(server: String, apiKey: String?, timeout: TimeInterval = 300) throws {
        guard let url = URL(string: server), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil else {
            throw RedFlagError.usage("--server \(server): give the service's URL, e.g. http://127.0.0.1:8080")
        }
        baseURL = url
        self.apiKey = apiKey.flatMap { $0.isEmpty ? nil : $0 }
        self.timeout = timeout
    }

    /// One record as the service sent it (`text`, one JSON line without its newline) and decoded.
    public struct RemoteRecord: Sendable {
        public var text: String
        public var record: ScreeningOutputRecord
        /// The lists it was screened against (source, sha256, publication date only).
        public var snapshots: [ListSnapshot]
    }

    /// One party: the record `POST /v1/screen` returns.
    public func screen(_ query: ScreeningQuery) throws -> RemoteRecord {
        var j = JSONText()
        j.beginObject()
        j.string("name", query.name)
        j.string("address", query.address)
        j.string("country", query.country)
        j.string("type", query.type?.rawValue)
        j.string("dob", query.dateOfBirth)
        j.endObject()
        let body = try send(path: "v1/screen", body: Data(j.text.utf8), contentType: "application/json")
        let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .newlines)
        let decoded = try Self.decode(record: text)
        return RemoteRecord(text: text, record: decoded.record, snapshots: decoded.snapshots)
    }

    /// Many parties (`--input`): the file's bytes go to `POST /v1/screen/batch` as they are (the
    /// service reads CSV, JSON Lines or one name per line as `screen --input` does); one decoded
    /// record per input record comes back, in order.
    public func screenBatch(_ input: Data) throws -> [RemoteRecord] {
        let body = try send(path: "v1/screen/batch", body: input, contentType: "application/x-ndjson")
        return try String(decoding: body, as: UTF8.self).split(separator: "\n").filter { !$0.isEmpty }.map { line in
            let decoded = try Self.decode(record: String(line))
            return RemoteRecord(text: String(line), record: decoded.record, snapshots: decoded.snapshots)
        }
    }

    private func send(path: String, body: Data, contentType: String) throws -> Data {
        var request = URLRequest(url: baseURL.appendingPathComponent(path), timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        if let apiKey { request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }
        let outcome = Outcome()
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            outcome.set(data: data, response: response as? HTTPURLResponse, error: error)
        }
        task.resume()
        let (data, response, error) = outcome.wait()
        let where_ = baseURL.absoluteString
        guard let response, let data else {
            throw RedFlagError.download(source: "service", url: where_, reason: error.map { "\($0.localizedDescription)" } ?? "no response")
        }
        guard response.statusCode == 200 else {
            let message = Self.errorMessage(data) ?? "HTTP \(response.statusCode)"
            switch response.statusCode {
            case 400: throw RedFlagError.usage("the service refused the request: \(message)")
            case 401: throw RedFlagError.usage("the service refused the API key (set REDFLAG_API_KEY): \(message)")
            case 503: throw RedFlagError.noLists("the service has no lists: \(message)")
            default: throw RedFlagError.download(source: "service", url: where_, reason: message)
            }
        }
        return data
    }

    /// The `message` of a service error body.
    static func errorMessage(_ data: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let error = object["error"] as? [String: Any] else { return nil }
        return error["message"] as? String
    }

    private final class Outcome: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var value: (Data?, HTTPURLResponse?, (any Error)?) = (nil, nil, nil)
        func set(data: Data?, response: HTTPURLResponse?, error: (any Error)?) {
            value = (data, response, error)
            done.signal()
        }
        func wait() -> (Data?, HTTPURLResponse?, (any Error)?) {
            done.wait()
            return value
        }
    }

    // MARK: - Decoding the service's records

    private struct WireQuery: Decodable {
        var name: String
        var address: String?
        var country: String?
        var type: PartyType?
        var dob: String?
    }

    private struct WireList: Decodable {
        var source: ListSource
        var sha256: String
        var published: String?
    }

    private struct WireResult: Decodable {
        var line: Int?
        var query: WireQuery
        var decision: Decision
        var matches: [ScreeningMatch]
        var lists: [WireList]
    }

    /// One record of the service (the `ScreeningJSON` form) back into the output record and the
    /// lists it was screened against.
    public static func decode(record text: String) throws -> (record: ScreeningOutputRecord, snapshots: [ListSnapshot]) {
        let data = Data(text.utf8)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw RedFlagError.badData(path: "service response", location: nil, message: "not a JSON object: \(text.prefix(200))")
        }
        if let error = object["error"] as? [String: Any] {
            let input = (object["input"] as? [String: Any] ?? [:]).keys.sorted().map { key in
                (key: key, value: (object["input"] as? [String: Any])?[key].map { "\($0)" } ?? "")
            }
            return (.error(InputRecordError(line: error["line"] as? Int ?? 0, message: error["message"] as? String ?? "", input: input)), [])
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let wire: WireResult
        do {
            wire = try decoder.decode(WireResult.self, from: data)
        } catch {
            throw RedFlagError.badData(path: "service response", location: nil, message: "unexpected record: \(error)")
        }
        let query = ScreeningQuery(name: wire.query.name, address: wire.query.address, country: wire.query.country,
                                   type: wire.query.type, dateOfBirth: wire.query.dob)
        // Only what the records carry: the writers print source, date and hash (the format is not sent).
        let snapshots = wire.lists.map {
            ListSnapshot(source: $0.source, format: .cslCSV, sha256: $0.sha256, publicationDate: $0.published, files: [],
                         recordCount: 0, nameCount: 0, warnings: [:], importedAt: nil)
        }
        return (.result(ScreeningResult(query: query, decision: wire.decision, matches: wire.matches), line: wire.line), snapshots)
    }
}
