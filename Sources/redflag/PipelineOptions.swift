import ArgumentParser
import RedFlagCore
import RedFlagKit
import RedFlagLists

/// The switches every batch command (screen, check, rescreen) shares: progress/summary, audit
/// trail, allow-list, known-party memory. Add with `@OptionGroup var pipeline: PipelineOptions`.
struct PipelineOptions: ParsableArguments {
    @Flag(name: [.customShort("q"), .long], help: "No progress line and no summary line on stderr.")
    var quiet = false

    @Flag(name: .customLong("audit"), inversion: .prefixedNo,
          help: "Record the run in the audit trail (15 CFR 762 record keeping; see `redflag audit`).")
    var audit = true

    @Flag(name: .customLong("allow-list"), inversion: .prefixedNo,
          help: "Suppress adjudicated false positives from the allow-list (see `redflag allow`).")
    var allowList = true

    @Flag(name: .customLong("remember-parties"), inversion: .prefixedNo,
          help: "Remember the screened parties so `redflag rescreen` checks them when lists change.")
    var rememberParties = true

    @Option(name: .customLong("max-record-bytes"), help: ArgumentHelp(
        "Longest input line or CSV record, in bytes (default 1048576): a longer one is an error record; memory stays bounded.",
        valueName: "bytes"))
    var maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes

    @Option(name: .customLong("max-age-days"), help: ArgumentHelp(
        "A list older than this many days is stale: a warning, and \"stale\": true in each record's lists (default 7).",
        valueName: "days"))
    var maxAgeDays: Int = 7

    @Flag(name: .customLong("fail-if-stale"), help: "Exit 75 without screening when a list is stale (for scheduled runs).")
    var failIfStale = false

    func validate() throws {
        if maxRecordBytes < 1_024 { throw ValidationError("--max-record-bytes must be at least 1024") }
        if maxAgeDays < 0 { throw ValidationError("--max-age-days must be 0 or more") }
    }

    /// Warns on stderr for each stale list; with `--fail-if-stale`, ends the command with exit 75
    /// (EX_TEMPFAIL: try again after `redflag lists update`) before anything is screened.
    /// Call before any record is written: it also sets the age past which records mark a list stale.
    func checkStaleness(_ snapshots: [ListSnapshot]) throws {
        ListSnapshot.staleAfterDays = maxAgeDays
        let stale = snapshots.filter(\.isStale)
        for s in stale {
            let basis = s.publicationDate.map { "published \($0)" } ?? "imported \(s.importedAt.map { "\($0)" } ?? "at an unknown time")"
            Console.message("redflag: warning: \(s.source.rawValue) is \(s.ageInDays() ?? 0) days old (\(basis)), "
                + "older than \(maxAgeDays) days: run `redflag lists update`")
        }
        if failIfStale && !stale.isEmpty {
            Console.message("redflag: --fail-if-stale: not screening against stale lists")
            throw ExitCode(PipelineOptions.staleExitCode)
        }
    }

    /// Notes on stderr that the store's index was indexed in memory (written by another build).
    func noteIndex(_ context: ScreeningContext?) {
        guard context?.indexBuiltInMemory == true else { return }
        Console.message("redflag: note: the list store's index was written by another redflag build; the lists were indexed in memory "
            + "(slower at every start) until `redflag lists update` or `redflag lists import` rebuilds it")
    }

    /// Exit code of `--fail-if-stale` when a list is stale (EX_TEMPFAIL).
    static let staleExitCode: Int32 = 75

    var settings: PipelineSettings {
        PipelineSettings(quiet: quiet, audit: audit, allowList: allowList, rememberParties: rememberParties)
    }
}
