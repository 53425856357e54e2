import Foundation
import RedFlagCore

/// The OpenAPI 3.1 description of the service (`GET /openapi.json`). The paths are written here by
/// hand; the screen and check records are the project's own JSON Schemas
/// (`Lists/schemas/*.schema.json`, the CLI's output contract), moved under
/// `components/schemas` with their `$defs` references rewritten, so the service and the CLI are
/// described by the same schema text.
public enum OpenAPIDocument {
    /// The document as JSON (built once).
    public static let json: String = build()

    static func build() -> String {
        guard var document = try? JSONSerialization.jsonObject(with: Data(base.utf8)) as? [String: Any],
              var components = document["components"] as? [String: Any],
              var schemas = components["schemas"] as? [String: Any] else {
            preconditionFailure("the OpenAPI base document is not valid JSON")
        }
        for (file, prefix) in [("schemas/screen-result.schema.json", "Screen"), ("schemas/check-result.schema.json", "Check")] {
            guard let data = try? ProjectData.data(file),
                  let schema = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                preconditionFailure("project data \(file) is missing or not JSON")
            }
            for (name, definition) in schema["$defs"] as? [String: Any] ?? [:] {
                schemas[prefix + upperFirst(name)] = rewriteReferences(definition, prefix: prefix)
            }
            var record = schema
            record["$defs"] = nil
            record["$schema"] = nil
            record["$id"] = nil
            schemas[prefix + "Record"] = rewriteReferences(record, prefix: prefix)
        }
        components["schemas"] = schemas
        document["components"] = components
        document["info"] = (document["info"] as? [String: Any] ?? [:]).merging(["version": BuildInfo.version]) { $1 }
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func upperFirst(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// `#/$defs/match` → `#/components/schemas/ScreenMatch`, everywhere in a schema.
    static func rewriteReferences(_ value: Any, prefix: String) -> Any {
        if var object = value as? [String: Any] {
            for (key, inner) in object {
                if key == "$ref", let ref = inner as? String, ref.hasPrefix("#/$defs/") {
                    object[key] = "#/components/schemas/" + prefix + upperFirst(String(ref.dropFirst("#/$defs/".count)))
                } else {
                    object[key] = rewriteReferences(inner, prefix: prefix)
                }
            }
            return object
        }
        if let array = value as? [Any] { return array.map { rewriteReferences($0, prefix: prefix) } }
        return value
    }

    /// Paths, parameters, error and status schemas, written by hand.
    static let base = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "redflag service",
        "description": "Export-control screening over HTTP: restricted-party screening of one name or a stream of names, BIS red-flag checks of order exports, the lists in service and the red-flag catalog. The same library as the `redflag` CLI: a name gets the same record from both. With an API keys file every /v1 request needs `Authorization: Bearer KEY`.",
        "license": { "name": "Apache-2.0", "identifier": "Apache-2.0" },
        "version": "0"
      },
      "servers": [ { "url": "/" } ],
      "paths": {
        "/v1/screen": {
          "post": {
            "operationId": "screen",
            "summary": "Screen one party",
            "description": "The record `redflag screen NAME --format json` prints. A match at or above a list's strong threshold on a barring list is STOP, any other match at or above the review threshold is HOLD, else CLEAR.",
            "security": [ { "bearer": [] } ],
            "requestBody": {
              "required": true,
              "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ScreenRequest" } } }
            },
            "responses": {
              "200": { "description": "The screening record.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ScreenResult" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" },
              "401": { "$ref": "#/components/responses/Unauthorized" },
              "408": { "$ref": "#/components/responses/Timeout" },
              "503": { "$ref": "#/components/responses/NoLists" }
            }
          }
        },
        "/v1/screen/batch": {
          "post": {
            "operationId": "screenBatch",
            "summary": "Screen a stream of parties",
            "description": "JSON Lines in (one ScreenRequest object per line; CSV with a header, or one name per line, are read too, as `redflag screen --input` does), JSON Lines out: one ScreenRecord per input record, in input order, streamed. A record that cannot be screened (invalid JSON, empty name, unknown country…) gets an error record in its place and the batch goes on.",
            "security": [ { "bearer": [] } ],
            "requestBody": {
              "required": true,
              "content": {
                "application/x-ndjson": { "schema": { "type": "string" } },
                "text/csv": { "schema": { "type": "string" } },
                "text/plain": { "schema": { "type": "string" } }
              }
            },
            "responses": {
              "200": { "description": "One ScreenRecord (components/schemas/ScreenRecord) per line.", "content": { "application/x-ndjson": { "schema": { "type": "string" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" },
              "401": { "$ref": "#/components/responses/Unauthorized" },
              "503": { "$ref": "#/components/responses/NoLists" }
            }
          }
        },
        "/v1/check": {
          "post": {
            "operationId": "check",
            "summary": "Check an order export",
            "description": "An order export (CSV with a header row, or JSON Lines objects with the same column names, as `redflag check` reads) in; the JSON Lines records of `redflag check --format jsonl` out, one per order line, streamed. A line that cannot be read gets an error record.",
            "security": [ { "bearer": [] } ],
            "requestBody": {
              "required": true,
              "content": { "text/csv": { "schema": { "type": "string" } }, "application/x-ndjson": { "schema": { "type": "string" } } }
            },
            "responses": {
              "200": { "description": "One CheckRecord (components/schemas/CheckRecord) per line.", "content": { "application/x-ndjson": { "schema": { "type": "string" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" },
              "401": { "$ref": "#/components/responses/Unauthorized" },
              "503": { "$ref": "#/components/responses/NoLists" }
            }
          }
        },
        "/v1/lists": {
          "get": {
            "operationId": "lists",
            "summary": "The lists in service",
            "security": [ { "bearer": [] } ],
            "responses": {
              "200": { "description": "Sources, snapshots, age and staleness.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ListsStatus" } } } },
              "401": { "$ref": "#/components/responses/Unauthorized" },
              "503": { "$ref": "#/components/responses/NoLists" }
            }
          }
        },
        "/v1/rules": {
          "get": {
            "operationId": "rules",
            "summary": "The red-flag catalog",
            "security": [ { "bearer": [] } ],
            "responses": {
              "200": { "description": "Every flag (`redflag rules list --format json`).", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Rules" } } } },
              "401": { "$ref": "#/components/responses/Unauthorized" }
            }
          }
        },
        "/v1/rules/{id}": {
          "get": {
            "operationId": "rule",
            "summary": "One red flag",
            "security": [ { "bearer": [] } ],
            "parameters": [ { "name": "id", "in": "path", "required": true, "description": "Flag id, e.g. AC-02 (any case).", "schema": { "type": "string" } } ],
            "responses": {
              "200": { "description": "The flag and whether an order export can evaluate it (`redflag rules show ID --format json`).", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Rule" } } } },
              "401": { "$ref": "#/components/responses/Unauthorized" },
              "404": { "description": "No flag with this id.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
            }
          }
        },
        "/healthz": {
          "get": {
            "operationId": "health",
            "summary": "Liveness and readiness",
            "security": [],
            "responses": {
              "200": { "description": "Lists are loaded.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Health" } } } },
              "503": { "description": "No lists imported yet.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Health" } } } }
            }
          }
        },
        "/metrics": {
          "get": {
            "operationId": "metrics",
            "summary": "Prometheus metrics",
            "description": "redflag_http_requests_total, redflag_http_request_duration_seconds, redflag_decisions_total, redflag_list_age_days, redflag_list_stale, redflag_list_entries, redflag_lists_loaded_timestamp_seconds.",
            "security": [],
            "responses": { "200": { "description": "Prometheus text exposition format 0.0.4.", "content": { "text/plain": { "schema": { "type": "string" } } } } }
          }
        },
        "/openapi.json": {
          "get": {
            "operationId": "openapi",
            "summary": "This document",
            "security": [],
            "responses": { "200": { "description": "OpenAPI 3.1.", "content": { "application/json": { "schema": { "type": "object" } } } } }
          }
        }
      },
      "components": {
        "securitySchemes": {
          "bearer": { "type": "http", "scheme": "bearer", "description": "A key made by `redflag serve keys add NAME`; its name is the user in the audit trail." }
        },
        "responses": {
          "BadRequest": { "description": "What is wrong with the request (invalid_json, empty_name, unknown_country, unknown_type, bad_date_of_birth, body_too_large, bad_input).", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "Unauthorized": { "description": "No key, or an unknown key (only when the service runs with --api-keys).", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "Timeout": { "description": "The body did not arrive within the read timeout.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "NoLists": { "description": "No lists imported in the service's data directory.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
        },
        "schemas": {
          "ScreenRequest": {
            "type": "object",
            "required": ["name"],
            "properties": {
              "name": { "type": "string", "description": "The party's name; must hold a non-blank character." },
              "address": { "type": ["string", "null"] },
              "country": { "type": ["string", "null"], "description": "ISO 3166 code or English name; an unknown one is a 400." },
              "type": { "type": ["string", "null"], "description": "person, entity, vessel or aircraft (also the lists' spellings: individual, organization…)." },
              "dob": { "type": ["string", "null"], "description": "Date of birth: 1973-03-25, 1973, 25/03/1973…" }
            }
          },
          "Error": {
            "type": "object",
            "required": ["error"],
            "additionalProperties": false,
            "properties": {
              "error": {
                "type": "object",
                "required": ["status", "code", "message"],
                "additionalProperties": false,
                "properties": {
                  "status": { "type": "integer" },
                  "code": { "type": "string" },
                  "message": { "type": "string" }
                }
              }
            }
          },
          "Health": {
            "type": "object",
            "required": ["status", "version"],
            "properties": {
              "status": { "type": "string", "enum": ["ok", "no_lists"] },
              "version": { "type": "string" },
              "store": { "type": "string" },
              "sources": { "type": "integer", "minimum": 0 },
              "stale": { "type": "boolean" },
              "message": { "type": "string" }
            }
          },
          "ListsStatus": {
            "type": "object",
            "required": ["store", "storeID", "updatedAt", "maxAgeDays", "sources", "stale"],
            "additionalProperties": false,
            "properties": {
              "store": { "type": "string", "description": "The store folder on the service's machine." },
              "storeID": { "type": "string" },
              "updatedAt": { "type": "string", "format": "date-time" },
              "maxAgeDays": { "type": "integer", "minimum": 0 },
              "stale": { "type": "array", "items": { "type": "string" } },
              "sources": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": ["source", "format", "records", "names", "sha256", "stale", "files", "warnings"],
                  "additionalProperties": false,
                  "properties": {
                    "source": { "type": "string" },
                    "format": { "type": "string" },
                    "records": { "type": "integer", "minimum": 0 },
                    "names": { "type": "integer", "minimum": 0 },
                    "publicationDate": { "type": "string" },
                    "sha256": { "type": "string" },
                    "importedAt": { "type": "string", "format": "date-time" },
                    "ageDays": { "type": "integer" },
                    "stale": { "type": "boolean" },
                    "files": { "type": "array", "items": { "type": "string" } },
                    "warnings": { "type": "object", "additionalProperties": { "type": "integer" } }
                  }
                }
              }
            }
          },
          "Rule": {
            "type": "object",
            "required": ["configuration", "status", "flag"],
            "additionalProperties": false,
            "properties": {
              "configuration": { "type": "string" },
              "status": { "type": "string", "enum": ["checked", "not evaluable", "disabled"] },
              "flag": { "$ref": "#/components/schemas/Flag" }
            }
          },
          "Rules": {
            "type": "object",
            "required": ["configuration", "flags"],
            "additionalProperties": false,
            "properties": {
              "configuration": { "type": "string" },
              "flags": { "type": "array", "items": { "$ref": "#/components/schemas/Flag" } }
            }
          },
          "Flag": {
            "type": "object",
            "required": ["id", "title", "family", "concern", "source", "severity", "fields", "thresholds", "terms", "description", "questions", "evaluable", "enabled"],
            "properties": {
              "id": { "type": "string" },
              "title": { "type": "string" },
              "family": { "type": "string" },
              "concern": { "type": "string" },
              "source": { "type": "object", "required": ["document", "date", "url"], "properties": { "document": { "type": "string" }, "date": { "type": "string" }, "url": { "type": "string" } } },
              "severity": { "type": "string" },
              "strongSeverity": { "type": "string" },
              "fields": { "type": "array", "items": { "type": "string" } },
              "thresholds": { "type": "object", "additionalProperties": { "type": "number" } },
              "terms": { "type": "object", "additionalProperties": { "type": "array", "items": { "type": "string" } } },
              "description": { "type": "string" },
              "questions": { "type": "array", "items": { "type": "string" } },
              "evaluable": { "type": "boolean" },
              "needs": { "type": "string" },
              "enabled": { "type": "boolean" }
            }
          }
        }
      }
    }
    """#
}
