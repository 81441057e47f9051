#!/usr/bin/env bash
# Full-index speed and memory: `hotpapers check` (and `examples/summarize.rs`, check on
# Archive::summarize) against ripgrep scanning the same files
# (`rg -c '^# [0-9]+\. ' DIR`), measured side by side in one run, on the real corpus and on
# the real posts repeated to 3,000 (and 30,000 with --big, plus 3,000 posts where no paper repeats:
# `examples/gen_archive.rs`), then
# the reader's first frame (`scripts/first_frame.py`) and its first start to a search's
# results over the whole archive (`scripts/search_ready.py`) and the CPU it spends taking in one
# changed post (`scripts/reload_cpu.py`). Ends with a table of the figures, each beside ripgrep's
# of the same run.
#
# usage: scripts/bench.sh [--big] [CORPUS_DIR]     (CORPUS_DIR defaults to ../shared/corpus/posts)
#
# Archives are generated into a temporary folder that is removed at the end; files are read
# from the page cache (each command runs a few times first). Uses hyperfine when installed,
# else a loop timed with `date +%s%N`; ripgrep is needed for the comparison.
set -euo pipefail
cd "$(dirname "$0")/.."

big=no
if [ "${1:-}" = "--big" ]; then
    big=yes
    shift
fi
corpus=${1:-../shared/corpus/posts}
[ -d "$corpus" ] || { echo "bench.sh: $corpus: no such folder of posts" >&2; exit 2; }

cargo build --release --quiet --bin hotpapers --example gen_archive --example summarize
target=${CARGO_TARGET_DIR:-target}
bin=$target/release/hotpapers
gen=$target/release/examples/gen_archive
summarize=$target/release/examples/summarize
have() { command -v "$1" >/dev/null 2>&1; }
have rg || echo "bench.sh: ripgrep (rg) is not installed; only hotpapers is timed" >&2

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hotpapers-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

echo "machine: $(nproc) cores, $(uname -sr); $(rg --version 2>/dev/null | head -1 || true)"

# Milliseconds of the median of 10 runs of a command (after 2 warm-up runs).
median_ms() {
    local runs=() s e
    for i in 1 2; do "$@" >/dev/null 2>&1 || true; done
    for i in $(seq 10); do
        s=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        e=$(date +%s%N)
        runs+=($(((e - s) / 1000000)))
    done
    printf '%s\n' "${runs[@]}" | sort -n | sed -n 5p
}

# Peak resident memory in KB.
peak_kb() {
    /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1
}

# The median in ms of the command numbered $2 (from 0) in hyperfine's JSON export $1.
hyperfine_ms() {
    python3 -c 'import json, sys; print(round(json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["median"] * 1000, 1))' "$1" "$2"
}

# One row of the closing table per archive.
summary=()

