#!/usr/bin/env python3
"""Time from starting the reader to a search's results over the whole archive, in a pseudo-terminal.

usage: scripts/search_ready.py ARCHIVE [--query Q] [--runs N] [--size COLSxROWS] [--bin PATH]
                               [--cache-dir DIR | --no-cache] [--settle SECONDS]

Each run starts `hotpapers ARCHIVE` in a new pseudo-terminal (140x40 by default) with a fresh
reading state, types `/` and the query (`learning` by default) as soon as the first frame is
drawn, and stops the clock when the search box shows its count of papers with the whole archive
read and indexed: neither "Indexing the archive…" nor "(so far: …)" on screen. The screen is
kept by a small terminal emulator (cursor moves, clears and text; enough for the reader's
output). Also reports the reader's peak resident memory at that moment (VmHWM, Linux), and with
--settle S again S seconds later: the reader goes on working after the results (who tweets, the
cache's write), and its peak may come then. Prints every run and the min / median / max. Python
standard library only.

The cache: every run gets a fresh reading state but all runs share one cache folder (a new
temporary one unless --cache-dir names one), so the first run of a fresh folder is a cold start
and those after it warm starts (reported apart); --no-cache runs with HOTPAPERS_CACHE=off.
"""

import argparse
import codecs
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
import unicodedata

from pty_reader import Reader, peak_kb, reader_env

CSI = re.compile(rb"\x1b\[([0-9;?<=>]*)[ -/]*([@-~])|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\x1b\][^\x07]*\x07")
COUNT = re.compile(r"\d+ papers?\b|Nothing matches")


class Screen:
    """Enough of a terminal to read the reader's screen: CUP, ED, EL and printed text."""

    def __init__(self, cols, rows):
        self.cols, self.rows = cols, rows
        self.grid = [[" "] * cols for _ in range(rows)]
        self.r = self.c = 0
        self.pending = b""
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")

    def feed(self, data):
        data = self.pending + data
        pos = 0
        while pos < len(data):
            if data[pos] == 0x1B:
                m = CSI.match(data, pos)
                if not m:
                    break  # an escape cut in the middle: wait for the rest
                if m.group(2) is not None:
                    self.csi(m.group(1).decode(), m.group(2).decode())
                pos = m.end()
                continue
            end = data.find(b"\x1b", pos)
            end = len(data) if end < 0 else end
            # A character cut at the end of a read is completed by the next one.
            self.text(self.decoder.decode(data[pos:end]))
            pos = end
        self.pending = data[pos:]

    def csi(self, args, final):
        nums = [int(x) if x.isdigit() else 0 for x in args.split(";")] if args else []
        if final == "H":
            self.r = max(1, nums[0] if nums else 1) - 1
            self.c = max(1, nums[1] if len(nums) > 1 else 1) - 1
        elif final == "J" and (nums or [0])[0] == 2:
            self.grid = [[" "] * self.cols for _ in range(self.rows)]
        elif final == "K" and 0 <= self.r < self.rows:
            for c in range(self.c, self.cols):
                self.grid[self.r][c] = " "

    def text(self, text):
        for ch in text:
            if ch == "\r":
                self.c = 0
            elif ch == "\n":
                self.r += 1
            elif ch >= " ":
                wide = unicodedata.east_asian_width(ch) in "WF"
                if 0 <= self.r < self.rows and 0 <= self.c < self.cols:
                    self.grid[self.r][self.c] = ch
                self.c += 2 if wide else 1

    def lines(self):
        return ["".join(row) for row in self.grid]


def ready(screen):
    lines = screen.lines()
    if any("Indexing the archive" in l or "so far:" in l for l in lines):
        return False
    return any("Search every day" in l for l in lines) and any(COUNT.search(l) for l in lines)


