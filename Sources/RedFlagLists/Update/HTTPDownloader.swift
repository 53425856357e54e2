import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RedFlagCore

/// Fetches list files over HTTP(S) with a timeout and retries with exponential backoff,
/// following redirects (the OFAC service redirects to a short-lived signed URL).
///
/// A response counts only when it is a 2xx with a non-empty body of the announced length, so a
/// truncated download is retried and never handed to the parser as if it were the list.
public final class HTTPDownloader: Sendable {
    /// Timeouts and retries.
    public struct Policy: Sendable {
        /// Seconds without progress before a request is abandoned.
        public var timeout: TimeInterval
        /// Further attempts after the first one fails with a transient error.
        public var retries: Int
        /// Wait before the first retry; doubled for each further one.
        public var backoff: TimeInterval

        public init(timeout: TimeInterval = 60, retries: Int = 2, backoff: TimeInterval = 1) {
            self.timeout = timeout
            self.retries = max(0, retries)
            self.backoff = max(0, backoff)
        }
    }

    /// Why a download failed; `transient` failures are retried.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var reason: String
        public var transient: Bool
        public var description: String { reason }
    }

    public let policy: Policy
    private let session: URLSession

    public init(policy: Policy = Policy()) {
        self.policy = policy
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = policy.timeout
        // A whole file may take long on a slow line, as long as bytes keep coming.
        configuration.timeoutIntervalForResource = max(policy.timeout * 30, 600)
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpAdditionalHeaders = ["User-Agent": "redflag (export-control screener)"]
        session = URLSession(configuration: configuration)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// The body of `url`, after retries; throws `Failure` with the last attempt's reason and the
    /// number of attempts made.
    public func fetch(_ url: URL) throws -> Data {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try fetchOnce(url)
            } catch let failure as Failure {
                guard failure.transient, attempt <= policy.retries else {
                    throw Failure(reason: attempt > 1 ? "\(failure.reason) (after \(attempt) attempts)" : failure.reason,
                                  transient: failure.transient)
                }
                Thread.sleep(forTimeInterval: policy.backoff * pow(2, Double(attempt - 1)))
            }
        }
    }

    private func fetchOnce(_ url: URL) throws -> Data {
        var request = URLRequest(url: url)
        request.timeoutInterval = policy.timeout
        let box = ResponseBox()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            box.set(data: data, response: response, error: error)
            done.signal()
        }
        task.resume()
        done.wait()
        let (data, response, error) = box.get()
        if let error {
            let urlError = error as? URLError
            let reason = urlError?.code == .timedOut ? "timed out after \(Self.seconds(policy.timeout)) s" : error.localizedDescription
            throw Failure(reason: reason, transient: true)
        }
        guard let http = response as? HTTPURLResponse else {
            throw Failure(reason: "no HTTP response", transient: true)
        }
        guard (200..<300).contains(http.statusCode) else {
            let transient = http.statusCode >= 500 || http.statusCode == 408 || http.statusCode == 429
            throw Failure(reason: "HTTP \(http.statusCode)", transient: transient)
        }
        let body = data ?? Data()
        if http.expectedContentLength >= 0, Int64(body.count) != http.expectedContentLength {
            throw Failure(reason: "truncated: received \(body.count) of \(http.expectedContentLength) bytes", transient: true)
        }
        guard !body.isEmpty else { throw Failure(reason: "empty response", transient: true) }
        return body
    }

    /// Finds a file link in a page's HTML with `pattern` (first capture group, or the whole
    /// match), resolved against the page URL, `&amp;` decoded.
    public static func findLink(in html: String, pattern: String, page: URL) -> URL? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return nil }
        let range = NSRange(html.startIndex..., in: html)
        guard let match = regex.firstMatch(in: html, range: range) else { return nil }
        let groupRange = match.numberOfRanges > 1 && match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range
        guard let swiftRange = Range(groupRange, in: html) else { return nil }
        let link = String(html[swiftRange]).replacingOccurrences(of: "&amp;", with: "&")
        return URL(string: link, relativeTo: page)?.absoluteURL
    }

    static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// Hands a completion handler's results to the waiting thread.
private final class ResponseBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    private var response: URLResponse?
    private var error: (any Error)?

    func set(data: Data?, response: URLResponse?, error: (any Error)?) {
        lock.lock()
        defer { lock.unlock() }
        self.data = data
        self.response = response
        self.error = error
    }

    func get() -> (Data?, URLResponse?, (any Error)?) {
        lock.lock()
        defer { lock.unlock() }
        return (data, response, error)
    }
}
