#!/usr/bin/env python3
"""Builds okur's extraction assets from ../shared/data (dev time only; stdlib only).

Usage: python3 assets/tools/build_assets.py ../shared/data assets

Writes
  gazetteer/places.tsv      name<TAB>canonical[<TAB>city|country for homographs]   (best-ranked
                            place first; CLDR/GeoNames/NE/pycountry)
  gazetteer/given_tr.txt    Turkish given names (OnurArdaB/Turkish-NER, MIT)
  gazetteer/name_stats.tsv  token<TAB>begin<TAB>inside<TAB>loc<TAB>other counts from the CC BY-SA /
                            MIT training splits (Turkish-Wiki-NER train, ANERcorp CAMeL train,
                            Wojood sample train). Never reads ner/research_only.
  dates/months.tsv          month<TAB>name (CLDR tr + ar locales, plus Levantine short forms)
  dates/weekdays.tsv        weekday(0=mon)<TAB>name (CLDR tr + ar)
"""
import json, os, sys, collections, re

SRC, OUT = sys.argv[1], sys.argv[2]
CLITICS = "وفبلك"
AR_GENERIC = ["مرتفعات ", "جزيرة ", "جزر ", "صحراء ", "إقليم ", "منطقة ", "محافظة ", "ولاية "]
TR_GENERIC_PREFIX = ["Dağlık "]
PLACE_TAGS = {"LOC", "GPE"}


AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ة": "ه"})


def ar_fold(word):
    """okur's Arabic search key (src/text/fold.rs): alef forms, alif maqsura and ta marbuta
    folded, harakat and tatweel dropped, so that spellings of one word share counts."""
    word = "".join(c for c in word if not ("\u064b" <= c <= "\u065f" or c in "\u0670\u0640"))
    return word.translate(AR_FOLD)


def tok_stem(tok):
    for ap in ("'", "’"):
        if ap in tok:
            return tok.split(ap)[0]
    return tok


def read_conll(path):
    sent = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if sent:
                    yield sent
                sent = []
                continue
            tok, tag = line.split("\t")
            sent.append((tok, tag))
    if sent:
        yield sent


def stats():
    """Per token: B-person, I-person, place, other counts (train splits only)."""
    st = collections.defaultdict(lambda: [0, 0, 0, 0])
    files = [("ner/tr_wikiner_train.conll", "PERSON", True),
             ("ner/ar_anercorp_camel_train.conll", "PERS", False),
             ("ner/ar_wojood_sample_train.targets.conll", "PERS", False)]
    for rel, per, turkish in files:
        for sent in read_conll(os.path.join(SRC, rel)):
            for tok, tag in sent:
                t = tok_stem(tok) if turkish else ar_fold(tok)
                typ = tag[2:] if len(tag) > 2 else ""
                forms = [t]
                if not turkish and len(t) > 3 and t[0] in CLITICS:
                    forms.append(t[1:])
                for form in forms:
                    s = st[form]
                    if typ == per:
                        s[0 if tag.startswith("B-") else 1] += 1
                    elif typ in PLACE_TAGS:
                        s[2] += 1
                    else:
                        s[3] += 1
    return st


def rank(row):
    kind, pop = row["kind"], int(row["population"] or 0)
    order = {"country": 0, "region": 1, "sea": 2, "province": 3, "city": 3, "river": 4, "other": 5}
    return (order.get(kind, 6), -pop)


def place_names(row):
    """(name, lang) pairs to index for a row, or [] when the row is too noisy."""
    kind, sub = row["kind"], row["subtype"]
    tr = [n for n in row["names_tr"].split("|") if n]
    ar = [n for n in row["names_ar"].split("|") if n]
    pop = int(row["population"] or 0)
    if kind == "city" and pop < 15000:
        return []
    if kind in ("river", "other") or sub == "lake":
        cue_tr = ("Nehri", "Irmağı", "Gölü", "Kanalı", "Çayı", "Boğazı", "Körfezi", "Denizi", "Dağları", "Adası")
        cue_ar = ("نهر", "بحيرة", "قناة", "مضيق", "خليج", "بحر", "جبال", "جزيرة")
        major = bool(tr) and bool(ar) and kind == "river"
        tr = [n for n in tr if any(c in n for c in cue_tr) or (major and " " not in n)]
        ar = [n for n in ar if any(c in n for c in cue_ar) or major]
        if kind == "river" and row["names_tr"] and not any("Nehri" in n for n in tr) and major:
            tr.append(row["names_tr"].split("|")[0] + " Nehri")
    near = {"TR", "IR", "AZ", "AM", "GE", "IL", "PS", "CY", "SA", "AE", "QA", "BH", "KW", "OM",
            "YE", "IQ", "SY", "LB", "JO", "EG", "LY", "TN", "DZ", "MA", "MR", "SD", "SO", "DJ", "KM"}
    if kind == "city" and pop < 100000 and row["country_code"] not in near:
        ar = []
    out = [(n, "tr") for n in tr] + [(n, "ar") for n in ar]
    for n in list(tr):
        for g in TR_GENERIC_PREFIX:
            if n.startswith(g):
                out.append((n[len(g):], "tr"))
    for n in list(ar):
        for g in AR_GENERIC:
            if n.startswith(g) and kind in ("region", "other", "province"):
                out.append((n[len(g):], "ar"))
    en = row["name_en"]
    if en and en.isascii() and (kind == "country" or pop >= 300000) and " " not in en:
        out.append((en, "tr"))
    return out