measure() {
    local dir=$1 label=$2
    # A folder just written is still being written back to disk: that takes a core from
    # whatever runs first (check at 3,000 posts: 2.18x ripgrep right after, 1.82x once synced).
    sync
    local files bytes disk check_ms="-" rg_ms="-" ratio="-" frame="-" ready="-" held="-" cpu="-"
    files=$(find "$dir" -name '*.md' | wc -l)
    bytes=$(du -sb "$dir" | cut -f1)
    disk=$(du -sk "$dir" | cut -f1)
    echo
    echo "== $label: $files posts, $((bytes / 1000000)) MB ($((disk / 1024)) MiB on disk)"
    "$bin" check --archive "$dir" 2>/dev/null || true
    if have hyperfine; then
        local cmds=("$bin check --archive $dir" "$summarize $dir")
        have rg && cmds+=("rg -c '^# [0-9]+\\. ' $dir")
        hyperfine -N --warmup 2 --runs 10 --style basic --export-json "$tmp/runs.json" "${cmds[@]}" 2>&1 | grep -Ev '^\s*$'
        check_ms=$(hyperfine_ms "$tmp/runs.json" 0)
        have rg && rg_ms=$(hyperfine_ms "$tmp/runs.json" 2)
    else
        local s
        check_ms=$(median_ms "$bin" check --archive "$dir")
        s=$(median_ms "$summarize" "$dir")
        echo "check ${check_ms} ms, summarize ${s} ms (median of 10)"
        have rg && rg_ms=$(median_ms rg -c '^# [0-9]+\. ' "$dir") && echo "rg ${rg_ms} ms (median of 10)"
    fi
    [ "$rg_ms" != "-" ] && ratio=$(awk "BEGIN { printf \"%.2f\", $check_ms / $rg_ms }")
    if [ -x /usr/bin/time ]; then
        echo "peak memory: check $(peak_kb "$bin" check --archive "$dir") KB, summarize $(peak_kb "$summarize" "$dir") KB$(have rg && echo ", rg $(peak_kb rg -c '^# [0-9]+\. ' "$dir") KB"); archive $disk KB on disk"
    fi
    local out
    if out=$(python3 scripts/first_frame.py "$dir" --runs 10 --bin "$bin" 2>/dev/null); then
        echo "$out"
        frame=$(sed -n 's/.*median \([0-9.]*\) ms.*/\1/p' <<<"$out")
    else
        echo "first frame: not measured"
    fi
    if out=$(python3 scripts/search_ready.py "$dir" --runs 3 --no-cache --bin "$bin" 2>/dev/null); then
        echo "$out"
        ready=$(sed -n 's/.*median \([0-9.]*\) s.*/\1/p' <<<"$out")
        held=$(sed -n 's/.*peak memory \([0-9]*\) MiB.*/\1/p' <<<"$out")
    else
        echo "first start to search results: not measured"
    fi
    # A second start: one cold run fills a cache folder of its own, the warm ones read it.
    local cache="$tmp/cache" warm="-" cached=0
    rm -rf "$cache"
    mkdir -p "$cache"
    if out=$(python3 scripts/search_ready.py "$dir" --runs 4 --cache-dir "$cache" --bin "$bin" 2>/dev/null); then
        echo "$out"
        warm=$(sed -n 's/^start (warm).*median \([0-9.]*\) s.*/\1/p' <<<"$out")
        cached=$(du -sk "$cache" | cut -f1)
        echo "cache on disk: $((cached / 1024)) MiB ($(awk "BEGIN { printf \"%.2f\", $cached / $disk }")x the archive)"
    else
        echo "second start to search results: not measured"
    fi
    rm -rf "$cache"
    if out=$(python3 scripts/reload_cpu.py "$dir" --changes 5 --bin "$bin" 2>/dev/null); then
        echo "$out"
        cpu=$(sed -n 's/.*median \([0-9.]*\) s.*/\1/p' <<<"$out")
    else
        echo "CPU for one changed post: not measured"
    fi
    summary+=("| $label | $files | $((disk / 1024)) MiB | $rg_ms ms | $check_ms ms | ${ratio}x | $frame ms | $ready s | $warm s | $((cached / 1024)) MiB | $held MiB | $cpu s |")
}

measure "$corpus" "real posts"
sizes=(3000)
[ "$big" = yes ] && sizes+=(30000)
for n in "${sizes[@]}"; do
    "$gen" --posts "$n" --from "$corpus" --out "$tmp/arch$n" 2>/dev/null
    measure "$tmp/arch$n" "real posts repeated"
    rm -rf "$tmp/arch$n"
done
# Real archives hardly list a paper twice (the corpus: 1,149 papers in 1,152 listings), and the
# repeated posts above share one text per paper: with --big, also an archive where no paper
# repeats, as large as eight years of daily digests.
if [ "$big" = yes ]; then
    "$gen" --posts 3000 --distinct --from "$corpus" --out "$tmp/distinct3000" 2>/dev/null
    measure "$tmp/distinct3000" "no paper repeated"
    rm -rf "$tmp/distinct3000"
fi

echo
echo "== summary (medians; rg and hotpapers in the same run)"
echo "| archive | posts | on disk | rg -c | check | check/rg | first frame | first start to search results | second start (warm cache) | cache on disk | reader's peak memory then | CPU for one changed post |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${summary[@]}"
