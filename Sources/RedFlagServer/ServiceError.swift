import Foundation
import HTTPTypes
import Hummingbird
import Logging
import RedFlagCore
import RedFlagKit

/// An error a request gets as `{"error": {"status", "code", "message"}}`: what is wrong, in words
/// a caller can act on, and a stable code to branch on.
public struct ServiceError: Error, Sendable {
    public var status: HTTPResponse.Status
    /// Stable machine-readable reason: `invalid_json`, `empty_name`, `unknown_country`,
    /// `body_too_large`, `unauthorized`, `not_found`, `no_lists`, …
    public var code: String
    public var message: String

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// The JSON body.
    public var json: String {
        var j = JSONText()
        j.beginObject()
        j.beginObject("error")
        j.number("status", status.code)
        j.string("code", code)
        j.string("message", message)
        j.endObject()
        j.endObject()
        return j.text + "\n"
    }

    /// `message` with the server's data directory path replaced by words: callers learn what is
    /// wrong, not how the server's disk is laid out.
    static func forCaller(_ message: String, dataDirectory: String) -> String {
        guard !dataDirectory.isEmpty else { return message }
        return message.replacingOccurrences(of: dataDirectory, with: "the service's data directory")
    }

    public var response: Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"redflag\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: json)))
    }
}

/// Turns every error a handler throws into a JSON error response, so a client always gets JSON
/// and the process never goes down on a request: `ServiceError` as it is, Hummingbird's own
/// errors (unknown route, body too large) with their meaning, a missing store as 503, anything
/// else as 500 with the detail in the log only.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger
    let maxBodyBytes: Int
    /// The data directory: named in the log, but not to callers (it is the server's business).
    let dataDirectory: String

    func forCaller(_ message: String) -> String { ServiceError.forCaller(message, dataDirectory: dataDirectory) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServiceError {
            return error.response
        } catch let error as any HTTPResponseError {
            switch error.status {
            case .contentTooLarge:
                // The contract: a body over the limit is a bad request (400), said in words.
                return ServiceError(.badRequest, "body_too_large", "the request body is over the limit of \(maxBodyBytes) bytes").response
            case .notFound:
                return ServiceError(.notFound, "not_found", "no such endpoint: \(request.method) \(request.uri.path)").response
            case .methodNotAllowed:
                return ServiceError(.methodNotAllowed, "method_not_allowed", "\(request.method) is not allowed on \(request.uri.path)").response
            default:
                return ServiceError(error.status, "http_error", (error as? HTTPError)?.body ?? error.status.reasonPhrase).response
            }
        } catch let error as RedFlagError {
            switch error {
            case .noLists(let message):
                return ServiceError(.serviceUnavailable, "no_lists", forCaller(message)).response
            case .usage(let message), .badData(_, _, let message):
                return ServiceError(.badRequest, "bad_request", forCaller(message)).response
            default:
                logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error.description)"])
                return ServiceError(.internalServerError, "internal", "the service could not answer: \(forCaller(error.description))").response
            }
        } catch {
            logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return ServiceError(.internalServerError, "internal", "the service could not answer this request").response
        }
    }
}
