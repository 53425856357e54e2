/// Numbers written as words or digits read the same: "Forty-Four" = "44", "First" = "1st" = "1",
/// "One Hundred and Five" = "105". Runs on list names and queries alike (in `NameNormalizer`),
/// so both sides carry digits; digits then match only equal digits (`TokenSimilarity`).
enum NameNumbers {
    private static let units: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    private static let tens: [String: Int] = ["twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
                                               "seventy": 70, "eighty": 80, "ninety": 90]
    private static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
        "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
        "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
        "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    ]

    /// `tokens` with each run of number words replaced by its value in digits, and ordinal
    /// suffixes dropped from digits ("1st", "22nd", "3rd", "4th" → "1", "22", "3", "4").
    static func digits(_ tokens: [String]) -> [String] {
        guard tokens.contains(where: isNumberish) else { return tokens }
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        while i < tokens.count {
            if let (value, length) = run(tokens, at: i) {
                out.append(String(value))
                i += length
                continue
            }
            out.append(ordinalDigits(tokens[i]) ?? tokens[i])
            i += 1
        }
        return out
    }

    /// Whether the token may take part (cheap test before any work).
    private static func isNumberish(_ t: String) -> Bool {
        units[t] != nil || tens[t] != nil || ordinals[t] != nil || t == "hundred" || t == "thousand"
            || (t.first?.isASCII == true && t.first!.isNumber && t.count >= 3)
    }

    /// "21st" → "21"; nil when the token is not digits followed by an English ordinal suffix.
    private static func ordinalDigits(_ t: String) -> String? {
        let b = Array(t.utf8)
        guard b.count >= 3, let first = b.first, (48...57).contains(first) else { return nil }
        let suffix = String(decoding: b.suffix(2), as: UTF8.self)
        let digits = b.dropLast(2)
        guard ["st", "nd", "rd", "th"].contains(suffix), digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return String(decoding: digits, as: UTF8.self)
    }

    /// The number spelt by the words from `start` ("forty four", "one hundred and five",
    /// "twenty first"), and how many tokens it takes; nil when no number word starts there.
    private static func run(_ tokens: [String], at start: Int) -> (Int, Int)? {
        var total = 0, current = 0, i = start, any = false
        while i < tokens.count {
            let t = tokens[i]
            if let v = units[t] ?? tens[t] {
                // "twenty four" adds up; "four four" is two numbers.
                if any && current % 100 != 0 && (current % 10 != 0 || v >= 10) { break }
                current += v
            } else if let v = ordinals[t] {
                if any && current % 100 != 0 && (current % 10 != 0 || v >= 10) && v != 100 { break }
                current = v == 100 ? max(current, 1) * 100 : current + v
                any = true
                i += 1
                break  // an ordinal ends the number
            } else if t == "hundred", any {
                current *= 100
            } else if t == "thousand", any {
                total += current * 1000
                current = 0
            } else if t == "and", any, i + 1 < tokens.count, units[tokens[i + 1]] != nil || tens[tokens[i + 1]] != nil || ordinals[tokens[i + 1]] != nil {
                // "one hundred and five"
            } else {
                break
            }
            any = true
            i += 1
        }
        return any ? (total + current, i - start) : nil
    }
}
