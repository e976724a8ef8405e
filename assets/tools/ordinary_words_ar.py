#!/usr/bin/env python3
"""Derives assets/cues/ordinary_ar.txt from the Arabic Hunspell dictionary (Ayaspell).

    apt-get download hunspell-ar && dpkg-deb -x hunspell-ar_*.deb x
    python3 assets/tools/ordinary_words_ar.py x/usr/share/hunspell/ar.dic

Keeps the stems of the dictionary's stop words and nouns (its `stopwords.dic` and
`names.dic` parts; the verbs are left out for size) of two letters or more that none of
its entries, under any spelling that folds alike, marks as a proper noun: ordinary words.
Many gazetteer places are such words without their article (`هام` Hamm is "important",
`سري` Surrey "secret", `الطيور` Kuş Adası "the birds"), and so are many words a tagger or a
surname spread across the corpus takes for a name (`دين`, "debt"); `بغداد`, `روسيا` and
`سعودية` are proper nouns there.
"""

import re
import sys

from ordinary_words import write_words

HEADER = """# Ordinary Arabic words: the stop words and noun stems of the Arabic Hunspell dictionary
# (Debian hunspell-ar 3.2-1.2, Ayaspell, GPL-2.0 / LGPL-2.1 / MPL-1.1) that it never marks
# as proper nouns, folded (أ إ آ as ا, ى as ي, ة as ه), by assets/tools/ordinary_words_ar.py.
# A rule place named by one (without its article) and a lone surname that is one need more
# than the word itself.
"""

# The affix flags Ayaspell gives proper nouns: countries and capitals (57, 59, 60, 109, 222),
# cities (92), persons and tribes (63, 64), months and other names (93, 102). Chosen by the
# share of each flag's stems that are gazetteer places or given names (a fifth or more),
# less 55 (the letters' names).
PROPER = {"57", "59", "60", "63", "64", "92", "93", "102", "109", "222"}
ARABIC = re.compile(r"^[\u0621-\u064a]+$")
FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
PARTS = ("stopwords.dic", "names.dic")


def fold(word):
    """The search key okur folds Arabic to (src/text/fold.rs), for the spellings' sake."""
    return word.translate(FOLDS)


def main(dic, out="assets/cues/ordinary_ar.txt"):
    proper, words = set(), set()
    part = None
    with open(dic, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.endswith(".dic") and not line.startswith(("#", "/")) and "/" not in line:
                part = line.strip()
                continue
            word, _, rest = line.partition("/")
            word = word.split("\t")[0].strip()
            if not ARABIC.match(word):
                continue
            if rest.split("\t")[0].strip() in PROPER:
                proper.add(fold(word))
            elif part in PARTS and len(word) >= 2:
                words.add(word)
    # Written folded, as okur looks words up, so that loading the list folds nothing.
    words = {fold(w) for w in words} - proper
    write_words(out, HEADER, words)


if __name__ == "__main__":
    main(*sys.argv[1:])
