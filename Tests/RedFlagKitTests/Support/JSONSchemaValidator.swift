import Foundation

/// A small JSON Schema validator for the subset redflag's schemas use: `type` (one or a list,
/// with `integer` and `null`), `properties`, `required`, `items`, `enum`, `const`,
/// `additionalProperties` (true, false or a schema), `anyOf`, `minimum`/`maximum` and `$ref` to
/// `#/$defs/…` or `#/definitions/…` inside the same file. Any other keyword in a schema is
/// refused, so a schema can never silently promise more than is checked.
struct JSONSchemaValidator {
    let root: TestJSON

    static let supportedKeywords: Set<String> = [
        "$schema", "$id", "$defs", "definitions", "title", "description", "type", "properties", "required", "items",
        "enum", "const", "additionalProperties", "anyOf", "minimum", "maximum", "$ref", "examples",
    ]

    struct SchemaError: Error, CustomStringConvertible {
        var description: String
    }

    init(schema text: String) throws {
        root = try TestJSON.parse(text)
        guard case .object = root else { throw SchemaError(description: "the schema is not a JSON object") }
        try Self.checkKeywords(root, path: "#")
    }

    init(schemaURL: URL) throws { try self.init(schema: try String(contentsOf: schemaURL, encoding: .utf8)) }

    private static func checkKeywords(_ schema: TestJSON, path: String) throws {
        guard case .object(let members) = schema else {
            if case .bool = schema { return }
            throw SchemaError(description: "\(path): a schema must be an object")
        }
        for (key, value) in members {
            guard supportedKeywords.contains(key) else { throw SchemaError(description: "\(path): unsupported keyword '\(key)'") }
            switch key {
            case "properties", "$defs", "definitions":
                guard case .object(let subs) = value else { throw SchemaError(description: "\(path)/\(key): not an object") }
                for (name, sub) in subs { try checkKeywords(sub, path: "\(path)/\(key)/\(name)") }
            case "items", "additionalProperties":
                try checkKeywords(value, path: "\(path)/\(key)")
            case "anyOf":
                guard case .array(let subs) = value else { throw SchemaError(description: "\(path)/anyOf: not an array") }
                for (i, sub) in subs.enumerated() { try checkKeywords(sub, path: "\(path)/anyOf/\(i)") }
            case "$ref":
                guard case .string(let ref) = value, ref.hasPrefix("#/") else {
                    throw SchemaError(description: "\(path): only local $ref (#/…) is supported")
                }
            default: break
            }
        }
    }

    /// Problems found in `instance`, each as `path: what is wrong`; empty when valid.
    func validate(_ instance: TestJSON) -> [String] {
        var errors: [String] = []
        check(instance, against: root, path: "$", errors: &errors)
        return errors
    }

    /// Problems found in one JSON text (a parse error is one problem).
    func validate(json: String) -> [String] {
        do { return validate(try TestJSON.parse(json)) } catch { return ["$: not valid JSON: \(error)"] }
    }

    private func resolve(_ ref: String) -> TestJSON? {
        var node: TestJSON? = root
        for part in ref.split(separator: "/").dropFirst() { node = node?[String(part)] }
        return node
    }

    private static func matches(_ value: TestJSON, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): return true
        case ("number", .number): return true
        case ("integer", .number(let n, _)): return n.rounded() == n
        default: return false
        }
    }

    private func check(_ value: TestJSON, against schema: TestJSON, path: String, errors: inout [String]) {
        if case .bool(let allowed) = schema {
            if !allowed { errors.append("\(path): not allowed") }
            return
        }
        if case .string(let ref)? = schema["$ref"] {
            guard let target = resolve(ref) else { errors.append("\(path): unresolvable $ref \(ref)"); return }
            check(value, against: target, path: path, errors: &errors)
        }
        if let type = schema["type"] {
            var types: [String] = []
            if case .string(let t) = type { types = [t] }
            if case .array(let list) = type { types = list.compactMap { if case .string(let t) = $0 { return t } else { return nil } } }
            if !types.contains(where: { Self.matches(value, type: $0) }) {
                errors.append("\(path): expected \(types.joined(separator: " or ")), got \(value.typeName)")
                return
            }
        }
        if case .array(let options)? = schema["enum"], !options.contains(value) {
            errors.append("\(path): \(value) is not one of the allowed values")
        }
        if let constant = schema["const"], constant != value {
            errors.append("\(path): \(value) is not the required constant")
        }
        if case .number(let n, _) = value {
            if case .number(let minimum, _)? = schema["minimum"], n < minimum { errors.append("\(path): \(n) is below \(minimum)") }
            if case .number(let maximum, _)? = schema["maximum"], n > maximum { errors.append("\(path): \(n) is above \(maximum)") }
        }
        if case .array(let alternatives)? = schema["anyOf"] {
            var closest: [String]?
            for alternative in alternatives {
                var sub: [String] = []
                check(value, against: alternative, path: path, errors: &sub)
                if sub.isEmpty { closest = nil; break }
                if closest == nil || sub.count < closest!.count { closest = sub }
            }
            if let closest { errors.append("\(path): matches no alternative; closest: " + closest.joined(separator: "; ")) }
        }
        if case .object(let members) = value {
            if case .array(let required)? = schema["required"] {
                for case .string(let name) in required where value[name] == nil {
                    errors.append("\(path): missing required '\(name)'")
                }
            }
            for (key, item) in members {
                if let sub = schema["properties"]?[key] {
                    check(item, against: sub, path: "\(path).\(key)", errors: &errors)
                } else if let additional = schema["additionalProperties"] {
                    if case .bool(false) = additional {
                        errors.append("\(path): unexpected property '\(key)'")
                    } else {
                        check(item, against: additional, path: "\(path).\(key)", errors: &errors)
                    }
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (i, item) in items.enumerated() { check(item, against: itemSchema, path: "\(path)[\(i)]", errors: &errors) }
        }
    }
}

