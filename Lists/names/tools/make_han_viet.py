#!/usr/bin/env python3
"""Writes Lists/names/han-viet.tsv: each Sino-Vietnamese (Hán-Việt) syllable of Chinese names with the
Mandarin readings (toneless pinyin) of the Han characters it stands for, commonest character first.

Why: the Vietnamese press writes a Chinese person's name in the Vietnamese reading of its characters
(习近平 Tập Cận Bình, 吴英杰 Ngô Anh Kiệt), not in pinyin; the lists write the pinyin (WU, Yingjie). A name
whose every syllable is in this table is also read back into pinyin (HanVietNames.swift).

Source: han-viet-chars.txt beside this script (hand-written: characters with their Hán-Việt readings and,
where the character has several Mandarin readings, the one names use); Mandarin readings of the others
from pypinyin 0.55.0 (PyPI, MIT; its table comes from Unihan kMandarin/kHanyuPinyin).
Run: pip install pypinyin==0.55.0 && python3 make_han_viet.py
Not run at build time; the generated file is committed.
"""
import collections
import os
import unicodedata

from pypinyin import Style, lazy_pinyin

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "han-viet-chars.txt")
OUT = os.path.join(HERE, "..", "han-viet.tsv")

# Syllables whose commonest name character is not the first listed one: the reading names use most.
PRIORITY = {"quý": ["gui"], "quảng": ["guang"], "cảnh": ["jing"], "thiên": ["tian"], "thâm": ["shen"], "vũ": ["yu"], "tự": ["xu"]}

HEADER = """\
# Sino-Vietnamese (Hán-Việt) syllables of Chinese names → the Mandarin readings (toneless pinyin) of the Han characters
# each stands for, the commonest name character's first. The Vietnamese press writes a Chinese person's name in the
# Vietnamese reading of its characters (习近平 Tập Cận Bình, 吴英杰 Ngô Anh Kiệt); the lists write pinyin (WU, Yingjie).
# A name written with Vietnamese letters whose every syllable is in this table is also read back into pinyin,
# surname apart and the given name joined (HanVietNames.swift).
# source: Lists/names/tools/han-viet-chars.txt (hand-written: the commonest Chinese surname and given-name characters with
#   the readings the Vietnamese press and Vietnamese Wikipedia titles use, checked against Unihan kVietnamese), Mandarin
#   readings from pypinyin 0.55.0 (PyPI, MIT; from Unihan) unless the source names the one names use
# version: 2026-12-07
# licence: own work; pypinyin MIT; Unihan data under the Unicode licence
# regenerate: pip install pypinyin==0.55.0 && python3 Lists/names/tools/make_han_viet.py
# columns: syllable<TAB>Vietnamese syllable (lower case, with its marks)<TAB>pinyin readings (space-separated, commonest first)<TAB>examples
"""


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def main() -> None:
    rank = 0
    syllables = collections.OrderedDict()  # Hán-Việt syllable → [(rank, character, [pinyin])]
    with open(SOURCE, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split()
            ch = parts[0]
            default = parts[2].split("|") if len(parts) > 2 else [lazy_pinyin(ch, style=Style.NORMAL)[0]]
            rank += 1
            for part in parts[1].split("/"):
                if "=" in part:
                    hv, py = part.split("=")
                    readings = py.split("|")
                else:
                    hv, readings = part, default
                entries = syllables.setdefault(nfc(hv.lower()), [])
                if not any(c == ch for _, c, _ in entries):
                    entries.append((rank, ch, [r.replace("ü", "u").replace("v", "u") for r in readings]))
    rows = []
    for hv, entries in syllables.items():
        entries.sort()
        order = []
        for _, _, readings in entries:
            order += [r for r in readings if r not in order]
        first = PRIORITY.get(hv, [])
        order = first + [r for r in order if r not in first]
        examples, used = [], set()
        for reading in order:  # one example a reading first, then more characters up to three
            for _, ch, readings in entries:
                if reading in readings and ch not in used:
                    examples.append(f"{ch} {reading}")
                    used.add(ch)
                    break
            if len(examples) == 3:
                break
        for _, ch, readings in entries:
            if len(examples) >= 3:
                break
            if ch not in used:
                examples.append(f"{ch} {readings[0]}")
                used.add(ch)
        rows.append((hv, " ".join(order), "; ".join(examples)))
    rows.sort()
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        for hv, py, ex in rows:
            f.write(f"syllable\t{hv}\t{py}\t{ex}\n")
    print(f"{len(rows)} syllables from {rank} characters → {OUT}")


if __name__ == "__main__":
    main()
