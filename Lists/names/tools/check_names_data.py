#!/usr/bin/env python3
"""Checks the name tables in Lists/names/: every file has its header (source, version, licence,
how to regenerate), every row has the fields its kind needs, no value holds stray spaces.

The hand-kept tables (legal forms, abbreviations, letters, hangul, chinese words) are edited in
place and checked here; the generated ones (given names, han pinyin) are rewritten by their
make_*.py scripts. Run: python3 Lists/names/tools/check_names_data.py (exit 1 on a problem).
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")

# file → {kind: minimum number of fields after the kind}; None: rows have no kind column (two fields); a number: rows
# have no kind column first and that many fields (business-words-latin.tsv opens with its sort key).
LAYOUT = {
    "legal-forms.tsv": {"form": 2, "edge-only": 1, "glued-prefix": 1, "glued-suffix": 1, "weak-word": 1},
    "abbreviations.tsv": {"abbreviation": 2, "stopword": 1},
    "given-names.tsv": {"nickname": 2, "variants": 1},
    "letters.tsv": {"ru": 2, "sr": 2, "uk": 2, "be": 2, "el": 2, "ar": 2, "he": 2, "fa": 2},
    "hangul.tsv": {"initial": 4, "medial": 4, "final": 4},
    "chinese-words.tsv": {"word": 2, "surname": 1},
    "han-pinyin.tsv": None,
    "han-transcription.tsv": {"sound": 2, "name": 2, "letters": 2},
    "romanisation-swaps.tsv": {"swap": 2},
    "business-words.tsv": {"word": 3, "country": 3, "place": 3},
    "business-words-latin.tsv": 4,
    "han-readings.tsv": {"ko": 2, "ja": 2},
    "press-orthographies.tsv": {"rule": 3},
    "compound-names.tsv": {"head": 2, "apart": 1, "article": 1, "alone": 1, "second": 2, "first": 2, "suffix": 2},
    "southeast-letters.tsv": {"Thai": 3, "Laoo": 3, "Khmr": 3, "Mymr": 3},
    "korean-cyrillic.tsv": {"initial": 2, "vowel": 2, "final": 2},
    "burmese-syllables.tsv": {"syllable": 3},
    "korean-katakana.tsv": {"unit": 2, "final": 2, "surname": 2},
    "korean-pinyin.tsv": {"syllable": 2, "surname": 2},
    "palladius.tsv": {"syllable": 2},
    "han-viet.tsv": {"syllable": 3},
    "korean-popular.tsv": {"surname": 2, "spellings": 1},
    "diacritic-sounds.tsv": {"letter": 2},
    "place-adjectives.tsv": {"suffix": 2, "ending": 2, "quality": 2},
    "patronymics.tsv": {"form": 2},
    "compass-words.tsv": {"direction": 2},
    "phonetic.tsv": {"class": 2, "reading": 3, "vowel": 3, "substitute": 4, "gap": 6, "epenthetic": 3, "group": 3, "offglide": 2, "letters": 4},
}
HEADER = ("# source:", "# version:", "# licence:")


def check_header(name: str, lines: list) -> list:
    """The header names the source, version and licence, and how to regenerate or check the table."""
    header = [l for l in lines if l.startswith("#")]
    problems = [f"{name}: header lacks '{h}'" for h in HEADER if not any(l.startswith(h) for l in header)]
    if not any("regenerate" in l for l in header):
        problems.append(f"{name}: header does not say how to regenerate or check it")
    return problems


def check(name: str, kinds) -> list:
    problems = []
    path = os.path.join(ROOT, name)
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    problems += check_header(name, lines)
    for n, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if any(f != f.strip() or f == "" for f in fields):
            problems.append(f"{name}:{n}: empty field or stray space")
        if kinds is None or isinstance(kinds, int):
            if len(fields) != (kinds or 2):
                problems.append(f"{name}:{n}: expected {kinds or 2} fields, found {len(fields)}")
            continue
        if fields[0] not in kinds:
            problems.append(f"{name}:{n}: unknown kind '{fields[0]}'")
        elif len(fields) - 1 < kinds[fields[0]]:
            problems.append(f"{name}:{n}: kind {fields[0]} needs {kinds[fields[0]]} fields after it, found {len(fields) - 1}")
    return problems


SOUTHEAST_KINDS = {"option", "consonant", "lead", "sign", "medial", "glide", "killer", "rime", "closed", "cluster"}


def rows(name: str, fields: int):
    """(line number, fields) of each row of table `name` with at least `fields` fields."""
    with open(os.path.join(ROOT, name), encoding="utf-8") as f:
        for n, line in enumerate(f.read().split("\n"), 1):
            if line and not line.startswith("#") and len(line.split("\t")) >= fields:
                yield n, line.split("\t")


def check_southeast() -> list:
    """southeast-letters.tsv: the second column names the row's kind; killers are final, stack or silent."""
    problems = []
    for n, fields in rows("southeast-letters.tsv", 4):
        if fields[1] not in SOUTHEAST_KINDS:
            problems.append(f"southeast-letters.tsv:{n}: unknown kind '{fields[1]}'")
        elif fields[1] == "killer" and fields[3] not in ("final", "stack", "silent"):
            problems.append(f"southeast-letters.tsv:{n}: a killer is final, stack or silent")
        elif fields[1] in ("consonant", "lead", "sign", "medial", "glide", "killer") and len(fields[2]) != 1:
            problems.append(f"southeast-letters.tsv:{n}: a {fields[1]} is one character")
    return problems


