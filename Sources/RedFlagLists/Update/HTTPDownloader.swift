import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RedFlagCore

/// Fetches list files over HTTP(S) straight to disk, with an idle timeout, an overall deadline and
/// retries with exponential backoff, following redirects (the OFAC service redirects to a
/// short-lived signed URL).
///
/// The body is written to the destination file as it arrives, through a buffer of at most
/// `Policy.bufferSize` bytes, so a list of hundreds of megabytes never sits in memory. The calling
/// thread sleeps on a semaphore until the transfer ends, the idle timeout passes or the deadline
/// comes (no polling). A response counts only when it is a 2xx with a non-empty body of the
/// announced length, so a truncated download is retried and never handed to the parser as if it
/// were the list.
public final class HTTPDownloader: Sendable {
    /// Timeouts, retries and the in-memory buffer.
    public struct Policy: Sendable {
        /// Seconds without a byte (connecting included) before an attempt is abandoned.
        public var idleTimeout: TimeInterval
        /// Further attempts after the first one fails with a transient error.
        public var retries: Int
        /// Wait before the first retry; doubled for each further one.
        public var backoff: TimeInterval
        /// Most body bytes held in memory before they are written to the file.
        public var bufferSize: Int

        public init(idleTimeout: TimeInterval = 30, retries: Int = 2, backoff: TimeInterval = 1, bufferSize: Int = 256 * 1024) {
            self.idleTimeout = idleTimeout
            self.retries = max(0, retries)
            self.backoff = max(0, backoff)
            self.bufferSize = max(1, bufferSize)
        }
    }

    /// What a download is doing, for a progress display.
    public enum Event: Sendable, Equatable {
        /// An attempt (1, 2, …) starts: connecting and waiting for the response.
        case connecting(url: String, attempt: Int)
        /// Body bytes written so far; `total` when the server announced a length.
        case received(bytes: Int64, total: Int64?)
        /// An attempt failed with a transient error; the next starts after `delay` seconds.
        case retrying(reason: String, delay: TimeInterval)
    }

