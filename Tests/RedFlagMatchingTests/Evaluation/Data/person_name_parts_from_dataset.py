#!/usr/bin/env python3
"""Writes person-name-parts-more.tsv: the most frequent given names and surnames of countries whose names the
hand-written person-name-parts.tsv holds few of (Iran, the Arab world, Turkey, Azerbaijan, Afghanistan, Nigeria,
Brazil, Mexico, Bangladesh, Indonesia, Malaysia, Russia, Kazakhstan, Korea, the Philippines), from the
names-dataset package (MIT; first and last names with their country frequencies). make_eval_set.py composes
more negative_person rows from them, after those of person-name-parts.tsv, so that the rows made before stay
as they were.

Run: pip install names-dataset==3.3.1 && python3 person_name_parts_from_dataset.py (about a minute).
"""
import os
import re
import unicodedata

from names_dataset import NameDataset

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "person-name-parts-more.tsv")
# country → (culture label, order code as in person-name-parts.tsv)
COUNTRIES = {
    "IR": ("persian_nd", "GS"), "AF": ("afghan_nd", "GS"), "EG": ("egyptian_nd", "GBF"), "SA": ("saudi_nd", "GBF"),
    "JO": ("jordanian_nd", "GBF"), "SY": ("syrian_nd", "GBF"), "IQ": ("iraqi_nd", "GBF"), "MA": ("moroccan_nd", "GS"),
    "TR": ("turkish_nd", "GS"), "AZ": ("azerbaijani_nd", "GS"), "NG": ("nigerian_nd", "GS"), "BR": ("brazilian_nd", "GS"),
    "MX": ("mexican_nd", "GSS"), "BD": ("bangladeshi_nd", "GS"), "ID": ("indonesian_nd", "GS"), "MY": ("malaysian_nd", "GS"),
    "RU": ("russian_nd", "GSP"), "KZ": ("kazakh_nd", "GS"), "KR": ("korean_nd", "SG"), "PH": ("filipino_nd", "GS"),
}
GIVEN_M, GIVEN_F, SURNAMES = 25, 15, 35
# Cyrillic as the lists romanise Russian (BGN/PCGN, simplified).
CYR = dict(zip("абвгдезийклмнопрстуфхцчшщъыьэюяё",
               ["a", "b", "v", "g", "d", "e", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
                "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "e"]))
CYR.update({"ж": "zh", "і": "i", "ң": "n", "ғ": "g", "қ": "k", "ү": "u", "ұ": "u", "ө": "o", "һ": "h", "ә": "a"})
# Profile words of the source data that are no names (places, clubs, words for "mother of", abbreviations).
NOT_NAMES = {"madrid", "milano", "oran", "mosta", "lacoste", "usma", "tlm", "mca", "wac", "kech", "rajawi", "ana", "om", "um",
             "oum", "abo", "abu", "ell", "med", "moh", "itz", "klm", "mohd", "muhd", "afghan", "tanha", "sy", "sh", "gh", "kh",
             "kura", "hama", "kcha", "nona", "tota", "princess", "queen", "king", "gyan", "syr", "homs", "sham", "alsham", "lolo",
             "simo", "fati", "ben", "cik", "mitch", "bong"}


def written(name: str):
    """The name in Latin letters as written (Cyrillic romanised), or None."""
    s = name.strip()
    if any("\u0400" <= c <= "\u04ff" for c in s):
        s = "".join(CYR.get(c.lower(), c.lower()) for c in s).capitalize()
    plain = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()
    if not re.fullmatch(r"[a-zıłøß'-]{3,}", plain) or plain in NOT_NAMES:
        return None
    return s


def main() -> None:
    nd = NameDataset()
    first = nd.get_top_names(n=120, use_first_names=True, country_alpha2=None)
    last = nd.get_top_names(n=120, use_first_names=False, country_alpha2=None)
    # Iran's first names in this data are mixed with Czech ones: leave out names among Czechia's top names.
    czech = set(first["CZ"]["M"] + first["CZ"]["F"] + last["CZ"])
    lines = []
    for cc, (culture, order) in COUNTRIES.items():
        def pick(names, k):
            out = []
            for n in names:
                w = written(n)
                if w and w not in out and not (cc == "IR" and n in czech):
                    out.append(w)
                if len(out) == k:
                    break
            return out
        given = [] if cc == "KR" else pick(first[cc]["M"], GIVEN_M) + pick(first[cc]["F"], GIVEN_F)
        if cc == "KR":
            given = ["Min-jun", "Seo-yeon", "Ji-hoon", "Ji-woo", "Hyun-woo", "Soo-jin", "Young-ho", "Eun-ji", "Sung-min", "Hye-jin"]
        surnames = pick(last[cc], SURNAMES)
        lines.append(f"{culture}\t{order}\t{' '.join(given)}\t{' '.join(surnames)}")
    header = """# More person-name parts by country, to compose negative_person rows where person-name-parts.tsv holds few names
# (make_eval_set.py reads this file after person-name-parts.tsv; same columns and order codes).
# source: names-dataset 3.3.1 (PyPI, https://github.com/philipperemy/name-dataset), get_top_names: the most frequent
#   first names (25 male, 15 female) and last names (35) per country, Latin-script entries (Cyrillic romanised), profile
#   words that are no names left out; Korean given names (Hangul only in the data) written by hand
# licence: names-dataset MIT
# regenerate: pip install names-dataset==3.3.1 && python3 person_name_parts_from_dataset.py
"""
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(header + "\n".join(lines) + "\n")
    print(f"{len(lines)} cultures → {OUT}")


if __name__ == "__main__":
    main()
