import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1 (an ephemeral port) for download tests: serves canned
/// responses per path, counts requests, and can misbehave on purpose (delay, truncate, redirect,
/// fail the first N requests, never answer, send the body slowly). One thread per connection,
/// `Connection: close`. Tests never touch the internet.
final class LoopbackHTTPServer: @unchecked Sendable {
    struct Response: Sendable {
        var status: Int = 200
        var headers: [String: String] = [:]
        var body: Data = Data()
        /// Seconds to wait before sending anything.
        var delay: TimeInterval = 0
        /// Announce the full Content-Length but send only this many body bytes, then close.
        var truncateAfter: Int?
        /// Answer 500 to this many requests before answering as configured.
        var failFirst: Int = 0
        /// Accept the request and never answer: hold the connection until the client closes it.
        var neverAnswer = false
        /// Send the body in pieces of this many bytes…
        var chunkSize: Int?
        /// …with this many seconds between pieces.
        var chunkDelay: TimeInterval = 0
        /// Announce no Content-Length (the body ends when the connection closes).
        var omitLength = false

        static func ok(_ body: Data, contentType: String = "application/octet-stream") -> Response {
            Response(status: 200, headers: ["Content-Type": contentType], body: body)
        }
        static func redirect(to location: String, status: Int = 302) -> Response {
            Response(status: status, headers: ["Location": location])
        }
        static func status(_ code: Int) -> Response {
            Response(status: code, body: Data("error \(code)\n".utf8))
        }
    }

    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var routes: [String: Response] = [:]
    private var counts: [String: Int] = [:]
    private var stopped = false

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        // No SO_REUSEADDR: on an ephemeral port it spares nothing, and Linux may give two sockets that both
        // set it the same port while neither listens yet (a CI run once got 404s for this server's own
        // routes, most likely from a parallel test's service on the same port).
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// `http://127.0.0.1:<port><path>`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    func route(_ path: String, _ response: Response) {
        lock.lock(); defer { lock.unlock() }
        routes[path] = response
    }

    /// Requests received for a path so far.
    func requests(_ path: String) -> Int {
        lock.lock(); defer { lock.unlock() }
        return counts[path] ?? 0
    }

    func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        lock.unlock()
        if !wasStopped {
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
        }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                lock.lock(); let done = stopped; lock.unlock()
                if done || errno != EINTR { return }
                continue
            }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var request = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !request.contains(Data("\r\n\r\n".utf8)) {
            let n = recv(client, &buffer, buffer.count, 0)
            if n <= 0 { return }
            request.append(contentsOf: buffer[0..<n])
        }
        let line = String(decoding: request.prefix { $0 != UInt8(ascii: "\r") }, as: UTF8.self)
        let parts = line.split(separator: " ")
        let path = parts.count > 1 ? String(parts[1]) : "/"
        lock.lock()
        counts[path, default: 0] += 1
        var response = routes[path] ?? .status(404)
        if response.failFirst > 0 {
            routes[path]?.failFirst -= 1
            response = .status(500)
        }
        lock.unlock()
        if response.neverAnswer {
            // Blocks (no CPU) until the client gives up and closes the connection.
            while recv(client, &buffer, buffer.count, 0) > 0 {}
            return
        }
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        var head = "HTTP/1.1 \(response.status) \(response.status < 400 ? "OK" : "Error")\r\n"
        var headers = response.headers
        if !response.omitLength { headers["Content-Length"] = String(response.body.count) }
        headers["Connection"] = "close"
        for (k, v) in headers.sorted(by: { $0.key < $1.key }) { head += "\(k): \(v)\r\n" }
        head += "\r\n"
        guard sendAll(client, Data(head.utf8)) else { return }
        let body = response.truncateAfter.map { response.body.prefix($0) } ?? response.body
        guard let chunkSize = response.chunkSize, chunkSize > 0 else {
            _ = sendAll(client, body)
            return
        }
        var offset = body.startIndex
        while offset < body.endIndex {
            let end = min(body.endIndex, offset + chunkSize)
            guard sendAll(client, body[offset..<end]) else { return }
            offset = end
            if offset < body.endIndex, response.chunkDelay > 0 { Thread.sleep(forTimeInterval: response.chunkDelay) }
        }
    }

    /// Sends every byte; false when the client went away.
    private func sendAll(_ client: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = send(client, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }
}
