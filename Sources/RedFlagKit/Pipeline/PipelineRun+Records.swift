import Foundation
import RedFlagCore
import RedFlagMatching
import RedFlagRules

extension PipelineRun {
    /// Records a chunk of screen records once it is written: counts and progress, the audit
    /// trail (each HOLD and STOP record as its JSON line, taken from the batch when it encoded
    /// it, else encoded now) and the screened parties for `rescreen`. What `redflag screen`
    /// does after every chunk; a service does the same after every response chunk.
    public func recordScreened(_ items: [ScreenedRecord], json: ScreeningJSON, fraction: Double? = nil) throws {
        try record(items.map { item in (item.record.decision, { item.json ?? json.encode(item.record) }) }, fraction: fraction)
        let queries = items.compactMap { item -> ScreeningQuery? in
            if case .result(let result, _) = item.record { return result.query }
            return nil
        }
        if !queries.isEmpty { try remember(queries) }
    }

    /// Records a chunk of checked rows once it is written: counts and progress, the audit trail
    /// (each HOLD and STOP row as its JSON record: `auditJSON` when it was rendered beside the
    /// check, else the JSON Lines row without its newline, else rendered now) and every
    /// screened party under its role. What `redflag check` does after every chunk.
    public func recordChecked(_ rows: [CheckedRow], output: CheckOutputFormat, fraction: Double? = nil) throws {
        try record(rows.map { row in
            (row.check.decision, {
                if let json = row.auditJSON { return json }
                // Drop the row's newline by its UTF-8 byte: `String.dropLast()` counts every Character first.
                return output.kind == .jsonl ? String(Substring(row.text.utf8.dropLast())) : output.recordJSON(row.check)
            })
        }, fraction: fraction)
        var byRole: [PartyScreening.Role: [ScreeningQuery]] = [:]
        for row in rows {
            for party in row.check.parties { byRole[party.role, default: []].append(party.result.query) }
        }
        for role in PartyScreening.Role.allCases {
            if let queries = byRole[role] { try remember(queries, role: role.rawValue) }
        }
    }
}

extension AuditRunInfo {
    /// The facts of a screen run as `redflag screen` records them: the snapshots and the
    /// matcher configuration of `context`. `inputPath` nil for one name.
    public static func screen(context: ScreeningContext, inputPath: String?, arguments: [String] = CommandLine.arguments,
                              user: String = AuditRunInfo.currentUser()) -> AuditRunInfo {
        AuditRunInfo(command: "screen", arguments: arguments, inputPath: inputPath, snapshots: context.snapshots,
                     configurationJSON: json(["configuration": context.settings.screen]), user: user)
    }

    /// The facts of a check run as `redflag check` records them: the snapshots of `context`
    /// (none without screening), the catalog configuration and the decision policy.
    public static func check(rules: CheckRules, policy: DecisionPolicy, context: ScreeningContext?, inputPath: String?,
                             arguments: [String] = CommandLine.arguments, user: String = AuditRunInfo.currentUser()) -> AuditRunInfo {
        AuditRunInfo(command: "check", arguments: arguments, inputPath: inputPath, snapshots: context?.snapshots ?? [],
                     configurationJSON: json(["configuration": rules.catalog.configuration, "decisionPolicy": policy.identity]), user: user)
    }
}
