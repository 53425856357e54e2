import Foundation
import RedFlagCore

/// Everything compiled once for the free-text rules: the multilingual note patterns and, per flag,
/// its catalog term lists (forwarder words, industry words…) as word-and-phrase sets. A class so
/// every line's `LineText` shares it without copying.
public final class TextLibrary: @unchecked Sendable {
    public let patterns: TextPatterns
    /// flag id → term list name → index into `wordSets`.
    let wordIndex: [String: [String: Int]]
    let wordSets: [PhraseSet]
    /// What each distinct text said, for the run: an export repeats a customer's end-use statement,
    /// ship-to and end-user names on every line, and reading them again cost a tenth of a line's
    /// CPU time. Guarded by `lock`; emptied at `capacity` so memory stays bounded.
    private let lock = NSLock()
    private var readings: [String: Reading] = [:]
    private var quotes: [WordKey: String?] = [:]
    private let capacity = 50_000

    struct Reading {
        var tokens: TextTokens
        var occurrences: [TextPatterns.Occurrence]
    }
    struct WordKey: Hashable {
        var set: Int
        var negatable: Bool
        var text: String
    }
    /// Pattern indices per flag, for the per-line look-up.
    let flagPatterns: [String: [Int]]

    public init(patterns: TextPatterns, catalog: RedFlagCatalog) throws {
        try patterns.validate(against: catalog)
        self.patterns = patterns
        var index: [String: [String: Int]] = [:]
        var sets: [PhraseSet] = []
        for f in catalog.flags {
            for (name, list) in f.terms {
                index[f.id, default: [:]][name] = sets.count
                sets.append(PhraseSet(list))
            }
        }
        wordIndex = index
        wordSets = sets
        flagPatterns = Dictionary(uniqueKeysWithValues: patterns.flags.map { ($0, patterns.patterns(for: $0)) })
    }

    /// The compiled term list `list` of flag `flag` (empty when the catalog has none).
    public func words(_ flag: String, _ list: String) -> PhraseSet { wordIndex[flag]?[list].map { wordSets[$0] } ?? Self.none }
    static let none = PhraseSet([])

    /// The note patterns' reading of a text, remembered per distinct text.
    func reading(_ text: String) -> Reading {
        lock.lock()
        if let r = readings[text] { lock.unlock(); return r }
        lock.unlock()
        let t = TextTokens(text)
        let r = Reading(tokens: t, occurrences: patterns.read(t))
        lock.lock()
        if readings.count >= capacity { readings.removeAll(keepingCapacity: true) }
        readings[text] = r
        lock.unlock()
        return r
    }

    /// The first phrase of flag `flag`'s term list `list` in `text`, quoted in context (nil when
    /// none, or every match is denied and `negatable`), remembered per distinct text.
    func quote(_ flag: String, _ list: String, _ text: String, column: OrderColumn, negatable: Bool) -> String? {
        guard let i = wordIndex[flag]?[list], !wordSets[i].isEmpty else { return nil }
        let key = WordKey(set: i, negatable: negatable, text: text)
        lock.lock()
        if let q = quotes[key] { lock.unlock(); return q.map { "\(column.rawValue): «\($0)»" } }
        lock.unlock()
        let t = TextTokens(text)
        var matches = wordSets[i].matches(in: t)
        if negatable { matches.removeAll { patterns.isNegated($0.first, $0.last, in: t) } }
        let q = matches.min(by: { ($0.first, -$0.last) < ($1.first, -$1.last) }).map { t.quote($0.first, $0.last) }
        lock.lock()
        if quotes.count >= capacity { quotes.removeAll(keepingCapacity: true) }
        quotes[key] = q
        lock.unlock()
        return q.map { "\(column.rawValue): «\($0)»" }
    }

    /// The free-text columns the note patterns read.
    public static let columns: [OrderColumn] = [.notes, .endUse]
}

/// What the free text of one order line says: each non-empty note column tokenized once and read
/// against the note patterns. Rules ask it for the evidence behind one flag.
public struct LineText: Sendable {
    struct Field: Sendable {
        var column: OrderColumn
        var tokens: TextTokens
        var occurrences: [TextPatterns.Occurrence]
    }
    let library: TextLibrary?
    let fields: [Field]

    /// No text read (rules then see no text evidence).
    public static let none = LineText(library: nil, fields: [])

    private init(library: TextLibrary?, fields: [Field]) {
        self.library = library
        self.fields = fields
    }

    public init(line: OrderLine, library: TextLibrary) {
        self.library = library
        var fields: [Field] = []
        for c in TextLibrary.columns {
            guard let v = line.text(c) else { continue }
            let r = library.reading(v)
            if !r.occurrences.isEmpty { fields.append(Field(column: c, tokens: r.tokens, occurrences: r.occurrences)) }
        }
        self.fields = fields
    }

