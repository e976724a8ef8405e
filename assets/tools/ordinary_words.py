#!/usr/bin/env python3
"""Derives assets/cues/ordinary_tr.txt from the Turkish Hunspell dictionary (MPL-2.0).

    apt-get download hunspell-tr && dpkg-deb -x hunspell-tr_*.deb x
    python3 assets/tools/ordinary_words.py x/usr/share/hunspell/tr_TR.dic

Keeps the lowercase stems that carry affix flags (base words, not listed inflections),
3 to 12 letters: ordinary words, which a lone capitalised surname may also be.
"""

import sys

HEADER = """# Ordinary Turkish words: the lowercase stems with affix flags, 3 to 12 letters, of the
# Turkish Hunspell dictionary (Debian hunspell-tr 1:7.5.0-1, LibreOffice dictionaries, MPL-2.0),
# derived by assets/tools/ordinary_words.py. A one-word surname that is one of these spreads
# across the corpus only where more than one document names the person.
"""


def main(dic, out="assets/cues/ordinary_tr.txt"):
    words = set()
    with open(dic, encoding="utf-8") as f:
        next(f)  # the entry count
        for line in f:
            word, _, flags = line.rstrip("\n").partition("/")
            if word and flags and not word[0].isupper() and 3 <= len(word) <= 12 and word.isalpha():
                words.add(word)
    write_words(out, HEADER, words)


def write_words(out, header, words):
    """Writes `header` and the sorted `words`, one a line (ordinary_words_ar.py too)."""
    with open(out, "w", encoding="utf-8") as o:
        o.write(header)
        for w in sorted(words):
            o.write(w + "\n")
    print(f"{out}: {len(words)} words")


if __name__ == "__main__":
    main(*sys.argv[1:])
