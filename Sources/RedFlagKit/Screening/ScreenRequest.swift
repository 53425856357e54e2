import Foundation
import RedFlagCore

/// One party to screen as a front end receives it, before validation: the arguments of
/// `redflag screen NAME --address … --country … --type … --dob …`, a JSON Lines record of
/// `screen --input`, or the body of `POST /v1/screen` (`{"name","address","country","type","dob"}`).
///
/// `query()` validates it and resolves the country and type, with the same rules and messages
/// for every front end, so a request the CLI refuses the service refuses with the same words.
public struct ScreenRequest: Sendable, Hashable, Codable {
    public var name: String
    public var address: String?
    /// ISO 3166 code or English name, as given.
    public var country: String?
    /// person, entity, vessel or aircraft (also the list spellings `PartyType(listValue:)` reads).
    public var type: String?
    /// Date of birth in any shape `PartialDate.parse` reads (1973-03-25, 1973, 25/03/1973…).
    public var dob: String?

    public init(name: String, address: String? = nil, country: String? = nil, type: String? = nil, dob: String? = nil) {
        self.name = name
        self.address = address
        self.country = country
        self.type = type
        self.dob = dob
    }

    /// The query to screen: the name without surrounding white space, the country as its ISO
    /// code, the type resolved; the address and date of birth as given. Throws the first field
    /// that is wrong, in the order name, country, type, dob.
    public func query(countries: CountryTable = .shared) throws(ScreenRequestError) -> ScreeningQuery {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw .emptyName }
        var code: String?
        if let country {
            guard let c = countries.code(for: country) else { throw .unknownCountry(country) }
            code = c
        }
        var partyType: PartyType?
        if let type {
            let t = PartyType(listValue: type)
            guard t != .unknown else { throw .unknownType(type) }
            partyType = t
        }
        if let dob, !PartialDate.parse(dob).isValid { throw .unreadableDateOfBirth(dob) }
        return ScreeningQuery(name: trimmed, address: address, country: code, type: partyType, dateOfBirth: dob)
    }

    /// Reads one JSON object (a JSON Lines record of a batch, the body of a single screen
    /// request) the way `redflag screen --input` reads JSON Lines: each field under its first
    /// present spelling (`name`, `customer_name`, `party_name`, `full_name`; `country`,
    /// `country_code`…; see `ScreeningInputFormat`), white space trimmed, an empty string or
    /// null taken as absent, other keys ignored. A missing name is an empty `name` (`query()`
    /// then refuses it). Throws for text that is not a JSON object or a field that is not a string.
    public static func decodeJSON(_ bytes: some Collection<UInt8>) throws(ScreenRequestError) -> ScreenRequest {
        try decodeJSONObject(bytes).request
    }

    /// `decodeJSON`, with the object's fields as read (sorted by key; values that are not
    /// strings as JSON text), which an error record echoes so the input can be fixed.
    static func decodeJSONObject(_ bytes: some Collection<UInt8>) throws(ScreenRequestError)
        -> (request: ScreenRequest, input: [(key: String, value: String)]) {
        let object: [String: Any]
        do {
            guard let o = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { throw ScreenRequestError.notAnObject }
            object = o
        } catch let error as ScreenRequestError {
            throw error
        } catch {
            throw .invalidJSON
        }
        let input = object.keys.sorted().compactMap { k in object[k].map { (key: k, value: describe($0)) } }
        func string(_ keys: [String]) throws(ScreenRequestError) -> String? {
            for k in keys {
                guard let v = object[k] else { continue }
                if v is NSNull { return nil }
                guard let s = v as? String else { throw .notAString(field: k, input: input) }
                let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
                return t.isEmpty ? nil : t
            }
            return nil
        }
        let request = ScreenRequest(name: try string(ScreeningInputFormat.nameColumns) ?? "",
                                    address: try string(ScreeningInputFormat.addressColumns),
                                    country: try string(ScreeningInputFormat.countryColumns),
                                    type: try string(ScreeningInputFormat.typeColumns),
                                    dob: try string(ScreeningInputFormat.dobColumns))
        return (request, input)
    }

    /// A JSON value as the error record shows it: a string as itself, anything else as JSON.
    private static func describe(_ v: Any) -> String {
        if let s = v as? String { return s }
        if v is NSNull { return "null" }
        if let d = try? JSONSerialization.data(withJSONObject: v, options: [.fragmentsAllowed]) {
            return String(decoding: d, as: UTF8.self)
        }
        return "\(v)"
    }
}

/// Why a screen request cannot be screened, naming the field: the CLI prints `description` as a
/// usage error (exit 64), the service returns it with 400, a batch writes `recordMessage` into
/// the error record that stands for the line.
public enum ScreenRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name is missing, empty or only white space.
    case emptyName
    /// A country that is neither an ISO 3166 code nor a name `CountryTable` knows.
    case unknownCountry(String)
    /// A type other than person, entity, vessel or aircraft.
    case unknownType(String)
    /// A date of birth `PartialDate.parse` cannot read.
    case unreadableDateOfBirth(String)
    /// The text is not JSON.
    case invalidJSON
    /// The JSON is not an object.
    case notAnObject
    /// A field of the JSON object holds a number, array or object instead of a string.
    case notAString(field: String, input: [(key: String, value: String)])

    /// The field at fault (`name`, `country`, `type`, `dob`, or the JSON key), nil when the
    /// request as a whole is unreadable.
    public var field: String? {
        switch self {
        case .emptyName: return "name"
        case .unknownCountry: return "country"
        case .unknownType: return "type"
        case .unreadableDateOfBirth: return "dob"
        case .invalidJSON, .notAnObject: return nil
        case .notAString(let field, _): return field
        }
    }

    /// The message for one request (CLI usage error, service 400).
    public var description: String {
        switch self {
        case .emptyName: return "the name is empty"
        case .unknownCountry(let c): return "unknown country \"\(c)\": give an ISO 3166 code (CN) or an English name (China)"
        case .unknownType(let t): return "unknown type \"\(t)\": person, entity, vessel or aircraft"
        case .unreadableDateOfBirth(let d): return "unreadable date of birth \"\(d)\""
        case .invalidJSON: return "invalid JSON"
        case .notAnObject: return "the request must be a JSON object"
        case .notAString(let field, _): return "\"\(field)\" must be a string"
        }
    }

    /// The message in a batch's error record (`{"error": {"line", "message"}, "input": {…}}`).
    public var recordMessage: String {
        switch self {
        case .emptyName: return "empty name"
        case .unknownCountry(let c): return "unknown country \"\(c)\""
        case .unknownType(let t): return "unknown type \"\(t)\" (person, entity, vessel or aircraft)"
        case .notAnObject: return "a JSON Lines record must be an object"
        case .unreadableDateOfBirth, .invalidJSON, .notAString: return description
        }
    }

    public static func == (a: ScreenRequestError, b: ScreenRequestError) -> Bool {
        switch (a, b) {
        case (.emptyName, .emptyName), (.invalidJSON, .invalidJSON), (.notAnObject, .notAnObject): return true
        case (.unknownCountry(let x), .unknownCountry(let y)), (.unknownType(let x), .unknownType(let y)),
             (.unreadableDateOfBirth(let x), .unreadableDateOfBirth(let y)):
            return x == y
        case (.notAString(let x, _), .notAString(let y, _)): return x == y
        default: return false
        }
    }
}
