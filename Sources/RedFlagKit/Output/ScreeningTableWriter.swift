import RedFlagCore
import RedFlagLists
import RedFlagMatching

/// The sales desk's view: a verdict line per screened name (coloured on a terminal), a table of
/// the matches and, with `explain`, each match's token alignment and qualifiers.
public final class ScreeningTableWriter: RecordWriter {
    private let sink: OutputSink
    private let style: TerminalStyle
    private let explain: Bool
    private let snapshots: [ListSnapshot]
    /// With `explain`, the nearest candidates of a CLEAR result (see `ScreeningEngine.nearest`).
    private let nearest: ((ScreeningQuery) -> [NearCandidate])?
    private var count = 0

    public init(sink: OutputSink, snapshots: [ListSnapshot], style: TerminalStyle, explain: Bool,
                nearest: ((ScreeningQuery) -> [NearCandidate])? = nil) {
        self.sink = sink
        self.snapshots = snapshots
        self.style = style
        self.explain = explain
        self.nearest = nearest
    }

    public func begin() throws {}

    public func write(_ records: [ScreeningOutputRecord]) throws {
        for r in records {
            if count > 0 { sink.write("\n") }
            sink.write(render(r))
            count += 1
        }
        try sink.flush()
    }

    /// Ends with the list snapshots screened against, so a printed answer can be defended later.
    public func end() throws {
        if !snapshots.isEmpty {
            let lists = snapshots.map { s in
                "\(s.source.rawValue) \(s.publicationDate ?? "undated") sha256:\(s.sha256.prefix(12))"
            }
            sink.write("\n" + style.dim("Lists: " + lists.joined(separator: "; ")) + "\n")
        }
        try sink.flush()
    }

    func render(_ record: ScreeningOutputRecord) -> String {
        switch record {
        case .error(let e):
            return style.red("line \(e.line): not screened: " + TerminalText.escape(e.message)) + "\n"
        case .result(let result, let line):
            var out = verdict(result, line: line)
            if explain, result.decision == .clear, let nearest {
                out += nearCandidates(nearest(result.query))
            }
            guard !result.matches.isEmpty else { return out }
            var table = TextTable(columns: [
                .init("#", maxWidth: 3, alignRight: true), .init("SCORE", maxWidth: 5, alignRight: true),
                .init("DECISION", maxWidth: 8), .init("LIST", maxWidth: 12), .init("ID", maxWidth: 30), .init("NAME", maxWidth: 40),
                .init("MATCHED NAME", maxWidth: 40), .init("COUNTRIES", maxWidth: 14), .init("PROGRAMS", maxWidth: 24),
            ])
            for (i, m) in result.matches.enumerated() {
                table.add([
                    String(i + 1), String(format2(m.score)), m.suppressed == nil ? m.decision.rawValue : "allowed",
                    m.source == .csl ? "CSL/\(m.list.rawValue)" : m.list.rawValue, m.id, m.name,
                    m.matchedName + (m.aliasStrength == .weak ? " (weak)" : ""), m.countries.joined(separator: ","),
                    m.programs.joined(separator: ","),
                ])
            }
            out += table.render(indent: "  ")
            out += Self.lapses(result.matches, style: style)
            if explain {
                for (i, m) in result.matches.enumerated() { out += explanation(m, number: i + 1) }
            }
            return out
        }
    }

    /// A line under the table per match whose allow-list suppression lapsed, saying which fields
    /// of the entry changed since the adjudication, so the desk does not read it as a plain new hit.
    static func lapses(_ matches: [ScreeningMatch], style: TerminalStyle) -> String {
        var out = ""
        for (i, m) in matches.enumerated() {
            for q in m.explanation.qualifiers where q.name == ResolvedAllowList.lapsedQualifier {
                out += style.red("  ! [\(i + 1)] \(m.id) \(q.name): \(q.detail)") + "\n"
            }
        }
        return out
    }

    private func verdict(_ r: ScreeningResult, line: Int?) -> String {
        var head = style.decision(r.decision) + "  " + style.bold(TerminalText.escape(r.query.name))
        var context: [String] = []
        if let a = r.query.address { context.append(a) }
        if let c = r.query.country { context.append(c) }
        if !context.isEmpty { head += " (" + TerminalText.escape(context.joined(separator: ", ")) + ")" }
        if let line { head = "line \(line): " + head }
        let n = r.matches.count
        let strong = r.matches.filter { $0.decision == .stop && $0.suppressed == nil }.count
        switch r.decision {
        case .clear:
            head += n == 0 ? " — no match on any list" : " — \(n) weak candidate\(n == 1 ? "" : "s") below the review threshold"
        case .hold:
            head += " — \(n) possible match\(n == 1 ? "" : "es") to review"
        case .stop:
            head += " — \(strong) strong match\(strong == 1 ? "" : "es") on a list that bars the transaction"
        }
        return head + "\n"
    }

    /// Why nothing matched: the nearest listed names and what each lacked.
    private func nearCandidates(_ near: [NearCandidate]) -> String {
        guard !near.isEmpty else { return "  nearest candidates: none scored \(format2(Matcher.nearestFloor)) or more\n" }
        var out = "  nearest candidates (none reached review):\n"
        for (i, n) in near.enumerated() {
            let m = n.match
            out += "  [\(i + 1)] \(format2(m.score))  \(m.source == .csl ? "CSL/\(m.list.rawValue)" : m.list.rawValue)  \(m.id)  \(m.matchedName)\n"
            out += "      " + n.shortfall + "\n"
            out += "      " + m.explanation.summary + "\n"
        }
        return out
    }

    private func explanation(_ m: ScreeningMatch, number: Int) -> String {
        let e = m.explanation
        var out = "\n  [\(number)] " + TerminalText.escape("\(m.id)  \(m.matchedName)") + "\n"
        out += "      " + TerminalText.escape(e.summary) + "\n"
        var table = TextTable(columns: [
            .init("QUERY TOKEN", maxWidth: 24), .init("LISTED TOKEN", maxWidth: 24),
            .init("SIMILARITY", maxWidth: 10, alignRight: true), .init("WEIGHT", maxWidth: 6, alignRight: true),
        ])
        for t in e.tokens {
            table.add([t.query ?? "—", t.matched ?? "—", format2(t.similarity), format2(t.weight)])
        }
        out += table.render(indent: "      ")
        out += "      name score \(format2(e.nameScore))"
        if let a = e.addressScore {
            out += "; address score \(format2(a))" + (e.matchedAddress.map { " (\(TerminalText.escape($0)))" } ?? "")
        }
        out += "\n"
        for q in e.qualifiers {
            let sign = q.effect > 0 ? "+" : ""
            out += "      \(q.name) \(sign)\(format2(q.effect)): " + TerminalText.escape(q.detail) + "\n"
        }
        if let s = m.suppressed {
            out += "      " + TerminalText.escape("allowed by \(s.by) at \(s.at): \(s.reason)") + "\n"
        }
        return out
    }

    private func format2(_ v: Double) -> String {
        let scaled = Int((abs(v) * 100).rounded())
        let s = "\(scaled / 100).\(scaled % 100 < 10 ? "0" : "")\(scaled % 100)"
        return v < 0 && scaled != 0 ? "-" + s : s
    }
}
