#!/usr/bin/env python3
"""CPU the reader spends taking in one changed post, in a pseudo-terminal (Linux).

usage: scripts/reload_cpu.py ARCHIVE [--changes N] [--bin PATH] [--size COLSxROWS]

Copies ARCHIVE to a temporary folder (hard links: posts are changed by writing a new file and
renaming it over the old one, as editors and git do, so the original files are never written),
starts `hotpapers COPY` with a fresh reading state and cache, waits until it has loaded and
indexed everything and its CPU time stands still, then changes one post at a time (the title of
its first paper) and measures the CPU time (user + system, from /proc) the reader spends until
it stands still again: noticing the change, reading the post, updating the index and the rest,
and drawing. Prints each change and the min / median / max. Python standard library only.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from pty_reader import Reader, peak_kb, reader_env

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # utime and stime are fields 14 and 15 of the whole line; 12 and 13 after the name.
    return (int(fields[11]) + int(fields[12])) / TICK


def start(binary, archive, cols, rows, home):
    """The reader over `archive` with its state and cache in `home`."""
    env = reader_env(
        HOTPAPERS_STATE_DIR=os.path.join(home, "state"),
        XDG_CACHE_HOME=os.path.join(home, "cache"),
    )
    return Reader(binary, [archive], env, cols, rows)


def settle(reader, quiet=2.0, timeout=600.0):
    """Waits until the reader's CPU time has not moved for `quiet` seconds; returns it."""
    begun = time.perf_counter()
    last = cpu_seconds(reader.pid)
    while time.perf_counter() - begun < timeout:
        reader.drain(quiet)
        now = cpu_seconds(reader.pid)
        if now == last:
            return now
        last = now
    sys.exit(f"the reader was still busy after {timeout:.0f} s")


def change(path, n):
    """Rewrites the post at `path` with its first paper retitled, through a renamed temporary file."""
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        text = f.read()
    at = text.find("\n# 1. ")
    if at < 0:
        text += f"\n<!-- changed {n} -->\n"
    else:
        text = text[: at + 6] + f"Changed {n}: " + text[at + 6 :]
    tmp = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.tmp")
    with open(tmp, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(text)
    os.rename(tmp, path)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("archive")
    p.add_argument("--changes", type=int, default=5)
    p.add_argument("--size", default="140x40")
    p.add_argument("--bin", default=os.path.join(root, "target", "release", "hotpapers"))
    a = p.parse_args()
    cols, rows = (int(x) for x in a.size.lower().split("x"))
    if not os.access(a.bin, os.X_OK):
        sys.exit(f"{a.bin}: not built (cargo build --release)")
    home = tempfile.mkdtemp(prefix="hotpapers-reload-cpu-")
    try:
        copy = os.path.join(home, "archive")
        subprocess.run(["cp", "-al", a.archive, copy], check=True)
        posts = sorted(
            os.path.join(d, f) for d, _, fs in os.walk(copy) for f in fs if f.endswith(".md")
        )
        if not posts:
            sys.exit(f"{a.archive}: no posts")
        reader = start(a.bin, copy, cols, rows, home)
        try:
            loaded = settle(reader)
            print(f"loaded and indexed: {loaded:.2f} s CPU, peak memory {(peak_kb(reader.pid) or 0) // 1024} MiB", file=sys.stderr)
            costs = []
            for n in range(a.changes):
                post = posts[(n * 7919 + len(posts) // 3) % len(posts)]
                before = cpu_seconds(reader.pid)
                change(post, n)
                after = settle(reader)
                costs.append(after - before)
                print(f"change {n + 1} ({os.path.relpath(post, copy)}): {after - before:.2f} s CPU", file=sys.stderr)
            peak = (peak_kb(reader.pid) or 0) // 1024
        finally:
            reader.quit(b"\x1b\x1bq")
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print(
        f"CPU to take in one changed post, {len(costs)} changes: min {min(costs):.2f} s, "
        f"median {statistics.median(costs):.2f} s, max {max(costs):.2f} s; peak memory {peak} MiB"
    )


if __name__ == "__main__":
    main()
