#!/usr/bin/env python3
"""Trains okur's CRF taggers with CRFsuite (development time only).

The sequences come from `cargo run --release --example train_ner -- dump --out DIR`: okur's
own tokens and attributes, so the shipped model sees at tagging time exactly what it was
trained on. CRFsuite (python-crfsuite, `pip install python-crfsuite`) learns the weights;
they are exported to okur's own format (src/extract/crf/model.rs), where attribute names are
64-bit FNV-1a hashes, so tagging builds no strings.

    python3 assets/tools/train_ner.py DIR --lang ar          # fit (train splits) -> DIR/ar.okcrf
    python3 assets/tools/train_ner.py DIR --lang ar --final  # the same into assets/models/

The shipped models learn from the train splits only (`fit`); the dev splits (`held`) score
them and choose the blend with the rules (src/extract/blend.rs).

Then score a tuning model:
    cargo run --release --example train_ner -- score --lang ar --model DIR/ar.okcrf

Training data and licences: see assets/LICENSES.md (Turkish-Wiki-NER and ANERcorp CAMeL
split, CC BY-SA 4.0; Wojood sample, MIT). Nothing from research_only/ (Tür 2003) is used.
"""

import argparse
import os
import struct
import sys
import time

import pycrfsuite


def sequences(path):
    """Yields (attributes per token, labels) from a dump file."""
    xs, ys = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if xs:
                    yield xs, ys
                xs, ys = [], []
                continue
            label, *attrs = line.split("\t")
            ys.append(label)
            xs.append(attrs)
    if xs:
        yield xs, ys


MASK = 0xFFFFFFFFFFFFFFFF


def fnv1a64(text):
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & MASK
    return h


def attr_hash(name):
    """okur's attribute hash (AttrHash::of_name in src/extract/crf/model.rs): the FNV-1a
    hashes of the U+001F-separated parts, combined by rotate, xor and multiply."""
    h = 0
    for part in name.split("\x1f"):
        h = (((h << 23) | (h >> 41)) & MASK) ^ fnv1a64(part)
        h = (h * 0x9E3779B97F4A7C15) & MASK
    return h


def export(crfsuite_path, out):
    """Writes a CRFsuite model in okur's format: labels, transitions, hashed state weights."""
    tagger = pycrfsuite.Tagger()
    tagger.open(crfsuite_path)
    info = tagger.info()
    labels = sorted(info.labels, key=lambda l: (l != "O", l))
    ix = {l: i for i, l in enumerate(labels)}
    by_attr = {}
    for (attr, label), w in info.state_features.items():
        if w != 0.0:
            by_attr.setdefault(attr_hash(attr), []).append((ix[label], w))
    with open(out, "wb") as f:
        f.write(b"OKCRF1")
        f.write(struct.pack("<B", len(labels)))
        for l in labels:
            b = l.encode("utf-8")
            f.write(struct.pack("<B", len(b)) + b)
        for a in labels:
            for b in labels:
                f.write(struct.pack("<f", info.transitions.get((a, b), 0.0)))
        f.write(struct.pack("<I", len(by_attr)))
        for h, ws in sorted(by_attr.items()):
            f.write(struct.pack("<QB", h, len(ws)))
            for label, w in ws:
                f.write(struct.pack("<Bf", label, w))
    print(f"{out}: {len(labels)} labels, {len(by_attr)} attributes, "
          f"{os.path.getsize(out) / 1e6:.1f} MB", flush=True)


def copies_of(src, copies):
    """How many times to append each sequence of `src`: `copies` (`2,1,1`) per training set,
    whose sequence counts are in `src` with `.tsv` replaced by `.parts` (one a line)."""
    if not copies:
        return None
    with open(src[: -len(".tsv")] + ".parts", encoding="utf-8") as f:
        counts = [int(line) for line in f if line.strip()]
    times = [int(c) for c in copies.split(",")]
    if len(times) != len(counts):
        sys.exit(f"--copies {copies}: {len(counts)} training sets in {src}")
    return [t for t, n in zip(times, counts) for _ in range(n)]


def train(src, out, c1, c2, iterations, min_freq, copies=None):
    trainer = pycrfsuite.Trainer(verbose=False)
    times = copies_of(src, copies)
    n = 0
    for i, (xs, ys) in enumerate(sequences(src)):
        if times and i >= len(times):
            sys.exit(f"{src}: more sequences than its .parts file counts")
        for _ in range(times[i] if times else 1):
            trainer.append(xs, ys)
            n += 1
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.minfreq": min_freq,
            "feature.possible_transitions": True,
        }
    )
    t = time.time()
    tmp = out + ".crfsuite"
    trainer.train(tmp)
    print(f"{tmp}: {n} sequences, {time.time() - t:.0f} s", flush=True)
    export(tmp, out)
    os.remove(tmp)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dump", help="folder written by `train_ner dump`")
    ap.add_argument("--final", action="store_true", help="write into --models")
    ap.add_argument("--models", default="assets/models")
    ap.add_argument("--lang", default="both", choices=["tr", "ar", "both"])
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=100)
    ap.add_argument("--min-freq", type=float, default=1.0)
    ap.add_argument("--copies", help="copies of each training set, e.g. 2,1,1 (see copies_of)")
    ap.add_argument("--out", help="the model file (one --lang only)")
    a = ap.parse_args()
    if a.out and a.lang == "both":
        sys.exit("--out needs --lang tr or ar")
    for lang in ["tr", "ar"]:
        if a.lang not in (lang, "both"):
            continue
        src = os.path.join(a.dump, f"{lang}.fit.tsv")
        if a.out:
            out = a.out
        elif a.final:
            out = os.path.join(a.models, f"ner_{lang}.okcrf")
        else:
            out = os.path.join(a.dump, f"{lang}.okcrf")
        train(src, out, a.c1, a.c2, a.iterations, a.min_freq, a.copies)
    return 0


if __name__ == "__main__":
    sys.exit(main())

