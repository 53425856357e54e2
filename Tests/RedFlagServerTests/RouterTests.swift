import Foundation
import Hummingbird
import HummingbirdTesting
import RedFlagCore
import RedFlagKit
import RedFlagLists
import RedFlagMatching
import RedFlagStorage
import Testing
@testable import RedFlagServer

/// Every endpoint and every error of the service, through its router in-process.
@Suite("redflag serve: router")
struct RouterTests {
    static let json: HTTPFields = [.contentType: "application/json"]

    @Test("POST /v1/screen returns the record local screening encodes, STOP for a listed name")
    func screenMatchesLocal() async throws {
        let directory = ServiceFixtures.temporaryDirectory()
        let service = try ServiceFixtures.service(directory: directory)
        let name = "Zhongshan Everlight Microelectronics Co., Ltd."
        try await ServiceFixtures.test(service) { client in
            try await client.execute(uri: "/v1/screen", method: .post, headers: Self.json,
                                     body: ByteBuffer(string: #"{"name": "\#(name)", "country": "China"}"#)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let o = jsonObject(response.body)
                #expect(o["decision"] as? String == "STOP")
                // The same engine over the same store, encoded by the same encoder.
                let engine = try ScreeningEngine.open(dataDirectory: DataDirectory(url: directory), listPaths: [], configuration: .default)
                let local = ScreeningJSON(snapshots: engine.snapshots).encode(
                    .result(engine.screen(ScreeningQuery(name: name, country: "CN")), line: nil))
                #expect(response.body.text == local + "\n")
            }
        }
    }

    @Test("HOLD and CLEAR come back as decided by the policy")
    func holdAndClear() async throws {
        let service = try ServiceFixtures.service()
        try await ServiceFixtures.test(service) { client in
            for (name, decision) in [("Sunrise Horizon Electronics Trading FZE", "HOLD"), ("Everbright Trading Co., Ltd.", "CLEAR")] {
                try await client.execute(uri: "/v1/screen", method: .post, headers: Self.json,
                                         body: ByteBuffer(string: #"{"name": "\#(name)"}"#)) { response in
                    #expect(response.status == .ok)
                    #expect(jsonObject(response.body)["decision"] as? String == decision, "\(name)")
                }
            }
        }
    }

    @Test("bad requests are 400 with a JSON error naming what is wrong", arguments: [
        ("{not json", "invalid_json"),
        ("", "invalid_json"),
        ("[1, 2]", "bad_request"),
        (#"{"name": "   "}"#, "empty_name"),
        (#"{"address": "Dubai"}"#, "empty_name"),
        (#"{"name": "Acme", "country": "Atlantis"}"#, "unknown_country"),
        (#"{"name": "Acme", "type": "spaceship"}"#, "unknown_type"),
        (#"{"name": "Acme", "dob": "not a date"}"#, "bad_date_of_birth"),
        (#"{"name": 42}"#, "bad_request"),
    ])
    func badRequests(body: String, code: String) async throws {
        let service = try ServiceFixtures.service()
        try await ServiceFixtures.test(service) { client in
            try await client.execute(uri: "/v1/screen", method: .post, headers: Self.json, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/json")
                #expect(errorCode(response.body) == code, "\(body): \(response.body.text)")
                let message = (jsonObject(response.body)["error"] as? [String: Any])?["message"] as? String
                #expect(!(message ?? "").isEmpty)
            }
        }
    }

    @Test("a body over the limit is 400 body_too_large, and the service answers the next request")
    func bodyTooLarge() async throws {
        let service = try ServiceFixtures.service(maxBodyBytes: 2_048)
        try await ServiceFixtures.test(service) { client in
            let big = #"{"name": "\#(String(repeating: "A", count: 5_000))"}"#
            try await client.execute(uri: "/v1/screen", method: .post, headers: Self.json, body: ByteBuffer(string: big)) { response in
                #expect(response.status == .badRequest)
                #expect(errorCode(response.body) == "body_too_large")
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("POST /v1/screen/batch: one record per input line, in order, an error record for a bad line")
    func batch() async throws {
        let service = try ServiceFixtures.service()
        let body = """
            {"name": "Zhongshan Everlight Microelectronics Co., Ltd."}
            {"name": "Acme", "country": "Atlantis"}
            not json at all {
            {"name": "Everbright Trading Co., Ltd."}

            """
        try await ServiceFixtures.test(service) { client in
            try await client.execute(uri: "/v1/screen/batch", method: .post, headers: [.contentType: "application/x-ndjson"],
                                     body: ByteBuffer(string: body)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/x-ndjson")
                let lines = response.body.text.split(separator: "\n").map { jsonObject(ByteBuffer(string: String($0))) }
                try #require(lines.count == 4)
                #expect(lines[0]["decision"] as? String == "STOP")
                #expect(lines[0]["line"] as? Int == 1)
                #expect((lines[1]["error"] as? [String: Any])?["message"] as? String == "unknown country \"Atlantis\"")
                #expect((lines[1]["error"] as? [String: Any])?["line"] as? Int == 2)
                #expect((lines[2]["error"] as? [String: Any])?["message"] as? String == "invalid JSON")
                #expect(lines[3]["decision"] as? String == "CLEAR")
            }
        }
    }

    @Test("POST /v1/screen/batch reads CSV with a header and one name per line too, as screen --input does")
    func batchLayouts() async throws {
        let service = try ServiceFixtures.service()
        try await ServiceFixtures.test(service) { client in
            let csv = "id,customer_name,country\n1,Zhongshan Everlight Microelectronics Co.,CN\n2,Everbright Trading Co.,Narnia\n"
            try await client.execute(uri: "/v1/screen/batch", method: .post, body: ByteBuffer(string: csv)) { response in
                #expect(response.status == .ok)
                let lines = response.body.text.split(separator: "\n").map { jsonObject(ByteBuffer(string: String($0))) }
                try #require(lines.count == 2)
                #expect(lines[0]["decision"] as? String == "STOP")
                #expect((lines[1]["error"] as? [String: Any])?["message"] as? String == "unknown country \"Narnia\"")
            }
            try await client.execute(uri: "/v1/screen/batch", method: .post,
                                     body: ByteBuffer(string: "Sunrise Horizon Electronics Trading FZE\n\nEverbright Trading\n")) { response in
                let decisions = response.body.text.split(separator: "\n").map { jsonObject(ByteBuffer(string: String($0)))["decision"] as? String }
                #expect(decisions == ["HOLD", "CLEAR"])
            }
        }
    }

    @Test("POST /v1/check: the check JSON Lines records, one per order line")
    func check() async throws {
        let service = try ServiceFixtures.service()
        let csv = try String(contentsOf: ServiceFixtures.fixture("orders/scenario.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").count - 1
        try await ServiceFixtures.test(service) { client in
            try await client.execute(uri: "/v1/check", method: .post, headers: [.contentType: "text/csv"],
                                     body: ByteBuffer(string: csv)) { response in
                #expect(response.status == .ok)
                let records = response.body.text.split(separator: "\n").map { jsonObject(ByteBuffer(string: String($0))) }
                #expect(records.count == rows)
                #expect(records.contains { $0["decision"] as? String == "STOP" })
                #expect(records.allSatisfy { $0["order_id"] != nil || $0["error"] != nil })
            }
            try await client.execute(uri: "/v1/check", method: .post, body: ByteBuffer(string: "")) { response in
                #expect(response.status == .badRequest)
                #expect(errorCode(response.body) == "bad_input")
            }
        }
    }

    @Test("POST /v1/check reads a JSON Lines order export too, with the same records as its CSV form")
    func checkJSONLines() async throws {
        let service = try ServiceFixtures.service()
        let csv = try String(contentsOf: ServiceFixtures.fixture("orders/scenario.csv"), encoding: .utf8)
        // The same export as JSON Lines objects: header names as keys, the cells as strings.
        let rows = try CSVReader(data: Data(csv.utf8), path: "scenario.csv").readAll()
        let header = try #require(rows.first).fields
        let jsonl = try rows.dropFirst().map { row -> String in
            let object = Dictionary(uniqueKeysWithValues: zip(header, row.fields).map { ($0, $1) })
            return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }.joined(separator: "\n") + "\n"
        // Two services (two data directories): the second check must not see the first's order history.
        let other = try ServiceFixtures.service()
        let fromCSV = try await Application(router: other.router(), logger: ServiceFixtures.logger).test(.router) { client in
            try await client.execute(uri: "/v1/check", method: .post, body: ByteBuffer(string: csv)) { response in
                response.body.text.split(separator: "\n").map { (jsonObject(ByteBuffer(string: String($0)))["decision"] as? String) ?? "-" }
            }
        }
        try await ServiceFixtures.test(service) { client in
            let fromJSONL = try await client.execute(uri: "/v1/check", method: .post, headers: [.contentType: "application/x-ndjson"],
                                                     body: ByteBuffer(string: jsonl)) { response in
                #expect(response.status == .ok)
                return response.body.text.split(separator: "\n").map { (jsonObject(ByteBuffer(string: String($0)))["decision"] as? String) ?? "-" }
            }
            #expect(fromJSONL.count == rows.count - 1)
            #expect(fromJSONL == fromCSV)
        }
    }

    @Test("GET /v1/lists, /v1/rules, /v1/rules/{id}; an unknown id or path is a JSON 404")
    func info() async throws {
        let directory = ServiceFixtures.temporaryDirectory()
        let service = try ServiceFixtures.service(directory: directory)
        try await ServiceFixtures.test(service) { client in
            try await client.execute(uri: "/v1/lists", method: .get) { response in
                #expect(response.status == .ok)
                let o = jsonObject(response.body)
                // The snapshot by its folder's name, not the server's path to it.
                let store = o["store"] as? String ?? "/"
                #expect(!store.isEmpty && !store.contains("/"), "\(store)")
                #expect(!response.body.text.contains(directory.path))
                let sources = (o["sources"] as? [[String: Any]] ?? []).compactMap { $0["source"] as? String }
                #expect(Set(sources) == ["CSL", "OFAC-SDN"])
                #expect(o["stale"] as? [String] != nil)
            }
            let firstID = try await client.execute(uri: "/v1/rules", method: .get) { response in
                #expect(response.status == .ok)
                let flags = jsonObject(response.body)["flags"] as? [[String: Any]] ?? []
                #expect(flags.count > 10)
                return flags.first?["id"] as? String ?? ""
            }
            try await client.execute(uri: "/v1/rules/\(firstID.lowercased())", method: .get) { response in
                #expect(response.status == .ok)
                let flag = jsonObject(response.body)["flag"] as? [String: Any]
                #expect(flag?["id"] as? String == firstID)
                #expect(jsonObject(response.body)["status"] as? String != nil)
            }
            try await client.execute(uri: "/v1/rules/NO-SUCH-FLAG", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(errorCode(response.body) == "unknown_rule")
            }
            try await client.execute(uri: "/v1/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(errorCode(response.body) == "not_found")
            }
        }
    }

    @Test("/healthz is 503 without lists (and /v1/screen says no_lists), 200 once lists are imported")
    func health() async throws {
        let directory = ServiceFixtures.temporaryDirectory()
        let service = try ServiceFixtures.service(lists: [], directory: directory)
        try await ServiceFixtures.test(service) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(jsonObject(response.body)["status"] as? String == "no_lists")
                #expect(!response.body.text.contains(directory.path), "the server's folders are not the caller's business")
            }
            try await client.execute(uri: "/v1/screen", method: .post, body: ByteBuffer(string: #"{"name":"Acme"}"#)) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(errorCode(response.body) == "no_lists")
                #expect(!response.body.text.contains(directory.path))
            }
            try ServiceFixtures.importLists(["csl.csv"], into: directory)
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(jsonObject(response.body)["status"] as? String == "ok")
            }
        }
    }

    @Test("lists swap without a restart: after an import the next request uses the new snapshot")
    func listSwap() async throws {
        let directory = ServiceFixtures.temporaryDirectory()
        let service = try ServiceFixtures.service(lists: ["csl.csv"], directory: directory)
        let name = #"{"name": "Zhongshan Everlight Microelectronics Co., Ltd."}"#
        try await ServiceFixtures.test(service) { client in
            let before = try await client.execute(uri: "/v1/screen", method: .post, body: ByteBuffer(string: name)) { response in
                (jsonObject(response.body)["lists"] as? [[String: Any]] ?? []).compactMap { $0["source"] as? String }
            }
            #expect(before == ["CSL"])
            try ServiceFixtures.importLists(["ofac-sdn.xml"], into: directory)
            try await client.execute(uri: "/v1/screen", method: .post, body: ByteBuffer(string: name)) { response in
                let o = jsonObject(response.body)
                let after = (o["lists"] as? [[String: Any]] ?? []).compactMap { $0["source"] as? String }
                #expect(Set(after) == ["CSL", "OFAC-SDN"])
                #expect(o["decision"] as? String == "STOP")
            }
        }
    }

    @Test("GET /metrics: requests, latencies, decisions and list age in Prometheus text")
    func metrics() async throws {
        let service = try ServiceFixtures.service()
        try await ServiceFixtures.test(service) { client in
            try await client.execute(uri: "/v1/screen", method: .post,
                                     body: ByteBuffer(string: #"{"name":"Zhongshan Everlight Microelectronics Co., Ltd."}"#)) { _ in }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = response.body.text
                #expect(text.contains(#"redflag_http_requests_total{endpoint="/v1/screen",method="POST",status="200"} 1"#))
                #expect(text.contains("redflag_http_request_duration_seconds_bucket"))
                #expect(text.contains(#"redflag_decisions_total{endpoint="/v1/screen",decision="stop"} 1"#))
                #expect(text.contains(#"redflag_list_age_days{source="OFAC-SDN"}"#))
                #expect(text.contains(#"redflag_list_stale{source="CSL"} 1"#))
            }
        }
    }

    @Test("GET /openapi.json is OpenAPI 3.1 with every endpoint and the record schemas")
    func openAPI() async throws {
        let service = try ServiceFixtures.service(lists: [])
        try await ServiceFixtures.test(service) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                let o = jsonObject(response.body)
                #expect(o["openapi"] as? String == "3.1.0")
                let paths = Set((o["paths"] as? [String: Any] ?? [:]).keys)
                #expect(paths == ["/v1/screen", "/v1/screen/batch", "/v1/check", "/v1/lists", "/v1/rules", "/v1/rules/{id}",
                                  "/healthz", "/metrics", "/openapi.json"])
                let schemas = ((o["components"] as? [String: Any])?["schemas"] as? [String: Any]) ?? [:]
                for name in ["ScreenResult", "ScreenMatch", "ScreenRecord", "CheckRecord", "CheckChecked", "Error", "ListsStatus"] {
                    #expect(schemas[name] != nil, "\(name)")
                }
                // Every reference points at a schema that exists.
                let text = response.body.text
                let refs = text.matches(of: /"#\/components\/schemas\/([A-Za-z_]+)"/).map { String($0.output.1) }
                #expect(!refs.isEmpty)
                for ref in Set(refs) { #expect(schemas[ref] != nil, "dangling $ref \(ref)") }
            }
        }
    }
}
