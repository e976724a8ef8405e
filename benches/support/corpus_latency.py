#!/usr/bin/env python3
"""A large corpus in the reader, as a user meets it: first frame, the filter and the entity
filter, and the peak memory of the whole session.

Runs okur on a 120x40 pseudo-terminal under GNU time, then:
1. first frame: from start to the list's "Documents" title;
2. waits for the full load and for extraction (the entity panel's title says
   "here·all" once extraction is done);
3. filter: `/`, then types QUERY (default `12345`: each key narrows the list) one
   character at a time; for each, the time from the key to the frame whose list title
   shows the answer's count ("N/TOTAL", N other than before the key: the frame that
   echoes the key still shows the old count);
4. entity filter: Esc, Tab (the entity panel), then `f` on five entities in turn (`j`
   between them); the time from `f` to the list's new count;
5. `q`, and the peak RSS from GNU time, per byte of the folder's files; and the RSS once
   extraction's results are in the panels (read from /proc after step 2).

    python3 benches/support/corpus_latency.py OKUR DIR [QUERY] [--as BYTES]

Prints one line of figures. Standard library only; no tracer. Use a fresh journal path
(the script makes one in a temporary folder).
"""

import fcntl
import os
import pty
import re
import select
import struct
import sys
import tempfile
import termios
import time


def folder_bytes(path):
    total, files = 0, 0
    for root, _, names in os.walk(path):
        for name in names:
            total += os.path.getsize(os.path.join(root, name))
            files += 1
    return total, files


