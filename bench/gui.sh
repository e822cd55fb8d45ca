#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The desktop app's speed goals, measured on the real `rolecall` and printed as a markdown table (medians):
#   - start to the first painted main window with a 5,000-profile config: ≤ 300 ms
#   - resident memory right after that first frame: ≤ 60 MB
#   - one search keystroke over 10,000 profiles: ≤ 8 ms (bench_filter: the model alone, and the whole window)
# Each start is a new process in a fresh temporary HOME (generated ~/.aws/config and credentials, the in-memory
# secret store) under Xvfb, or offscreen when Xvfb is not installed; ROLECALL_REPORT_STARTUP=1 makes the app
# print the times and VmRSS after its first paint, then quit. File caches are warm (a first, uncounted start).
#
# Usage: bench/gui.sh [runs (default 15)] [build dir (default build/bench, configured with the bench preset)]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-15}"
BUILD="${2:-build/bench}"
PROFILES=5000

.ci/deps.sh bench
[ -f "$BUILD/CMakeCache.txt" ] || cmake --preset bench -B "$BUILD" >/dev/null
cmake --build "$BUILD" -j"$(nproc)" --target rolecall bench_filter >/dev/null

work=$(mktemp -d)
xvfb_pid=
cleanup() {
    [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

if command -v Xvfb >/dev/null; then
    Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
    xvfb_pid=$!
    for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.05; done
    [ -s "$work/display" ] || { echo "Xvfb did not start" >&2; exit 1; }
    platform=(QT_QPA_PLATFORM=xcb DISPLAY=":$(cat "$work/display")")
    where="Xvfb"
else
    platform=(QT_QPA_PLATFORM=offscreen)
    where="offscreen (no Xvfb)"
fi

# One start: a fresh HOME with N generated profiles; prints the app's "rolecall-startup …" line.
start_once() {
    local n=$1 home
    home=$(mktemp -d "$work/home.XXXXXX")
    mkdir -p "$home/.aws" "$home/.runtime"
    chmod 700 "$home/.runtime"
    if [ "$n" -gt 0 ]; then python3 bench/generate_profiles.py "$home/.aws" "$n"; fi
    env -i PATH="$PATH" HOME="$home" XDG_RUNTIME_DIR="$home/.runtime" LANG=C.UTF-8 "${platform[@]}" \
        ROLECALL_SECRET_STORE=memory ROLECALL_REPORT_STARTUP=1 \
        timeout 60 "$BUILD/app/rolecall" 2>&1 >/dev/null | grep '^rolecall-startup ' || {
        echo "rolecall did not report its start (n=$n)" >&2
        exit 1
    }
    rm -rf "$home"
}

measure() {
    local n=$1 out=$2
    start_once "$n" >/dev/null # warm the file caches
    for _ in $(seq "$RUNS"); do start_once "$n"; done >"$out"
}
measure "$PROFILES" "$work/start-$PROFILES"
measure 0 "$work/start-0"

"$BUILD/bench/bench_filter" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
    --benchmark_out="$work/filter.json" --benchmark_out_format=json >/dev/null 2>&1

python3 - "$work" "$PROFILES" "$RUNS" "$where" <<'PY'
import json, os, statistics, sys
work, profiles, runs, where = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]

def starts(n):
    rows = []
    for line in open(os.path.join(work, f"start-{n}")):
        rows.append(dict(kv.split("=") for kv in line.split()[1:]))
    return {k: statistics.median(float(r[k]) for r in rows) for k in ("process_ms", "main_ms", "rss_kb")}

big, empty = starts(profiles), starts(0)
filt = json.load(open(os.path.join(work, "filter.json")))
ctx = filt["context"]
print(f"rolecall under {where}; {runs} starts per config; {ctx.get('num_cpus')} CPUs @ {ctx.get('mhz_per_cpu')} MHz, "
      f"load {[round(x, 2) for x in ctx.get('load_avg', [])]}\n")
print("| measure | profiles | median | goal |")
print("|---|---:|---:|---:|")
print(f"| process start → first painted window | {profiles:,} | {big['process_ms']:.0f} ms | ≤ 300 ms |")
print(f"| main() → first painted window | {profiles:,} | {big['main_ms']:.0f} ms | |")
print(f"| process start → first painted window | 0 | {empty['process_ms']:.0f} ms | |")
print(f"| resident memory after the first paint | {profiles:,} | {big['rss_kb'] / 1024:.1f} MB | ≤ 60 MB |")
print(f"| resident memory after the first paint | 0 | {empty['rss_kb'] / 1024:.1f} MB | |")
for b in filt["benchmarks"]:
    if b.get("aggregate_name") != "median":
        continue
    what = "keystroke, model" if b["run_name"].startswith("BM_Model") else "keystroke, whole window"
    scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b["time_unit"]]
    real, cpu = b["real_time"] * scale, b["cpu_time"] * scale
    print(f"| {what}: {b.get('label') or b['run_name']} | 10,000 | {real:.2f} ms ({cpu:.2f} ms CPU) | ≤ 8 ms |")
PY
