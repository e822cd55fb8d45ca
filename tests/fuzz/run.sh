#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the fuzz preset (clang, libFuzzer, ASan + UBSan) and runs every fuzz target for
# SECONDS seconds each (default 60), seeded from the corpora in tests/fuzz/targets.txt.
#
#   tests/fuzz/run.sh [seconds] [target…]
#
# Fails if any target finds a crash, a sanitizer report, a leak or a timeout. The input that
# failed is saved in build/fuzz/findings/<target>/; once the bug is fixed, copy it into
# tests/fuzz/regressions/<target>/ so tst_fuzzregressions replays it in every build.
# New coverage found during a run goes to build/fuzz/corpus/<target>/ (kept between runs).
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-60}
shift || true
only=("$@")
BUILD=build/fuzz

if ! command -v clang++ >/dev/null; then
    echo "tests/fuzz/run.sh needs clang++ (and libclang-rt-dev for libFuzzer)" >&2
    exit 1
fi

launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake --preset fuzz "${launcher[@]}" >/dev/null
cmake --build "$BUILD" -j"$(nproc)" --target fuzzers

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

failed=()
while read -r name max_len seeds; do
    case "$name" in '' | '#'*) continue ;; esac
    if [ ${#only[@]} -gt 0 ] && [[ ! " ${only[*]} " == *" $name "* ]]; then
        continue
    fi
    corpus="$BUILD/corpus/$name"
    findings="$BUILD/findings/$name"
    mkdir -p "$corpus" "$findings"
    # shellcheck disable=SC2086 # the seed list splits into directories
    seed_dirs=($seeds)
    [ -d "tests/fuzz/regressions/$name" ] && seed_dirs+=("tests/fuzz/regressions/$name")
    echo "== fuzz $name: ${seconds}s, -max_len=$max_len"
    # The first directory receives new inputs; the seeds are only read.
    if ! "$BUILD/tests/fuzz/fuzz_$name" "$corpus" "${seed_dirs[@]}" \
        -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$findings/" 2>"$BUILD/fuzz-$name.log"; then
        failed+=("$name")
        tail -n 60 "$BUILD/fuzz-$name.log" >&2
    fi
    # The final coverage line and execution count.
    grep -E '^#[0-9]+[[:space:]]+DONE|^stat::(number_of_executed_units|peak_rss_mb)' "$BUILD/fuzz-$name.log" || true
done <tests/fuzz/targets.txt

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing found problems in: ${failed[*]} (inputs in $BUILD/findings/, logs in $BUILD/fuzz-<target>.log)" >&2
    exit 1
fi
echo "== fuzzing: no findings"
