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
4. entity filter: Esc, Shift-Tab (the entity panel), then `f` on five entities in turn
   (`j` between them); the time from `f` to the list's new count, read from the
   screen's cells (the reader redraws only changed cells: see `Cells`);
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
import unicodedata


def folder_bytes(path):
    total, files = 0, 0
    for root, _, names in os.walk(path):
        for name in names:
            total += os.path.getsize(os.path.join(root, name))
            files += 1
    return total, files


class Cells:
    """The terminal's cells as the output leaves them: cursor moves (`CSI row;col H`),
    carriage returns, new lines and printed characters; other sequences are passed over.
    The reader redraws only the cells that change, so a count such as `198995/200000`
    after `200000/200000` comes out as `198995/2000`, a cursor move, and nothing for the
    zeros already there: the output stream alone does not hold it whole."""

    CSI = re.compile(rb"\x1b\[([0-9;?]*)([ -/]*)([@-~])")
    OSC = re.compile(rb"\x1b\][^\x07\x1b]*(\x07|\x1b\\)")

    def __init__(self):
        self.rows, self.row, self.col, self.rest = {}, 1, 1, b""

    def feed(self, chunk):
        data, at = self.rest + chunk, 0
        while at < len(data):
            b = data[at]
            if b == 0x1B:
                found = self.CSI.match(data, at) or self.OSC.match(data, at)
                if found is None:
                    if len(data) - at < 64:
                        break  # an unfinished sequence: wait for the rest
                    at += 2
                    continue
                if found.re is self.CSI and found.group(3) == b"H":
                    parts = (found.group(1).split(b";") + [b"", b""])[:2]
                    self.row, self.col = (int(p) if p.isdigit() else 1 for p in parts)
                at = found.end()
            elif b == 0x0D:
                self.col, at = 1, at + 1
            elif b == 0x0A:
                self.row, at = self.row + 1, at + 1
            elif b < 0x20:
                at += 1
            else:
                size = 1 if b < 0x80 else 2 if b < 0xE0 else 3 if b < 0xF0 else 4
                if at + size > len(data):
                    break
                ch = data[at : at + size].decode("utf-8", "replace")
                self.rows.setdefault(self.row, {})[self.col] = ch
                self.col += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
                at += size
        self.rest = data[at:]

    def lines(self):
        """The screen's rows as text, top first (a cell never written is a space)."""
        for row in sorted(self.rows):
            cells = self.rows[row]
            yield "".join(cells.get(c, " ") for c in range(1, max(cells) + 1))


class Screen:
    """The pty's output as it arrives, with a cursor into it, and the cells it left."""

    def __init__(self, fd):
        self.fd, self.seen, self.mark = fd, b"", 0
        self.cells = Cells()

    def read(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError:
            return False
        self.seen += chunk
        self.cells.feed(chunk)
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
        that echoes a key still shows the old count; the answer's frame the new one), read
        from the screen's cells (see [`Cells`]). Returns (time, count), or (None, old)."""
        end = time.monotonic() + timeout
        rx = re.compile(r"(\d+)/%d(?!\d)" % total)
        while True:
            for line in self.cells.lines():
                found = rx.search(line)
                if found and int(found.group(1)) != old:
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
    # Shift-Tab: from the list to the entity panel (Tab goes to the reader, where `f`
    # takes the entity under the caret and `j` moves the caret).
    screen.send(b"\x1b[Z")
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
