import RedFlagCore

/// Invented company and person names for benchmarks, from a space large enough that a customer
/// master of tens of thousands or a file of a million names is mostly distinct (as real ones
/// are), mixing rare brand-like words with the common words real names share ("Pacific",
/// "Trading", "Technologies"), so the matcher's candidate work is like a real file's rather than
/// that of a few thousand names repeated or of random strings no list shares a token with.
/// Deterministic: the same generator state gives the same names.
public struct SyntheticNames: Sendable {
    /// A SplitMix64 stream: fast, and the same on every platform.
    public struct Rng: Sendable {
        public var state: UInt64
        public init(seed: UInt64) { state = seed }
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        public mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
        public mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
        /// A value in 0..<1.
        public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    }

    static let syllableStart = ["Ar", "Bel", "Cor", "Dan", "El", "Fen", "Gal", "Hal", "Ix", "Jor", "Kal", "Lum", "Mar",
                                "Nor", "Or", "Pal", "Quin", "Ros", "Sol", "Tor", "Ul", "Val", "Wen", "Xan", "Yor", "Zel"]
    static let syllableEnd = ["ada", "ex", "ion", "ora", "tek", "vin", "um", "ris", "on", "ia", "ix", "eta"]
    static let plainWords = ["Apex", "Nordic", "Pacific", "Summit", "Vertex", "Lumen", "Cobalt", "Harbor", "Granite",
                             "Aurora", "Quantum", "Meridian", "Orion", "Atlas", "Zenith", "Golden", "Silver", "North",
                             "Eastern", "Global", "United", "Star", "Crystal", "Jade", "Orient", "Sunrise", "Liberty",
                             "Cedar", "Falcon", "Lotus", "Phoenix", "Dragon", "Eagle", "Royal", "Prime", "Delta",
                             "Sigma", "Alpha", "Blue Ocean", "Green Valley", "Red Rock", "Silk Road", "New Era",
                             "Great Wall", "Sea Star", "Bright Future"]
    static let places = ["Shenzhen", "Hong Kong", "Dubai", "Singapore", "Istanbul", "Almaty", "Hamburg", "Rotterdam",
                         "Osaka", "Busan", "Mumbai", "Tashkent", "Yerevan", "Tbilisi", "Minsk", "Kuala Lumpur",
                         "Bangkok", "Hanoi", "Taipei", "Toronto", "Austin", "Warsaw", "Prague", "Milan"]
    static let industries = ["Technologies", "Trading", "Electronics", "Logistics", "Systems", "Compute", "Data",
                             "Cloud", "Analytics", "Networks", "Labs", "Industrial", "Components", "Semiconductor",
                             "Supply", "Machinery", "Precision", "Software", "Import Export", "International",
                             "Holdings", "Engineering", "Solutions", "Computing", "Digital"]
    static let suffixes = ["Co., Ltd.", "LLC", "GmbH", "Ltd", "Inc.", "S.A.", "Pte Ltd", "JSC", "", "Limited", "Corp.",
                           "B.V.", "FZE", "LLP", "AG", "S.r.l."]
    static let given = ["James", "Maria", "Wei", "Olga", "Ahmed", "Hans", "Yuki", "Carlos", "Priya", "Ivan", "Fatima",
                        "John", "Li", "Anna", "Mohammed", "Sergei", "Elena", "David", "Aisha", "Kenji", "Sofia", "Omar",
                        "Dmitry", "Chen", "Lucas", "Noor", "Pavel", "Mei", "Rahul", "Hassan", "Irina", "Jorge", "Ali",
                        "Svetlana", "Peter", "Hyun", "Min", "Zhang", "Giulia", "Tomasz", "Reza", "Leila", "Andrei",
                        "Natalia", "Samuel", "Yusuf", "Ling", "Kateryna", "Mateo", "Emma", "Daniel", "Amir", "Nadia",
                        "Viktor", "Haruto", "Ana", "Farid", "Grace", "Oleg", "Xin"]
    static let family = ["Smith", "Garcia", "Chen", "Ivanova", "Hassan", "Muller", "Tanaka", "Lopez", "Sharma", "Novak",
                         "Ali", "Brown", "Wang", "Kim", "Petrov", "Nguyen", "Rossi", "Kowalski", "Khan", "Silva",
                         "Yilmaz", "Sato", "Park", "Ahmadi", "Popescu", "Horvath", "Jensen", "Dubois", "Schmidt",
                         "Fernandez", "Liu", "Zhao", "Kuznetsov", "Sokolov", "Rahman", "Haddad", "Cohen", "Okafor",
                         "Mensah", "Hernandez", "Martin", "Wilson", "Taylor", "Anderson", "Lee", "Yamamoto", "Suzuki",
                         "Choi", "Kaya", "Demir", "Moreau", "Bianchi", "Romano", "Nowak", "Wojcik", "Volkov",
                         "Morozov", "Karimov", "Aliyev", "Tran", "Pham", "Singh", "Patel", "Gupta", "Das", "Ibrahim",
                         "Mahmoud", "Saleh", "Azizi", "Hosseini", "Lin", "Huang", "Wu", "Zhou", "Xu", "Sun", "Ma",
                         "Gao", "Hu", "Guo"]

