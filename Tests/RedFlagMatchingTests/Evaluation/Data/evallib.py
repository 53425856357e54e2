#!/usr/bin/env python3
"""Readers of the real list snapshots and the rule-based perturbations of redflag's evaluation set,
used by make_eval_set.py (the generator) and score_opensanctions.py.

Entry ids follow ListEntry's convention: CSL:<_id>, OFAC-SDN:<uid>, OFAC-CONS:<uid>, UN:<reference
number>, EU:<logicalId>, UK:<group id>. Names are read as the lists write them (weak/low-quality aliases
left out); non-Latin names go to `scripts`.
"""
import argparse
import csv
import os
import random
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------- reading the lists

class Entry:
    __slots__ = ("id", "type", "names", "scripts", "labels")

    def __init__(self, id, type):
        # labels: further names the entry carries, used to label rows only (never drawn as a row's base name,
        # so that reading them changes no row of the set, only which entries a row expects)
        self.id, self.type, self.names, self.scripts, self.labels = id, type, [], [], []


def clean(s):
    return re.sub(r"\s+", " ", (s or "")).strip()


def read_csl(path):
    out = []
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            src = row["source"]
            # SDN rows of the CSL duplicate the OFAC file; they are labelled through name keys.
            e = Entry("CSL:" + row["_id"], "person" if row["type"] == "Individual" else
                      "vessel" if row["type"] == "Vessel" else "aircraft" if row["type"] == "Aircraft" else
                      "entity" if row["type"] == "Entity" else "unknown")
            e.names.append(clean(row["name"]))
            for a in (row["alt_names"] or "").split(";"):
                if clean(a):
                    e.names.append(clean(a))
            e.scripts = [src]
            out.append(e)
    return out


def natural_person(last, first):
    return clean(f"{first} {last}") if first else clean(last)


def read_ofac(path, prefix):
    out = []
    ns = ""
    for ev, el in ET.iterparse(path, events=("end",)):
        tag = el.tag.split("}")[-1]
        if tag != "sdnEntry":
            continue
        g = lambda node, t: clean(next((c.text for c in node if c.tag.split("}")[-1] == t), "") or "")
        uid, last, first, typ = g(el, "uid"), g(el, "lastName"), g(el, "firstName"), g(el, "sdnType")
        e = Entry(f"{prefix}:{uid}", {"Individual": "person", "Entity": "entity", "Vessel": "vessel",
                                      "Aircraft": "aircraft"}.get(typ, "unknown"))
        e.names.append(natural_person(last, first))
        for node in el.iter():
            if node.tag.split("}")[-1] == "aka":
                n = natural_person(g(node, "lastName"), g(node, "firstName"))
                if n and g(node, "category") != "weak":
                    e.names.append(n)
        out.append(e)
        el.clear()
    return out


def un_packed_names(text):
    """The names one UN ALIAS_NAME field packs: "A; B", "A b) B", "A (B; C)", "A (original script: B)",
    "A (<the name in another script>)". A closing bracket of one item in A's own script is part of A."""
    t = text.strip().rstrip(",;").strip()

    def items(x):
        return [p.strip() for part in x.split(";") for p in re.split(r"\s[a-z]\)\s", part) if p.strip()]

    if t.endswith(")"):
        depth, open_at = 0, None
        for i in range(len(t) - 1, -1, -1):
            if t[i] == ")":
                depth += 1
            elif t[i] == "(":
                depth -= 1
                if depth == 0:
                    open_at = i
                    break
        if open_at:
            outer, inner = t[:open_at].strip(), t[open_at + 1:-1].strip()
            marked = inner.lower().startswith("original script:")
            if marked:
                inner = inner[len("original script:"):]
            pieces = [re.sub(r"\s*\(original script\)$", "", p, flags=re.I) for p in items(inner)]
            if outer and (marked or len(pieces) > 1 or is_latin(inner) != is_latin(outer)):
                return items(outer) + pieces
    return items(t)