    /// Why a download failed; `transient` failures are retried, `deadline` ones stop everything.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var reason: String
        public var transient: Bool
        /// The overall deadline passed: no retry is attempted.
        public var deadline: Bool = false
        public var description: String { reason }
    }

    /// A finished download: its size and how much of it was ever held in memory at once.
    public struct Result: Sendable {
        public var bytes: Int64
        /// The most body bytes buffered at any moment (at most `Policy.bufferSize`, or one network
        /// chunk when a chunk alone is larger).
        public var peakBuffered: Int
        /// Writes made to the file.
        public var writes: Int
    }

    public let policy: Policy
    private let configuration: URLSessionConfiguration

    public init(policy: Policy = Policy()) {
        self.policy = policy
        let configuration = URLSessionConfiguration.ephemeral
        // The idle timeout is enforced here (see `attempt`); URLSession's own is a backstop only.
        configuration.timeoutIntervalForRequest = policy.idleTimeout + 5
        configuration.timeoutIntervalForResource = 24 * 3600
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpAdditionalHeaders = ["User-Agent": "redflag (export-control screener)"]
        self.configuration = configuration
    }

    /// Downloads `url` into `file` (created or truncated), after retries; throws `Failure` with
    /// the last attempt's reason and the number of attempts made. Nothing is tried after `deadline`.
    @discardableResult
    public func download(_ url: URL, to file: URL, deadline: Date = .distantFuture,
                         progress: @escaping @Sendable (Event) -> Void = { _ in }) throws -> Result {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try self.attempt(url, to: file, number: attempt, deadline: deadline, progress: progress)
            } catch let failure as Failure {
                let delay = policy.backoff * pow(2, Double(attempt - 1))
                guard failure.transient, !failure.deadline, attempt <= policy.retries else {
                    throw Failure(reason: attempt > 1 ? "\(failure.reason) (after \(attempt) attempts)" : failure.reason,
                                  transient: failure.transient, deadline: failure.deadline)
                }
                guard Date().addingTimeInterval(delay) < deadline else {
                    throw Failure(reason: "\(failure.reason); no time left for attempt \(attempt + 1) before the deadline",
                                  transient: true, deadline: true)
                }
                progress(.retrying(reason: failure.reason, delay: delay))
                Thread.sleep(forTimeInterval: delay)
            }
        }
    }

    private func attempt(_ url: URL, to file: URL, number: Int, deadline: Date,
                         progress: @escaping @Sendable (Event) -> Void) throws -> Result {
        guard Date() < deadline else { throw Self.deadlineFailure(received: 0, total: nil) }
        progress(.connecting(url: url.absoluteString, attempt: number))
        let sink = try FileSink(file: file, bufferSize: policy.bufferSize)
        let transfer = Transfer(sink: sink, progress: progress)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: queue)
        defer { session.invalidateAndCancel() }
        var request = URLRequest(url: url)
        request.timeoutInterval = policy.idleTimeout + 5
        let task = session.dataTask(with: request)
        task.resume()

        // Sleep until the transfer ends or the next moment a limit could pass; data arriving in
        // between only moves the idle limit, checked again at that moment.
        while true {
            let idleLimit = transfer.lastActivity.addingTimeInterval(policy.idleTimeout)
            let wake = min(idleLimit, deadline)
            if transfer.finished.wait(timeout: Self.dispatchTime(wake)) == .success { break }
            let now = Date()
            let (received, total) = transfer.counts
            if now >= deadline {
                stop(task, transfer)
                throw Self.deadlineFailure(received: received, total: total)
            }
            if now >= transfer.lastActivity.addingTimeInterval(policy.idleTimeout) {
                stop(task, transfer)
                let what = transfer.response == nil ? "no answer" : "no data"
                throw Failure(reason: "timed out: \(what) for \(Self.seconds(policy.idleTimeout)) s\(Self.receivedText(received, total))",
                              transient: true)
            }
        }
        return try transfer.outcome()
    }

    /// Cancels a task and waits briefly for its completion, so the file is no longer written to.
    private func stop(_ task: URLSessionDataTask, _ transfer: Transfer) {
        task.cancel()
        _ = transfer.finished.wait(timeout: .now() + 5)
        transfer.abandon()
    }

    static func deadlineFailure(received: Int64, total: Int64?) -> Failure {
        Failure(reason: "timed out: stopped at the overall deadline\(receivedText(received, total))", transient: true, deadline: true)
    }

    static func receivedText(_ received: Int64, _ total: Int64?) -> String {
        guard received > 0 else { return "" }
        return " after \(ByteCount.text(received))" + (total.map { " of \(ByteCount.text($0))" } ?? "")
    }

    static func dispatchTime(_ date: Date) -> DispatchTime {
        let seconds = max(0, min(date.timeIntervalSinceNow, 365 * 24 * 3600))
        return .now() + seconds
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

/// Byte counts as people read them: `512 B`, `12.3 KB`, `4.5 MB` (powers of 1,000).
public enum ByteCount {
    public static func text(_ bytes: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        if unit == 0 { return "\(bytes) B" }
        let rounded = (value * 10).rounded() / 10
        return "\(rounded) \(units[unit])"
    }
}

/// Writes a body to its file through a bounded buffer.
final class FileSink: @unchecked Sendable {
    private let handle: FileHandle
    private let path: String
    private let bufferSize: Int
    private var buffer = Data()
    private var closed = false
    private(set) var written: Int64 = 0
    private(set) var peakBuffered = 0
    private(set) var writes = 0

    init(file: URL, bufferSize: Int) throws {
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw RedFlagError.cannotWrite(path: file.path, reason: "cannot create the download file")
        }
        do {
            handle = try FileHandle(forWritingTo: file)
        } catch {
            throw RedFlagError.cannotWrite(path: file.path, reason: error.localizedDescription)
        }
        path = file.path
        self.bufferSize = bufferSize
        buffer.reserveCapacity(min(bufferSize, 1 << 20))
    }

    deinit { try? handle.close() }

    /// Total bytes accepted (written or buffered).
    var count: Int64 { written + Int64(buffer.count) }

    func append(_ data: Data) throws {
        guard !closed else { return }
        if buffer.count + data.count > bufferSize {
            try flush()
            if data.count > bufferSize {
                // A chunk larger than the whole buffer goes straight to the file.
                peakBuffered = max(peakBuffered, data.count)
                try write(data)
                return
            }
        }
        buffer.append(data)
        peakBuffered = max(peakBuffered, buffer.count)
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        guard !closed else { return }
        defer { closed = true; try? handle.close() }
        try flush()
    }

    private func write(_ data: Data) throws {
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw RedFlagError.cannotWrite(path: path, reason: error.localizedDescription)
        }
        written += Int64(data.count)
        writes += 1
    }
}

