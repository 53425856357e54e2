#!/usr/bin/env python3
"""Writes Lists/names/east-asian-surnames.txt: the Latin forms of the Chinese surnames of one character in
chinese-words.tsv (their pinyin from han-pinyin.tsv) and of the Korean surnames of korean-popular.tsv (every
spelling it gives). A name of short words with one of these at an end reads as an East Asian person's
(PersonNameShape.eastAsianName); a word list of its own so that a screen need not read the Han tables to ask.

Run: python3 Lists/names/tools/make_east_asian_surnames.py
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")


def rows(name):
    with open(os.path.join(ROOT, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


pinyin = {r[0]: r[1].split(" ") for r in rows("han-pinyin.tsv")}
words = set()
for r in rows("chinese-words.tsv"):
    if r[0] == "surname" and len(r[1]) == 1 and r[1] in pinyin:
        words.add(pinyin[r[1]][0])
for r in rows("korean-popular.tsv"):
    if r[0] == "surname":
        words.add(r[2])
    elif r[0] == "spellings":
        words.update(r[1].split(" "))
header = """# Latin forms of East Asian surnames: the pinyin of the Chinese surnames of one character (chinese-words.tsv, read
# through han-pinyin.tsv) and every spelling of the Korean surnames (korean-popular.tsv). A name of two or three short
# words with one of these at an end reads as an East Asian person's ("Gao Bin", "Jeon Mi-ran").
#
# Format: one word per line; "#" starts a comment.
# source: derived from chinese-words.tsv, han-pinyin.tsv and korean-popular.tsv (see their sources)
# version: 2026-12-07
# licence: same as the tables it is derived from
# regenerate: python3 Lists/names/tools/make_east_asian_surnames.py
"""
with open(os.path.join(ROOT, "east-asian-surnames.txt"), "w", encoding="utf-8") as o:
    o.write(header)
    for w in sorted(words):
        o.write(w + "\n")
print(f"{len(words)} surnames")
