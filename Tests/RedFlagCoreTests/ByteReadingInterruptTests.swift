import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import RedFlagCore

/// Regression test for a fuzzer finding (Fuzz/README.md): a read of standard input or a pipe that
/// a signal interrupts (EINTR) trapped inside Foundation's `readData(ofLength:)`. The reader now
/// retries it and delivers every byte.
@Suite(.serialized) struct ByteReadingInterruptTests {
    @Test func aReadInterruptedBySignalsIsRetried() throws {
        // A handler installed without SA_RESTART: a blocked read(2) returns EINTR when it runs.
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in }
        #else
        action.__sigaction_u.__sa_handler = { _ in }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        var previous = sigaction()
        sigaction(SIGUSR2, &action, &previous)
        defer { sigaction(SIGUSR2, &previous, nil) }

        let pipe = Pipe()
        let reader = FileHandleByteReader(handle: pipe.fileHandleForReading)
        let readerThread = pthread_self()
        let payload = Array("order_id,customer_name\nA-1,Example GmbH\n".utf8)
        let writer = pipe.fileHandleForWriting
        // Signals hit the reading thread while it waits for the first byte; then the data comes.
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            for _ in 0..<30 {
                pthread_kill(readerThread, SIGUSR2)
                Thread.sleep(forTimeInterval: 0.01)
            }
            writer.write(Data(payload))
            try? writer.close()
            done.signal()
        }
        var received: [UInt8] = []
        while true {
            let chunk = try reader.read(upTo: 16)
            if chunk.isEmpty { break }
            received += chunk
        }
        done.wait()
        #expect(received == payload)
    }
}
