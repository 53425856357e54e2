import Foundation
import RedFlagCore

/// Turns any script into plain Latin letters so a name published in Cyrillic, Arabic or Han can
/// meet its romanised spelling.
///
/// Cyrillic goes through a BGN/PCGN-style table first (ш → sh, х → kh, ю → yu) because that is
/// how the sanctions lists romanise Russian names; ICU's default (ISO 9: š, h, û) would miss them.
/// Everything else uses Foundation's ICU `toLatin` transform, which is slow (tens of µs), so
/// results are cached and only non-Latin strings ever reach it.
public enum Transliterator {
    private static let cache = LockedCache()

    /// True when `s` holds a letter outside Latin (so it needs transliteration).
    public static func needsTransliteration(_ s: String) -> Bool {
        for u in s.unicodeScalars where u.value >= 0x250 {
            if let script = ScriptDetector.script(of: u), script != "Latn" { return true }
        }
        return false
    }

    /// The Latin rendering of `s` (diacritics still present; the normaliser strips them).
    public static func toLatin(_ s: String) -> String {
        guard needsTransliteration(s) else { return s }
        if let hit = cache.get(s) { return hit }
        let cyrillicDone = romaniseCyrillic(s)
        let latin = needsTransliteration(cyrillicDone) ? (cyrillicDone.applyingTransform(.toLatin, reverse: false) ?? cyrillicDone) : cyrillicDone
        cache.set(s, latin)
        return latin
    }

    private static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
        "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
        "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    ]

    private static func romaniseCyrillic(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { (0x400...0x52F).contains($0.value) }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            let lower = Character(ch.lowercased())
            if let mapped = cyrillic[lower] { out += mapped } else { out.append(ch) }
        }
        return out
    }
}

/// A small thread-safe string cache (bounded: cleared when it grows past 100,000 entries).
final class LockedCache: @unchecked Sendable {
    private var storage: [String: String] = [:]
    private let lock = NSLock()

    func get(_ key: String) -> String? {
        lock.lock(); defer { lock.unlock() }
        return storage[key]
    }

    func set(_ key: String, _ value: String) {
        lock.lock(); defer { lock.unlock() }
        if storage.count > 100_000 { storage.removeAll() }
        storage[key] = value
    }
}
