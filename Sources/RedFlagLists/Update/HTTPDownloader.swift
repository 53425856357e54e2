import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import RedFlagCore

/// Fetches list files over HTTP(S) straight to disk, with an idle timeout, an overall deadline and
/// retries with exponential backoff, following redirects (the OFAC service redirects to a
/// short-lived signed URL).
///
/// The transfer runs on SwiftNIO's event loops (epoll: a silent server costs no CPU; Foundation's
/// URLSession on Linux spins on a socket write source while it waits for an answer, measured at
/// most of a core). The body is written to the destination file as it arrives, through a buffer of
/// at most `Policy.bufferSize` bytes, so a list of hundreds of megabytes never sits in memory. The
/// calling thread sleeps on a semaphore until the transfer ends or the deadline comes. A response
/// counts only when it is a 2xx with a non-empty body of the announced length, so a truncated
/// download is retried and never handed to the parser as if it were the list.
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

    /// Redirects followed within one attempt.
    static let maxRedirects = 10

    public let policy: Policy

    public init(policy: Policy = Policy()) {
        self.policy = policy
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

    /// One attempt: the request, and the redirects it leads to.
    private func attempt(_ url: URL, to file: URL, number: Int, deadline: Date,
                         progress: @escaping @Sendable (Event) -> Void) throws -> Result {
        progress(.connecting(url: url.absoluteString, attempt: number))
        var current = url
        for _ in 0...Self.maxRedirects {
            guard Date() < deadline else { throw Self.deadlineFailure(received: 0, total: nil) }
            let sink = try FileSink(file: file, bufferSize: policy.bufferSize)
            let exchange = Exchange(sink: sink, progress: progress)
            let channel = try connect(current, exchange: exchange)
            if exchange.finished.wait(timeout: Self.dispatchTime(deadline)) == .timedOut {
                exchange.finish(Self.deadlineFailure(received: 0, total: nil))
                channel.whenSuccess { $0.close(promise: nil) }
                let (received, total) = exchange.counts
                exchange.abandon()
                throw Self.deadlineFailure(received: received, total: total)
            }
            channel.whenSuccess { $0.close(promise: nil) }
            if let location = exchange.redirect {
                guard let next = URL(string: location, relativeTo: current)?.absoluteURL else {
                    throw Failure(reason: "redirect to an invalid location \(location)", transient: false)
                }
                current = next
                continue
            }
            return try exchange.outcome(idleTimeout: policy.idleTimeout)
        }
        throw Failure(reason: "more than \(Self.maxRedirects) redirects", transient: false)
    }

    /// Opens the connection (TLS for https) and sends the GET; the exchange hears the rest.
    private func connect(_ url: URL, exchange: Exchange) throws -> EventLoopFuture<Channel> {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else {
            throw Failure(reason: "not an http(s) URL: \(url.absoluteString)", transient: false)
        }
        let secure = scheme == "https"
        let port = url.port ?? (secure ? 443 : 80)
        var target = url.path.isEmpty ? "/" : url.path
        if let query = url.query { target += "?" + query }
        let defaultPort = port == (secure ? 443 : 80)
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: defaultPort ? host : "\(host):\(port)")
        headers.add(name: "User-Agent", value: "redflag (export-control screener)")
        headers.add(name: "Accept", value: "*/*")
        headers.add(name: "Accept-Encoding", value: "identity")
        headers.add(name: "Connection", value: "close")
        let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: target, headers: headers)
        let channel: EventLoopFuture<Channel>
        do {
            channel = try HTTPClientChannel.connect(host: host, port: port, secure: secure, idleTimeout: policy.idleTimeout) {
                ExchangeHandler(request: head, exchange: exchange)
            }
        } catch {
            throw Failure(reason: "TLS set-up failed: \(error)", transient: false)
        }
        channel.whenFailure { error in
            let timedOut = (error as? ChannelError).map { if case .connectTimeout = $0 { return true } else { return false } } ?? false
            exchange.finish(timedOut ? IdleTimeout() : error)
        }
        return channel
    }

    /// A network error in a few words a user can act on; a certificate the system does not trust
    /// is not retried (it will not change in a second).
    static func failure(describing error: any Error) -> Failure {
        if error is ClosedEarly {
            return Failure(reason: "connection closed before the response was complete", transient: true)
        }
        if error is NIOConnectionError {
            return Failure(reason: HTTPClientChannel.describe(error), transient: true)
        }
        if let tls = error as? NIOSSLError {
            let text = "\(tls)"
            if text.contains("CERTIFICATE_VERIFY_FAILED") {
                return Failure(reason: "TLS: the server's certificate is not trusted by this system", transient: false)
            }
            return Failure(reason: "TLS: \(text.prefix(200))", transient: true)
        }
        return Failure(reason: "\(error)", transient: true)
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

/// Nothing arrived for the idle timeout (connecting, waiting for the answer, or between bytes).
struct IdleTimeout: Error {}

/// The connection closed before the response was complete.
struct ClosedEarly: Error {}

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

    func append(_ bytes: UnsafeRawBufferPointer) throws {
        guard !closed else { return }
        if buffer.count + bytes.count > bufferSize {
            try flush()
            if bytes.count > bufferSize {
                // A chunk larger than the whole buffer goes straight to the file.
                peakBuffered = max(peakBuffered, bytes.count)
                try write(Data(bytes))
                return
            }
        }
        buffer.append(contentsOf: bytes)
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

/// One request's state, shared by its channel handler (event loop) and the waiting thread.
private final class Exchange: @unchecked Sendable {
    let sink: FileSink
    let finished = DispatchSemaphore(value: 0)
    private let progress: @Sendable (HTTPDownloader.Event) -> Void
    private let lock = NSLock()
    private var done = false
    private var status: Int?
    private var location: String?
    private var total: Int64?
    private var failure: (any Error)?
    private var complete = false

    init(sink: FileSink, progress: @escaping @Sendable (HTTPDownloader.Event) -> Void) {
        self.sink = sink
        self.progress = progress
    }

    var counts: (Int64, Int64?) { lock.withLock { (sink.count, total) } }
    var redirect: String? { lock.withLock { location } }

    /// The response head; false when the body is not wanted (an error status or a redirect).
    func head(_ head: HTTPResponseHead) -> Bool {
        let code = Int(head.status.code)
        let length = head.headers.first(name: "Content-Length").flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
        let wanted: Bool = lock.withLock {
            status = code
            total = length
            if (300..<400).contains(code), let target = head.headers.first(name: "Location") {
                location = target
            }
            return (200..<300).contains(code)
        }
        if wanted { progress(.received(bytes: 0, total: length)) }
        return wanted
    }

    /// A piece of the body; false when it cannot be written (the exchange has then failed).
    func body(_ buffer: ByteBuffer) -> Bool {
        let result: (Int64, Int64?)? = lock.withLock {
            guard !done else { return nil }
            do {
                try buffer.withUnsafeReadableBytes { try sink.append($0) }
                return (sink.count, total)
            } catch {
                failure = error
                return nil
            }
        }
        guard let result else { return false }
        progress(.received(bytes: result.0, total: result.1))
        return true
    }

    /// The end of the response (nil) or why it stopped; only the first call counts.
    func finish(_ error: (any Error)?) {
        let first: Bool = lock.withLock {
            guard !done else { return false }
            done = true
            if failure == nil { failure = error }
            if error == nil { complete = true }
            if failure == nil, location == nil {
                do { try sink.close() } catch { failure = error }
            }
            return true
        }
        if first { finished.signal() }
    }

    /// Closes the file of an abandoned exchange; a late callback writes nothing more.
    func abandon() {
        lock.withLock { try? sink.close() }
    }

    /// The result of a finished exchange, or the failure to report.
    func outcome(idleTimeout: TimeInterval) throws -> HTTPDownloader.Result {
        try lock.withLock {
            if let error = failure as? RedFlagError { throw error }
            if let status, !(200..<300).contains(status) {
                let transient = status >= 500 || status == 408 || status == 429
                throw HTTPDownloader.Failure(reason: "HTTP \(status)", transient: transient)
            }
            let received = sink.count
            if failure is IdleTimeout {
                let what = status == nil ? "no answer" : "no data"
                throw HTTPDownloader.Failure(
                    reason: "timed out: \(what) for \(HTTPDownloader.seconds(idleTimeout)) s\(HTTPDownloader.receivedText(received, total))",
                    transient: true)
            }
            if let total, received != total {
                throw HTTPDownloader.Failure(reason: "truncated: received \(received) of \(total) bytes", transient: true)
            }
            if let failure { throw HTTPDownloader.failure(describing: failure) }
            guard status != nil, complete else { throw HTTPDownloader.Failure(reason: "no HTTP response", transient: true) }
            guard received > 0 else { throw HTTPDownloader.Failure(reason: "empty response", transient: true) }
            return HTTPDownloader.Result(bytes: received, peakBuffered: sink.peakBuffered, writes: sink.writes)
        }
    }
}

/// Sends the GET when the connection is up and hands the response to the exchange.
private final class ExchangeHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private let request: HTTPRequestHead
    private let exchange: Exchange

    init(request: HTTPRequestHead, exchange: Exchange) {
        self.request = request
        self.exchange = exchange
    }

    func channelActive(context: ChannelHandlerContext) {
        context.write(Self.wrapOutboundOut(.head(request)), promise: nil)
        context.writeAndFlush(Self.wrapOutboundOut(.end(nil)), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch Self.unwrapInboundIn(data) {
        case .head(let head):
            if !exchange.head(head) {
                exchange.finish(nil)
                context.close(promise: nil)
            }
        case .body(let buffer):
            if !exchange.body(buffer) {
                exchange.finish(nil)
                context.close(promise: nil)
            }
        case .end:
            exchange.finish(nil)
            context.close(promise: nil)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            exchange.finish(IdleTimeout())
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        exchange.finish(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        exchange.finish(ClosedEarly())
        context.fireChannelInactive()
    }
}
