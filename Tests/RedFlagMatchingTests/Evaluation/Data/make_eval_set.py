#!/usr/bin/env python3
"""Deterministic generator of redflag's screening evaluation set.

Reads the real list snapshots in ../shared/lists (never copied into the repo), takes list names and
aliases, perturbs them the way people type them, and writes evaluation-set.tsv beside this script:

    class  query  type  expected_ids  base_name

Positive classes (each row labelled with every entry id that carries the base name, across lists):
    typo, legal_form, abbreviation, dropped_generic, reordered_person, joined_split,
    transliteration, original_script
Negative classes (expected_ids empty; nothing must alert):
    negative_invented, negative_company, negative_person

Usage: python3 make_eval_set.py [--shared ../../../../shared/lists] [--per-class 400] [--seed 20261122]
The output depends only on the list files and the seed, so re-running it reproduces the same file.
Entry ids follow ListEntry's convention: CSL:<_id>, OFAC-SDN:<uid>, UN:<reference number>,
EU:<logicalId>, UK:<group id>.
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
    __slots__ = ("id", "type", "names", "scripts")

    def __init__(self, id, type):
        self.id, self.type, self.names, self.scripts = id, type, [], []


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

COMPANIES = """Apple Inc.; Microsoft Corporation; Alphabet Inc.; Amazon.com Inc.; Meta Platforms Inc.; Tesla Inc.;
Siemens AG; Bosch GmbH; BASF SE; Bayer AG; Volkswagen AG; BMW AG; Daimler Truck AG; Continental AG; SAP SE;
Infineon Technologies AG; Toyota Motor Corporation; Honda Motor Co., Ltd.; Sony Group Corporation; Panasonic Holdings;
Hitachi Ltd.; Toshiba Corporation; Canon Inc.; Nikon Corporation; Fujitsu Limited; Mitsubishi Electric Corporation;
Samsung Electronics Co., Ltd.; LG Electronics Inc.; SK Hynix Inc.; Hyundai Motor Company; Kia Corporation;
Taiwan Semiconductor Manufacturing Company; MediaTek Inc.; Foxconn Technology Group; Acer Inc.; ASUSTeK Computer Inc.;
Lenovo Group Limited; Xiaomi Corporation; Alibaba Group Holding Limited; Tencent Holdings Ltd.; Baidu Inc.; BYD Company Limited;
Haier Group Corporation; Midea Group Co., Ltd.; Gree Electric Appliances Inc.; JD.com Inc.; NetEase Inc.; PDD Holdings;
Nestle S.A.; Novartis AG; Roche Holding AG; ABB Ltd; Logitech International S.A.; Schindler Holding AG;
Unilever PLC; BP p.l.c.; Shell plc; HSBC Holdings plc; Barclays PLC; Vodafone Group Plc; Rolls-Royce Holdings plc;
BAE Systems plc; GlaxoSmithKline plc; AstraZeneca PLC; Diageo plc; Tesco PLC; Airbus SE; Thales Group; Safran S.A.;
Dassault Systemes SE; Schneider Electric SE; TotalEnergies SE; L'Oreal S.A.; Danone S.A.; Renault Group; Michelin;
Philips N.V.; ASML Holding N.V.; Heineken N.V.; Shell Nederland B.V.; NXP Semiconductors N.V.; Ericsson AB; Volvo AB;
Nokia Oyj; Kone Oyj; Novo Nordisk A/S; Maersk A/S; Vestas Wind Systems A/S; Equinor ASA; Telenor ASA; Sandvik AB;
Atlas Copco AB; Electrolux AB; Spotify Technology S.A.; Inditex S.A.; Telefonica S.A.; Iberdrola S.A.; Banco Santander S.A.;
Eni S.p.A.; Enel S.p.A.; Ferrari N.V.; Leonardo S.p.A.; Pirelli & C. S.p.A.; Intel Corporation; Advanced Micro Devices Inc.;
NVIDIA Corporation; Qualcomm Incorporated; Broadcom Inc.; Texas Instruments Incorporated; Micron Technology Inc.;
Applied Materials Inc.; Lam Research Corporation; KLA Corporation; Analog Devices Inc.; Microchip Technology Incorporated;
ON Semiconductor Corporation; Marvell Technology Inc.; Cisco Systems Inc.; Oracle Corporation; IBM Corporation;
Hewlett Packard Enterprise; HP Inc.; Dell Technologies Inc.; Adobe Inc.; Salesforce Inc.; Intuit Inc.; ServiceNow Inc.;
General Electric Company; Honeywell International Inc.; 3M Company; Caterpillar Inc.; Deere & Company; Boeing Company;
Lockheed Martin Corporation; Raytheon Technologies; Northrop Grumman Corporation; General Dynamics Corporation;
Ford Motor Company; General Motors Company; Procter & Gamble Company; Johnson & Johnson; Pfizer Inc.; Merck & Co. Inc.;
Abbott Laboratories; Medtronic plc; Coca-Cola Company; PepsiCo Inc.; Walmart Inc.; Costco Wholesale Corporation;
Home Depot Inc.; Nike Inc.; Starbucks Corporation; McDonald's Corporation; Walt Disney Company; Netflix Inc.;
Comcast Corporation; Verizon Communications Inc.; AT&T Inc.; Visa Inc.; Mastercard Incorporated; PayPal Holdings Inc.;
JPMorgan Chase & Co.; Goldman Sachs Group Inc.; Morgan Stanley; Bank of America Corporation; Citigroup Inc.;
Wells Fargo & Company; American Express Company; BlackRock Inc.; Berkshire Hathaway Inc.; ExxonMobil Corporation;
Chevron Corporation; ConocoPhillips; Dow Inc.; DuPont de Nemours Inc.; Corning Incorporated; Emerson Electric Co.;
Rockwell Automation Inc.; Parker Hannifin Corporation; Eaton Corporation plc; Cummins Inc.; Paccar Inc.; Whirlpool Corporation;
Thermo Fisher Scientific Inc.; Agilent Technologies Inc.; Keysight Technologies Inc.; Teradyne Inc.; Zebra Technologies;
Garmin Ltd.; Trimble Inc.; Motorola Solutions Inc.; Juniper Networks Inc.; Arista Networks Inc.; Fortinet Inc.;
Palo Alto Networks Inc.; Snowflake Inc.; Shopify Inc.; Bombardier Inc.; CAE Inc.; Magna International Inc.;
Royal Bank of Canada; Toronto-Dominion Bank; Manulife Financial; BHP Group Limited; Rio Tinto Group; Woolworths Group;
Commonwealth Bank of Australia; Telstra Group Limited; Fortescue Metals Group; Infosys Limited; Tata Consultancy Services;
Wipro Limited; Reliance Industries Limited; Mahindra & Mahindra; Larsen & Toubro Limited; Bharti Airtel Limited;
Embraer S.A.; Vale S.A.; Petrobras; Natura &Co; Grupo Bimbo; Cemex S.A.B. de C.V.; America Movil; Falabella S.A.;
Naspers Limited; MTN Group Limited; Sasol Limited; Safaricom PLC; Dangote Cement; Emirates Airline; Etihad Airways;
Qatar Airways; Singapore Airlines Limited; DBS Group Holdings; Keppel Corporation; Wilmar International; Grab Holdings;
Sea Limited; Petronas; Maybank; Axiata Group; PTT Public Company Limited; Siam Cement Group; Ayala Corporation;
Jollibee Foods Corporation; Astra International; Telkom Indonesia; Turkcell; Koc Holding; Arcelik A.S.; Aselsan;
Teva Pharmaceutical Industries; Check Point Software Technologies; Wix.com Ltd.; Nice Ltd.; Elbit Systems;
Kyocera Corporation; Murata Manufacturing Co., Ltd.; TDK Corporation; Omron Corporation; Keyence Corporation;
Fanuc Corporation; Yaskawa Electric Corporation; Shimadzu Corporation; Olympus Corporation; Ricoh Company Ltd.;
Epson; Brother Industries; Yamaha Corporation; Bridgestone Corporation; Denso Corporation; Aisin Corporation;
Nintendo Co., Ltd.; Renesas Electronics Corporation; Tokyo Electron Limited; Advantest Corporation; Lasertec;
Rohm Co., Ltd.; Sharp Corporation; NEC Corporation; NTT Data; SoftBank Group Corp.; Rakuten Group Inc.;
Naver Corporation; Kakao Corp.; POSCO Holdings; Hanwha Aerospace; Doosan Enerbility; LG Chem; Lotte Chemical;
Delta Electronics Inc.; Quanta Computer Inc.; Pegatron Corporation; Wistron Corporation; Compal Electronics;
United Microelectronics Corporation; Realtek Semiconductor; Novatek Microelectronics; Largan Precision; Yageo Corporation;
Infineon; STMicroelectronics N.V.; Soitec; Aixtron SE; Carl Zeiss AG; Trumpf GmbH; Festo SE; Kuka AG; Heidelberger Druckmaschinen;
Rheinmetall AG; MTU Aero Engines; Porsche AG; Adidas AG; Puma SE; Henkel AG; Merck KGaA; Fresenius SE; Deutsche Telekom AG;
Deutsche Bank AG; Commerzbank AG; Allianz SE; Munich Re; Hapag-Lloyd AG; Lufthansa AG; DHL Group; Zalando SE;
Ikea; H&M Hennes & Mauritz AB; Skanska AB; SKF AB; Hexagon AB; Alfa Laval AB; Saab AB; Husqvarna AB; Lego A/S;
Carlsberg A/S; Orsted A/S; Pandora A/S; Grundfos; Danfoss A/S; Yara International ASA; Norsk Hydro ASA; Kongsberg Gruppen;
Wartsila Oyj; Stora Enso Oyj; UPM-Kymmene; Neste Oyj; Metso Oyj; Valmet Oyj; Fiskars Group""".replace("\n", " ").split(";")

FIRST = """James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony
Mark Donald Steven Paul Andrew Joshua Kevin Brian George Timothy Ronald Jason Edward Jeffrey Ryan Jacob Gary
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley
Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Laura Sharon Cynthia Kathleen Amy Angela
Hans Klaus Jurgen Stefan Wolfgang Andreas Matthias Tobias Sabine Petra Claudia Monika Ursula Katrin Anke
Pierre Jean Michel Philippe Alain Nicolas Francois Camille Juliette Isabelle Sophie Nathalie Amelie Chloe
Giuseppe Marco Luca Alessandro Giulia Francesca Chiara Matteo Lorenzo Paolo Carlos Javier Miguel Alejandro
Lucia Carmen Isabel Pablo Diego Sofia Valentina Joao Pedro Tiago Beatriz Mariana Lars Erik Anders Johan
Ingrid Astrid Sven Nils Piotr Krzysztof Tomasz Agnieszka Katarzyna Jan Petr Tomas Eva Jana Laszlo Zoltan
Wei Fang Jing Lei Min Jun Hui Yan Ling Tao Hiroshi Takashi Kenji Yuki Haruto Sakura Yui Minjun Jiwoo Seoyeon
Raj Priya Anil Sunita Vikram Deepa Arjun Kavya Rohan Neha Olumide Chinedu Ngozi Kwame Ama Thabo Lerato
Aroha Tane Mateo Santiago Camila Valeria Luis Ana Rosa Emre Elif Mehmet Ayse Burak Zeynep Aleksi Aino
Siobhan Ciaran Niamh Oisin Eilidh Callum Ffion Dafydd Bram Sanne Daan Lotte Jonas Lena Felix Mia""".split()
LAST = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez
Wilson Anderson Taylor Moore Jackson Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen
King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Parker
Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Bailey Reed Kelly Howard Cox Ward
Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf Neumann
Dubois Durand Lefebvre Moreau Laurent Simon Michel Leroy Roux Fournier Girard Bonnet Rossi Russo Ferrari
Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Fernandez Sanchez Perez Gomez Diaz
Ruiz Alvarez Romero Navarro Torres Silva Santos Oliveira Pereira Costa Ferreira Almeida Carvalho Andersson
Johansson Karlsson Nilsson Eriksson Larsson Olsen Hansen Jensen Nielsen Kowalski Nowak Wisniewski Novak
Svoboda Dvorak Nagy Horvath Toth Wang Zhang Liu Chen Yang Huang Zhao Zhou Tanaka Suzuki Takahashi Watanabe
Ito Yamamoto Nakamura Kobayashi Kim Park Choi Jung Kang Patel Sharma Gupta Singh Reddy Iyer Nair Okafor
Adeyemi Mensah Nkosi Dlamini Mwangi Otieno Yilmaz Kaya Demir Celik Sahin Korhonen Virtanen Murphy OBrien
Byrne Ryan Walsh MacDonald Campbell Fraser Jones Davies Evans Jansen DeVries Bakker Visser Smit Meijer""".split()


