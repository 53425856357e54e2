/// What this binary is: the release version and the commit it was built from.
public enum BuildInfo {
    /// The release version (kept in step with CHANGELOG.md).
    public static let version = "0.9.0"

    /// The git commit captured at build time, nil when built outside a git checkout.
    public static var commit: String? { ProjectData.buildCommit }

    /// `0.9.0 (commit 1a2b3c4d5e6f)`, or `0.9.0 (commit unknown)`.
    public static var description: String { "\(version) (commit \(commit ?? "unknown"))" }
}