class Screen:
    """The pty's output as it arrives, with a cursor into it."""

    def __init__(self, fd):
        self.fd, self.seen, self.mark = fd, b"", 0

    def read(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError:
            return False
        self.seen += chunk
        return bool(chunk)

    def wait_for(self, pattern, timeout):
        """Waits until `pattern` (a regex over bytes) shows after the mark; moves the
        mark past it. Returns the time it showed, or None."""
        end = time.monotonic() + timeout
        rx = re.compile(pattern)
        while True:
            found = rx.search(self.seen, self.mark)
            if found:
                self.mark = found.end()
                return time.monotonic()
            left = end - time.monotonic()
            if left <= 0:
                return None
            self.read(min(left, 0.5))

    def new_count(self, total, old, timeout):
        """Waits for the list title to show a count of TOTAL other than `old` (the frame
        that echoes a key still shows the old count; the answer's frame the new one).
        Returns (time, count), or (None, old)."""
        end = time.monotonic() + timeout
        rx = re.compile(rb"(\d+)/%d" % total)
        while True:
            for found in rx.finditer(self.seen, self.mark):
                self.mark = found.end()
                if int(found.group(1)) != old:
                    return time.monotonic(), int(found.group(1))
            left = end - time.monotonic()
            if left <= 0:
                return None, old
            self.read(min(left, 0.5))

    def drain(self, seconds):
        """Reads whatever comes for `seconds` (the loop redraws its cursor every tick, so
        the output never goes quiet)."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            self.read(left)

    def send(self, keys):
        self.mark = len(self.seen)
        os.write(self.fd, keys)
        return time.monotonic()


def resident(pid):
    """The VmRSS of the okur process under `pid` (GNU time's child), in bytes, or None."""
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/comm") as f:
                name = f.read().strip()
            if name.endswith("okur"):
                with open(f"/proc/{p}/status") as f:
                    for line in f:
                        if line.startswith("VmRSS:"):
                            return int(line.split()[1]) * 1024
        except OSError:
            continue
        todo += children(p)
    return None


def children(pid):
    """The processes whose parent is `pid` (from /proc/*/stat: not every kernel has the
    `children` file)."""
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        # The fourth field, after the command name in parentheses, is the parent's id.
        fields = stat[stat.rfind(")") + 2 :].split()
        if len(fields) > 1 and fields[1] == str(pid):
            out.append(int(entry))
    return out


def median(xs):
    xs = sorted(x for x in xs if x is not None)
    return xs[len(xs) // 2] if xs else None


def ms(x):
    return "-" if x is None else f"{x * 1000:.0f}"


def main():
    args = sys.argv[1:]
    limit = None
    if "--as" in args:
        at = args.index("--as")
        limit = args[at + 1]
        del args[at : at + 2]
    okur, folder = args[0], args[1]
    query = args[2] if len(args) > 2 else "12345"
    size, files = folder_bytes(folder)
    work = tempfile.mkdtemp(prefix="okur-latency-")
    timing = os.path.join(work, "time.txt")
    cmd = ["/usr/bin/time", "-v", "-o", timing]
    if limit:
        cmd = ["prlimit", f"--as={limit}"] + cmd
    # `--bidi app`: no display check on an unrecognised terminal (a fresh HOME has no config).
    cmd += [okur, "--bidi", "app", "--store", os.path.join(work, "j.jsonl"), folder]
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.environ["HOME"] = work
        os.environ["XDG_CONFIG_HOME"] = work
        os.environ["XDG_DATA_HOME"] = work
        os.execvp(cmd[0], cmd)
    screen = Screen(fd)
    first = screen.wait_for(rb"Documents", 120)
    loaded = screen.wait_for(rb"loaded", 600)
    print(f"first frame and load: {ms(first and first - start)} {ms(loaded and loaded - start)} ms", file=sys.stderr)
    extracted = screen.wait_for(rb"here\xc2\xb7all", 900)
    print(f"extracted: {ms(extracted and extracted - start)} ms", file=sys.stderr)
    screen.drain(1.0)
    # What the reader holds once the panels have taken extraction's results (the peak is
    # GNU time's, at the end).
    steady = resident(pid)
    typed, count = [], files
    screen.send(b"/")
    screen.drain(0.5)
    for ch in query.encode():
        sent = screen.send(bytes([ch]))
        shown, count = screen.new_count(files, count, 5)
        typed.append(None if shown is None else shown - sent)
        screen.drain(0.5)
    screen.send(b"\x1b")
    screen.drain(0.5)
    screen.send(b"\x1b")
    screen.drain(0.5)
    screen.send(b"\t")
    screen.drain(0.5)
    entity, count = [], files
    for _ in range(5):
        sent = screen.send(b"f")
        shown, count = screen.new_count(files, count, 5)
        entity.append(None if shown is None else shown - sent)
        screen.drain(0.5)
        screen.send(b"j")
        screen.drain(0.5)
    screen.send(b"\x1b")
    screen.drain(0.5)
    screen.send(b"q")
    # Freeing a large corpus takes a while: wait for the exit (GNU time writes then).
    for _ in range(120):
        screen.drain(0.5)
        if os.waitpid(pid, os.WNOHANG) != (0, 0):
            break
    else:
        os.kill(pid, 15)
        os.waitpid(pid, 0)
    with open(os.path.join(work, "screen.bin"), "wb") as f:
        f.write(screen.seen)
    print(f"screen bytes in {work}/screen.bin", file=sys.stderr)
    rss = None
    with open(timing) as f:
        for line in f:
            if "Maximum resident set size" in line:
                rss = int(line.split(":")[1]) * 1024
    rss = rss or 0
    print(
        f"{files} files, {size / 1e6:.0f} MB: first frame {ms(first and first - start)} ms; "
        f"loaded {ms(loaded and loaded - start)} ms; extracted {ms(extracted and extracted - start)} ms; "
        f"filter keys {' '.join(ms(t) for t in typed)} ms (median {ms(median(typed))}); "
        f"entity filter {' '.join(ms(t) for t in entity)} ms (median {ms(median(entity))}); "
        f"peak RSS {rss and rss / 1e6:.0f} MB = {rss and rss / size:.2f} x corpus; "
        f"after extraction {mb_and_ratio(steady, size)}"
    )


def mb_and_ratio(n, size):
    """`N MB = R x` for a byte count read from /proc, or `-` when it could not be read."""
    return "-" if not n else f"{n / 1e6:.0f} MB = {n / size:.2f} x"


if __name__ == "__main__":
    main()
