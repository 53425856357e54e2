/// Business-word abbreviations and inflections mapped to one canonical token so "Intl", "Int'l"
/// and "International" align exactly, as do "Tech", "Techn", "Technology" and "Technologies".
public enum Abbreviations {
    /// Folded token → canonical token.
    public static let canonical: [String: String] = {
        let groups: [(String, [String])] = [
            ("international", ["intl", "int", "internat", "internatl", "intern"]),
            ("technology", ["tech", "techn", "technol", "technologies", "techs", "techno"]),
            ("import", ["imp", "imports", "importing"]),
            ("export", ["exp", "exports", "exporting"]),
            ("manufacturing", ["mfg", "mfr", "manufacture", "manufacturer", "manufacturers", "manuf"]),
            ("engineering", ["eng", "engg", "engr", "engineer", "engineers"]),
            ("group", ["grp", "groups"]),
            ("holding", ["hldg", "hldgs", "holdings"]),
            ("service", ["svc", "svcs", "services", "serv", "srvs"]),
            ("industry", ["ind", "inds", "indl", "indus", "industries", "industrial"]),
            ("electronics", ["elec", "electr", "electronic"]),
            ("trading", ["trdg", "trade", "traders", "trader"]),
            ("development", ["dev", "devt", "develop"]),
            ("management", ["mgmt", "mgt"]),
            ("university", ["univ", "uni"]),
            ("institute", ["inst", "institution"]),
            ("national", ["natl", "nat"]),
            ("association", ["assn", "assoc"]),
            ("brothers", ["bros", "bro"]),
            ("enterprise", ["ent", "ents", "entp", "enterprises"]),
            ("shipping", ["shpg"]),
            ("logistics", ["logistic"]),
            ("science", ["sci", "sciences", "scientific"]),
            ("research", ["rsch"]),
            ("equipment", ["equip", "eqpt"]),
            ("machinery", ["mach", "machines", "machine"]),
            ("department", ["dept", "dep"]),
            ("system", ["sys", "systems"]),
            ("communication", ["comm", "comms", "communications"]),
            ("investment", ["invest", "investments", "inv"]),
            ("resource", ["resources"]),
            ("product", ["products", "prod"]),
            ("solution", ["solutions"]),
            ("material", ["materials"]),
            ("component", ["components"]),
            ("general", ["gen"]),
            ("petroleum", ["petro"]),
            ("organization", ["org", "organisation", "organizations", "organisations"]),
            ("aviation", ["avn"]),
            ("construction", ["constr", "constructions"]),
            ("commercial", ["coml"]),
            ("saint", ["st"]),
            ("laboratory", ["lab", "labs", "laboratories"]),
            ("mohammed", ["mohd", "muhd"]),
        ]
        var map: [String: String] = [:]
        for (canonical, variants) in groups {
            for v in variants { map[v] = canonical }
        }
        return map
    }()

    /// Words that carry no identity at all and are dropped ("Bank of China" = "Bank China").
    public static let stopwords: Set<String> = ["and", "of", "the", "und", "et", "for"]
}
