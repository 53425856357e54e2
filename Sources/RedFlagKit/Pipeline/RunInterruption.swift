import Dispatch
import Foundation
import RedFlagCore

/// Catches SIGINT and SIGTERM for a batch run so it can stop cleanly between chunks.
///
/// The default action of both signals kills the process mid-write, which can leave half a JSON
/// line on stdout. Once installed, a signal only sets a flag; the batch loop checks `isRequested`
/// between chunks, writes the chunk it has, flushes, closes its databases and exits with
/// `exitCode` (130 for SIGINT, 143 for SIGTERM). A second SIGINT while stopping quits at once with
/// 130 — for a user whose shutdown takes too long — still never in the middle of a write of ours
/// because stdout writes happen on the main thread, not in the handler. SIGPIPE is ignored (and stays
/// ignored: see `Console.prepare`), so a closed pipe surfaces as an `EPIPE` write error the command
/// handles.
public final class RunInterruption: @unchecked Sendable {
    private let lock = NSLock()
    private var signalNumber: Int32 = 0
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "redflag.signals")

    public init() {}

    /// Installs the handlers (idempotent) and returns self.
    @discardableResult
    public func install() -> RunInterruption {
        lock.lock()
        defer { lock.unlock() }
        guard sources.isEmpty else { return self }
        // A write to a pipe whose reader is gone (a consumer that quit, or the input-replay pipe
        // after the run stopped reading) must fail with EPIPE and be handled — reported, the
        // audit run marked failed — instead of killing the process mid-run without a trace.
        signal(SIGPIPE, SIG_IGN)
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler { [weak self] in self?.received(sig) }
            // Registration is asynchronous; wait for it so no signal falls into the window where
            // it is already ignored but not yet watched.
            let registered = DispatchSemaphore(value: 0)
            source.setRegistrationHandler { registered.signal() }
            source.resume()
            _ = registered.wait(timeout: .now() + 2)
            sources.append(source)
        }
        return self
    }

    /// Restores the default signal actions (for in-process tests and after a run).
    public func uninstall() {
        lock.lock()
        let installed = sources
        sources = []
        lock.unlock()
        for source in installed { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    /// Asks the run to stop as if `sig` had arrived (used by tests and by callers that stop on
    /// their own, e.g. a closed output pipe).
    public func request(_ sig: Int32) { received(sig) }

    private func received(_ sig: Int32) {
        lock.lock()
        let first = signalNumber == 0
        if first { signalNumber = sig }
        lock.unlock()
        if !first && sig == SIGINT {
            Console.writeError("\nredflag: interrupted again, quitting now\n")
            exit(ExitCode.interrupted)
        }
    }

    /// True once SIGINT or SIGTERM arrived.
    public var isRequested: Bool { receivedSignal != nil }

    /// The signal that arrived first, nil when none.
    public var receivedSignal: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return signalNumber == 0 ? nil : signalNumber
    }

    /// 130 after SIGINT, 143 after SIGTERM, nil when not interrupted.
    public var exitCode: Int32? {
        switch receivedSignal {
        case SIGINT?: return ExitCode.interrupted
        case SIGTERM?: return ExitCode.terminated
        case let other?: return 128 + other
        case nil: return nil
        }
    }
}
