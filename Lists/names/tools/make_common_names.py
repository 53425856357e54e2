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


def top_names(nd, top: int) -> set:
    """The given names (of either gender) and surnames among the `top` most frequent of each country of
    names-dataset `nd`, as `ascii_name` reads them."""
    names = set()
    for first in (True, False):
        for country, ranked in nd.get_top_names(n=top, use_first_names=first).items():
            for group in (ranked.values() if isinstance(ranked, dict) else [ranked]):
                names.update(n for n in map(ascii_name, group) if n)
    return names


def main() -> None:
    names = top_names(NameDataset(), TOP)
    header = f"""# Common given names and surnames, one a line (lower-case ASCII): a name among the {TOP} most frequent given names
# (of either gender) or surnames of some country. Such a name shared exactly is weak evidence that two persons are one
# ("Mikhail", "Ali", "Smith", "Hashemi"); the matcher reads this table to judge a person match whose other parts are only
# similar (Sources/RedFlagMatching/Decision/CommonNameMatch.swift). Read only when a person match at review level is judged.
# source: names-dataset 3.3.1 (PyPI, https://github.com/philipperemy/name-dataset): get_top_names(n={TOP}) for first and last
#   names of its 105 countries; names in Cyrillic romanised (BGN/PCGN, simplified), other scripts, multi-word names and
#   names under 3 letters left out
# version: 2026-12-04
# licence: names-dataset MIT (name frequencies used as facts)
# regenerate: pip install names-dataset==3.3.1 && python3 Lists/names/tools/make_common_names.py
"""
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(header + "".join(n + "\n" for n in sorted(names)))
    print(f"{len(names)} names → {OUT}")


if __name__ == "__main__":
    main()