def check_business_words_latin() -> list:
    """business-words-latin.tsv: key, kind (word, country, place, function), word as written, English forms; the key is the
    word folded as names are (lower case, no diacritics, the letters diacritic folding leaves alone typed plain), each
    key once, the rows sorted by key (bytes: looked up by binary search); English forms are Latin words separated by
    '|' ("-" for a function word)."""
    import unicodedata
    special = {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "ß": "ss", "ı": "i", "þ": "th", "ħ": "h",
               "ŧ": "t", "ŀ": "l", "ĸ": "k", "ŋ": "ng"}

    def fold(word: str) -> str:
        plain = "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))
        return "".join(special.get(c, c) for c in plain)

    problems, previous = [], b""
    for n, fields in rows("business-words-latin.tsv", 4):
        key, kind, word, english = fields[:4]
        if kind not in ("word", "country", "place", "function"):
            problems.append(f"business-words-latin.tsv:{n}: unknown kind '{kind}' (expected word, country, place or function)")
        if word != word.lower() or not word.isalpha():
            problems.append(f"business-words-latin.tsv:{n}: '{word}' is one lower-case word")
        if key != fold(word):
            problems.append(f"business-words-latin.tsv:{n}: key '{key}' is not '{word}' folded ('{fold(word)}')")
        if key.encode() <= previous:
            problems.append(f"business-words-latin.tsv:{n}: '{key}' out of order or twice (the rows are sorted by key)")
        previous = key.encode()
        if kind == "function" and english != "-":
            problems.append(f"business-words-latin.tsv:{n}: a function word's English is '-'")
        if kind != "function" and not all(f and f.replace(" ", "").isascii() and f.replace(" ", "").isalpha() for f in english.split("|")):
            problems.append(f"business-words-latin.tsv:{n}: English forms are Latin words separated by '|'")
    return problems


def check_han_transcription() -> list:
    """han-transcription.tsv: one Han character per sound row, two or more per name row, each once, read as lower-case letters a-z;
    letters rows: Han characters, each once, in a named group."""
    problems, seen, letters = [], set(), set()
    for n, fields in rows("han-transcription.tsv", 3):
        han = all(0x3400 <= ord(c) <= 0x9FFF for c in fields[1])
        if fields[0] == "letters":
            if not han or not fields[1]:
                problems.append(f"han-transcription.tsv:{n}: letters are Han characters")
            problems += [f"han-transcription.tsv:{n}: letter '{c}' twice" for c in fields[1] if c in letters]
            letters.update(fields[1])
            if fields[2] not in ("tables", "press", "traditional"):
                problems.append(f"han-transcription.tsv:{n}: the letters' group is tables, press or traditional")
            continue
        if fields[0] == "name" and (not han or len(fields[1]) < 2):
            problems.append(f"han-transcription.tsv:{n}: a name is two or more Han characters")
        elif fields[0] != "name" and (not han or len(fields[1]) != 1):
            problems.append(f"han-transcription.tsv:{n}: '{fields[1]}' is not one Han character")
        elif fields[1] in seen:
            problems.append(f"han-transcription.tsv:{n}: '{fields[1]}' twice")
        seen.add(fields[1])
        if not fields[2].isascii() or not fields[2].isalpha() or not fields[2].islower():
            problems.append(f"han-transcription.tsv:{n}: the {fields[0]} is lower-case letters a-z")
    return problems


# Word lists of one lower-case ASCII word a line, unique; the sorted ones are looked up by binary search
# (SortedWordFile.swift), the others read as sets.
WORD_LISTS = ("common-names.txt", "known-names.txt", "name-endings.txt", "kunya-words.txt", "patronymic-endings.txt", "place-words.txt",
              "standing-words.txt", "east-asian-surnames.txt")
SORTED_WORD_LISTS = ("common-names.txt", "known-names.txt")


def check_words(name: str) -> list:
    """A word list: its header (source, version, licence, how to regenerate), then one word a line."""
    problems = []
    with open(os.path.join(ROOT, name), encoding="utf-8") as f:
        lines = f.read().split("\n")
    problems += check_header(name, lines)
    words = [l for l in lines if l and not l.startswith("#")]
    for n, line in enumerate(lines, 1):
        if line and not line.startswith("#") and not (line.isascii() and line.isalpha() and line.islower()):
            problems.append(f"{name}:{n}: '{line}' is not one lower-case ASCII word")
    if len(set(words)) != len(words):
        problems.append(f"{name}: repeated words")
    if name in SORTED_WORD_LISTS and words != sorted(words):
        problems.append(f"{name}: not sorted (the matcher looks words up by binary search)")
    return problems


def main() -> int:
    problems = []
    for name, kinds in LAYOUT.items():
        problems += check(name, kinds)
    problems += check_southeast()
    for name in WORD_LISTS:
        problems += check_words(name)
    problems += check_han_transcription()
    problems += check_business_words_latin()
    extra = sorted(set(f for f in os.listdir(ROOT) if f.endswith(".tsv")) - set(LAYOUT))
    problems += [f"{f}: not known to this checker" for f in extra]
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{len(LAYOUT) + len(WORD_LISTS)} tables checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
