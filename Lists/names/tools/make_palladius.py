#!/usr/bin/env python3
"""Writes Lists/names/palladius.tsv: every Mandarin syllable (toneless pinyin, from han-pinyin.tsv)
with its spelling in the Palladius system, the Russian transcription of Chinese ("Си Цзиньпин"
Xi Jinping, "Хуавэй" Huawei). Rules: the Palladius system as summarised in the Wikipedia article
"Cyrillization of Chinese" (the pinyin-to-Cyrillic table); written for redflag.

Usage: python3 Lists/names/tools/make_palladius.py
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
NAMES = os.path.dirname(HERE)

INITIALS = ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s"]
INITIAL = {"b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л", "g": "г", "k": "к", "h": "х",
           "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч", "sh": "ш", "r": "ж", "z": "цз", "c": "ц", "s": "с"}
# Finals after a consonant.
FINAL = {"a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
         "ang": "ан", "eng": "эн", "ong": "ун", "er": "эр", "i": "и", "ia": "я", "ie": "е", "iao": "яо", "iu": "ю",
         "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа", "uo": "о",
         "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан", "v": "юй", "ve": "юэ", "van": "юань",
         "vn": "юнь", "ue": "юэ"}
# Syllables without an initial.
ZERO = {"a": "а", "ai": "ай", "an": "ань", "ang": "ан", "ao": "ао", "e": "э", "ei": "эй", "en": "энь", "eng": "эн",
        "er": "эр", "o": "о", "ou": "оу", "yi": "и", "ya": "я", "ye": "е", "yao": "яо", "you": "ю", "yan": "янь",
        "yin": "инь", "yang": "ян", "ying": "ин", "yong": "юн", "wu": "у", "wa": "ва", "wo": "во", "wai": "вай",
        "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван", "weng": "вэн", "yu": "юй", "yue": "юэ",
        "yuan": "юань", "yun": "юнь", "yo": "ё"}


def palladius(syllable):
    if syllable in ZERO:
        return ZERO[syllable]
    initial = next((i for i in INITIALS if syllable.startswith(i)), None)
    if initial is None:
        return None
    final = syllable[len(initial):]
    # j, q, x, y write ü as u; the table's v.
    if initial in ("j", "q", "x") and final.startswith("u"):
        final = "v" + final[1:]
    if initial in ("n", "l") and final == "ue":
        final = "ve"
    if final == "i" and initial in ("z", "c", "s"):
        return {"z": "цзы", "c": "цы", "s": "сы"}[initial]
    if final == "i" and initial in ("zh", "ch", "sh", "r"):
        return INITIAL[initial] + "и"
    # After zh, ch, sh and r, e and en are written э, энь; elsewhere too. After consonants "ie" is е.
    if final == "e" and initial in ("g", "k", "h", "d", "t", "n", "l", "z", "c", "s", "zh", "ch", "sh", "r", "m"):
        cyr = {"g": "гэ", "k": "кэ", "h": "хэ", "d": "дэ", "t": "тэ", "n": "нэ", "l": "лэ", "z": "цзэ", "c": "цэ", "s": "сэ",
               "zh": "чжэ", "ch": "чэ", "sh": "шэ", "r": "жэ", "m": "мэ"}
        return cyr[initial]
    if final not in FINAL:
        return None
    return INITIAL[initial] + FINAL[final]


def main():
    syllables = set()
    for line in open(os.path.join(NAMES, "han-pinyin.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        fields = line.rstrip("\n").split("\t")
        for reading in fields[1:]:
            for s in reading.split():
                if s.isalpha() and s.isascii():
                    syllables.add(s)
    rows = []
    for s in sorted(syllables):
        cyr = palladius(s)
        if cyr:
            rows.append((s, cyr))
    with open(os.path.join(NAMES, "palladius.tsv"), "w", encoding="utf-8") as out:
        out.write("# Mandarin syllables (toneless pinyin) and their spelling in the Palladius system, the Russian transcription\n")
        out.write("# of Chinese that the Russian, Ukrainian and Belarusian press write Chinese names and companies in (\"Си Цзиньпин\"\n")
        out.write("# Xi Jinping, \"Хуавэй\" Huawei, \"Ханчжоу\" Hangzhou). Read back into pinyin for names written so (Transliterator:\n")
        out.write("# a Cyrillic name of one to three words whose every word splits into these syllables).\n")
        out.write("# source: the Palladius system (Палладий Кафаров, 1839; the pinyin-to-Cyrillic table of the Wikipedia article\n")
        out.write("#   \"Cyrillization of Chinese\"), applied to the syllables of han-pinyin.tsv by make_palladius.py.\n")
        out.write("# version: 2026-12-05\n")
        out.write("# licence: own work (the transcription system is public)\n")
        out.write("# regenerate: python3 Lists/names/tools/make_palladius.py\n")
        out.write("# columns: syllable<TAB>pinyin<TAB>Cyrillic (lower case)\n")
        for s, cyr in rows:
            out.write(f"syllable\t{s}\t{cyr}\n")
    print(len(rows), "syllables")


if __name__ == "__main__":
    main()
