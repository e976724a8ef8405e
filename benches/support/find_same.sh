#!/usr/bin/env bash
# Checks that `okur find` prints the same as another build (main's) for a set of queries:
# standard output, standard error and exit status, byte for byte, in both formats, with and
# without `--explain`, for `--scope text` and `--scope docs`.
#
# usage: find_same.sh BIN BASE DIR...
#   Each DIR is searched with every query below; a small folder of awkward files (Arabic
#   with harakat, a name with a tab, a FIFO, Windows-1254, a BOM, an empty file) is made in
#   a temporary folder and searched too. Prints one line per difference and a count; exits
#   1 when anything differs. `--explain` (the full load's path) is run on every query in
#   the awkward folder, on two in the others.
set -euo pipefail

[ "$#" -ge 3 ] || { echo "usage: $0 BIN BASE DIR..." >&2; exit 2; }
bin=$1 base=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The awkward folder.
odd=$tmp/odd
mkdir -p "$odd/sub"
printf 'قال مُحَمَّد أمس إنّ لافروف وصل إلى مُوسْكُو\nأردوغان في أنقرة\n' >"$odd/harakat.txt"
printf 'Erdoğan\tAnkara dedi\nLavrov Moskova\n' >"$odd/sub/with"$'\t'"tab.txt"
printf 'Dışişleri Bakanı Çavuşoğlu\n' | iconv -f UTF-8 -t WINDOWS-1254 >"$odd/legacy.txt"
printf '\xEF\xBB\xBFPutin ve Lavrov\n' >"$odd/bom.md"
: >"$odd/empty.txt"
mkfifo "$odd/pipe.txt"
printf '%s\n' '# Başlık Putin' '' 'Putin Lavrov ile Moskova'"'"'da görüştü. ERDOĞAN' >"$odd/title.md"

queries=(
    lavrov erdogan 'ankara dedi' موسكو 'putin lavrov moskova' zzzqq
    "'lavrov" '^putin' 'moskova$' '!putin lavrov' 'putin | erdogan' لافروف أردوغان
    'مُحَمَّد' محمد 'dışişleri' CAVUSOGLU 'rus baris' 'lavr' 'ankara !dedi'
    '%text lavrov' '%doc putin' 'erdoğan ankara' '2020' 'a'
)
differ=0 checked=0
for dir in "$@" "$odd"; do
    for scope in text docs; do
        for q in "${queries[@]}"; do
            optsets=("--format tsv" "--format jsonl" "--limit 7")
            # `--explain` goes through the full load and index: seconds on a big corpus.
            if [ "$dir" = "$odd" ] || [ "$q" = lavrov ] || [ "$q" = موسكو ]; then
                optsets+=("--explain")
            fi
            for opts in "${optsets[@]}"; do
                # shellcheck disable=SC2086
                "$base" find --scope "$scope" $opts -- "$q" "$dir" >"$tmp/a.out" 2>"$tmp/a.err" && a=0 || a=$?
                # shellcheck disable=SC2086
                "$bin" find --scope "$scope" $opts -- "$q" "$dir" >"$tmp/b.out" 2>"$tmp/b.err" && b=0 || b=$?
                checked=$((checked + 1))
                if [ "$a" != "$b" ] || ! cmp -s "$tmp/a.out" "$tmp/b.out" || ! cmp -s "$tmp/a.err" "$tmp/b.err"; then
                    differ=$((differ + 1))
                    echo "DIFFERS: --scope $scope $opts '$q' $dir (exit $a vs $b)"
                fi
            done
        done
    done
done
echo "$checked runs, $differ differ"
[ "$differ" -eq 0 ]
