import ArgumentParser
import Foundation
import RedFlagCore
import RedFlagKit
import RedFlagMatching
import RedFlagRules

/// `redflag rules`: the red-flag catalog (`Lists/redflags.json`) as it applies, optionally with
/// a check configuration.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the red-flag catalog, explain one flag, or show the decision policy.",
        subcommands: [RulesList.self, RulesShow.self, RulesPolicy.self],
        defaultSubcommand: RulesList.self)
}

/// Options shared by the rules subcommands.
struct CatalogOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp("Show the catalog as this check configuration changes it.", valueName: "file"))
    var config: String?

    func catalog() throws -> RedFlagCatalog {
        let c = try config.map { try CheckConfiguration.load(path: $0) } ?? .default
        return try RedFlagCatalog.bundled().applying(c)
    }
}

struct RulesList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List every flag: id, severity, status, title.")

    @Option(name: .customLong("format"), help: "table or json.")
    var format: RulesFormat = .table

    @OptionGroup var options: CatalogOptions

    enum RulesFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    func run() throws {
        try runReportingErrors {
            let catalog = try options.catalog()
            let implemented = Set(RuleSet.implementedIDs)
            switch format {
            case .json:
                Console.out.write(bytes: try RuleListDocument(catalog: catalog).json())
            case .table:
                var s = "configuration: \(catalog.configuration)\n"
                s += "ID              SEVERITY  STATUS         TITLE\n"
                for f in catalog.flags {
                    let status = RuleDocument.status(of: f)
                    s += RulesList.pad(f.id, 16) + RulesList.pad(f.severity.rawValue + (f.strongSeverity.map { "/\($0.rawValue)" } ?? ""), 10)
                        + RulesList.pad(status, 15) + f.title + "\n"
                }
                s += "\n\(catalog.flags.filter { implemented.contains($0.id) && $0.enabled }.count) flags checked from an order export; "
                s += "\(catalog.flags.filter { !implemented.contains($0.id) }.count) need data an export does not carry (`redflag rules show ID`).\n"
                Console.out.write(s)
            }
            return 0
        }
    }

    static func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s + " " : s + String(repeating: " ", count: w - s.count) }
}

struct RulesShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Explain one flag: source, fields, thresholds, questions.")

    @Argument(help: "Flag id, e.g. AC-02 or REG-CN-CBC.")
    var id: String

    @Option(name: .customLong("format"), help: "table or json.")
    var format: RulesList.RulesFormat = .table

    @OptionGroup var options: CatalogOptions

    func run() throws {
        try runReportingErrors {
            let catalog = try options.catalog()
            let document = try RuleDocument(catalog: catalog, id: id)
            if format == .json {
                Console.out.write(bytes: try document.json())
                return 0
            }
            let f = document.flag
            let implemented = RuleSet.implementedIDs.contains(f.id)
            var s = "\(f.id): \(f.title)\n\n"
            s += "Severity: \(f.severity.rawValue)" + (f.strongSeverity.map { " (strong form: \($0.rawValue))" } ?? "") + (f.enabled ? "" : " (disabled by the configuration)") + "\n"
            s += "Family: \(f.family)\n"
            s += "Concern: \(f.concern.label)\n"
            let combination = f.id == RuleEngine.combinationID
            s += "Status: " + (combination ? "checked on every order line, over the HOLD flags that fired" : implemented ? "checked on every order line" : "not evaluable from an order export; needs \(f.needs ?? "data outside the export")") + "\n"
            s += "Source: \(f.source.document), \(f.source.date)\n        \(f.source.url)\n\n"
            s += f.description + "\n"
            if !f.fields.isEmpty { s += "\nOrder columns read: \(f.fields.joined(separator: ", "))\n" }
            if !f.thresholds.isEmpty {
                s += "\nThresholds:\n" + f.thresholds.sorted { $0.key < $1.key }.map { "  \($0.key) = \($0.value == $0.value.rounded() ? String(Int64($0.value)) : String($0.value))\n" }.joined()
            }
            if !f.terms.isEmpty {
                s += "\nTerm lists:\n" + f.terms.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value.prefix(12).joined(separator: ", "))\($0.value.count > 12 ? ", … (\($0.value.count))" : "")\n" }.joined()
            }
            if !f.questions.isEmpty { s += "\nQuestions for the customer (HOLD):\n" + f.questions.map { "  - \($0)\n" }.joined() }
            s += "\nConfiguration: \(catalog.configuration)\n"
            Console.out.write(s)
            return 0
        }
    }
}

/// `redflag rules policy`: the decision policy every front end applies to list matches
/// (`Lists/decision-policy.json`, changed by the `decisionPolicy` key of a `--config` file).
struct RulesPolicy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Show the decision policy: which lists and programs STOP or HOLD on a confirmed match, and the caps.")

    @Option(name: .customLong("config"),
            help: ArgumentHelp("A screen or check configuration whose decisionPolicy key changes the policy.", valueName: "file"))
    var config: String?

    @Option(name: .customLong("format"), help: "table or json.")
    var format: RulesList.RulesFormat = .table

    func run() throws {
        try runReportingErrors {
            let policy = try DecisionPolicy.load(configPath: config)
            switch format {
            case .json:
                Console.out.write(bytes: try DocumentJSON.encode(policy))
            case .table:
                Console.out.write(policy.render())
            }
            return 0
        }
    }
}
