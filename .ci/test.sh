#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds Rolecall and runs every test, on a fresh Debian bookworm machine included:
# installs missing packages, configures the `ci` preset in a clean build/ci, checks formatting and
# translations, then runs ctest inside a private D-Bus session with an unlocked gnome-keyring
# (the real Secret Service for the keychain tests). Under CI=true, tests that need moto or the
# keyring fail instead of skipping. Then the same suite again under ASan + UBSan + LeakSanitizer
# (build/asan), and every fuzz target for 60 seconds (tests/fuzz/run.sh, clang + libFuzzer).
set -euo pipefail
cd "$(dirname "$0")/.."

.ci/deps.sh test

BUILD=build/ci
rm -rf "$BUILD"
cmake --preset ci
cmake --build "$BUILD" -j"$(nproc)"

echo "== format check (clang-format --dry-run)"
git ls-files -- '*.cpp' '*.h' 2>/dev/null | grep -E '^(core|ui|app|tests|translations|bench)/' \
    | xargs -r clang-format --dry-run --Werror

echo "== translation check (lupdate must not change translations/*.ts)"
ts_before=$(mktemp -d)
cp translations/*.ts "$ts_before/"
cmake --build "$BUILD" --target update_translations >/dev/null
for ts in translations/*.ts; do
    if ! cmp -s "$ts" "$ts_before/$(basename "$ts")"; then
        echo "stale translation file: $ts (run: cmake --build $BUILD --target update_translations)" >&2
        diff -u "$ts_before/$(basename "$ts")" "$ts" | head -40 >&2 || true
        cp "$ts_before"/*.ts translations/
        exit 1
    fi
done
rm -rf "$ts_before"

# Runs the whole ctest suite of build directory $1 (timeout $2 s per test) inside a private D-Bus
# session with a fresh, unlocked gnome-keyring; the keyring daemon and the bus die with dbus-run-session.
ctest_in_keyring_session() {
    export XDG_RUNTIME_DIR XDG_DATA_HOME CTEST_BUILD="$1" CTEST_TIMEOUT="$2"
    XDG_RUNTIME_DIR="$(mktemp -d)"
    XDG_DATA_HOME="$(mktemp -d)"
    chmod 700 "$XDG_RUNTIME_DIR"
    dbus-run-session -- sh -ec '
        printf %s rolecall-ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        printf %s probe | secret-tool store --label=rolecall-ci-probe app rolecall-ci
        [ "$(secret-tool lookup app rolecall-ci)" = probe ] || { echo "keyring not usable" >&2; exit 1; }
        ctest --test-dir "$CTEST_BUILD" --output-on-failure -j2 --timeout "$CTEST_TIMEOUT"'
}

echo "== tests"
ctest_in_keyring_session "$BUILD" 300

echo "== sanitizers: the whole suite under ASan + UBSan + LeakSanitizer (asan preset)"
ASAN_BUILD=build/asan
cmake --preset asan
cmake --build "$ASAN_BUILD" -j"$(nproc)"
# disable_coredump=0: ASan would otherwise zero RLIMIT_CORE before main(), which tst_secrethygiene reads
# (the process must drop and restore the limit itself); use_madv_dontdump keeps shadow memory out of cores.
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:disable_coredump=0:use_madv_dontdump=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
ctest_in_keyring_session "$ASAN_BUILD" 600
unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS

echo "== fuzzing: every target for 60 s (tests/fuzz/run.sh)"
tests/fuzz/run.sh 60

echo "== package: build, install, smoke-test"
.ci/package.sh "$BUILD"
