#!/usr/bin/env python3
"""Writes Lists/names/common-names.txt: the given names and surnames that are among the most frequent
in some country, as the names-dataset package counts them (its data: first and last names with their
country frequencies). A name this common is weak evidence that two persons are one: "Mikhail",
"Ali", "Smith", "Hashemi" are shared by many people who are not the listed person
(Sources/RedFlagMatching/Decision/CommonNameMatch.swift).

Run: pip install names-dataset==3.3.1 && python3 Lists/names/tools/make_common_names.py
(loading the dataset takes a minute and about 3 GB of memory).
"""
import os
import re
import unicodedata

from names_dataset import NameDataset

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "common-names.txt")
# Per country: this many given names of each gender and this many surnames.
TOP = 100
# Cyrillic as the lists romanise Russian, Ukrainian and Bulgarian (BGN/PCGN, simplified).
CYRILLIC = dict(zip("абвгдезийклмнопрстуфхцчшщъыьэюяёєіїґ",
                    ["a", "b", "v", "g", "d", "e", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
                     "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "e", "ye", "i", "yi", "g"]))
CYRILLIC["ж"] = "zh"


def ascii_name(name: str):
    """The name as lower-case ASCII letters, or None (several words, another script, an abbreviation)."""
    s = name.strip().lower()
    if any("\u0400" <= c <= "\u04ff" for c in s):
        s = "".join(CYRILLIC.get(c, c) for c in s)
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.replace("ß", "ss").replace("ø", "o").replace("æ", "ae").replace("ł", "l").replace("ı", "i").replace("đ", "d")
    return s if re.fullmatch(r"[a-z]{3,}", s) else None


# Countries whose surnames open with the Arabic article, written apart ("Al-Harbi", "Al Harbi") or glued ("Alharbi").
ARABIC_ARTICLE_COUNTRIES = {"SA", "AE", "KW", "QA", "BH", "OM", "YE", "IQ", "SY", "JO", "LB", "PS", "EG", "LY", "TN", "DZ", "MA",
                            "SD"}


def without_article(name: str, country: str):
    """The name after its Arabic article, as the matcher reads "AL-HARBI" (the article a word of its own): "Al-Harbi"
    and "El Sayed" anywhere, "Alharbi" in a country of `ARABIC_ARTICLE_COUNTRIES` when four letters or more follow;
    else None."""
    s = name.strip().lower()
    m = re.fullmatch(r"(?:al|el)[- ](\S+)", s)
    if m:
        return ascii_name(m.group(1))
    if country in ARABIC_ARTICLE_COUNTRIES and s.startswith("al") and re.fullmatch(r"[a-z]{6,}", s):
        return ascii_name(s[2:])
    return None


def top_names(nd, top: int) -> set:
    """The given names (of either gender) and surnames among the `top` most frequent of each country of
    names-dataset `nd`, as `ascii_name` reads them, and a surname that opens with the Arabic article also without it."""
    names = set()
    for first in (True, False):
        for country, ranked in nd.get_top_names(n=top, use_first_names=first).items():
            for group in (ranked.values() if isinstance(ranked, dict) else [ranked]):
                names.update(n for n in map(ascii_name, group) if n)
                if not first:
                    names.update(n for n in (without_article(g, country) for g in group) if n)
    return names


GIVEN_NAMES = os.path.join(HERE, "..", "given-names.tsv")
ABBREVIATIONS = os.path.join(HERE, "..", "abbreviations.tsv")
COMMON_WORDS = os.path.join(HERE, "..", "common-words.txt")


def other_words() -> set:
    """The short forms of abbreviations.tsv ("petro" for petroleum) and the everyday English words of common-words.txt
    ("vital", "jury"): a spelling that is also such a word is common only by its own frequency."""
    words = set()
    for line in open(ABBREVIATIONS, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if not line.startswith("#") and len(cols) >= 3:
            words.update(cols[2].split())
    for line in open(COMMON_WORDS, encoding="utf-8"):
        if not line.startswith("#"):
            words.add(line.strip())
    return words


def with_variants(names: set) -> set:
    """`names` and every spelling of a variant group of given-names.tsv that holds one of them: a name is as common
    as the name it spells ("Dmytro" is Dmitriy as Ukrainian writes it, "Oleksandr" Aleksandr), and names-dataset
    counts Ukraine's and Belarus's names under none of its countries. Not a spelling that is also an abbreviation or
    an everyday word (`other_words`)."""
    out = set(names)
    other = other_words()
    for line in open(GIVEN_NAMES, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 2 or cols[0] != "variants":
            continue
        group = cols[1].split()
        if any(n in names for n in group):
            out.update(n for n in group if re.fullmatch(r"[a-z]{3,}", n) and n not in other)
    return out


def main() -> None:
    names = with_variants(top_names(NameDataset(), TOP))
    header = f"""# Common given names and surnames, one a line (lower-case ASCII): a name among the {TOP} most frequent given names
# (of either gender) or surnames of some country. Such a name shared exactly is weak evidence that two persons are one
# ("Mikhail", "Ali", "Smith", "Hashemi"); the matcher reads this table to judge a person match whose other parts are only
# similar (Sources/RedFlagMatching/Decision/CommonNameMatch.swift). Read only when a person match at review level is judged.
# source: names-dataset 3.3.1 (PyPI, https://github.com/philipperemy/name-dataset): get_top_names(n={TOP}) for first and last
#   names of its 105 countries; names in Cyrillic romanised (BGN/PCGN, simplified), other scripts, multi-word names and
#   names under 3 letters left out; a surname that opens with the Arabic article also without it ("Al-Harbi", "Alharbi":
#   harbi); with every spelling of a variant group of given-names.tsv that holds one of them
#   (a name is as common as the name it spells: Dmytro, Oleksandr), unless that spelling is also an abbreviation or an
#   everyday word of common-words.txt
# version: 2026-12-07
# licence: names-dataset MIT (name frequencies used as facts)
# regenerate: pip install names-dataset==3.3.1 && python3 Lists/names/tools/make_common_names.py
"""
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(header + "".join(n + "\n" for n in sorted(names)))
    print(f"{len(names)} names → {OUT}")


if __name__ == "__main__":
    main()