/// One attempt's URLSession delegate: streams the body into the sink and records the outcome.
/// Callbacks arrive on a serial queue; the waiting thread reads under the lock.
private final class Transfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let sink: FileSink
    let finished = DispatchSemaphore(value: 0)
    private let progress: @Sendable (HTTPDownloader.Event) -> Void
    private let lock = NSLock()
    private var activity = Date()
    private var httpResponse: HTTPURLResponse?
    private var status: Int?
    private var failure: (any Error)?
    private var writeError: RedFlagError?
    private var total: Int64?

    init(sink: FileSink, progress: @escaping @Sendable (HTTPDownloader.Event) -> Void) {
        self.sink = sink
        self.progress = progress
    }

    var lastActivity: Date { lock.withLock { activity } }
    var response: HTTPURLResponse? { lock.withLock { httpResponse } }
    var counts: (Int64, Int64?) { lock.withLock { (sink.count, total) } }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let http = response as? HTTPURLResponse
        let ok = http.map { (200..<300).contains($0.statusCode) } ?? false
        lock.withLock {
            activity = Date()
            httpResponse = http
            status = http?.statusCode
            total = response.expectedContentLength >= 0 ? response.expectedContentLength : nil
        }
        // An error status needs no body: stop at once instead of downloading an error page.
        completionHandler(ok ? .allow : .cancel)
        if ok { progress(.received(bytes: 0, total: lock.withLock { total })) }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let result: (Int64, Int64?)? = lock.withLock {
            activity = Date()
            guard writeError == nil else { return nil }
            do {
                try sink.append(data)
            } catch let error as RedFlagError {
                writeError = error
                return nil
            } catch {
                writeError = .cannotWrite(path: "", reason: "\(error)")
                return nil
            }
            return (sink.count, total)
        }
        if let result {
            progress(.received(bytes: result.0, total: result.1))
        } else {
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        lock.withLock {
            failure = error
            if error == nil, writeError == nil {
                do { try sink.close() } catch let closeError as RedFlagError { writeError = closeError } catch {}
            }
        }
        finished.signal()
    }

    /// Closes the file of an abandoned attempt; a late callback writes nothing more.
    func abandon() {
        lock.withLock { try? sink.close() }
    }

    /// The result of a completed attempt, or the failure to report.
    func outcome() throws -> HTTPDownloader.Result {
        try lock.withLock {
            if let writeError { throw writeError }
            if let status, !(200..<300).contains(status) {
                let transient = status >= 500 || status == 408 || status == 429
                throw HTTPDownloader.Failure(reason: "HTTP \(status)", transient: transient)
            }
            if let failure {
                throw HTTPDownloader.Failure(reason: (failure as? URLError)?.code == .timedOut ? "timed out" : failure.localizedDescription,
                                             transient: true)
            }
            guard httpResponse != nil else { throw HTTPDownloader.Failure(reason: "no HTTP response", transient: true) }
            let received = sink.count
            if let total, received != total {
                throw HTTPDownloader.Failure(reason: "truncated: received \(received) of \(total) bytes", transient: true)
            }
            guard received > 0 else { throw HTTPDownloader.Failure(reason: "empty response", transient: true) }
            return HTTPDownloader.Result(bytes: received, peakBuffered: sink.peakBuffered, writes: sink.writes)
        }
    }
}
