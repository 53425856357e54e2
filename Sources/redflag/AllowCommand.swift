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
            address, program) the suppression lapses and the match alerts again.
            """,
        subcommands: [Add.self, List.self, Remove.self],
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
                let store = try AllowListStore(dataDirectory: data.directory)
                let rule = try store.add(query: query, country: country, entry: listed, reason: reason, by: by)
                let scope = rule.country.map { "in \($0)" } ?? "in any country"
                writeLine(TerminalText.escape("allow-list rule \(rule.id): '\(rule.query)' \(scope) is not \(rule.entryID) (\(rule.entryName))"))
                return 0
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Show the allow-list rules.")

        @OptionGroup var data: DataDirOptions
        @Option(help: "table or json.") var format: OutputFormat = .table

        func run() throws {
            try runReportingErrors {
                let rules = try AllowListStore.openIfPresent(dataDirectory: data.directory)?.rules() ?? []
                switch format {
                case .json:
                    writeLine(String(decoding: try Allow.encoder(pretty: true).encode(rules), as: UTF8.self))
                case .jsonl:
                    let encoder = Allow.encoder(pretty: false)
                    for rule in rules { writeLine(String(decoding: try encoder.encode(rule), as: UTF8.self)) }
                case .csv:
                    writeLine("id,query,country,entry,entry_name,reason,by,at,entry_fingerprint")
                    for r in rules {
                        writeLine([String(r.id), r.query, r.country ?? "", r.entryID, r.entryName, r.reason, r.by, r.at,
                               r.entryFingerprint].map(CSVText.field).joined(separator: ","))
                    }
                case .table:
                    if rules.isEmpty {
                        Console.message("redflag: the allow-list is empty")
                    }
                    for r in rules {
                        writeLine([String(r.id), r.query, r.country ?? "*", r.entryID, r.entryName, r.by, r.at, r.reason]
                            .map(TerminalText.escape).joined(separator: "\t"))
                    }
                }
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
                guard let store = try AllowListStore.openIfPresent(dataDirectory: data.directory) else {
                    throw RedFlagError.usage("allow remove: no allow-list rule \(id) (the allow-list is empty)")
                }
                let rule = try store.remove(id: id)
                writeLine(TerminalText.escape("removed allow-list rule \(rule.id): '\(rule.query)' vs \(rule.entryID)"))
                return 0
            }
        }
    }

    /// The entry as it is now, from `--lists` files or the imported store (only its source is read).
    static func findEntry(id: String, data: DataDirectory, listPaths: [URL]) throws -> ListEntry {
        let found: ListEntry?
        if !listPaths.isEmpty {
            found = ListSet(parsed: try ListFileLoader.load(paths: listPaths)).entry(id: id)
        } else {
            let prefix = id.split(separator: ":", maxSplits: 1).first.map(String.init) ?? id
            let sources = ListSource(rawValue: prefix).map { Set([$0]) }
            found = try ListStore(dataDirectory: data).load(sources: sources).entry(id: id)
        }
        guard let found else {
            throw RedFlagError.usage("allow add: no listed entry '\(id)' in the loaded lists (ids look like OFAC-SDN:6915)")
        }
        return found
    }

    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

