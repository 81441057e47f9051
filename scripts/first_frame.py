#!/usr/bin/env python3
"""Time from starting the reader to the newest day's papers on screen, in a pseudo-terminal.

usage: scripts/first_frame.py ARCHIVE [--runs N] [--size COLSxROWS] [--bin PATH]

Each run starts `hotpapers ARCHIVE` in a new pseudo-terminal (140x40 by default) with a fresh
reading state, so it opens the newest day, and stops the clock when the papers pane's title
("... · N papers ...") has been written; then it quits the reader with `q`. Prints every run
and the min / median / max in milliseconds. Python standard library only.
"""

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time

from pty_reader import Reader, reader_env

TITLE = re.compile(rb"\xc2\xb7 *\d+ papers")  # "· 12 papers"
ESCAPE = re.compile(rb"\x1b\[[0-9;?<=>]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def one_run(binary, archive, cols, rows, state_dir, timeout):
    # The first frame is drawn before the cache is read; nor is the user's cache written.
    env = reader_env(HOTPAPERS_STATE_DIR=state_dir, HOTPAPERS_CACHE="off")
    start = time.perf_counter()
    reader = Reader(binary, [archive], env, cols, rows)
    seen = b""
    elapsed = None
    try:
        while time.perf_counter() - start < timeout:
            chunk = reader.read(0.05)
            if chunk is None:
                break
            seen += chunk
            if chunk and TITLE.search(ESCAPE.sub(b"", seen)):
                elapsed = time.perf_counter() - start
                break
    finally:
        reader.quit(b"q")
    return elapsed


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("archive")
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--size", default="140x40")
    p.add_argument("--bin", default=os.path.join(root, "target", "release", "hotpapers"))
    p.add_argument("--timeout", type=float, default=120.0)
    a = p.parse_args()
    cols, rows = (int(x) for x in a.size.lower().split("x"))
    if not os.access(a.bin, os.X_OK):
        sys.exit(f"{a.bin}: not built (cargo build --release)")
    times = []
    for i in range(a.runs):
        state = tempfile.mkdtemp(prefix="hotpapers-first-frame-")
        try:
            t = one_run(a.bin, a.archive, cols, rows, state, a.timeout)
        finally:
            shutil.rmtree(state, ignore_errors=True)
        if t is None:
            sys.exit(f"run {i + 1}: the papers pane never appeared within {a.timeout:.0f} s")
        times.append(t * 1000)
        print(f"run {i + 1}: {t * 1000:.1f} ms", file=sys.stderr)
    print(
        f"first frame, {a.archive} at {cols}x{rows}, {len(times)} runs: "
        f"min {min(times):.1f} ms, median {statistics.median(times):.1f} ms, max {max(times):.1f} ms"
    )


if __name__ == "__main__":
    main()