    /// The note evidence for `flag`: every matched span quoted with the words around it and what it
    /// means; strong only when an order fact corroborates it (the item on the line contradicts the
    /// description a request asks for, or the line's price contradicts a lower declared value), so
    /// text alone never goes past the flag's base severity. When every match is denied or answered
    /// in the text, the hit is `recordOnly`: the note resolves the question and is shown as such.
    public func hit(for flag: String, _ ctx: RuleContext) -> Hit? {
        guard let library, !fields.isEmpty, let wanted = library.flagPatterns[flag] else { return nil }
        var facts: [String] = []
        var resolvedFacts: [String] = []
        var strong = false
        for f in fields {
            for o in f.occurrences where wanted.contains(o.pattern) {
                let p = library.patterns.patterns[o.pattern]
                let quote = "\(f.column.rawValue): «\(f.tokens.quote(o.first, o.last))»"
                if o.resolved {
                    resolvedFacts.append("\(quote) documents the answer (\(p.meaning), denied or answered in the text)")
                    continue
                }
                switch p.corroborate {
                case .item:
                    guard let d = o.description else { facts.append("\(quote) (\(p.meaning))"); continue }
                    switch Self.compare(library.patterns.descriptions[d], ctx) {
                    case .truthful:
                        continue
                    case .false(let why):
                        strong = true
                        facts.append("\(quote) (\(p.meaning): '\(o.descriptionText ?? "")')")
                        facts.append(why)
                    case .unchecked(let why):
                        facts.append("\(quote) (\(p.meaning): '\(o.descriptionText ?? "")'; \(why))")
                    }
                case .price:
                    facts.append("\(quote) (\(p.meaning))")
                    if let price = ctx.line.number(.unitPrice), price > 0 {
                        strong = true
                        facts.append("unit_price = \(Format.number(price)) \(ctx.line.text(.currency) ?? "")".trimmingCharacters(in: .whitespaces)
                                     + ": the order's own price, which a lower declared value would misstate")
                    }
                case nil:
                    facts.append("\(quote) (\(p.meaning))")
                }
            }
        }
        if facts.isEmpty {
            return resolvedFacts.isEmpty ? nil : Hit(facts: resolvedFacts, recordOnly: true)
        }
        return Hit(strong: strong, facts: facts + resolvedFacts)
    }

    enum Verdict { case truthful, `false`(String), unchecked(String) }

    /// Whether a requested description fits the item on the line.
    static func compare(_ d: TextPatterns.Description, _ ctx: RuleContext) -> Verdict {
        let description = ctx.line.text(.itemDescription)
        guard description != nil || ctx.item.eccn != nil || ctx.item.isAdvanced else {
            return .unchecked("no item_description or eccn to compare with")
        }
        // An advanced-computing item is that and nothing else: "standard servers" or "networking
        // equipment" is false for a 4A090 server even though its description says "server".
        let kinds: Set<String> = ctx.item.isAdvanced ? [ctx.item.isServer ? "advanced_server" : "accelerator"]
            : description.map { ctx.text.library?.patterns.kinds(ofItem: $0) ?? [] } ?? []
        let item = "item_description = \(description ?? "(empty)")" + (ctx.item.eccn.map { ", eccn = \($0)" } ?? "")
            + ", quantity = \(Format.number(ctx.line.quantity))"
        if let max = d.maxQuantity {
            if ctx.line.quantity <= max && !ctx.item.isAdvanced { return .truthful }
            return .false("\(item): not \(d.meaning) (the requested description is false for the goods on this line)")
        }
        if !d.fits.isDisjoint(with: kinds) { return .truthful }
        guard d.checkable else { return .unchecked("the order cannot show whether this is true") }
        return .false("\(item): not \(d.meaning) (the requested description is false for the goods on this line)")
    }

}

extension TextPatterns {
    /// The negation cues and scope breaks found in one text, looked up once for all its matches.
    struct Cues {
        var before: [PhraseSet.Match]
        var after: [PhraseSet.Match]
        var breaks: [PhraseSet.Match]
        init(_ p: TextPatterns, _ text: TextTokens) {
            before = p.negationBefore.matches(in: text)
            after = p.negationAfter.matches(in: text)
            breaks = p.scopeBreaks.matches(in: text)
        }

        /// Whether tokens `first...last` are denied: a cue ending at most `negationWindow` words
        /// before them in the same clause with no "but" between, or starting at most `afterWindow`
        /// words after them ("re-export: none").
        func denies(_ first: Int, _ last: Int, in text: TextTokens, _ p: TextPatterns) -> Bool {
            let clause = text.tokens[first].clause
            let ahead = before.contains { n in
                n.first < first && n.last <= first && first - n.last <= p.negationWindow && text.tokens[n.first].clause == clause
                    && !breaks.contains { $0.first > n.last && $0.last < first }
            }
            return ahead || after.contains { n in
                n.first > last && n.first - last <= p.afterWindow && text.tokens[n.first].clause == text.tokens[last].clause
            }
        }
    }

    /// Whether tokens `first...last` of `text` are denied by a negation cue.
    func isNegated(_ first: Int, _ last: Int, in text: TextTokens) -> Bool {
        Cues(self, text).denies(first, last, in: text, self)
    }
}
