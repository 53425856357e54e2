#!/usr/bin/env python3
"""Writes Lists/names/han-pinyin.tsv: the most frequent Mandarin reading of each Han character
(and of the words whose reading differs from their characters': 重庆 chong qing), toneless, for romanising Chinese names and company names the way the lists write them.

Source: pypinyin (PyPI, MIT; mozillazg/python-pinyin), its per-character table pinyin_dict
(itself built from the Unicode Unihan kMandarin/kHanyuPinyin readings). The first reading listed is
the most common one. Only CJK Unified Ideographs (U+4E00–U+9FFF) and Extension A
(U+3400–U+4DBF) are kept: names use them.

Run: python3 -m venv v && v/bin/pip install pypinyin==0.55.0 && v/bin/python make_han_pinyin.py
Not run at build time; the generated file is committed.
"""
import importlib.metadata
import os
import unicodedata

from pypinyin.phrases_dict import phrases_dict
from pypinyin.pinyin_dict import pinyin_dict

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "han-pinyin.tsv")


def toneless(s: str) -> str:
    s = s.replace("ü", "v")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return s.replace("v", "u")


def main() -> None:
    version = importlib.metadata.version("pypinyin")
    rows = []
    first = {}
    for cp in sorted(pinyin_dict):
        if not (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF):
            continue
        reading = toneless(pinyin_dict[cp].split(",")[0])
        if reading.isascii() and reading.isalpha():
            rows.append(f"{chr(cp)}\t{reading}")
            first[chr(cp)] = reading
    # Words of two to four characters read otherwise than their characters' first readings
    # (重庆 chong qing, 银行 yin hang, 长安 chang an): longest match wins when romanising.
    phrases = 0
    for word in sorted(phrases_dict):
        if not 2 <= len(word) <= 4 or any(c not in first for c in word):
            continue
        readings = [toneless(r[0]) for r in phrases_dict[word]]
        if len(readings) == len(word) and all(r.isascii() and r.isalpha() for r in readings) and readings != [first[c] for c in word]:
            rows.append(f"{word}\t{' '.join(readings)}")
            phrases += 1
    header = [
        "# Han character → most frequent Mandarin reading (toneless pinyin, ü written u).",
        f"# source: pypinyin {version} (PyPI, MIT, https://github.com/mozillazg/python-pinyin: pinyin_dict, from Unicode Unihan readings)",
        f"# version: pypinyin {version}",
        "# licence: MIT (pypinyin); Unihan data under the Unicode licence",
        "# regenerate: python3 Lists/names/tools/make_han_pinyin.py (needs `pip install pypinyin`)",
        "# columns: character<TAB>reading, then words<TAB>reading reading… for words read otherwise than their characters (重庆 chong qing)",
    ]
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(header + rows) + "\n")
    print(f"wrote {OUT}: {len(first)} characters, {phrases} words")


if __name__ == "__main__":
    main()
