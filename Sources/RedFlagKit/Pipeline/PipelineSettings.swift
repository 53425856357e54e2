/// The pipeline switches every batch command shares (`--quiet`, `--no-audit`, `--no-allow-list`).
public struct PipelineSettings: Sendable, Hashable {
    /// No progress line and no summary line on stderr.
    public var quiet: Bool
    /// Record the run in the audit trail (on by default: 15 CFR 762 record keeping).
    public var audit: Bool
    /// Apply the allow-list of adjudicated false positives.
    public var allowList: Bool
    /// Remember the screened parties for `redflag rescreen`.
    public var rememberParties: Bool

    public init(quiet: Bool = false, audit: Bool = true, allowList: Bool = true, rememberParties: Bool = true) {
        self.quiet = quiet
        self.audit = audit
        self.allowList = allowList
        self.rememberParties = rememberParties
    }
}
