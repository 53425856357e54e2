import Foundation
import RedFlagCore

/// The explanation of a scored match: its token alignment (rebuilt for the names reported only),
/// the qualifiers, a one-line summary and, for a near candidate, why it fell short.
extension Matcher {
    /// The reported match for `s` with `decision`.
    func makeMatch(_ s: ScoredMatch, decision: Decision, query: ScoredQuery, scratch: Scratch) -> ScreeningMatch {
        if let n = s.name, let q = query.name {
            let alignment = align(q, document: n, space: index.names, terms: nameTerms, listShare: TokenAligner.listShare, direct: configuration.fullScan,
                                  initials: nameInitials(n), rules: nameRules(n, query: q))
            return makeNameMatch(entry: s.entry, name: n, queryTokens: query.nameTokens, score: s.score, decision: decision, basis: s.basis,
                                 alignment: alignment, qualifiers: s.qualifiers, addressScore: s.addressScore, matchedAddress: s.matchedAddress)
        }
        let doc = s.addressDocument!
        let alignment = align(query.address!, document: doc, space: index.addresses, terms: addressTerms, listShare: 0.5, direct: false)
        return makeAddressMatch(entry: s.entry, queryTokens: query.addressTokens, score: s.score, decision: decision, alignment: alignment,
                                text: s.matchedAddress ?? index.addressText[doc], qualifiers: s.qualifiers)
    }

