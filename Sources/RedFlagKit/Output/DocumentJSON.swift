import Foundation

/// The one JSON set-up of the documents the commands print whole (`lists status`, `rules list`,
/// `rules show`, `rules policy` as JSON) and the service returns from `GET /v1/lists` and
/// `/v1/rules`: indented, keys sorted, slashes as they are, dates in ISO 8601, a newline at
/// the end. Records streamed one per line use `JSONText` instead.
public enum DocumentJSON {
    /// `value` as the indented JSON document, newline included.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Array(try encoder.encode(value)) + [0x0A]
    }
}
