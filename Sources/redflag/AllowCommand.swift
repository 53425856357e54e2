import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagLists

/// `redflag allow`: the allow-list of adjudicated false positives.
struct Allow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allow",
        abstract: "Manage the allow-list of adjudicated false positives.",
        discussion: """
            A rule says "this query name (in this country) is not that listed entry". Screening then marks
            the match suppressed (still shown in JSON output, with the reason) and it no longer raises the
            decision. The rule remembers the entry as it was: when the publisher changes it (new alias,
            address, program) the suppression lapses and the match alerts again, saying which fields changed.
            `allow list` shows each rule as active or lapsed (with the date of the import that changed the
            entry); `allow renew ID` re-adjudicates a lapsed rule against the entry as it is now.
            """,
        subcommands: [Add.self, List.self, Renew.self, Remove.self],
        defaultSubcommand: List.self
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Allow-list one match.")

        @OptionGroup var data: DataDirOptions
        @OptionGroup var listFiles: ListFileOptions
        @Option(help: "The screened name as it appears in your data.") var query: String
        @Option(help: "ISO country code of the screened party; without it the rule holds for any country.")
        var country: String?
        @Option(help: ArgumentHelp("The listed entry's id, e.g. OFAC-SDN:6915.", valueName: "id")) var entry: String
        @Option(help: "Why this is not the listed party (kept for the audit).") var reason: String
        @Option(help: "Who adjudicated it.") var by: String

        func run() throws {
            try runReportingErrors {
                let listed = try Allow.findEntry(id: entry, data: data.directory, listPaths: listFiles.urls)
                let store = try data.stores.allowList(create: true)!
                let rule = try store.add(query: query, country: country, entry: listed, reason: reason, by: by)
                let scope = rule.country.map { "in \($0)" } ?? "in any country"
                writeLine(TerminalText.escape("allow-list rule \(rule.id): '\(rule.query)' \(scope) is not \(rule.entryID) (\(rule.entryName))"))
                return 0
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Show the allow-list rules, each active or lapsed against the lists now.")

        @OptionGroup var data: DataDirOptions
        @OptionGroup var listFiles: ListFileOptions
        @Option(help: "table, json, jsonl or csv.") var format: OutputFormat = .table

        func run() throws {
            try runReportingErrors {
                let allowList = try data.stores.allowList(create: false)?.load() ?? .empty
                let statuses = try Allow.statuses(of: allowList, data: data.directory, listPaths: listFiles.urls)
                switch format {
                case .json:
                    writeLine(String(decoding: try Allow.encoder(pretty: true).encode(statuses), as: UTF8.self))
                case .jsonl:
                    let encoder = Allow.encoder(pretty: false)
                    for status in statuses { writeLine(String(decoding: try encoder.encode(status), as: UTF8.self)) }
                case .csv:
                    writeLine("id,query,country,entry,entry_name,reason,by,at,entry_fingerprint,state,since,changes")
                    for status in statuses {
                        let r = status.rule
                        writeLine([String(r.id), r.query, r.country ?? "", r.entryID, r.entryName, r.reason, r.by, r.at,
                                   r.entryFingerprint, status.state.rawValue, status.since ?? "",
                                   (status.changes ?? []).map(\.text).joined(separator: "; ")].map(CSVText.field).joined(separator: ","))
                    }
                case .table:
                    if statuses.isEmpty {
                        Console.message("redflag: the allow-list is empty")
                    }
                    for status in statuses {
                        let r = status.rule
                        writeLine([String(r.id), status.summary, r.query, r.country ?? "*", r.entryID, r.entryName, r.by, r.at, r.reason]
                            .map(TerminalText.escape).joined(separator: "\t"))
                        guard status.state == .lapsed else { continue }
                        if let changes = status.changes {
                            for change in changes { writeLine("    " + TerminalText.escape(change.text)) }
                        } else if status.entryListed {
                            writeLine("    (which fields changed is not known: the rule predates redflag keeping the adjudicated entry)")
                        }
                    }
                }
                return 0
            }
        }
    }

    struct Renew: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "renew",
            abstract: "Re-adjudicate a lapsed rule against the entry as it is now (recorded like add).")

        @OptionGroup var data: DataDirOptions
        @OptionGroup var listFiles: ListFileOptions
        @Argument(help: "The lapsed rule's id (see `redflag allow list`).") var id: Int64
        @Option(help: "Why this is still not the listed party, given the changes (kept for the audit).") var reason: String
        @Option(help: "Who adjudicated it.") var by: String

        func run() throws {
            try runReportingErrors {
                guard let store = try data.stores.allowList(create: false),
                      let old = try store.rules().first(where: { $0.id == id }) else {
                    throw RedFlagError.usage("allow renew: no allow-list rule \(id) (see `redflag allow list`)")
                }
                let listed = try Allow.findEntry(id: old.entryID, data: data.directory, listPaths: listFiles.urls, command: "allow renew")
                let rule = try store.renew(id: id, entry: listed, reason: reason, by: by)
                let scope = rule.country.map { "in \($0)" } ?? "in any country"
                writeLine("allow-list rule \(rule.id) renews rule \(id): '\(rule.query)' \(scope) is not \(rule.entryID) (\(rule.entryName)) as listed now")
                for change in old.changes(now: listed) ?? [] { writeLine("    " + TerminalText.escape(change.text)) }
                return 0
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Delete an allow-list rule.")

        @OptionGroup var data: DataDirOptions
        @Argument(help: "The rule id (see `redflag allow list`).") var id: Int64

        func run() throws {
            try runReportingErrors {
                guard let store = try data.stores.allowList(create: false) else {
                    throw RedFlagError.usage("allow remove: no allow-list rule \(id) (the allow-list is empty)")
                }
                let rule = try store.remove(id: id)
                writeLine(TerminalText.escape("removed allow-list rule \(rule.id): '\(rule.query)' vs \(rule.entryID)"))
                return 0
            }
        }
    }

    /// Every rule's status against the entries listed now (`--lists` files, else the store's
    /// prebuilt index) and the store's change log (for the dates rules lapsed).
    static func statuses(of allowList: AllowList, data: DataDirectory, listPaths: [URL]) throws -> [AllowRuleStatus] {
        guard !allowList.isEmpty else { return [] }
        let engine: ScreeningEngine
        do {
            engine = try ScreeningEngine.open(dataDirectory: data, listPaths: listPaths, configuration: .default)
        } catch RedFlagError.noLists {
            Console.message("redflag: no lists imported: cannot tell active from lapsed rules (import lists or pass --lists)")
            return allowList.statusesWithoutLists()
        }
        let log = listPaths.isEmpty ? try ListStore(dataDirectory: data).changes() : []
        return allowList.statuses(entry: { engine.entry(id: $0) }, changeLog: log)
    }

    /// The entry as it is now, from `--lists` files or the imported store (only its source is read).
    static func findEntry(id: String, data: DataDirectory, listPaths: [URL], command: String = "allow add") throws -> ListEntry {
        let found: ListEntry?
        if !listPaths.isEmpty {
            found = ListSet(parsed: try ListFileLoader.load(paths: listPaths)).entry(id: id)
        } else {
            let prefix = id.split(separator: ":", maxSplits: 1).first.map(String.init) ?? id
            let sources = ListSource(rawValue: prefix).map { Set([$0]) }
            found = try ListStore(dataDirectory: data).load(sources: sources).entry(id: id)
        }
        guard let found else {
            throw RedFlagError.usage("\(command): no listed entry '\(id)' in the loaded lists (ids look like OFAC-SDN:6915)")
        }
        return found
    }

    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

