import ArgumentParser
import RedFlagCore
import RedFlagKit

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

    func validate() throws {
        if maxRecordBytes < 1_024 { throw ValidationError("--max-record-bytes must be at least 1024") }
    }

    var settings: PipelineSettings {
        PipelineSettings(quiet: quiet, audit: audit, allowList: allowList, rememberParties: rememberParties)
    }
}
