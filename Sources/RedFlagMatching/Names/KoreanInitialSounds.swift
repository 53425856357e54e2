/// The initial sounds South Korea drops and North Korea keeps (두음 법칙): at the start of a word
/// the South writes 리 as 이, 류 as 유, 량 as 양, 려 as 여, 룡 as 용, and 로 as 노, 라 as 나, 락 as 낙.
/// So the South Korean press writes the North's Ri Jae Il "이재일" and Ryu Kyong "유경", while the
/// lists spell North Korean names as the North does (RI, RYU, RYANG, RO). A Hangul name is also
/// read with the North's initial sounds restored at the start of each word; the reading is one
/// more, exact like the name's other Korean readings, since 이 is also the South's own Lee.
enum KoreanInitialSounds {
    /// Hangul initials (Unicode order): ㄴ 2, ㄹ 5, ㅇ 11.
    private static let nieun = 2, rieul = 5, ieung = 11
    /// Medials read with a y or i sound (ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ), before which the South drops ㄹ altogether.
    private static let yVowels: Set<Int> = [2, 3, 6, 7, 12, 17, 20]

    /// `name` with each Hangul word's first syllable as the North writes it, or nil when no word
    /// starts with a syllable the South changes.
    static func northern(_ name: String) -> String? {
        var out = String.UnicodeScalarView()
        var changed = false
        var previousHangul = false
        for u in name.unicodeScalars {
            let v = Int(u.value) - 0xAC00
            let hangul = (0..<11_172).contains(v)
            defer { previousHangul = hangul }
            guard hangul, !previousHangul else { out.append(u); continue }
            let initial = v / (21 * 28), medial = (v / 28) % 21, final = v % 28
            let restored: Int? = initial == ieung && yVowels.contains(medial) ? rieul
                : initial == nieun && !yVowels.contains(medial) ? rieul : nil
            guard let r = restored, let scalar = Unicode.Scalar(0xAC00 + (r * 21 + medial) * 28 + final) else { out.append(u); continue }
            out.append(scalar)
            changed = true
        }
        return changed ? String(out) : nil
    }
}