def noisy(name, lang, st, kind):
    if kind == "country":
        return False
    if " " in name or "-" in name:
        return False
    s = st.get(name if lang == "tr" else ar_fold(name))
    if s is None:
        return False
    loc, other = s[2], s[3]
    per = s[0] + s[1]
    if lang == "tr" and name[:1].islower():
        return True
    return other + per >= 3 and other + per > 2 * loc


def populated(row):
    """Countries and cities: the places a bare name in news most often means."""
    return row["kind"] in ("country", "city")


def major(row):
    return row["kind"] == "country" or int(row["population"] or 0) >= 500000


def same_place(a, b, countries):
    """Two rows of one place: duplicates from two sources (same kind and country: Basra as
    `Basrah` and `Al Başrah al Qadīmah`), or a city-state and its city (Singapore, Hong Kong:
    the city holds most of the country's people)."""
    if a["country_code"] != b["country_code"]:
        return False
    if a["kind"] == b["kind"]:
        return True
    city = a if a["kind"] == "city" else b
    country = countries.get(city["country_code"])
    pop = int(city["population"] or 0)
    return country is not None and pop * 5 >= int(country["population"] or 0) * 4


def homograph(owner, row, countries):
    """True when `row` shares a name with the higher-ranked `owner` yet is another place that
    news names as often (Amman and Oman, Algiers and Algeria): both readings are kept."""
    return (populated(owner) and populated(row) and major(owner) and major(row)
            and not same_place(owner, row, countries))


def canonical(row, owner, countries):
    """The row's display name, made unique when a different place already has it: a city
    named like its country is `Cezayir (şehir)`, one named like a city elsewhere takes its
    country's name (`Trablus (Lübnan)`)."""
    tr = row["names_tr"].split("|")[0]
    ar = row["names_ar"].split("|")[0]
    canon = tr or row["name_en"] or ar
    if owner is None or not homograph(owner, row, countries):
        return canon
    if owner["country_code"] == row["country_code"]:
        return f"{canon} (şehir)"
    country = countries.get(row["country_code"])
    where = country["names_tr"].split("|")[0] if country else row["country_code"]
    return f"{canon} ({where or row['country_code']})"


