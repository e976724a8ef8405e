#!/bin/bash
# Drives okur's reader in tmux on FILE: first frame, open the document, G.
# Prints: first-frame seconds and VmHWM/VmRSS (kB); the same once the document is open and
# the background work (loading, extraction, search index) is done, with the CPU time
# (user+sys) taken so far (wall times under load say little); then the seconds from
# the G key to the last paragraph on screen, and VmHWM/VmRSS after it.
# usage: reader_mem.sh BINARY FILE [AS_LIMIT_BYTES]  (FILE from gen_bigdoc.py; needs tmux, bc)
bin=$1; file=$2; lim=${3:-8000000000}
sock=bigdoc-$$; home=$(mktemp -d)
now() { date +%s.%N; }
status() { grep -E "VmHWM|VmRSS" /proc/$pid/status 2>/dev/null | tr -s ' ' | tr '\n' ' '; }
t0=$(now)
tmux -L $sock -f /dev/null new-session -d -x 120 -y 40 \
  "export HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config OKUR_BIDI=app OKUR_SHAPE=off TERM=xterm-256color; exec prlimit --as=$lim $bin --store $home/j.jsonl $file"
pid=$(tmux -L $sock list-panes -F '#{pane_pid}')
wait_for() { # pattern timeout
  local end=$(echo "$(now) + $2" | bc)
  while (( $(echo "$(now) < $end" | bc) )); do
    tmux -L $sock capture-pane -p 2>/dev/null | grep -q "$1" && return 0
    kill -0 $pid 2>/dev/null || return 2
    sleep 0.02
  done; return 1
}
wait_for "Büyük belge" 120; r=$?; t1=$(now)
sleep 0.5
echo "first frame: rc=$r $(echo "$t1 - $t0" | bc) s; $(status)"
# A binary that stops at once (built without the `tui` feature, a bad file) says why here,
# rather than the waits below running their whole course on no process.
if ! kill -0 "$pid" 2>/dev/null; then
  echo "okur is not running (pid '$pid')"; tmux -L $sock capture-pane -p 2>/dev/null | grep -v '^$' | head -5
  tmux -L $sock kill-server 2>/dev/null; rm -rf $home; exit 1
fi
cpu() { awk '{print $14 + $15}' /proc/$pid/stat 2>/dev/null; }
wait_idle() { # until the process uses at most 30 ms of CPU in a second (at most 1200 s):
  # the loop's 40 ms tick costs a little, and extraction or indexing a core each
  local last=$(cpu) n=0
  while (( n < 1200 )); do sleep 1; local c=$(cpu); (( c - last <= 3 )) && return; last=$c; n=$((n+1)); done
}
# Extraction done: the entity panel lists counts (`12·3`). Under load, the idle test alone
# could pass in a pause before extraction had finished.
tmux -L $sock send-keys Enter; wait_for "[0-9]·[0-9]" 7200; wait_idle
echo "opened, idle: $(status) CPU $(echo "scale=2; $(cpu) / $(getconf CLK_TCK)" | bc) s"
t2=$(now); tmux -L $sock send-keys G
wait_for "SONSATIR" 120; r=$?; t3=$(now)
echo "G: rc=$r $(echo "$t3 - $t2" | bc) s; $(status)"
tmux -L $sock capture-pane -p | tail -3
tmux -L $sock send-keys q; sleep 0.5
tmux -L $sock kill-server 2>/dev/null; rm -rf $home
