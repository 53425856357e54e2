import Foundation
import RedFlagCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether and how to colour terminal output: ANSI colours only when writing to a terminal and
/// `$NO_COLOR` is unset (https://no-color.org), plain text for pipes, files and tests.
public struct TerminalStyle: Sendable {
    public let colour: Bool

    public init(colour: Bool) { self.colour = colour }

    /// The style for standard output in this process's environment.
    public static func forStandardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"] == "dumb"
        return TerminalStyle(colour: isatty(STDOUT_FILENO) == 1 && !noColor && !dumb)
    }

    /// The decision word, bold and coloured (STOP red, HOLD yellow, CLEAR green) on a terminal.
    public func decision(_ decision: Decision) -> String {
        guard colour else { return decision.rawValue }
        let code: String
        switch decision {
        case .stop: code = "1;37;41"
        case .hold: code = "1;30;43"
        case .clear: code = "1;37;42"
        }
        return "\u{1B}[\(code)m \(decision.rawValue) \u{1B}[0m"
    }

    public func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    public func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    public func red(_ text: String) -> String { colour ? "\u{1B}[31m\(text)\u{1B}[0m" : text }
}