def one_run(binary, archive, query, cols, rows, state_dir, cache_dir, timeout, settle):
    cache = {"HOTPAPERS_CACHE": "off"} if cache_dir is None else {"XDG_CACHE_HOME": cache_dir}
    env = reader_env(HOTPAPERS_STATE_DIR=state_dir, **cache)
    start = time.perf_counter()
    reader = Reader(binary, [archive], env, cols, rows)
    screen = Screen(cols, rows)
    typed = False
    result = None
    try:
        while time.perf_counter() - start < timeout:
            chunk = reader.read(0.05)
            if chunk is None:
                break
            if chunk:
                screen.feed(chunk)
            if not typed and any(" papers" in l for l in screen.lines()):
                os.write(reader.fd, b"/" + query.encode())
                typed = True
            elif typed and ready(screen):
                result = (time.perf_counter() - start, peak_kb(reader.pid), None)
                break
        # What runs after the results (who tweets, the cache's write) peaks later.
        until = time.perf_counter() + settle
        while result and settle > 0 and time.perf_counter() < until:
            if reader.read(0.05) is None:
                break
        if result and settle > 0:
            result = (result[0], result[1], peak_kb(reader.pid))
    finally:
        reader.quit(b"\x1b\x1bq")
    return result


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("archive")
    p.add_argument("--query", default="learning")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--size", default="140x40")
    p.add_argument("--bin", default=os.path.join(root, "target", "release", "hotpapers"))
    p.add_argument("--timeout", type=float, default=300.0)
    p.add_argument("--cache-dir", help="the cache folder ($XDG_CACHE_HOME) all runs share")
    p.add_argument("--no-cache", action="store_true", help="run with HOTPAPERS_CACHE=off")
    p.add_argument(
        "--settle",
        type=float,
        default=0.0,
        help="also report the peak this many seconds after the results (the work done after them)",
    )
    a = p.parse_args()
    own_cache = None
    if a.no_cache:
        cache = None
    elif a.cache_dir:
        cache = a.cache_dir
    else:
        cache = own_cache = tempfile.mkdtemp(prefix="hotpapers-search-ready-cache-")
    cols, rows = (int(x) for x in a.size.lower().split("x"))
    if not os.access(a.bin, os.X_OK):
        sys.exit(f"{a.bin}: not built (cargo build --release)")
    runs = []
    try:
        for i in range(a.runs):
            state = tempfile.mkdtemp(prefix="hotpapers-search-ready-")
            # Warm when the cache folder already holds a cache (of this or another archive).
            warm = cache is not None and any(
                f.endswith(".cache") for _, _, fs in os.walk(cache) for f in fs
            )
            try:
                r = one_run(
                    a.bin, a.archive, a.query, cols, rows, state, cache, a.timeout, a.settle
                )
            finally:
                shutil.rmtree(state, ignore_errors=True)
            if r is None:
                sys.exit(f"run {i + 1}: no results over the whole archive within {a.timeout:.0f} s")
            kind = "warm" if warm else ("no cache" if cache is None else "cold")
            runs.append((kind, r[0], r[1], r[2]))
            later = f", {r[2]} KB after {a.settle:g} s" if r[2] else ""
            print(f"run {i + 1} ({kind}): {r[0]:.2f} s, peak {r[1] or 0} KB{later}", file=sys.stderr)
    finally:
        if own_cache:
            shutil.rmtree(own_cache, ignore_errors=True)
    for kind in ("no cache", "cold", "warm"):
        times = [t for k, t, _, _ in runs if k == kind]
        peaks = [p for k, _, p, _ in runs if k == kind and p]
        later = [p for k, _, _, p in runs if k == kind and p]
        if not times:
            continue
        peak = f", peak memory {max(peaks) / 1024:.0f} MiB" if peaks else ""
        if later:
            peak += f" ({max(later) / 1024:.1f} MiB {a.settle:g} s later)"
        print(
            f"start ({kind}) to the whole archive's results for {a.query!r}, {len(times)} runs: "
            f"min {min(times):.2f} s, median {statistics.median(times):.2f} s, max {max(times):.2f} s{peak}"
        )


if __name__ == "__main__":
    main()
