#!/usr/bin/env python3
"""Builds assets/gazetteer/given_ar.txt, okur's Arabic given names (dev time only; stdlib only).

Usage:
    pip download --no-deps rigour==1.8.2          # rigour-1.8.2-py3-none-any.whl (MIT)
    python3 -m zipfile -e rigour-1.8.2-py3-none-any.whl /tmp/rigour
    python3 assets/tools/build_given_ar.py /tmp/rigour/rigour/data/names/persons.txt \
        ../shared/data assets

Source: `rigour/data/names/persons.txt` of the PyPI package rigour 1.8.2 (MIT, "Copyright (c)
2023-2025 OpenSanctions Datenbanken GmbH"); each line groups the spellings of one Wikidata
name item (CC0): `spelling, spelling, ... => QID`. Given and family names are mixed there, so
an item's Arabic spellings are kept only when the item reads as a given name by one of:

  * a Latin spelling is a Turkish given name (assets/gazetteer/given_tr.txt: Mehmet = محمد,
    Recep = رجب), and its consonants match the Arabic spelling's (an item that merged
    unrelated spellings links nothing);
  * a Latin spelling, or the Arabic spelling itself, mostly opens a person's name of two or
    more words in the training splits (Turkish-Wiki-NER train, ANERcorp CAMeL train, Wojood
    sample train, okur news ar train: George Bush, جورج بوش), with consonants matching.

and none of the family signs holds: the spelling starts with the article ال (الزرقاوي), is a
frequent ordinary word in those splits or a title, organisation, speech or place word of
okur's own lists, has under three letters (مي, لي are "to me" and a
pronoun far more often), or, unless Turkish links it, mostly ends or continues names there
(بوتين، أردوغان). The training splits only choose among rigour's spellings; no word is taken
from them.
"""
import collections
import os
import sys
import unicodedata

AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
# Letters of Arabic proper (no Persian or Urdu letters: پ چ ژ گ ک ی do not occur in Arabic news).
AR_LETTERS = set("ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي")
# Consonant classes shared by Arabic letters and Latin spellings (vowels and glides dropped).
AR_CLASS = {
    "ب": "B", "ت": "T", "ط": "T", "د": "T", "ض": "T", "ث": "S", "ذ": "S", "ز": "S",
    "س": "S", "ش": "S", "ص": "S", "ظ": "S", "ج": "J", "ح": "H", "ه": "H", "ة": "",
    "خ": "K", "غ": "K", "ق": "K", "ك": "K", "ف": "F", "ر": "R", "ل": "L", "م": "M", "ن": "N",
}
LAT_DIGRAPHS = [("sch", "S"), ("kh", "K"), ("gh", "K"), ("sh", "S"), ("ch", "S"),
                ("th", "S"), ("ph", "F"), ("dh", "S"), ("dj", "J"), ("ck", "K"), ("ts", "S")]
LAT_CLASS = {
    "b": "B", "p": "B", "t": "T", "d": "T", "s": "S", "z": "S", "c": "J", "ç": "S", "ş": "S",
    "x": "K", "j": "J", "g": "K", "ğ": "", "k": "K", "q": "K", "h": "H", "f": "F", "v": "F",
    "r": "R", "l": "L", "m": "M", "n": "N",
}
# Classes that spellings swap: ج is g in Egypt, c is k in English, ه drops in Latin.
SAME = [{"J", "K"}, {"J", "S"}, {"S", "T"}]


def ar_fold(word):
    """okur's Arabic key (src/text/fold.rs): harakat and tatweel dropped, alef forms, alif
    maqsura and ta marbuta folded."""
    word = "".join(c for c in word if not ("\u064b" <= c <= "\u065f" or c in "\u0670\u0640"))
    return word.translate(AR_FOLD)


def lat_fold(word):
    word = word.replace("ı", "i").replace("İ", "i").lower()
    keep = {"ç", "ş", "ğ"}
    return "".join(
        c if c in keep else "".join(x for x in unicodedata.normalize("NFD", c)
                                    if not unicodedata.combining(x))
        for c in word
    )


def ar_skeleton(word):
    out = [AR_CLASS.get(c, "") for c in ar_fold(word)]
    return collapse("".join(out))


def lat_skeleton(word):
    w = lat_fold(word)
    for a, b in LAT_DIGRAPHS:
        w = w.replace(a, b)
    return collapse("".join(LAT_CLASS.get(c, c if c.isupper() else "") for c in w))


def collapse(s):
    return "".join(c for i, c in enumerate(s) if i == 0 or s[i - 1] != c)


def close(a, b):
    """True when two consonant skeletons name the same sound sequence. H is left out, since
    Latin spellings often drop it (عائشة Aisha, فاطمة Fatma), and the swaps of SAME are
    allowed."""
    a, b = collapse(a.replace("H", "")), collapse(b.replace("H", ""))
    return len(a) == len(b) >= 1 and all(x == y or {x, y} in SAME for x, y in zip(a, b))