    /// Why a near candidate is not a match: its score against the review threshold of its list,
    /// the query and listed tokens left unmatched, pairs matched only approximately, and the
    /// qualifiers that lowered it.
    /// `latin`: whether the query is written in Latin letters; else `source` is its script, whose
    /// names the sound-alike rules judge.
    func shortfall(_ s: ScoredMatch, match: ScreeningMatch, query: ScoredQuery, latin: Bool, source: PhoneticComparison.Source? = nil) -> String {
        let review = configuration.review(for: match.list)
        let contradicted = s.qualifiers.contains { $0.name == "country" && $0.effect < 0 }
        let lone = s.score < review || contradicted ? nil
            : latin ? loneApproximateWord(s, query: query) : loneWordInScript(s, query: query, source: source)
        var parts = [s.score < review
            ? "score \(fmt(s.score)) below the review threshold \(fmt(review)) of \(match.list.rawValue)"
            : lone.map { "\($0.qualifierName): rests on \($0.restsOn), uncorroborated by "
                + "\(configuration.policy.loneApproximateWord.corroborating.joined(separator: ", ")) (score \(fmt(s.score)), review threshold \(fmt(review)) of "
                + "\(match.list.rawValue); \(configuration.policy.loneApproximateWord.reason))" }
            ?? "country contradicts every listed country and the name is not found exactly as listed (score \(fmt(s.score)), review threshold \(fmt(review)) of \(match.list.rawValue))"]
        let tokens = match.explanation.tokens
        let missingQuery = tokens.filter { $0.matched == nil && $0.weight >= 0.05 }.compactMap(\.query)
        let missingListed = tokens.filter { $0.query == nil && $0.weight >= 0.05 }.compactMap(\.matched)
        let weak = tokens.filter { $0.query != nil && $0.matched != nil && $0.similarity < 0.95 }
        if !missingQuery.isEmpty { parts.append("not in the listed name: " + missingQuery.joined(separator: ", ")) }
        if !missingListed.isEmpty { parts.append("listed but not in the query: " + missingListed.joined(separator: ", ")) }
        if !weak.isEmpty {
            parts.append("only alike: " + weak.map { "'\($0.query!)'~'\($0.matched!)' \(fmt($0.similarity))" }.joined(separator: ", "))
        }
        for note in [Matcher.chainBackwardsNote, Matcher.initialsUnsupportedNote] where match.explanation.summary.contains(note) { parts.append(note) }
        let lowering = s.qualifiers.filter { $0.effect < 0 }
        if !lowering.isEmpty { parts.append("lowered by " + lowering.map { "\($0.detail) (\(fmt($0.effect)))" }.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    /// What the explanation says when a patronymic chain is read backwards (`TokenAligner.otherPersonScore`).
    static let chainBackwardsNote = "chain_backwards: the query's patronymic chain is read backwards in the listed name, "
        + "another person of the family (name capped at \(fmt(TokenAligner.otherPersonScore)))"

    /// What the explanation says when an initial was not paired with a word (`NameInitials`).
    static let initialsUnsupportedNote = "initials_unsupported: an initial stands for no word here, as its own name holds a given name "
        + "the other name lacks"

    private func queryText(_ q: [String]) -> (AlignUnit) -> String {
        { u in u.key2 >= 0 ? q[Int(u.key)] + q[Int(u.key2)] : q[Int(u.key)] }
    }

    private func listText(_ space: TokenSpace) -> (AlignUnit) -> String {
        { u in u.key2 >= 0 ? space.vocabulary[Int(u.key)] + " " + space.vocabulary[Int(u.key2)] : space.vocabulary[Int(u.key)] }
    }

    private func makeNameMatch(entry e: Int, name n: Int, queryTokens: [String], score: Double, decision: Decision, basis: ScreeningMatch.Basis,
                               alignment: AlignmentResult, qualifiers: [Qualifier], addressScore: Double?, matchedAddress: String?) -> ScreeningMatch {
        let qt = queryText(queryTokens), lt = listText(index.names)
        var parts = ["name \(fmt(alignment.score)) (" + alignment.pairs.map { p in
            "'\(qt(alignment.query[p.q]))'~'\(lt(alignment.list[p.l]))' \(fmt(p.similarity))"
        }.joined(separator: ", ") + ")"]
        let tokens = alignment.tokenAlignments(queryText: qt, listText: lt)
        let unmatched = tokens.filter { $0.query == nil || $0.matched == nil }.map { $0.query ?? $0.matched ?? "" }
        if !unmatched.isEmpty { parts.append("unmatched: " + unmatched.joined(separator: ", ")) }
        if alignment.chainBackwards { parts.append(Matcher.chainBackwardsNote) }
        if alignment.initialsUnsupported { parts.append(Matcher.initialsUnsupportedNote) }
        parts += qualifiers.map { "\($0.detail) (\($0.effect >= 0 ? "+" : "")\(fmt($0.effect)))" }
        let explanation = MatchExplanation(nameScore: round3(alignment.score), tokens: tokens, qualifiers: qualifiers,
                                           addressScore: addressScore.map(round3), matchedAddress: matchedAddress,
                                           summary: parts.joined(separator: "; "))
        return ScreeningMatch(score: round3(score), id: index.entryID[e], source: index.source(entry: e), list: index.list(entry: e),
                              name: primaryName(entry: e) ?? index.nameText[n], matchedName: index.nameText[n],
                              aliasStrength: index.strength(name: n), type: index.type(entry: e), programs: index.programs(entry: e),
                              countries: index.countries(entry: e), decision: decision, basis: basis, explanation: explanation)
    }

    /// The entry's primary name: from the name table, else (not indexed) from its stored JSON.
    private func primaryName(entry e: Int) -> String? {
        index.indexedPrimaryName(entry: e) ?? index.entry(at: e)?.name
    }

    private func makeAddressMatch(entry e: Int, queryTokens: [String], score: Double, decision: Decision, alignment: AlignmentResult, text: String,
                                  qualifiers: [Qualifier]) -> ScreeningMatch {
        let tokens = alignment.tokenAlignments(queryText: queryText(queryTokens), listText: listText(index.addresses))
        let summary = (["address \(fmt(score)) matches listed address '\(text)'; name differs"] + qualifiers.map(\.detail)).joined(separator: "; ")
        let explanation = MatchExplanation(nameScore: 0, tokens: tokens, qualifiers: qualifiers, addressScore: round3(score),
                                           matchedAddress: text, summary: summary)
        return ScreeningMatch(score: round3(score), id: index.entryID[e], source: index.source(entry: e), list: index.list(entry: e),
                              name: primaryName(entry: e) ?? "", matchedName: text, aliasStrength: .strong, type: index.type(entry: e),
                              programs: index.programs(entry: e), countries: index.countries(entry: e), decision: decision,
                              basis: .address, explanation: explanation)
    }
}

/// `0.93`: two decimals, as `String(format: "%.2f")` prints them, without Foundation's formatter
/// (it showed in profiles: every match summary prints several scores).
func fmt(_ x: Double) -> String {
    let scaled = abs(x) * 100
    let hundredths = scaled.rounded()
    // Near a tie the product has lost what printf's exact decimal rounding decides on: ask it.
    guard x.isFinite, hundredths < 1e15, abs(abs(scaled - hundredths) - 0.5) > 1e-6 else { return String(format: "%.2f", x) }
    let n = Int(hundredths)
    let fraction = n % 100
    return (x.sign == .minus ? "-" : "") + String(n / 100) + (fraction < 10 ? ".0" : ".") + String(fraction)
}