def skeleton(tok):
    t = fold(tok)
    t = re.sub(r"[aeiouyhw]", "", t[1:]) if len(t) > 1 else t
    return fold(tok)[:1] + re.sub(r"(.)\1+", r"\1", t)


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.normpath(os.path.join(HERE, "../../../../../shared/lists")))
    ap.add_argument("--per-class", type=int, default=400)
    ap.add_argument("--negatives", type=int, default=1200, help="per negative class (person/invented); companies use all")
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument("--out", default=os.path.join(HERE, "evaluation-set.tsv"))
    a = ap.parse_args()
    S = a.shared
    entries = []
    entries += read_ofac(os.path.join(S, "ofac/sdn.xml"), "OFAC-SDN")
    entries += read_ofac(os.path.join(S, "ofac/consolidated.xml"), "OFAC-CONS")
    entries += read_csl(os.path.join(S, "csl/consolidated.csv"))
    entries += read_un(os.path.join(S, "un/consolidated.xml"))
    entries += read_eu(os.path.join(S, "eu/fsf-full-1_1-20240513.xml"))
    entries += read_uk(os.path.join(S, "uk/ofsi-conlist-20200427.csv"))
    print(f"{len(entries)} entries read", file=sys.stderr)

    by_key = defaultdict(set)
    token_sets = []
    skel_sets = []
    for e in entries:
        for n in e.names + [s for s in e.scripts if not is_latin(s)]:
            if n:
                by_key[key(n)].add(e.id)
        for n in e.names:
            toks = set(t for t in fold(n).split() if t not in GENERIC and len(t) > 1)
            if toks:
                token_sets.append(frozenset(toks))
                skel_sets.append(frozenset(skeleton(t) for t in toks))
    by_token = defaultdict(list)
    for i, ts in enumerate(token_sets):
        for t in ts:
            by_token[t].append(i)
    by_skel = defaultdict(list)
    for i, ts in enumerate(skel_sets):
        for t in ts:
            by_skel[t].append(i)

    def listed_core(name):
        """True when the name's distinctive tokens all occur together in one listed name (exactly or by
        consonant skeleton): such a 'negative' could legitimately alert, so it is not used."""
        core = [t for t in fold(name).split() if t not in GENERIC and len(t) > 1]
        if not core:
            return True
        cand = set(by_token.get(core[0], []))
        for t in core[1:]:
            cand &= set(by_token.get(t, []))
        # a listed name made of these tokens plus at most one more is close enough to alert rightly
        if any(len(token_sets[i]) <= len(set(core)) + 1 for i in cand):
            return True
        # so is a query that contains a whole listed name ("Fortune Foods GmbH" holds listed "FORTUNE")
        qset = set(core)
        for t in qset:
            for i in by_token.get(t, []):
                if token_sets[i] <= qset:
                    return True
        sk = [skeleton(t) for t in core]
        cand = set(by_skel.get(sk[0], []))
        for t in sk[1:]:
            cand &= set(by_skel.get(t, []))
        return any(len(skel_sets[i]) <= len(set(sk)) + 1 for i in cand)

    rnd = random.Random(a.seed)
    rows = []
    seen_queries = set()

    def pool(pred):
        out = []
        for e in entries:
            for i, n in enumerate(e.names):
                if n and pred(e, n, i):
                    out.append((e, n))
        rnd.shuffle(out)
        return out

    def emit(cls, gen, candidates, limit):
        made = 0
        for e, n in candidates:
            if made >= limit:
                break
            q = gen(n, rnd)
            if not q or fold(q) == fold(n) and cls != "original_script" and cls != "reordered_person":
                continue
            q = clean(q)
            if not q or (cls, q) in seen_queries or len(fold(q)) < 3:
                continue
            ids = sorted(by_key.get(key(n), set()) | {e.id})
            seen_queries.add((cls, q))
            rows.append((cls, q, e.type, ",".join(ids), n))
            made += 1
        print(f"{cls}: {made}", file=sys.stderr)

    latin = lambda e, n, i: is_latin(n) and len(fold(n)) >= 4
    emit("typo", p_typo, pool(latin), a.per_class)
    emit("legal_form", p_legal, pool(lambda e, n, i: latin(e, n, i) and e.type == "entity"
                                      and any(re.search(p, n.lower()) for p, _ in LEGAL)), a.per_class)
    emit("abbreviation", p_abbrev, pool(lambda e, n, i: latin(e, n, i) and e.type == "entity"), a.per_class)
    emit("dropped_generic", p_drop_generic, pool(lambda e, n, i: latin(e, n, i) and e.type == "entity"), a.per_class)
    emit("reordered_person", p_reorder, pool(lambda e, n, i: latin(e, n, i) and e.type == "person"
                                              and len(n.split()) >= 2), a.per_class)
    emit("joined_split", p_join_split, pool(latin), a.per_class)
    emit("transliteration", p_translit, pool(lambda e, n, i: latin(e, n, i) and e.type == "person"), a.per_class)
    script_pool = []
    for e in entries:
        for s in e.scripts:
            if s and not is_latin(s) and len(s) >= 2:
                script_pool.append((e, s))
    rnd.shuffle(script_pool)
    # persons first: their original-script names are transliterations, entity names are often translations
    script_pool.sort(key=lambda p: p[0].type != "person")
    emit("original_script", p_script, script_pool, a.per_class)

    # negatives
    made = 0
    tries = 0
    while made < a.negatives and tries < a.negatives * 20:
        tries += 1
        parts = [rnd.choice(INVENT_A)]
        if rnd.random() < 0.3:
            parts.append(rnd.choice(INVENT_A))
        if rnd.random() < 0.25:
            parts.insert(0, rnd.choice(CITIES))
        parts.append(rnd.choice(INVENT_B))
        if rnd.random() < 0.4:
            parts.append(rnd.choice(INVENT_B))
        q = " ".join(parts)
        suffix = rnd.choice(INVENT_C)
        if suffix:
            q += (", " if rnd.random() < 0.3 else " ") + suffix
        if ("negative_invented", q) in seen_queries or listed_core(q):
            continue
        seen_queries.add(("negative_invented", q))
        rows.append(("negative_invented", q, "entity", "", ""))
        made += 1
    print(f"negative_invented: {made}", file=sys.stderr)
    made = 0
    for c in COMPANIES:
        q = clean(c)
        if q and not listed_core(q) and ("negative_company", q) not in seen_queries:
            seen_queries.add(("negative_company", q))
            rows.append(("negative_company", q, "entity", "", ""))
            made += 1
    print(f"negative_company: {made} of {len(COMPANIES)}", file=sys.stderr)
    made = 0
    tries = 0
    while made < a.negatives and tries < a.negatives * 20:
        tries += 1
        f, l = rnd.choice(FIRST), rnd.choice(LAST)
        style = rnd.random()
        q = f"{f} {l}" if style < 0.6 else f"{l}, {f}" if style < 0.8 else f"{f} {rnd.choice(FIRST)[0]}. {l}"
        if ("negative_person", q) in seen_queries or listed_core(q):
            continue
        seen_queries.add(("negative_person", q))
        rows.append(("negative_person", q, "person", "", ""))
        made += 1
    print(f"negative_person: {made}", file=sys.stderr)

    with open(a.out, "w", newline="", encoding="utf-8") as f:
        f.write("class\tquery\ttype\texpected_ids\tbase_name\n")
        for r in rows:
            f.write("\t".join(x.replace("\t", " ") for x in r) + "\n")
    print(f"wrote {len(rows)} rows to {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
