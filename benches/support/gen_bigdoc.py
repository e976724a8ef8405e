#!/usr/bin/env python3
"""Generates a large mixed Arabic/Turkish text from the seeds for okur's memory measurements:
many short paragraphs and, every tenth of the file, one very long paragraph (1/20 of it),
ending with a paragraph that starts SONSATIR (what reader_mem.sh waits for after G).

usage: gen_bigdoc.py BYTES OUT"""
import glob, os, random, sys, re
size = int(sys.argv[1]); out = sys.argv[2]
rng = random.Random(13)
SEEDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'seeds')
words = []
for p in sorted(glob.glob(os.path.join(SEEDS, '*.txt'))):
    words += open(p, encoding='utf-8').read().split()
sentences = []
for p in sorted(glob.glob(os.path.join(SEEDS, '*.txt'))):
    t = open(p, encoding='utf-8').read()
    sentences += [s.strip() for s in re.split(r'(?<=[.!?؟])\s+|\n', t) if len(s.strip()) > 10]
def long_para(n):
    parts, total = [], 0
    while total < n:
        w = rng.choice(words); parts.append(w); total += len(w.encode()) + 1
    return ' '.join(parts)
with open(out, 'w', encoding='utf-8') as f:
    written, next_long = 0, size // 20
    f.write('Büyük belge / وثيقة كبيرة\n\n')
    while written < size:
        if written >= next_long:
            p = long_para(size // 20); next_long += size // 10
        else:
            p = ' '.join(rng.choice(sentences) for _ in range(rng.randint(1, 4)))
        f.write(p + '\n\n'); written += len(p.encode()) + 2
    f.write('SONSATIR son paragraf الفقرة الأخيرة\n')
