#!/usr/bin/env python3
"""Writes Lists/names/known-names.txt: the given names and surnames among the 1,000 most frequent of some
country, as the names-dataset package counts them: a wider net than common-names.txt (the 100 most
frequent). A word a customer types that is such a name is somebody's name, not a typo: "Kharchenko" is a
Ukrainian family, not "KHAVCHENKO" mistyped; "Mourinho" is not "MORENO" (Sources/RedFlagMatching/Names/KnownNames.swift).

Run: pip install names-dataset==3.3.1 && python3 Lists/names/tools/make_known_names.py
(loading the dataset takes a minute and about 3 GB of memory).
"""
import os

from names_dataset import NameDataset

from make_common_names import top_names

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "known-names.txt")
# Per country: this many given names of each gender and this many surnames.
TOP = 1000


def main() -> None:
    names = top_names(NameDataset(), TOP)
    header = f"""# Known given names and surnames, one a line (lower-case ASCII): a name among the {TOP:,} most frequent given names
# (of either gender) or surnames of some country. A word a customer types that is such a name is a person's name, not a
# typo of another: "Kharchenko" is no "KHAVCHENKO" mistyped, "Mourinho" no "MORENO". The matcher reads this table to
# judge a person match resting on a part spelt otherwise than listed (Sources/RedFlagMatching/Names/KnownNames.swift);
# looked up by binary search, only when a person match at review level is judged.
# source: names-dataset 3.3.1 (PyPI, https://github.com/philipperemy/name-dataset): get_top_names(n={TOP}) for first and
#   last names of its 105 countries; names in Cyrillic romanised (BGN/PCGN, simplified), other scripts, multi-word names
#   and names under 3 letters left out; a surname that opens with the Arabic article also without it ("Al-Harbi",
#   "Alharbi": harbi)
# version: 2026-12-07
# licence: names-dataset MIT (name frequencies used as facts)
# regenerate: pip install names-dataset==3.3.1 && python3 Lists/names/tools/make_known_names.py
"""
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(header + "".join(n + "\n" for n in sorted(names)))
    print(f"{len(names)} names → {OUT}")


if __name__ == "__main__":
    main()