def arabic_word(s):
    core = "".join(c for c in s if not ("\u064b" <= c <= "\u065f" or c in "\u0670\u0640"))
    return bool(core) and all(c in AR_LETTERS for c in core)


def span_counts(paths, person_tags):
    """Per folded token: opens a person of 2+ words, later word of a person, alone, other."""
    counts = collections.defaultdict(lambda: [0, 0, 0, 0])
    for path in paths:
        words, tags = [], []
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 2 or not parts[0]:
                    words.append(None)
                    tags.append("O")
                    continue
                words.append(parts[0])
                tags.append(parts[1].split("|")[0])
        i = 0
        while i < len(words):
            t = tags[i]
            if words[i] is not None and t.startswith("B-") and t[2:] in person_tags:
                j = i + 1
                while j < len(words) and tags[j] == "I-" + t[2:] and words[j] is not None:
                    j += 1
                if j - i == 1:
                    counts[key(words[i])][2] += 1
                else:
                    counts[key(words[i])][0] += 1
                    for w in words[i + 1:j]:
                        counts[key(w)][1] += 1
                i = j
                continue
            if words[i] is not None:
                counts[key(words[i])][3] += 1
            i += 1
    return counts


def key(word):
    return ar_fold(word) if "\u0600" <= word[:1] <= "\u06ff" else lat_fold(word)


def opens(c):
    first, later, _alone, _other = c
    return first >= 2 and first >= 2 * later


def family(c):
    first, later, _alone, _other = c
    return later >= 2 and later > first


def ordinary(c):
    first, later, alone, other = c
    return other >= 5 and (first + later + alone) * 2 < other


def cue_words(out):
    """Folded Arabic title and organisation words and one-word place names of okur's own
    lists: a name spelled like one (شيخ, a place) is read as that instead."""
    words = set()
    for name in ("cues/titles_ar.txt", "cues/org_heads.txt", "cues/speech_ar.txt",
                 "gazetteer/places.tsv"):
        with open(os.path.join(out, name), encoding="utf-8") as f:
            for line in f:
                w = line.split("\t")[0].strip()
                if w and not w.startswith("#") and " " not in w:
                    w = ar_fold(w)
                    words.add(w[2:] if w.startswith("ال") else w)
    return words


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    persons, shared, out = sys.argv[1:]
    ner = os.path.join(shared, "ner")
    counts = span_counts(
        [os.path.join(ner, f) for f in (
            "ar_anercorp_camel_train.conll", "ar_wojood_sample_train.conll",
            "okur_news_ar_train.conll", "tr_wikiner_train.conll")],
        {"PERS", "PER", "PERSON"},
    )
    with open(os.path.join(out, "gazetteer/given_tr.txt"), encoding="utf-8") as f:
        given_tr = {lat_fold(l.strip()) for l in f if l.strip() and not l.startswith("#")}
    cues = cue_words(out)
    names, why = {}, collections.Counter()
    with open(persons, encoding="utf-8") as f:
        for line in f:
            if "=>" not in line:
                continue
            forms = [x.strip() for x in line.split("=>")[0].split(",")]
            latin = [x for x in forms if x[:1].isascii() and x[:1].isalpha() and " " not in x]
            for ar in (x for x in forms if " " not in x and arabic_word(x)):
                k = ar_fold(ar)
                c = counts.get(k, [0, 0, 0, 0])
                if len(k) < 3 or k.startswith("ال") or ordinary(c) or k in cues:
                    continue
                sk = ar_skeleton(ar)
                linked = [x for x in latin if close(sk, lat_skeleton(x))]
                # A Turkish given name is an Arabic one too, also where the splits mostly
                # see it as a father's name (`محمود عباس`, `حسني مبارك`).
                if any(lat_fold(x) in given_tr and len(x) >= 3 for x in linked):
                    reason = "tr"
                elif family(c):
                    continue
                elif any(opens(counts.get(lat_fold(x), [0, 0, 0, 0])) for x in linked):
                    reason = "latin"
                elif opens(c):
                    reason = "arabic"
                else:
                    continue
                if k not in names:
                    why[reason] += 1
                names.setdefault(k, ar)
    path = os.path.join(out, "gazetteer/given_ar.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Arabic given names; rigour 1.8.2 persons.txt (MIT; Wikidata, CC0), chosen by "
                "assets/tools/build_given_ar.py, see assets/LICENSES.md\n")
        f.write("\n".join(sorted(names.values(), key=ar_fold)) + "\n")
    print(f"{path}: {len(names)} names ({dict(why)})")


if __name__ == "__main__":
    main()
