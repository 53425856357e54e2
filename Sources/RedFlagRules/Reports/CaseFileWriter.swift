import Foundation
import RedFlagCore

/// Writes the case file of a STOP order (`--report-dir`): `<order_id>.md` for the compliance
/// officer and `<order_id>.json` for systems, with the order facts, list matches, findings,
/// citations, license determination and BIS contacts.
public struct CaseFileWriter: Sendable {
    public let directory: URL
    public let configuration: String
    public let lists: [ListStamp]

    public init(directory: URL, configuration: String, lists: [ListStamp]) {
        self.directory = directory
        self.configuration = configuration
        self.lists = lists
    }

    /// Creates the directory; exit 73 when it cannot.
    public func prepare() throws {
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw RedFlagError.cannotWrite(path: directory.path, reason: error.localizedDescription)
        }
    }

    /// A safe and unique file name stem for an order id: `case-<readable part>-<hash>`.
    ///
    /// The readable part keeps ASCII letters, digits, `-` and `_` (anything else becomes `_`, so
    /// no `/`, `..` or control character reaches the file system) and at most 64 of them; the
    /// suffix is the first 12 hex digits of the id's SHA-256, so ids that read alike (`A/B` and
    /// `A_B`, `.` and `..`) or share a long prefix still get files of their own, and the name
    /// stays far below the 255-byte limit of a file name.
    public static func fileStem(_ orderID: String) -> String {
        var safe = String(orderID.unicodeScalars.prefix(64).map { s -> Character in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "_") ? Character(s) : "_"
        })
        if safe.isEmpty { safe = "_" }
        var hash = SHA256()
        hash.update(Array(orderID.utf8))
        return "case-" + safe + "-" + hash.finalizeHex().prefix(12)
    }

    /// `text` safe inside a Markdown line: line breaks and other control characters shown as
    /// escapes, Markdown punctuation backslash-escaped, so an order id or a name cannot break the
    /// document's structure or inject links and HTML.
    static func markdown(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            switch s {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += " "
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!", "~", "(", ")": out += "\\" + String(s)
            default:
                if s.value < 0x20 || (0x7F..<0xA0).contains(s.value) {
                    out += "\\x" + String(s.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out
    }

    struct CaseJSON: Encodable {
        var order_id: String
        var decision: Decision
        var order: [String: String]
        var findings: [Finding]
        var license: LicenseDetermination?
        var parties: [PartyScreening]
        var not_evaluated: [String]
        var configuration: String
        var lists: [ListStamp]
        var report_to: String
    }

    /// Writes both files for one STOP order; returns their URLs.
    @discardableResult
    public func write(_ check: OrderCheck, line: OrderLine) throws -> [URL] {
        let stem = Self.fileStem(check.orderID ?? "line-\(check.line)")
        let md = directory.appendingPathComponent(stem + ".md")
        let js = directory.appendingPathComponent(stem + ".json")
        var order: [String: String] = [:]
        for c in OrderColumn.allCases { if let v = line.text(c) { order[c.rawValue] = v } }
        let json = CaseJSON(order_id: check.orderID ?? "", decision: check.decision ?? .stop, order: order, findings: check.findings,
                            license: check.license, parties: check.parties.filter { !$0.result.matches.isEmpty },
                            not_evaluated: check.notEvaluated, configuration: configuration, lists: lists, report_to: NextStep.reportContacts)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try encoder.encode(json).write(to: js, options: .atomic)
            try Data(markdown(check, line: line).utf8).write(to: md, options: .atomic)
        } catch {
            throw RedFlagError.cannotWrite(path: md.path, reason: error.localizedDescription)
        }
        return [md, js]
    }

    func markdown(_ c: OrderCheck, line: OrderLine) -> String {
        let md = Self.markdown
        var s = "# Case file: order \(md(c.orderID ?? "?")) — \(c.decision?.rawValue ?? "STOP")\n\n"
        s += "Customer: \(md(line.text(.customerName) ?? "?")) (customer_id \(md(line.customerID))), order date \(md("\(line.orderDate)")), line \(c.line) of the export.\n\n"
        s += "**Do not ship, release, finance or service this order.** Escalate to compliance. Either refrain, or give BIS the facts (license application or request for guidance) and wait for its answer.\n\n"
        s += "## Order facts\n\n| column | value |\n|---|---|\n"
        for col in OrderColumn.allCases { if let v = line.text(col) { s += "| \(col.rawValue) | \(md(v)) |\n" } }
        s += "\n## Findings\n\n"
        for f in c.findings {
            s += "### \(f.id) \(f.title) — \(f.severity.rawValue)\n\n"
            for fact in f.facts { s += "- \(md(fact))\n" }
            s += "\nCitation: \(f.citation)\n\nNext step: \(f.nextStep)\n\n"
        }
        let matched = c.parties.filter { !$0.result.matches.isEmpty }
        if !matched.isEmpty {
            s += "## List matches\n\n"
            for p in matched {
                for m in p.result.matches {
                    s += "- \(p.role.rawValue) '\(md(p.result.query.name))' → \(m.list.rawValue) \(md(m.id)) '\(md(m.name))' (score \(String(format: "%.2f", m.score)), \(m.decision.rawValue)): \(md(m.explanation.summary))\n"
                }
            }
            s += "\n"
        }
        if let l = c.license {
            s += "## License determination\n\n\(l.status.rawValue)\n\n"
            for b in l.basis { s += "- \(b)\n" }
            if !l.missing.isEmpty { s += "- missing: \(l.missing.joined(separator: ", "))\n" }
            s += "\n"
        }
        if !c.notEvaluated.isEmpty {
            s += "## Not evaluated\n\n" + c.notEvaluated.map { "- \($0)\n" }.joined() + "\n"
        }
        s += "## Report\n\n- BIS Export Enforcement 24-hour hotline: 1-800-424-2980\n- Confidential online tip form: https://www.bis.gov/enforcement\n"
        s += "- If a violation may already have happened: voluntary self-disclosure under 15 CFR 764.5\n"
        s += "- Financial institutions: SAR with key term FIN-2023-GLOBALEXPORT (FIN-2022-RUSSIABIS for Russia / Belarus)\n\n"
        s += "## Provenance\n\nConfiguration: \(configuration)\n\n"
        s += lists.isEmpty ? "Lists: none loaded\n" : "Lists:\n" + lists.map { "- \($0.source) sha256 \($0.sha256)\n" }.joined()
        return s
    }
}
