import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// One HTTP/1.1 client connection on SwiftNIO's shared event loops, TLS for https: the plumbing
/// shared by list downloads and `screen --server`'s streamed batch. The caller's handler sits at
/// the end of the pipeline and sees `HTTPClientResponsePart`s; reads idle for `idleTimeout` raise
/// `IdleStateHandler.IdleStateEvent` in it.
public enum HTTPClientChannel {
    /// Connects to `host:port` and installs TLS (when `secure`), the HTTP codec, the idle timer and
    /// `handler`. Throws when the TLS context cannot be made; connection errors fail the future.
    public static func connect(host: String, port: Int, secure: Bool, idleTimeout: TimeInterval,
                               handler: @escaping @Sendable () -> any ChannelHandler) throws -> EventLoopFuture<Channel> {
        let tls = secure ? try NIOSSLContext(configuration: .makeClientConfiguration()) : nil
        // An IP address is not a TLS server name.
        let serverName = host.allSatisfy({ $0.isNumber || $0 == "." || $0 == ":" }) ? nil : host
        let idle = TimeAmount.nanoseconds(Int64(idleTimeout * 1_000_000_000))
        return ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(idle)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let tls { try pipeline.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: serverName)) }
                    try pipeline.addHTTPClientHandlers()
                    try pipeline.addHandler(IdleStateHandler(readTimeout: idle))
                    try pipeline.addHandler(handler())
                }
            }
            .connect(host: host, port: port)
    }

    /// A connection error in a few words a user can act on ("connection refused", TLS).
    public static func describe(_ error: any Error) -> String {
        if let connection = error as? NIOConnectionError {
            let reasons = connection.connectionErrors.map { "\($0.error)" } + (connection.dnsAError.map { ["\($0)"] } ?? [])
            return reasons.contains { $0.contains("refused") }
                ? "cannot connect to \(connection.host):\(connection.port): connection refused"
                : "cannot connect to \(connection.host):\(connection.port)" + (reasons.first.map { ": \($0)" } ?? "")
        }
        if let tls = error as? NIOSSLError { return "TLS: \("\(tls)".prefix(200))" }
        return "\(error)"
    }
}