def read_un(path):
    out = []
    root = ET.parse(path).getroot()
    for kind in ("INDIVIDUAL", "ENTITY"):
        for el in root.iter(kind):
            g = lambda t: clean(el.findtext(t) or "")
            ref = g("REFERENCE_NUMBER")
            e = Entry("UN:" + ref, "person" if kind == "INDIVIDUAL" else "entity")
            parts = [g(t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME") if g(t)]
            e.names.append(" ".join(parts))
            for al in el.iter(kind + "_ALIAS"):
                n, q = clean(al.findtext("ALIAS_NAME") or ""), clean(al.findtext("QUALITY") or "")
                if n and q != "Low":
                    e.names.append(n)
                    pieces = un_packed_names(n)
                    if len(pieces) > 1:
                        e.labels.extend(pieces)
            for s in el.iter("NAME_ORIGINAL_SCRIPT"):
                if clean(s.text):
                    e.scripts.append(clean(s.text))
            out.append(e)
    return out


def read_eu(path):
    out = []
    for ev, el in ET.iterparse(path, events=("end",)):
        if el.tag.split("}")[-1] != "sanctionEntity":
            continue
        code = ""
        for n in el.iter():
            if n.tag.split("}")[-1] == "subjectType":
                code = n.get("code", "")
        e = Entry("EU:" + el.get("logicalId"), "person" if code == "person" else "entity")
        for n in el.iter():
            if n.tag.split("}")[-1] == "nameAlias":
                w = clean(n.get("wholeName"))
                if not w:
                    continue
                if is_latin(w):
                    if n.get("strong", "true") != "false":
                        e.names.append(w)
                elif n.get("nameLanguage") in ("RU", "UK", "BE", "AR", "FA", "ZH", "KO", "JA", "EL", "BG", ""):
                    e.scripts.append(w)
                else:
                    e.scripts.append(w)
        if e.names:
            out.append(e)
        el.clear()
    return out


def read_uk(path):
    groups = {}
    with open(path, newline="", encoding="cp1252") as f:
        f.readline()
        for row in csv.DictReader(f):
            gid = row["Group ID"]
            e = groups.get(gid)
            if e is None:
                e = groups[gid] = Entry("UK:" + gid, "person" if row["Group Type"] == "Individual" else "entity")
            if row["Group Type"] == "Individual":
                n = clean(" ".join(row[f"Name {i}"] for i in range(1, 6)) + " " + row["Name 6"])
            else:
                n = clean(row["Name 6"])
            if n:
                if row["Alias Type"] == "Prime Alias":
                    e.names.insert(0, n)
                else:
                    e.names.append(n)
    return [e for e in groups.values() if e.names]


# ---------------------------------------------------------------- text helpers

def is_latin(s):
    for c in s:
        if unicodedata.category(c).startswith("L") and ord(c) > 0x24F:
            return False
    return True


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^\w]+", " ", s).strip()


def key(s):
    return " ".join(sorted(fold(s).split()))


GENERIC = set("""trading trade company co corporation corp limited ltd llc inc incorporated group holding holdings
international intl industrial industries industry electronics electronic technology technologies tech
engineering services service import export imp exp and the of de la el al for general enterprise enterprises
development investment investments logistics shipping manufacturing factory construction commercial bank
sa ag gmbh jsc pjsc ojsc cjsc ooo oao zao llp plc pte sdn bhd fze fzco srl sarl bv nv ab as oy kft spa
center centre institute research science scientific systems system energy global national petroleum oil gas
machinery equipment materials chemical chemicals products solutions supply trust association organization
organisation foundation network""".split())

LEGAL = [
    (r"\bco\.?,? ltd\.?", ["Company Limited", "Co Ltd", "Co., Limited", "Ltd"]),
    (r"\bcompany limited\b", ["Co., Ltd.", "Co Ltd", "Ltd"]),
    (r"\blimited liability company\b", ["LLC", "L.L.C.", "Ltd"]),
    (r"\bl\.?l\.?c\.?", ["Limited Liability Company", "L.L.C.", "Ltd", "OOO"]),
    (r"\booo\b", ["LLC", "Limited Liability Company", "O.O.O."]),
    (r"\bo\.?o\.?o\.?", ["LLC", "OOO"]),
    (r"\bpjsc\b", ["PAO", "Public Joint Stock Company", "JSC"]),
    (r"\bojsc\b", ["OAO", "Open Joint Stock Company", "JSC"]),
    (r"\bcjsc\b", ["ZAO", "Closed Joint Stock Company", "JSC"]),
    (r"\bjsc\b", ["AO", "Joint Stock Company", "J.S.C."]),
    (r"\bjoint[- ]stock company\b", ["JSC", "AO"]),
    (r"\bopen joint[- ]stock company\b", ["OJSC", "OAO"]),
    (r"\bclosed joint[- ]stock company\b", ["CJSC", "ZAO"]),
    (r"\bltd\.?", ["Limited", "Co., Ltd.", "LLC"]),
    (r"\blimited\b", ["Ltd", "Ltd.", "Co. Ltd"]),
    (r"\bgmbh\b", ["G.m.b.H.", "GmbH & Co. KG", "AG"]),
    (r"\bs\.?a\.?\b", ["S.A.", "SA de CV", "SAS"]),
    (r"\binc\.?", ["Incorporated", "Corp.", "LLC"]),
    (r"\bcorporation\b", ["Corp.", "Inc.", "Co."]),
    (r"\bcorp\.?", ["Corporation", "Inc.", "Co., Ltd."]),
    (r"\bsdn\.? bhd\.?", ["Sendirian Berhad", "SDN BHD"]),
    (r"\bpte\.? ltd\.?", ["Private Limited", "PTE LTD", "Ltd"]),
    (r"\bfze\b", ["FZCO", "FZ-LLC", "LLC"]),
    (r"\bfzco\b", ["FZE", "FZ LLC"]),
    (r"\bllp\b", ["L.L.P.", "Limited Liability Partnership"]),
    (r"\bplc\b", ["P.L.C.", "Public Limited Company", "Ltd"]),
    (r"\bag\b", ["A.G.", "Aktiengesellschaft", "GmbH"]),
    (r"\bs\.?r\.?l\.?", ["SRL", "S.R.L.", "SARL"]),
]
LEGAL_ADD = ["Co., Ltd.", "LLC", "Ltd", "Limited", "Inc.", "Corp.", "JSC", "GmbH", "S.A.", "Company Limited", "FZE"]

ABBREV = [
    ("international", ["Intl", "Int'l", "Intl."]), ("technology", ["Tech", "Techn."]),
    ("technologies", ["Techs", "Tech"]), ("corporation", ["Corp", "Corp."]), ("company", ["Co", "Co."]),
    ("import and export", ["Imp & Exp", "Imp. & Exp.", "I/E"]), ("import & export", ["Imp & Exp", "Imp/Exp"]),
    ("import export", ["Imp Exp", "Imp-Exp"]), ("manufacturing", ["Mfg", "Mfg."]), ("engineering", ["Eng", "Engg"]),
    ("group", ["Grp"]), ("holding", ["Hldg"]), ("holdings", ["Hldgs"]), ("services", ["Svcs", "Svc"]),
    ("industries", ["Inds", "Ind."]), ("industrial", ["Ind", "Indl"]), ("trading", ["Trdg"]),
    ("limited", ["Ltd"]), ("development", ["Dev", "Devt"]), ("investment", ["Inv", "Invest."]),
    ("electronics", ["Elec", "Electr."]), ("electronic", ["Elec"]), ("communication", ["Comm"]),
    ("communications", ["Comms", "Comm"]), ("science", ["Sci"]), ("scientific", ["Sci"]),
    ("research", ["Res"]), ("institute", ["Inst", "Inst."]), ("university", ["Univ", "Univ."]),
    ("association", ["Assn", "Assoc"]), ("department", ["Dept"]), ("national", ["Natl", "Nat'l"]),
    ("management", ["Mgmt"]), ("equipment", ["Equip"]), ("machinery", ["Mach"]), ("brothers", ["Bros"]),
    ("shipping", ["Shpg"]), ("petroleum", ["Petro"]), ("organization", ["Org"]), ("organisation", ["Org"]),
    ("laboratory", ["Lab"]), ("laboratories", ["Labs"]), ("general", ["Gen"]), ("aviation", ["Avn"]),
    ("construction", ["Constr"]), ("commercial", ["Coml", "Comm"]), ("incorporated", ["Inc"]),
    ("enterprise", ["Ent"]), ("enterprises", ["Ents"]), ("logistics", ["Log"]), ("systems", ["Sys"]),
    ("saint", ["St"]), ("mohammed", ["Mohd"]), ("muhammad", ["Muhd", "Md"]), ("mohammad", ["Mohd", "Md"]),
]

TRANSLIT = [
    (r"mohammed|muhammad|mohammad|mohamed|muhammed", ["Mohamed", "Muhammad", "Mohammad", "Mohammed", "Muhamad"]),
    (r"ou", ["u"]), (r"oo", ["u"]), (r"kh", ["h", "ch"]), (r"sh", ["ch", "sch"]), (r"zh", ["j", "zh"]),
    (r"iy", ["i", "y"]), (r"ii\b", ["i", "y"]), (r"yev", ["ev", "jev"]), (r"yu", ["iu", "ju"]), (r"ya", ["ia", "ja"]),
    (r"ov\b", ["off", "ow"]), (r"ev\b", ["eff", "iev"]), (r"ei", ["ey"]), (r"ey", ["ei"]), (r"\bal-", ["el-", "al ", "el "]),
    (r"\babdul ?", ["Abdel", "Abd al-", "Abd-el-"]), (r"\babd al-?", ["Abdul", "Abdel "]), (r"q", ["k"]),
    (r"j", ["dj", "dzh"]), (r"ts", ["tz", "c"]), (r"ch", ["tch", "tsch"]), 
    (r"ee", ["i"]), (r"ai", ["ay"]), (r"ay", ["ai"]), (r"hussein|husain|hussain|husayn", ["Hussain", "Husayn", "Hussein", "Husein"]),
    (r"ahmed|ahmad", ["Ahmad", "Ahmed", "Achmed"]), (r"yusuf|youssef|yousef", ["Yusuf", "Youssef", "Yousef"]),
    (r"x", ["ks"]), (r"ph", ["f"]), (r"dh", ["z", "d"]), (r"th", ["t"]), (r"gh", ["g"]),
    (r"ie", ["ye"]),
]

# words of legal forms (transliterated Russian ones too): never joined or split
LEGAL_WORDS = set("""obshchestvo s ogranichennoi ogranichennoy otvetstvennostyu aktsionernoe aktsionernoye
zakrytoe otkrytoe publichnoe joint stock limited liability company closed open public""".split())

KEYBOARD = {c: n for c, n in zip("qwertyuiopasdfghjklzxcvbnm", [
    "wa", "qes", "wrd", "etf", "ryg", "tuh", "yij", "uok", "ipl", "ol", "qsz", "awde", "serf", "drtg", "ftyh",
    "gyuj", "huik", "jiol", "kop", "asx", "zsdc", "xdfv", "cfgb", "vghn", "bhjm", "njk"])}


def case_like(src, repl):
    if len(src) == 1 and src.isupper() and len(repl) > 1:
        return repl[:1].upper() + repl[1:].lower()
    if src.isupper():
        return repl.upper()
    if src[:1].isupper():
        return repl[:1].upper() + repl[1:]
    return repl.lower() if src.islower() else repl


# ---------------------------------------------------------------- perturbations

def tokens(s):
    return s.split(" ")


def distinctive(tok):
    f = fold(tok)
    return len(f) >= 4 and f not in GENERIC and f.isalpha()


def p_typo(name, rnd):
    toks = tokens(name)
    idx = [i for i, t in enumerate(toks) if distinctive(t) and len(t) >= 5]
    if not idx or len(toks) < 2:
        return None
    i = rnd.choice(idx)
    t = toks[i]
    p = rnd.randrange(1, len(t) - 1)
    op = rnd.choice(["sub", "del", "ins", "swap"])
    if op == "sub":
        c = t[p].lower()
        n = rnd.choice(KEYBOARD.get(c, "aeiou"))
        t = t[:p] + case_like(t[p], n) + t[p + 1:]
    elif op == "del":
        t = t[:p] + t[p + 1:]
    elif op == "ins":
        t = t[:p] + t[p] + t[p:]
    else:
        if p + 1 >= len(t) or t[p] == t[p + 1]:
            return None
        t = t[:p] + t[p + 1] + t[p] + t[p + 2:]
    toks[i] = t
    return " ".join(toks)


def p_legal(name, rnd):
    low = name.lower()
    for pat, repls in LEGAL:
        m = re.search(pat, low)
        if m:
            r = rnd.choice(repls + [""])
            out = clean(name[:m.start()] + " " + case_like(name[m.start():m.end()], r) + " " + name[m.end():])
            out = re.sub(r"\s+,", ",", out).strip(" ,")
            return out if len([t for t in tokens(out) if distinctive(t)]) >= 1 else None
    # no legal form: add one
    if len(tokens(name)) >= 2:
        return name.rstrip(" .,") + rnd.choice([" ", ", "]) + case_like(name, rnd.choice(LEGAL_ADD))
    return None


def p_abbrev(name, rnd):
    low = name.lower()
    hits = [(w, a) for w, a in ABBREV if re.search(r"\b" + re.escape(w) + r"\b", low)]
    if not hits:
        return None
    rnd.shuffle(hits)
    out = name
    for w, a in hits[: rnd.choice([1, 1, 2])]:
        m = re.search(r"\b" + re.escape(w) + r"\b", out.lower())
        if m:
            out = out[:m.start()] + case_like(out[m.start():m.end()], rnd.choice(a)) + out[m.end():]
    return out if out != name else None


def p_drop_generic(name, rnd):
    toks = tokens(name)
    if len(toks) < 3:
        return None
    gen = [i for i, t in enumerate(toks) if fold(t) in GENERIC and fold(t) not in ("and", "of", "the", "de", "la", "el", "al")]
    if not gen or sum(1 for t in toks if distinctive(t)) < 1:
        return None
    i = rnd.choice(gen)
    out = clean(" ".join(toks[:i] + toks[i + 1:])).strip(" ,")
    return out if sum(1 for t in tokens(out) if distinctive(t)) >= 1 else None


def p_reorder(name, rnd):
    if "," in name:
        last, _, first = name.partition(",")
        name = clean(first + " " + last)
    toks = [t for t in tokens(name) if t]
    if len(toks) < 2:
        return None
    style = rnd.choice(["last_first", "last_comma", "shuffle"])
    if style == "last_first":
        out = toks[-1:] + toks[:-1]
        return " ".join(out)
    if style == "last_comma":
        return toks[-1] + ", " + " ".join(toks[:-1])
    for _ in range(5):
        s = toks[:]
        rnd.shuffle(s)
        if s != toks:
            return " ".join(s)
    return None


def p_join_split(name, rnd):
    toks = tokens(name)
    opts = []
    for i in range(len(toks) - 1):
        a, b = fold(toks[i]), fold(toks[i + 1])
        if toks[i].isalpha() and toks[i + 1].isalpha() and a not in GENERIC and b not in GENERIC \
                and a not in LEGAL_WORDS and b not in LEGAL_WORDS and min(len(a), len(b)) <= 4 \
                and (distinctive(toks[i]) or distinctive(toks[i + 1])):
            opts.append(("join", i))
    for i, t in enumerate(toks):
        if "-" in t:
            opts.append(("hyphen", i))
        if t.isalpha() and len(t) >= 8 and distinctive(t):
            opts.append(("split", i))
    if not opts:
        return None
    op, i = rnd.choice(opts)
    if op == "join":
        j = toks[i] + (toks[i + 1].lower() if toks[i].istitle() else toks[i + 1])
        return " ".join(toks[:i] + [j] + toks[i + 2:])
    if op == "hyphen":
        return " ".join(toks[:i] + [toks[i].replace("-", rnd.choice(["", " "]))] + toks[i + 1:])
    t = toks[i]
    p = rnd.randrange(3, len(t) - 3)
    return " ".join(toks[:i] + [t[:p], case_like(t, t[p:])] + toks[i + 1:])


def p_translit(name, rnd):
    low = name.lower()
    hits = [(pat, r) for pat, r in TRANSLIT if re.search(pat, low)]
    if not hits:
        return None
    # prefer the first (most specific) rules; apply one or two
    rnd.shuffle(hits)
    hits.sort(key=lambda h: TRANSLIT.index(h) // 8)
    out = name
    for pat, repls in hits[: rnd.choice([1, 2])]:
        ms = list(re.finditer(pat, out.lower()))
        if not ms:
            continue
        m = rnd.choice(ms)
        r = rnd.choice([x for x in repls if x.lower() != out[m.start():m.end()].lower()] or repls)
        src = out[m.start():m.end()]
        after = out[m.end():m.end() + 1]
        before = out[m.start() - 1:m.start()] if m.start() > 0 else ""
        if src.isupper() and (after.isupper() or before.isupper()):
            r = r.upper()
        else:
            r = case_like(src, r)
        out = out[:m.start()] + r + out[m.end():]
    out = clean(out)
    return out if fold(out) != fold(name) else None


def p_script(name, rnd):
    toks = [t for t in tokens(name) if t]
    r = rnd.random()
    if len(toks) >= 3 and r < 0.35:
        return " ".join([toks[0], toks[-1]])  # drop patronymic / middle name
    if len(toks) >= 2 and r < 0.7:
        return " ".join(toks[-1:] + toks[:-1])
    return name


# ---------------------------------------------------------------- negatives

INVENT_A = """Everbright Silverline Bluewater Greenfield Sunrise Goldcrest Northstar Redwood Brightpath Clearview
Evergreen Highland Lakeside Oakridge Pinecrest Riverside Skyline Stonebridge Summit Westbrook Crystal Harbor
Maple Cedar Aurora Horizon Pioneer Liberty Heritage Vista Crescent Meridian Pacific Atlantic Coastal Prairie
Sterling Nova Zenith Apex Vertex Orbit Quantum Fusion Vector Beacon Compass Anchor Falcon Eagle Phoenix Lotus
Jade Pearl Sapphire Emerald Ruby Amber Ivory Cobalt Indigo Scarlet Willow Aspen Birch Hazel Juniper Laurel
Magnolia Orchid Primrose Sequoia Tulip Brookfield Fairview Glenwood Hillcrest Kingsley Lancaster Millbrook
Newhaven Parkside Queensway Rosewood Springdale Thornbury Upton Valleyview Whitfield Yorkshire Ashford Bellmont
Carrington Dunmore Elmhurst Foxglove Grantham Hartwell Islington Kensington Longview Marlowe Norwood Oakhurst
Pemberton Radley Sherwood Tilbury Wexford Harmony Serenity Unity Concord Prosper Fortune Bountiful Golden
Silver Bright Grand Royal Prime Smart True Swift Rapid Solid Steady Wise Keen Bold Noble Loyal Vivid Lucky
Jinhua Xinda Hengtai Yongsheng Huatai Dongfang Shengda Tianrui Minghui Kaixin Fulin Haoyu Ruifeng Jiali Baocheng
Anshan Chenguang Delong Fenghua Guangming Hongda Jiayuan Lianhe Meida Nanfang Qiaoxing Sanhe Weilong Xinyuan""".split()
INVENT_B = """Trading Electronics Technology Logistics Industrial Engineering Components Systems Solutions Supply
Manufacturing Machinery Equipment Materials Instruments Devices Precision Optics Semiconductor Automation
Import & Export Consulting Services Distribution Freight Marine Aviation Energy Power Metals Plastics Textiles
Foods Pharmaceuticals Medical Software Data Networks Telecom Security Robotics Sensors Tools Hardware Parts""".split(" ")
INVENT_B = [b.strip() for b in " ".join(INVENT_B).replace("Import & Export", "Import_&_Export").split() if b.strip()]
INVENT_B = [b.replace("_", " ") for b in INVENT_B]
INVENT_C = ["Co., Ltd.", "Ltd", "Limited", "LLC", "Inc.", "Corp.", "GmbH", "S.A.", "Pte Ltd", "Sdn Bhd", "FZE",
            "Company Limited", "Group", "Holdings", "International", "", "JSC", "B.V.", "S.r.l.", "AB", "Oy"]
CITIES = """Shenzhen Shanghai Ningbo Suzhou Hangzhou Dubai Istanbul Singapore Hamburg Rotterdam Mumbai Chennai
Bangkok Jakarta Manila Osaka Busan Taipei Seoul Almaty Tashkent Yerevan Tbilisi Baku Warsaw Prague Milan Lyon
Madrid Porto Dublin Leeds Austin Denver Toronto Vancouver Sydney Auckland Santiago Lima Bogota Nairobi Lagos""".split()

def skeleton(tok):
    t = fold(tok)
    t = re.sub(r"[aeiouyhw]", "", t[1:]) if len(t) > 1 else t
    return fold(tok)[:1] + re.sub(r"(.)\1+", r"\1", t)


