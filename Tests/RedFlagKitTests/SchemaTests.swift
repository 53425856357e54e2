import Foundation
import Testing

@Suite struct SchemaTests {
    static let schemas = PipelineFixtures.packageRoot.appendingPathComponent("Lists/schemas")
    static func fixture(_ path: String) -> String { PipelineFixtures.packageRoot.appendingPathComponent("Fixtures/\(path)").path }

    func validator(_ name: String) throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schemaURL: Self.schemas.appendingPathComponent(name))
    }

    // MARK: the validator itself

    static let sample = """
        {"type":"object","required":["a"],"additionalProperties":false,
         "properties":{"a":{"type":"integer","minimum":1},"b":{"$ref":"#/$defs/kind"},
                       "c":{"type":"array","items":{"type":["string","null"]}},
                       "d":{"anyOf":[{"type":"null"},{"$ref":"#/$defs/obj"}]}},
         "$defs":{"kind":{"type":"string","enum":["x","y"]},
                  "obj":{"type":"object","required":["r"],"properties":{"r":{"type":"boolean"}},"additionalProperties":{"type":"number"}}}}
        """

    @Test func validatorAcceptsValidInstances() throws {
        let v = try JSONSchemaValidator(schema: Self.sample)
        #expect(v.validate(json: #"{"a":1}"#).isEmpty)
        #expect(v.validate(json: #"{"a":3,"b":"y","c":["s",null],"d":null}"#).isEmpty)
        #expect(v.validate(json: #"{"a":3,"d":{"r":true,"extra":2.5}}"#).isEmpty)
    }

    @Test func validatorRejectsEachKindOfViolation() throws {
        let v = try JSONSchemaValidator(schema: Self.sample)
        let cases: [(String, String)] = [
            (#"{}"#, "missing required 'a'"),
            (#"{"a":1.5}"#, "expected integer"),
            (#"{"a":0}"#, "below"),
            (#"{"a":true}"#, "expected integer, got boolean"),
            (#"{"a":"1"}"#, "expected integer, got string"),
            (#"{"a":1,"z":1}"#, "unexpected property 'z'"),
            (#"{"a":1,"b":"w"}"#, "not one of"),
            (#"{"a":1,"c":[1]}"#, "$.c[0]: expected string or null"),
            (#"{"a":1,"d":{"r":1}}"#, "matches no alternative"),
            (#"{"a":1,"d":{"r":true,"extra":"no"}}"#, "matches no alternative"),
            (#"[1]"#, "expected object"),
            (#"{"a":1,}"#, "not valid JSON"),
            (#"{"a":1}{"#, "not valid JSON"),
        ]
        for (json, expected) in cases {
            let errors = v.validate(json: json)
            #expect(errors.contains { $0.contains(expected) }, "\(json): \(errors)")
        }
    }

    @Test func validatorRefusesKeywordsItDoesNotCheck() {
        #expect(throws: JSONSchemaValidator.SchemaError.self) { try JSONSchemaValidator(schema: #"{"type":"string","pattern":"^a"}"#) }
        #expect(throws: JSONSchemaValidator.SchemaError.self) {
            try JSONSchemaValidator(schema: #"{"properties":{"a":{"oneOf":[]}}}"#)
        }
        #expect(throws: (any Error).self) { try JSONSchemaValidator(schema: #"{"$ref":"other.json#/x"}"#) }
    }

    @Test func schemaFilesLoad() throws {
        _ = try validator("screen-result.schema.json")
        _ = try validator("check-result.schema.json")
    }

    // MARK: real output

    static func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    @Test func screenBatchOutputMatchesTheSchema() throws {
        guard RedFlagBinary.executable != nil else { print("skipped: redflag binary not built"); return }
        let v = try validator("screen-result.schema.json")
        let dir = PipelineFixtures.temporaryDirectory()
        let names = dir.appendingPathComponent("names.csv")
        try Data("""
            name,country,address
            Shenzhen Velocity Compute Technology Co.,CN,
            Velocity Compute HK Limited,HK,"Unit 5, 18/F, Wing Tat Commercial Building, 97 Bonham Strand, Sheung Wan"
            Everbright Trading Co. Ltd.,DE,
            ,US,
            Arktos Freight Forwarding LLC,AE,

            """.utf8).write(to: names)
        let data = ["--data-dir", dir.path, "--lists", Self.fixture("lists/csl.csv")]
        // One allow-listed match so the `suppressed` object is exercised too.
        let listed = try RedFlagBinary.run(["screen", "Arktos Freight Forwarding LLC", "--format", "jsonl", "--quiet"] + data)
        let id = try #require(try TestJSON.parse(listed.stdout.split(separator: "\n")[0].description)["matches"].flatMap {
            if case .array(let m) = $0, case .string(let id)? = m.first?["id"] { return id } else { return nil }
        })
        let added = try RedFlagBinary.run(["allow", "add", "--query", "Arktos Freight Forwarding LLC", "--entry", id,
                                          "--reason", "schema test", "--by", "tester"] + data)
        #expect(added.status == 0, "\(added.stderr)")

        let r = try RedFlagBinary.run(["screen", "--input", names.path, "--format", "jsonl", "--quiet"] + data)
        let records = Self.lines(r.stdout)
        #expect(records.count == 5, "\(r.stderr)")
        for record in records {
            let errors = v.validate(json: record)
            #expect(errors.isEmpty, "\(record.prefix(300)): \(errors)")
        }
        #expect(records.contains { $0.contains("\"suppressed\":{") })
        #expect(records.contains { $0.hasPrefix("{\"error\"") })

        let single = try RedFlagBinary.run(["screen", "Velocity Compute HK Limited", "--country", "HK", "--format", "json", "--quiet"] + data)
        #expect(v.validate(json: single.stdout).isEmpty, "\(single.stdout.prefix(300))")
    }

    @Test func checkOutputMatchesTheSchema() throws {
        guard RedFlagBinary.executable != nil else { print("skipped: redflag binary not built"); return }
        let v = try validator("check-result.schema.json")
        let dir = PipelineFixtures.temporaryDirectory()
        let r = try RedFlagBinary.run(["check", Self.fixture("orders/scenario.csv"), "--lists", Self.fixture("lists/csl.csv"),
                                       "--data-dir", dir.path, "--format", "jsonl", "--quiet"])
        let records = Self.lines(r.stdout)
        #expect(records.count > 10, "\(r.stderr)")
        var sawMatch = false, sawError = false
        for record in records {
            let errors = v.validate(json: record)
            #expect(errors.isEmpty, "\(record.prefix(300)): \(errors)")
            sawMatch = sawMatch || record.contains("\"matched_name\"")
            sawError = sawError || record.contains("\"ERROR\"")
        }
        #expect(sawMatch)
        #expect(sawError)
    }
}
