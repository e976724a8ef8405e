#!/bin/bash
# Runs okur's reader on FILE under an address-space cap it cannot live in, and checks that
# the terminal is given back after the allocation failure: the pane left the alternate
# screen, and canonical mode and echo are on again.
# usage: abort_restores.sh BINARY FILE AS_LIMIT_BYTES [KEYS]
bin=$1; file=$2; lim=$3; keys=${4:-}
sock=abort-$$; home=$(mktemp -d)
tmux -L $sock -f /dev/null new-session -d -x 120 -y 40 \
  "export HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config OKUR_BIDI=app OKUR_SHAPE=off TERM=xterm-256color; prlimit --as=$lim $bin --store $home/j.jsonl $file 2>$home/err; echo EXIT=\$?; stty -a | grep -o -- '-\?icanon\|-\?echo ' | tr '\n' ' '; echo; sleep 600"
for i in $(seq 1 600); do
  sleep 0.5
  [ -n "$keys" ] && [ $i = 20 ] && tmux -L $sock send-keys $keys
  tmux -L $sock capture-pane -p | grep -q "EXIT=" && break
done
tmux -L $sock capture-pane -p | grep -A1 "EXIT="
echo "alternate screen on: $(tmux -L $sock display -p '#{alternate_on}')"
echo "stderr: $(tail -c 300 $home/err)"
tmux -L $sock kill-server; rm -rf $home