    /// A brand-like word: invented (`Korvin`) two times in three, else a common one (`Pacific`).
    static func brand(_ rng: inout Rng) -> String {
        rng.int(3) < 2 ? rng.pick(syllableStart) + rng.pick(syllableEnd) : rng.pick(plainWords)
    }

    /// `Korvin Precision Components GmbH`, `Pacific Shenzhen Trading Co., Ltd.`, `Zelora Data`.
    public static func company(_ rng: inout Rng) -> String {
        var parts = [brand(&rng)]
        switch rng.int(6) {
        case 0: parts.append(rng.pick(places))
        case 1: parts.append(brand(&rng))
        default: break
        }
        parts.append(rng.pick(industries))
        if rng.int(3) == 0 { parts.append(rng.pick(industries)) }
        let suffix = rng.pick(suffixes)
        if !suffix.isEmpty { parts.append(suffix) }
        return parts.joined(separator: " ")
    }

    /// `Olga Petrov`, `Wei Min Chen`, `James K. Smith`, `Maria Garcia Lopez`: given and family
    /// name, with a middle name, a middle initial or a second family name three times in four.
    public static func person(_ rng: inout Rng) -> String {
        var parts = [rng.pick(given)]
        let shape = rng.int(4)
        if shape == 1 { parts.append(rng.pick(given)) }
        if shape == 2 { parts.append(String(rng.pick(initials)) + ".") }
        parts.append(rng.pick(family))
        if shape == 3 { parts.append(rng.pick(family)) }
        return parts.joined(separator: " ")
    }

    static let initials = Array("ABCDEFGHIJKLMNOPRSTVW")

    /// A deterministic mix like a customer file: mostly parties on no list (invented company and
    /// person names, mostly distinct as in a real customer master, so no
    /// cache can stand in for the matching work), a fifth list names with a typo or a dropped
    /// word, so scoring work is real.
    public static func benchmarkBatch(count: Int, entries: [ListEntry]) -> [String] {
        var rng = Rng(seed: 0x2026_1122)
        var out: [String] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            let kind = rng.int(10)
            if kind < 2, !entries.isEmpty {
                var tokens = entries[rng.int(entries.count)].name.split(separator: " ").map(String.init)
                if tokens.count > 2 && rng.int(2) == 0 {
                    tokens.remove(at: rng.int(tokens.count))
                } else if !tokens.isEmpty {
                    let i = rng.int(tokens.count)
                    if tokens[i].count > 4 {
                        var t = Array(tokens[i])
                        t.swapAt(1, 2)
                        tokens[i] = String(t)
                    }
                }
                out.append(tokens.joined(separator: " "))
            } else if kind < 6 {
                out.append(company(&rng))
            } else {
                out.append(person(&rng))
            }
        }
        return out
    }
}