def renamed():
    """assets/gazetteer/renamed.tsv: source canonical -> (current canonical, other names)."""
    out = {}
    with open(os.path.join(OUT, "gazetteer/renamed.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            old, new, names = line.rstrip("\n").split("\t")[:3]
            out[old] = (new, [n for n in names.split("|") if n])
    return out


def build_places(st):
    renames = renamed()
    rows = []
    with open(os.path.join(SRC, "lexicons/places.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            rows.append(dict(zip(header, line.rstrip("\n").split("\t"))))
    rows.sort(key=rank)
    countries = {r["country_code"]: r for r in rows if r["kind"] == "country" and r["country_code"]}
    # seen: name -> the row that owns it; canon_owner: display name -> the row that owns it.
    seen, canon_owner, lines, homographs = {}, {}, [], set()
    for row in rows:
        tr = row["names_tr"].split("|")[0]
        ar = row["names_ar"].split("|")[0]
        plain = tr or row["name_en"] or ar
        canon = canonical(row, canon_owner.get(plain), countries)
        canon_owner.setdefault(canon, row)
        # A renamed place: its current name is canonical, its former names are aliases.
        names = place_names(row)
        if canon in renames and names:
            canon, extra = renames.pop(canon)
            names = names + [(n, "ar" if "\u0600" <= n[:1] <= "\u06ff" else "tr") for n in extra]
        emitted = set()
        for name, lang in names:
            name = re.sub(r"\s+", " ", name).strip()
            key = name.lower()
            if len(name) < 3 or key in emitted or noisy(name, lang, st, row["kind"]):
                continue
            owner = seen.get(key)
            # A name another place owns is written again only for a homograph, so the
            # loader knows it is ambiguous and linking lets context decide.
            if owner is not None:
                if not homograph(owner, row, countries):
                    continue
                homographs.add(key)
            seen.setdefault(key, row)
            emitted.add(key)
            lines.append((key, name, canon, row["kind"]))
    with open(os.path.join(OUT, "gazetteer/places.tsv"), "w", encoding="utf-8") as f:
        f.write("# name<TAB>canonical[<TAB>city|country]; generated by assets/tools/build_assets.py, see assets/LICENSES.md\n")
        f.write("# A name on two lines with two canonicals is a homograph (عمان: Umman, Amman); its lines\n")
        f.write("# say which reading is a city, for the cue words of assets/cues/city_cues.txt.\n")
        for key, name, canon, kind in lines:
            if key in homographs:
                f.write(f"{name}\t{canon}\t{'city' if kind == 'city' else 'country'}\n")
            else:
                f.write(f"{name}\t{canon}\n")
    return len(lines)


def build_given():
    names = []
    with open(os.path.join(SRC, "lexicons/given_names_tr.txt"), encoding="utf-8") as f:
        for line in f:
            n = line.split("\t")[0].strip()
            if len(n) >= 2:
                names.append(n)
    with open(os.path.join(OUT, "gazetteer/given_tr.txt"), "w", encoding="utf-8") as f:
        f.write("# Turkish given names; OnurArdaB/Turkish-NER (MIT), see assets/LICENSES.md\n")
        f.write("\n".join(names) + "\n")
    return len(names)


def build_stats(st):
    lines = []
    for tok, (b, i, loc, other) in sorted(st.items()):
        # Arabic has no capitals, so its frequent ordinary words are kept from 10 on: they
        # tell a town named like a common word (سنة, إطار) from the word.
        arabic = "\u0600" <= tok[:1] <= "\u06ff"
        common = other >= (10 if arabic else 20) and not tok[:1].isupper()
        if b + i >= 2 or common or loc >= 3:
            lines.append(f"{tok}\t{b}\t{i}\t{loc}\t{other}\n")
    with open(os.path.join(OUT, "gazetteer/name_stats.tsv"), "w", encoding="utf-8") as f:
        f.write("# token<TAB>B-person<TAB>I-person<TAB>place<TAB>other; CC BY-SA 4.0 derived, see assets/LICENSES.md\n")
        f.writelines(lines)
    return len(lines)


def build_dates():
    d = json.load(open(os.path.join(SRC, "lexicons/cldr.json"), encoding="utf-8"))
    months = set()
    for loc, by_ctx in d["months"].items():
        for ctx in by_ctx.values():
            for width, names in ctx.items():
                if loc == "tr" and width == "abbreviated":
                    continue
                for i, n in enumerate(names):
                    n = n.replace("\u00a0", " ")
                    months.add((i + 1, n))
                    if " " in n:  # Levantine: تشرين الثاني -> تشرين ثاني / تشرين ثان
                        a, b = n.split(" ", 1)
                        b2 = b[2:] if b.startswith("ال") else b
                        months.add((i + 1, f"{a} {b2}"))
                        if b2.endswith("ي"):
                            months.add((i + 1, f"{a} {b2[:-1]}"))
    with open(os.path.join(OUT, "dates/months.tsv"), "w", encoding="utf-8") as f:
        f.write("# month<TAB>name; Unicode CLDR 47 via babel (Unicode License v3), see assets/LICENSES.md\n")
        for m, n in sorted(months):
            f.write(f"{m}\t{n}\n")
    days = set()
    order = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    for loc in ("tr", "ar"):
        for ctx in d["weekdays"][loc].values():
            for width, names in ctx.items():
                if loc == "tr" and width == "abbreviated":
                    continue
                for k, n in names.items():
                    days.add((order.index(k), n))
    days.add((0, "الإثنين"))
    with open(os.path.join(OUT, "dates/weekdays.tsv"), "w", encoding="utf-8") as f:
        f.write("# weekday(0=Monday)<TAB>name; Unicode CLDR 47 via babel (Unicode License v3)\n")
        for k, n in sorted(days):
            f.write(f"{k}\t{n}\n")


st = stats()
print("places", build_places(st))
print("given", build_given())
print("stats", build_stats(st))
build_dates()
