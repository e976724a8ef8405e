#!/usr/bin/env python3
"""Wall time from starting `okur` to its first frame, as a user sees it.

Runs okur on a 120x40 pseudo-terminal, stops the clock when the frame arrives (the list's
"Documents" title), then presses q. No tracer: strace, even with --seccomp-bpf, slows the
20k file opens of a large folder several times over. Standard library only.

    python3 benches/support/first_frame.py RUNS target/release/okur --store J.jsonl DIR

prints every run and the median, in milliseconds. Use the same journal for every run (the
first run creates it); the machine should be idle (`uptime`).
"""

import fcntl
import os
import pty
import struct
import sys
import termios
import time


def first_frame_ms(cmd):
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.execvp(cmd[0], cmd)
    seen, shown = b"", None
    while shown is None:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if b"Documents" in seen:
            shown = time.monotonic()
    os.write(fd, b"q")
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass
    os.waitpid(pid, 0)
    return None if shown is None else (shown - start) * 1000


def main():
    runs, cmd = int(sys.argv[1]), sys.argv[2:]
    times = [first_frame_ms(cmd) for _ in range(runs)]
    done = sorted(t for t in times if t is not None)
    shown = " ".join("-" if t is None else f"{t:.0f}" for t in times)
    median = f"{done[len(done) // 2]:.0f} ms" if done else "no frame"
    print(f"first frame: {shown} ms; median {median}")


if __name__ == "__main__":
    main()
