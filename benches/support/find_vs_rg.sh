#!/usr/bin/env bash
# Compares `okur find --scope text TERM DIR` (or another scope) with `rg -i TERM DIR`, as issue 13 measures
# them: both write their output to a file (to /dev/null, rg stops each file at its first
# match, which flatters it), runs alternate (BIN, then rg, RUNS times), and the medians of
# CPU time (user+sys) and wall time are printed with BIN's ratio to rg.
#
# usage: find_vs_rg.sh BIN DIR TERM...
#   RUNS=N     runs of each (default 5)
#   FORMAT=F   okur's --format (tsv, the default, or jsonl)
#   SCOPE=S    okur's --scope (text, the default, or docs...)
#   OUT=DIR    where the outputs go (default: a temporary folder, removed at the end)
#   BASE=BIN0  another build to pair against (main's): run in turn with BIN and rg, its
#              medians and its ratio to rg printed too, and its output compared with BIN's
set -euo pipefail

if [ "$#" -lt 3 ]; then
    echo "usage: $0 BIN DIR TERM..." >&2
    exit 2
fi
bin=$1 dir=$2
shift 2
runs=${RUNS:-5}
format=${FORMAT:-tsv}
scope=${SCOPE:-text}
base=${BASE:-}
for tool in "$bin" rg ${base:+"$base"}; do
    command -v "$tool" >/dev/null || { echo "$0: $tool not found" >&2; exit 2; }
done
[ -d "$dir" ] || { echo "$0: $dir is not a folder" >&2; exit 2; }
if [ -n "${OUT:-}" ]; then
    out=$OUT
    mkdir -p "$out"
else
    out=$(mktemp -d)
    trap 'rm -rf "$out"' EXIT
fi

# One timed run: prints "CPU WALL" (seconds); the command's output goes to $out/$1.out.
timed() {
    local name=$1
    shift
    local t
    t=$( { TIMEFORMAT='%U %S %R'; time "$@" >"$out/$name.out" 2>"$out/$name.err"; } 2>&1 ) || true
    # `time` prints after the command; its line is the last one.
    t=$(tail -n 1 <<<"$t")
    awk '{ printf "%.3f %.3f\n", $1 + $2, $3 }' <<<"$t"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-24s %9s %9s %9s %9s %7s %7s %8s' TERM cpu wall rg_cpu rg_wall cpu_x wall_x lines
[ -n "$base" ] && printf ' %9s %9s %7s %7s' base_cpu base_wall base_x same
printf '\n'
for term in "$@"; do
    okur_t=() rg_t=() base_t=()
    for _ in $(seq "$runs"); do
        [ -n "$base" ] && base_t+=("$(timed base "$base" find --scope "$scope" --format "$format" "$term" "$dir")")
        okur_t+=("$(timed okur "$bin" find --scope "$scope" --format "$format" "$term" "$dir")")
        rg_t+=("$(timed rg rg -i -- "$term" "$dir")")
    done
    cpu=$(printf '%s\n' "${okur_t[@]}" | cut -d' ' -f1 | median)
    wall=$(printf '%s\n' "${okur_t[@]}" | cut -d' ' -f2 | median)
    rcpu=$(printf '%s\n' "${rg_t[@]}" | cut -d' ' -f1 | median)
    rwall=$(printf '%s\n' "${rg_t[@]}" | cut -d' ' -f2 | median)
    lines=$(wc -l <"$out/okur.out")
    awk -v t="$term" -v c="$cpu" -v w="$wall" -v rc="$rcpu" -v rw="$rwall" -v n="$lines" \
        'BEGIN { printf "%-24s %9.3f %9.3f %9.3f %9.3f %7.2f %7.2f %8d", t, c, w, rc, rw, (rc > 0 ? c / rc : 0), (rw > 0 ? w / rw : 0), n }'
    if [ -n "$base" ]; then
        bcpu=$(printf '%s\n' "${base_t[@]}" | cut -d' ' -f1 | median)
        bwall=$(printf '%s\n' "${base_t[@]}" | cut -d' ' -f2 | median)
        same=no
        cmp -s "$out/base.out" "$out/okur.out" && same=yes
        awk -v c="$bcpu" -v w="$bwall" -v rc="$rcpu" -v s="$same" \
            'BEGIN { printf " %9.3f %9.3f %7.2f %7s", c, w, (rc > 0 ? c / rc : 0), s }'
    fi
    printf '\n'
done
