import Foundation
import RedFlagCore

/// A list of name words kept as a data file under `Lists/names/` (with its sources in the file's
/// header), so compliance can read and amend it without touching code.
///
/// Format: one entry per line in any script; `#` starts a comment; blank lines are skipped. Each
/// entry is normalised with the name pipeline (`NameNormalizer.fold` and `tokenize`), so the
/// words compare with the tokens of names exactly as the matcher sees them.
enum NameWordList {
    /// The normalised tokens of every entry of `url`; a line that yields no token is an error
    /// naming the file and line.
    static func load(from url: URL) throws -> Set<String> {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw RedFlagError.unreadable(path: url.path, reason: "\(error)")
        }
        var words = Set<String>()
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let tokens = NameNormalizer.tokenize(NameNormalizer.fold(line))
            guard !tokens.isEmpty else {
                throw RedFlagError.badData(path: url.path, location: "line \(n + 1)", message: "'\(line)' holds no letter or digit")
            }
            words.formUnion(tokens)
        }
        return words
    }

    /// `Lists/<relativePath>` loaded once. The matcher cannot screen correctly without its name
    /// knowledge, so a missing or malformed file stops the process with the reason.
    static func required(_ relativePath: String) -> Set<String> {
        do { return try load(from: ProjectData.file(relativePath)) } catch {
            fatalError("redflag: \((error as? RedFlagError)?.description ?? "\(error)")")
        }
    }
}

/// Titles and honorifics ("President", "Präsident", "Dr.", "Sheikh", "Haji", "General"): weak
/// tokens on both sides, weighed like legal-form words, so a name never fails or matches on a
/// title. From `Lists/names/titles.txt`.
enum NameTitles {
    static let words: Set<String> = NameWordList.required("names/titles.txt")

    /// Whether `token` is a title word.
    static func contains(_ token: String) -> Bool { words.contains(token) }
}
