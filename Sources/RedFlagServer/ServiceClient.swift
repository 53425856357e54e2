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

    /// Many parties streamed (`--input`): the input's bytes go to `POST /v1/screen/batch` as they
    /// are read, and each record the service answers is handed to `record` as it arrives, in
    /// input order. Neither the input nor the answer is ever held whole.
    /// `waiting` runs whenever the next record is not there yet (to flush what was printed).
    public func screenBatch(streaming input: any ByteReading, inputName: String,
                            record: (RemoteRecord) throws -> Void, waiting: () throws -> Void = {}) throws {
        var headers = [("Content-Type", "application/x-ndjson"), ("Accept", "application/x-ndjson")]
        if let apiKey { headers.append(("Authorization", "Bearer \(apiKey)")) }
        let stream = try BatchStream(url: baseURL.appendingPathComponent("v1/screen/batch"), headers: headers,
                                     input: input, inputName: inputName, idleTimeout: timeout)
        defer { stream.close() }
        do {
            while let line = try stream.nextLine(beforeWaiting: waiting) {
                let decoded = try Self.decode(record: line)
                try record(RemoteRecord(text: line, record: decoded.record, snapshots: decoded.snapshots))
            }
        } catch let failure as BatchStream.Failure {
            throw error(status: failure.status, body: Data(failure.body.utf8))
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
        guard response.statusCode == 200 else { throw Self.error(status: response.statusCode, body: data, server: where_) }
        return data
    }

    /// A refused request as the CLI's error (and so its exit code): 400 is the caller's input,
    /// 401 the key, 503 a service without lists.
    func error(status: Int, body: Data) -> RedFlagError {
        Self.error(status: status, body: body, server: baseURL.absoluteString)
    }

    static func error(status: Int, body: Data, server: String) -> RedFlagError {
        let message = errorMessage(body) ?? "HTTP \(status)"
        switch status {
        case 400: return .usage("the service refused the request: \(message)")
        case 401: return .usage("the service refused the API key (set REDFLAG_API_KEY): \(message)")
        case 503: return .noLists("the service has no lists: \(message)")
        default: return .download(source: "service", url: server, reason: message)
        }
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
