#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the benchmarks (Release) and compares Rolecall with botocore on the same inputs, in the
# same run: medians of repeated runs, and the ratio. Usage: bench/run.sh [repetitions]
set -euo pipefail
cd "$(dirname "$0")/.."
REPS="${1:-9}"
.ci/deps.sh bench
cmake --preset bench >/dev/null
cmake --build build/bench -j"$(nproc)" --target bench_sts >/dev/null

out=$(mktemp)
build/bench/bench/bench_sts --benchmark_repetitions="$REPS" --benchmark_report_aggregates_only=true \
    --benchmark_out="$out" --benchmark_out_format=json >/dev/null
boto=$(python3 bench/botocore_sts.py tests/data/sts/AssumeRole.xml)

python3 - "$out" "$boto" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
boto = json.loads(sys.argv[2])
median = {b["run_name"]: b["real_time"] / 1000.0 for b in data["benchmarks"] if b.get("aggregate_name") == "median"}
ctx = data["context"]
print(f"Google Benchmark, {ctx.get('num_cpus')} CPUs, load {', '.join(f'{x:.2f}' for x in ctx.get('load_avg', []))}; medians of the repetitions.\n")
print("| benchmark | Rolecall µs | botocore µs | botocore / Rolecall |")
print("|---|---:|---:|---:|")
rows = [("BM_SignAssumeRole", "sign_us", "SigV4-sign an AssumeRole request (cached signing key)"),
        ("BM_SignAssumeRoleWithoutKeyCache", "sign_us", "SigV4-sign, signing key derived every time"),
        ("BM_ParseAssumeRoleResponse", "parse_us", "parse an AssumeRole response")]
for name, key, what in rows:
    ours = median[name]
    theirs = boto[key]
    print(f"| {what} | {ours:.2f} | {theirs:.2f} | {theirs / ours:.1f}x |")
PY
rm -f "$out"
