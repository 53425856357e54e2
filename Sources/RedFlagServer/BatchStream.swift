import Foundation
import NIOCore
import NIOHTTP1
import RedFlagCore
import RedFlagLists

/// One `POST /v1/screen/batch` streamed in both directions, for `redflag screen --input F --server
/// URL`: the input is sent in chunks as it is read (a file, or standard input still being
/// written), and the answer's JSON lines reach the caller as they arrive, so a desk piping a
/// million names neither holds them in memory nor waits for the last one to see the first result.
///
/// The body goes out with chunked transfer encoding from a thread of its own, each chunk waiting
/// for the previous write (the socket's back-pressure reaches the reader). Answer lines wait in a
/// queue for the caller; when the queue holds `highWater` lines the connection stops reading until
/// the caller has taken half of them, so a slow consumer slows the service instead of filling
/// memory. Not a general HTTP client: one request on one connection (`Connection: close`).
final class BatchStream: @unchecked Sendable {
    /// The answer's status and, for an error, its body (the service's JSON error).
    struct Failure: Error {
        var status: Int
        var body: String
    }

    static let chunkBytes = 64 * 1024
    static let highWater = 4096

    private let condition = NSCondition()
    private var lines: [String] = []
    private var readIndex = 0
    private var partial: [UInt8] = []
    private var status: Int?
    private var errorBody: [UInt8] = []
    private var ended = false
    private var failure: (any Error)?
    private var paused = false
    private var channel: Channel?
    /// The service's address, in messages.
    private let where_: String

    /// Connects to `url` (TLS for https) and starts sending `input` with `headers`. Connection
    /// failures are thrown here; later ones come out of `nextLine()`.
    init(url: URL, headers: [(String, String)], input: any ByteReading, inputName: String, idleTimeout: TimeInterval) throws {
        guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw RedFlagError.usage("not an http(s) URL: \(url.absoluteString)")
        }
        where_ = url.absoluteString
        let secure = scheme == "https"
        let port = url.port ?? (secure ? 443 : 80)
        var target = url.path.isEmpty ? "/" : url.path
        if let query = url.query { target += "?" + query }
        var head = HTTPHeaders()
        head.add(name: "Host", value: port == (secure ? 443 : 80) ? host : "\(host):\(port)")
        head.add(name: "User-Agent", value: "redflag (export-control screener)")
        head.add(name: "Transfer-Encoding", value: "chunked")
        head.add(name: "Connection", value: "close")
        for (name, value) in headers { head.add(name: name, value: value) }
        let handler = Handler(stream: self)
        let channel: Channel
        do {
            channel = try HTTPClientChannel.connect(host: host, port: port, secure: secure, idleTimeout: idleTimeout) { handler }.wait()
        } catch {
            throw RedFlagError.download(source: "service", url: url.absoluteString, reason: HTTPClientChannel.describe(error))
        }
        self.channel = channel
        let request = HTTPRequestHead(version: .http1_1, method: .POST, uri: target, headers: head)
        channel.write(HTTPClientRequestPart.head(request), promise: nil)
        let box = UncheckedBox(input)
        Thread.detachNewThread { [self] in self.send(box.value, name: inputName, on: channel) }
    }

    /// Copies the input into the request body until its end (or until the answer has ended:
    /// an error answer needs no more of the body).
    private func send(_ input: any ByteReading, name: String, on channel: Channel) {
        do {
            while !isEnded {
                let bytes = try input.read(upTo: Self.chunkBytes)
                if bytes.isEmpty {
                    try channel.writeAndFlush(HTTPClientRequestPart.end(nil)).wait()
                    return
                }
                try channel.writeAndFlush(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(bytes: bytes)))).wait()
            }
        } catch let error as RedFlagError {
            finish(error)
            channel.close(promise: nil)
        } catch {
            // A write failed: the connection is gone, and the reading side says why.
            if !isEnded { finish(RedFlagError.unreadable(path: name, reason: "\(error)")) }
        }
    }

    private var isEnded: Bool { condition.withLock { ended } }

    /// The next line of the answer (without its newline), nil at its end. Throws the service's
    /// error answer as `Failure`, or what broke the connection.
    /// `beforeWaiting` runs (unlocked) when no line is there yet, so the caller can flush what
    /// it printed before it blocks.
    func nextLine(beforeWaiting: () throws -> Void = {}) throws -> String? {
        condition.lock()
        defer { condition.unlock() }
        if readIndex == lines.count && !ended {
            condition.unlock()
            do { try beforeWaiting() } catch { condition.lock(); throw error }
            condition.lock()
        }
        while readIndex == lines.count && !ended { condition.wait() }
        if readIndex < lines.count {
            let line = lines[readIndex]
            readIndex += 1
            if readIndex == lines.count {
                lines.removeAll(keepingCapacity: true)
                readIndex = 0
            }
            if paused, lines.count - readIndex <= Self.highWater / 2 {
                paused = false
                let channel = self.channel
                // Turning auto-read back on also asks for the next read.
                channel?.setOption(ChannelOptions.autoRead, value: true).whenComplete { _ in }
            }
            return line
        }
        if let failure { throw failure }
        if let status, status != 200 { throw Failure(status: status, body: String(decoding: errorBody, as: UTF8.self)) }
        return nil
    }

    /// Closes the connection (the caller stopped early).
    func close() {
        channel?.close(promise: nil)
    }

    // MARK: - Event loop side

    fileprivate func received(status code: Int) {
        condition.withLock { status = code }
    }

    /// Body bytes: complete lines join the queue; true when the queue is full and reading
    /// should pause.
    fileprivate func received(body buffer: ByteBuffer) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard status == 200 else {
            if errorBody.count < 1 << 16 { errorBody += buffer.readableBytesView.prefix((1 << 16) - errorBody.count) }
            return false
        }
        var start = 0
        let bytes = Array(buffer.readableBytesView)
        var added = false
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            partial += bytes[start..<i]
            if !partial.isEmpty { lines.append(String(decoding: partial, as: UTF8.self)) }
            partial.removeAll(keepingCapacity: true)
            start = i + 1
            added = true
        }
        partial += bytes[start...]
        if added { condition.broadcast() }
        if lines.count - readIndex >= Self.highWater {
            paused = true
            return true
        }
        return false
    }

    fileprivate func finish(_ error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        guard !ended else { return }
        if error == nil, status == 200, !partial.isEmpty {
            lines.append(String(decoding: partial, as: UTF8.self))
            partial.removeAll()
        }
        if failure == nil { failure = error }
        ended = true
        condition.broadcast()
    }

    private final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPClientResponsePart
        let stream: BatchStream
        init(stream: BatchStream) { self.stream = stream }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch Self.unwrapInboundIn(data) {
            case .head(let head):
                stream.received(status: Int(head.status.code))
            case .body(let buffer):
                if stream.received(body: buffer) {
                    context.channel.setOption(ChannelOptions.autoRead, value: false).whenComplete { _ in }
                }
            case .end:
                stream.finish(nil)
                context.close(promise: nil)
            }
        }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if event is IdleStateHandler.IdleStateEvent {
                stream.finish(RedFlagError.download(source: "service", url: stream.where_, reason: "timed out: no answer from the service"))
                context.close(promise: nil)
            } else {
                context.fireUserInboundEventTriggered(event)
            }
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            stream.finish(RedFlagError.download(source: "service", url: stream.where_, reason: HTTPClientChannel.describe(error)))
            context.close(promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            stream.finish(RedFlagError.download(source: "service", url: stream.where_, reason: "the connection closed before the answer was complete"))
            context.fireChannelInactive()
        }
    }
}

