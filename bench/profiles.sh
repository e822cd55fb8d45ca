#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Whole-process time of `rolecall-cli profiles --json` on a generated 5,000-profile config, next to
# botocore listing the same profiles, in one hyperfine run. Usage: bench/profiles.sh [profiles]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-5000}"
.ci/deps.sh bench
cmake --preset bench >/dev/null
cmake --build build/bench -j"$(nproc)" --target rolecall-cli >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 bench/generate_profiles.py "$dir" "$N"
export AWS_CONFIG_FILE="$dir/config" AWS_SHARED_CREDENTIALS_FILE="$dir/credentials"
count=$(build/bench/app/rolecall-cli profiles --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
# --version is the floor (starting a Qt program here); --names reads both files without resolving.
hyperfine -N --warmup 3 --runs 30 --export-json "$dir/result.json" \
    'build/bench/app/rolecall-cli profiles --json' \
    'python3 bench/botocore_profiles.py' \
    'build/bench/app/rolecall-cli profiles --names' \
    'build/bench/app/rolecall-cli --version' >/dev/null
python3 - "$dir/result.json" "$count" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
ours, boto = r[0], r[1]
print(f"{sys.argv[2]} profiles listed; hyperfine, 30 runs each.\n")
print("| command | median ms | mean ms | min ms |")
print("|---|---:|---:|---:|")
for x in r:
    print(f"| `{x['command'].replace('build/bench/app/', '')}` | {x['median']*1000:.1f} | {x['mean']*1000:.1f} | {x['min']*1000:.1f} |")
print(f"\nbotocore / rolecall-cli (medians): {boto['median'] / ours['median']:.1f}x")
PY
