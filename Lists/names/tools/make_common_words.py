#!/usr/bin/env python3
"""Writes Lists/names/common-words.txt: the common words of English, one a line, lower case.

A company name made of an everyday word ("Puma", "Orange", "Venture", "Zenith", "Apex") is
common among companies in general, however rarely the sanctions lists hold the word: the lists'
own word counts (the matcher's IDF weights) do not know that. The matcher reads this table to
judge a match that rests on such a word alone (Sources/RedFlagMatching/Decision/CommonWordMatch.swift).

Source: SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson), the english-words lists of
sizes 10 to 50 (size 50 is the one spell checkers use; above it come rare and technical words), as Debian's `scowl`
package installs them under /usr/share/dict/scowl. Kept: words of lower-case ASCII letters only
(no proper names, possessives or abbreviations) of four letters or more.

Run: apt-get install -y scowl && python3 Lists/names/tools/make_common_words.py
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "common-words.txt")
SCOWL = "/usr/share/dict/scowl"
SIZES = (10, 20, 35, 40, 50)
MIN_LENGTH = 4

HEADER = """# Common words of English, one a line (lower case, ASCII letters, {min}+ letters): what an everyday word is, however
# rarely the sanctions lists hold it. A company named for one ("Puma", "Orange", "Venture", "Zenith") shares it with many
# companies that are not listed; the matcher reads this table to judge a match resting on such a word alone
# (Sources/RedFlagMatching/Decision/CommonWordMatch.swift).
# source: SCOWL (Spell Checker Oriented Word Lists) by Kevin Atkinson, english-words lists of sizes {sizes}, as Debian's
#   `scowl` package (2020.12.07) installs them; words with capitals, apostrophes or under {min} letters left out
# version: 2026-12-03
# licence: SCOWL: "Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy, modify, distribute and sell these word
#   lists, the associated scripts, the output created from the scripts, and its documentation for any purpose is hereby
#   granted without fee, provided that the above copyright notice appears in all copies and that both that copyright
#   notice and this permission notice appear in supporting documentation. Kevin Atkinson makes no representations about
#   the suitability of this array for any purpose. It is provided "as is" without express or implied warranty." (its
#   size 10-50 sources: Moby Words II, Brian Kelk's UK English wordlist, 12Dicts and the 1990 US Census names (proper names left out here), public domain; inflections added
#   with the WordNet database: "WordNet 1.6 Copyright 1997 by Princeton University. All rights reserved.", permission
#   to use, copy, modify and distribute without fee granted with that notice; provided "as is", without warranty)
# regenerate: apt-get install -y scowl && python3 Lists/names/tools/make_common_words.py
"""


def main() -> int:
    words = set()
    for size in SIZES:
        path = os.path.join(SCOWL, f"english-words.{size}")
        if not os.path.exists(path):
            print(f"{path} missing: apt-get install -y scowl", file=sys.stderr)
            return 1
        with open(path, encoding="utf-8", errors="strict") as f:
            for line in f:
                w = line.strip()
                if len(w) >= MIN_LENGTH and w.isascii() and w.isalpha() and w.islower():
                    words.add(w)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(HEADER.format(min=MIN_LENGTH, sizes=", ".join(map(str, SIZES))))
        for w in sorted(words):
            f.write(w + "\n")
    print(f"{len(words)} words written to {os.path.relpath(OUT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
